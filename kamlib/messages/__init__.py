"""All German/English texts of the kit, one module per topic.

Each module defines ``MESSAGES: dict[str, dict[str, str]]`` mapping a key to
``{"de": ..., "en": ...}``. Keys are prefixed with the topic
(``overview.title``) so modules never collide; a duplicate key is an error.
"""

from __future__ import annotations

import importlib
import pkgutil

ALL_MESSAGES: dict[str, dict[str, str]] = {}

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    _mod = importlib.import_module(f"{__name__}.{_info.name}")
    for _key, _texts in getattr(_mod, "MESSAGES", {}).items():
        if _key in ALL_MESSAGES:
            raise RuntimeError(f"message key {_key!r} defined twice ({_info.name})")
        ALL_MESSAGES[_key] = _texts
