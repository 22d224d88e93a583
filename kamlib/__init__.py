"""KAM Workbook Kit: Key Account Management analyses and deliverables.

What a notebook author needs:

- :func:`load_client` — read and validate ``client_data/<client>/``
- ``kamlib.analysis.<module>.analyse(client)`` — the module's result
- :func:`render` — papermill + nbconvert + PDF for clients and modules
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kamlib.data import ClientData, load_client

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``kamlib.load_client``/``kamlib.ClientData`` import the data layer on first use,
    so ``import kamlib.modules`` (the CLI's argument checks) stays cheap."""
    if name in ("ClientData", "load_client"):
        import kamlib.data

        return getattr(kamlib.data, name)
    raise AttributeError(f"module 'kamlib' has no attribute {name!r}")


def render(*args, **kwargs):  # noqa: D401 - thin lazy wrapper
    """Render deliverables; see :func:`kamlib.render.render`."""
    from kamlib.render import render as _render

    return _render(*args, **kwargs)


__all__ = ["ClientData", "load_client", "render", "__version__"]
