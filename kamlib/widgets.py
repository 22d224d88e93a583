"""Workshop mode: ipywidgets panels for live tuning in JupyterLab (stub)."""

from __future__ import annotations


def portfolio_panel(client, lang: str = "de", workshop: bool = True):
    """Show the portfolio tuning panel when ``workshop`` is true; else nothing."""
    return None
