"""The deliverable languages, written once (config, CLI checks and formatting import them).

Kept in a module of its own without imports, so the command line can check ``--lang``
before anything heavy (pandas, pydantic) is loaded.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["de", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)
