"""Display labels of the win-back module, shared by its narrative and its charts."""

from __future__ import annotations

from kamlib.i18n import Formatter


def reason_label(reason: str, lang: str) -> str:
    """Display name of a reason key (empty for no reason)."""
    return Formatter(lang).t(f"winback.reason.{reason}") if reason else ""
