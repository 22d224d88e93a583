"""Incremental re-renders: skip a deliverable whose inputs have not changed.

A deliverable's *input hash* covers everything its outputs depend on: every
file in the client folder (client.yaml, the exports, logos) by content, the
module notebook, the kit (its version and the content of its code, texts,
notebooks and templates) and the render options (module, language, formats,
as_of). After a successful render the hash is stored beside the outputs in
``<out>/<client>/<lang>/.<module>.kam-render.json`` — never in the client
folder. The next ``kam render`` skips the deliverable when the stored hash
matches and every output file is still there; ``--force`` renders anyway.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from kamlib.atomic import atomic_write_text
from kamlib.render.task import FAILED_SUFFIX, RenderSpec

#: file suffixes of the kit that shape a deliverable
_KIT_SUFFIXES = {".py", ".yaml", ".ipynb", ".tpl", ".j2", ".css", ".html", ".png", ".svg", ".json"}
STAMP_VERSION = 2


@cache
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    """SHA-1 of a file's content (memoised per process on path, size and mtime)."""
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """SHA-1 of ``path``'s content."""
    st = path.stat()
    return _file_digest(str(path), st.st_size, st.st_mtime_ns)


def _tree_digest(root: Path, suffixes: set[str] | None = None) -> str:
    """One digest over every file below ``root`` (relative path and content)."""
    h = hashlib.sha1()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if suffixes is not None and path.suffix.lower() not in suffixes:
                continue
            if not path.is_file():
                continue
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(file_digest(path).encode())
    return h.hexdigest()


@cache
def kit_fingerprint() -> str:
    """The kit's version plus a digest of its code, texts, notebooks and templates."""
    import kamlib
    from kamlib.resources import NOTEBOOK_DIR, TEMPLATE_DIR

    parts = [kamlib.__version__]
    for root in (Path(kamlib.__file__).parent, NOTEBOOK_DIR, TEMPLATE_DIR):
        parts.append(_tree_digest(root, _KIT_SUFFIXES) if root.is_dir() else "-")
    return "|".join(parts)


def client_digest(client_dir: Path) -> str:
    """Digest of every file in the client folder (client.yaml and all inputs)."""
    return _tree_digest(Path(client_dir))


def input_hash(spec: RenderSpec, client: str) -> str:
    """The input hash of one deliverable, given its client folder's :func:`client_digest`."""
    notebook = spec.notebook
    payload = {
        "v": STAMP_VERSION,
        "kit": kit_fingerprint(),
        "client": client,
        "notebook": file_digest(notebook) if notebook.is_file() else "-",
        "module": spec.module,
        "customer_id": spec.customer_id,
        "lang": spec.lang,
        "formats": sorted(spec.formats),
        "as_of": spec.as_of,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def stamp_path(spec: RenderSpec) -> Path:
    """Where the input hash of ``spec``'s deliverable is kept (hidden, beside the outputs)."""
    return spec.hidden(".kam-render.json")


def expected_outputs(spec: RenderSpec) -> list[Path]:
    """The files a successful render of ``spec`` leaves in its target folder."""
    return [spec.path(".ipynb")] + [spec.path(f".{f}") for f in spec.formats]


def read_stamp(spec: RenderSpec) -> dict[str, Any] | None:
    """The stored stamp of ``spec``'s deliverable, or None (absent or unreadable)."""
    try:
        data = json.loads(stamp_path(spec).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def unchanged(spec: RenderSpec, digest: str) -> dict[str, Any] | None:
    """The stored stamp when the deliverable is current (same hash, outputs present), else None."""
    stamp = read_stamp(spec)
    if not stamp or stamp.get("hash") != digest:
        return None
    if spec.path(FAILED_SUFFIX).exists():
        return None
    if not all(p.is_file() for p in expected_outputs(spec)):
        return None
    return stamp


def write_stamp(spec: RenderSpec, digest: str, record: dict[str, Any]) -> None:
    """Store ``digest`` (and what the summary shows for a skip) after a successful render."""
    with contextlib.suppress(OSError):  # no stamp: the next run renders again, nothing worse
        atomic_write_text(
            stamp_path(spec), json.dumps({"hash": digest, **record}, ensure_ascii=False, indent=1)
        )


def forget(spec: RenderSpec) -> None:
    """Drop the stamp (before a render starts, so a failed render is never 'unchanged')."""
    with contextlib.suppress(OSError):
        stamp_path(spec).unlink(missing_ok=True)
