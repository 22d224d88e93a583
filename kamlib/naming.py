"""Safe file names for values that come from client data (customer ids).

DESIGN.md: a customer id in a file name keeps ``[A-Za-z0-9._-]``; every other
character becomes ``_``, and when that changed the id, ``-`` plus the first 8
hex digits of the id's SHA-1 are appended so that two ids never share a name
(``"A/1"`` and ``"A_1"`` differ). Standard library only: the renderer, the CLI
and ``kam plan`` import it cheaply.
"""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def safe_id(customer_id: str) -> str:
    """``customer_id`` as a file-name stem that is safe on every file system.

    >>> safe_id("010007")
    '010007'
    >>> safe_id("A/1")
    'A_1-22e44c46'
    """
    text = str(customer_id)
    safe = _UNSAFE.sub("_", text)
    if safe in ("", ".", "..") or safe != text:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe}-{digest}"
    return safe
