"""Parquet cache of parsed tables, outside the client folder.

A table file is parsed once; the typed frame, its problem rows and its
figures are stored under ``$KAM_CACHE_DIR`` (default
``~/.cache/kam-workbook-kit``) keyed by the file's SHA-1, the table name, the
message language, the loader version and the settings the parse depends on.
Any change to the file gives a new key, so the cache never serves stale data.
Cache failures (read-only disk, corrupt entry) are ignored: the file is parsed
again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

#: bump when parsing or problem texts change so old entries are not reused
LOADER_VERSION = "3"


def cache_dir() -> Path:
    """Where cached tables live (never inside a client folder)."""
    env = os.environ.get("KAM_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "kam-workbook-kit"


def enabled() -> bool:
    return os.environ.get("KAM_NO_CACHE", "") not in ("1", "true", "yes")


def file_sha1(path: Path) -> str:
    h = hashlib.sha1()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def table_key(path: Path, table: str, lang: str, ctx: dict) -> str:
    """Cache key of one table file read for one language and settings context."""
    settings = json.dumps(
        {k: sorted(v) if isinstance(v, (set, frozenset)) else v for k, v in ctx.items()},
        sort_keys=True,
        default=str,
    )
    parts = [LOADER_VERSION, table, path.suffix.lower(), lang, settings, file_sha1(path)]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def _paths(key: str) -> tuple[Path, Path, Path]:
    d = cache_dir() / "tables"
    return d / f"{key}.parquet", d / f"{key}.problems.parquet", d / f"{key}.json"


def load(key: str) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]] | None:
    """(frame, problems, meta) for ``key`` or None when not cached."""
    if not enabled():
        return None
    data, probs, meta = _paths(key)
    if not (data.is_file() and probs.is_file() and meta.is_file()):
        return None
    try:
        frame = pd.read_parquet(data)
        problems = pd.read_parquet(probs)
        stats = json.loads(meta.read_text(encoding="utf-8"))
    except Exception:
        return None
    for c in frame.columns:  # categories as after a parse (parquet gives object for none)
        if isinstance(frame[c].dtype, pd.CategoricalDtype):
            cats = frame[c].cat.categories
            if cats.dtype != "str":
                frame[c] = frame[c].cat.rename_categories(pd.Index(cats.astype(str), dtype="str"))
    problems["row"] = problems["row"].astype("Int64")
    for c in problems.columns:
        if c != "row":
            problems[c] = problems[c].astype(object)
    return frame, problems, stats


def _atomic_write(target: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def store(key: str, frame: pd.DataFrame, problems: pd.DataFrame, meta: dict[str, Any]) -> None:
    """Save one parsed table; silently does nothing when the cache is not writable."""
    if not enabled():
        return
    data, probs, meta_path = _paths(key)
    try:
        data.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(data, lambda p: frame.to_parquet(p, index=False))
        pr = problems.copy()
        for c in pr.columns:
            if c != "row":
                pr[c] = pr[c].astype(str)
        _atomic_write(probs, lambda p: pr.to_parquet(p, index=False))
        _atomic_write(meta_path, lambda p: Path(p).write_text(json.dumps(meta), encoding="utf-8"))
    except Exception:
        return
