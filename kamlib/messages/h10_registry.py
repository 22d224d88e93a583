"""Texts added with the module registry (issue 10)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # comment on a module's section of the client.yaml written by `kam new`
    "registry.cfg_module": {"de": "Modul „{title}“", "en": "module “{title}”"},
}
