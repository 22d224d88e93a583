"""Write output files atomically: all or nothing, never a truncated or stray temp file.

Every output of the kit (deliverables, exports, problem lists) is written to a
temp file in the target's own folder and moved over the target with
``os.replace`` (atomic on one file system). On any failure — disk full, no
permission, Ctrl-C — the temp file is removed and the old target stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path


def _remove_temp(tmp: Path) -> None:
    """Remove ``tmp`` and any helper file a writer derived from its name (``<tmp>.tmp``)."""
    for leftover in (tmp, *tmp.parent.glob(f"{tmp.name}*")):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temp path next to ``path``; on success it replaces ``path``, on failure it goes.

    The temp name starts with a dot and keeps the suffix (``.report.1a2b.part.xlsx``),
    so writers that look at the suffix still work and file listings hide it.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.part{path.suffix}")
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        _remove_temp(tmp)
        raise


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding=encoding) as fh:
        fh.write(text)


def atomic_write_with(path: Path | str, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp_path)`` and move the result to ``path`` atomically."""
    with atomic_path(path) as tmp:
        write(tmp)


def atomic_create_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to a new file ``path`` atomically; never replaces an existing file.

    The text goes to a temp file next to ``path``, which is then hard-linked to
    ``path`` (fails with ``FileExistsError`` when ``path`` exists, even if it was
    created a moment ago) and removed. Where hard links are not supported, the
    temp file is moved into place after a last check that ``path`` is still free.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.part{path.suffix}")
    try:
        with open(tmp, "x", encoding=encoding) as fh:
            fh.write(text)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system
            if os.path.lexists(path):
                raise FileExistsError(str(path)) from None
            os.replace(tmp, path)
    finally:
        _remove_temp(tmp)
