"""Write workshop settings back into ``client.yaml`` — the kit's only write into a client folder.

:func:`save_settings` takes changes as ``{dotted key path: value}`` (paths from
the top of ``client.yaml``, e.g. ``"portfolio.zone_split.potential": 60``) and

1. loads ``client.yaml`` with ruamel.yaml round-trip, so comments, key order,
   quoting, flow style (``{a: 1}``) and indentation survive;
2. applies the changes, creating missing mapping keys; weight sets (see
   :data:`WEIGHT_PATHS`) are written normalised to sum 1 with 3 decimals;
3. validates the resulting document with :func:`kamlib.config.parse_config`
   **before** anything is written — an invalid value raises
   :class:`~kamlib.config.ConfigError` and the file stays untouched;
4. copies the current file to a timestamped backup *outside* the client
   folder (:func:`backup_dir_for`), then
5. writes the new text atomically (temporary file + ``os.replace``).

Why the backup is not next to ``client.yaml``: DESIGN.md and the workshop issue
both say nothing but ``client.yaml`` is ever written into a client folder (the
folder is the client's hand-over, often synced or checked into a data room,
and ``kam validate``/the loaders look at every file in it). Backups therefore
go to a hidden sibling folder ``<parent of client folder>/.kam-backups/<client
folder name>/client-YYYYmmdd-HHMMSS.yaml`` — beside the client data, found
by anyone who looks, and not matched by ``kam render client_data/*`` (shell
globs skip dot folders). ``KAM_BACKUP_DIR`` or the ``backup_dir`` argument
choose another root. The saved message names the backup file.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from kamlib.config import ClientConfig, ConfigError, normalise_weights, parse_config
from kamlib.i18n import t
from kamlib.modules import weight_paths

#: settings that are weight sets: written normalised (sum 1) and as a whole set;
#: each module declares its own in the registry (``Module.weights``)
WEIGHT_PATHS: frozenset[str] = weight_paths()
#: decimals of written weights (3 decimals = 0.1 percentage points, enough for a workshop)
WEIGHT_DECIMALS = 3
#: other floats are rounded to this many decimals so slider float noise
#: (0.7000000000000001) never reaches the file
FLOAT_DECIMALS = 4
#: environment variable naming another root folder for client.yaml backups
BACKUP_ENV = "KAM_BACKUP_DIR"
#: name of the default backup root, created beside the client folder
BACKUP_FOLDER = ".kam-backups"
#: weights closer than this count as unchanged (half the written precision)
_WEIGHT_TOL = 0.5 * 10**-WEIGHT_DECIMALS
_MISSING = object()


@dataclass(frozen=True)
class Change:
    """One changed setting: ``path`` (dotted, e.g. ``portfolio.zone_split.potential``)
    with the effective value before (default when the key was absent) and after."""

    path: str
    old: Any
    new: Any


@dataclass
class SaveReport:
    """What :func:`save_settings` did.

    ``backup`` is ``None`` when nothing changed (then nothing was written).
    ``config`` is the validated configuration now in the file.
    """

    client_yaml: Path
    changes: list[Change]
    backup: Path | None
    config: ClientConfig
    written: bool = field(default=False)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def message(self, lang: str) -> str:
        """A short plain-text report: what changed (old → new) and where the backup is."""
        if not self.changes:
            return t("widgets.save_nothing", lang, file=self.client_yaml)
        lines = [
            t("widgets.save_done", lang, file=self.client_yaml, n=len(self.changes)),
            *(
                f"  {c.path}: {format_value(c.old, lang)} → {format_value(c.new, lang)}"
                for c in self.changes
            ),
            t("widgets.save_backup", lang, backup=self.backup),
        ]
        return "\n".join(lines)


def format_value(value: Any, lang: str) -> str:
    """A setting value for messages: floats with the language's decimal sign."""
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang == "de" else text
    if isinstance(value, list | tuple):
        return (
            "[" + ("; " if lang == "de" else ", ").join(format_value(v, lang) for v in value) + "]"
        )
    if value is None:
        return "–"
    return str(value)


def round_weights(
    weights: Mapping[str, float], decimals: int = WEIGHT_DECIMALS
) -> dict[str, float]:
    """Normalise ``weights`` to sum 1 and round them so the rounded values still sum to 1.

    Largest-remainder rounding: each weight is floored to ``decimals`` and the
    missing units go to the weights with the largest remainders (ties: order).

    >>> round_weights({"a": 1, "b": 1, "c": 1})
    {'a': 0.334, 'b': 0.333, 'c': 0.333}
    """
    norm = normalise_weights(dict(weights))
    scale = 10**decimals
    scaled = {k: v * scale for k, v in norm.items()}
    floors = {k: math.floor(v + 1e-9) for k, v in scaled.items()}
    missing = scale - sum(floors.values())
    order = sorted(scaled, key=lambda k: -(scaled[k] - floors[k]))
    for k in order[:missing]:
        floors[k] += 1
    return {k: floors[k] / scale for k in norm}


def backup_dir_for(client_dir: Path | str, backup_root: Path | str | None = None) -> Path:
    """Folder that receives the ``client.yaml`` backups of ``client_dir``.

    ``backup_root`` (or ``$KAM_BACKUP_DIR``) / ``<client folder name>``; by
    default ``<parent>/.kam-backups/<client folder name>`` — never inside the
    client folder.
    """
    client_dir = Path(client_dir).resolve()
    root = backup_root or os.environ.get(BACKUP_ENV) or client_dir.parent / BACKUP_FOLDER
    folder = Path(root).expanduser().resolve() / client_dir.name
    if folder == client_dir or client_dir in folder.parents:
        raise ValueError(f"backup folder {folder} must be outside the client folder {client_dir}")
    return folder


def save_settings(
    client_dir: Path | str,
    changes: Mapping[str, Any],
    *,
    weight_paths: Iterable[str] = WEIGHT_PATHS,
    backup_dir: Path | str | None = None,
    now: dt.datetime | None = None,
) -> SaveReport:
    """Write ``changes`` (``{dotted path: value}``) into ``client_dir/client.yaml``.

    Values equal to the current effective value (file value, or the default
    when the key is absent) are skipped; if nothing differs nothing is written.
    A path in ``weight_paths`` takes a ``{criterion: weight}`` mapping that
    replaces the whole set, normalised and rounded (:func:`round_weights`);
    other mappings are merged key by key. Tuples are written as YAML lists.

    Raises :class:`~kamlib.config.ConfigError` (file unchanged) when the
    result would be invalid or ``client.yaml`` is missing/unreadable, and
    ``OSError`` when the backup or the file cannot be written.
    """
    client_dir = Path(client_dir)
    path = client_dir / "client.yaml"
    weight_paths = frozenset(weight_paths)
    raw, doc, yaml = _load_round_trip(path)
    before = parse_config(_plain(doc), path)
    before_data = before.model_dump(mode="python")

    applied: list[Change] = []
    for key, value in changes.items():
        value = _clean(value)
        if key in weight_paths:
            try:
                value = round_weights(value)
            except (ValueError, TypeError, AttributeError) as exc:
                raise ConfigError(path, [(key, str(exc))]) from None
            old = _get(before_data, key)
            old_norm = normalise_weights(old) if isinstance(old, dict) and old else {}
            diffs = [
                Change(f"{key}.{k}", old_norm.get(k), v)
                for k, v in value.items()
                if k not in old_norm or abs(old_norm[k] - v) > _WEIGHT_TOL
            ]
            diffs += [Change(f"{key}.{k}", v, None) for k, v in old_norm.items() if k not in value]
            if diffs:
                _set(doc, key, value, replace=True)
                applied.extend(diffs)
            continue
        for leaf, new in _leaves(key, value):
            old = _get(before_data, leaf)
            if not _same(old, new):
                _set(doc, leaf, new, replace=False)
                applied.append(Change(leaf, _tuple_to_list(old), _tuple_to_list(new)))

    if not applied:
        return SaveReport(path, [], None, before)

    text = _dump(yaml, doc, raw)
    # Validate exactly what will be on disk (parsed the way load_config reads it).
    try:
        after = parse_config(YAML(typ="safe").load(text), path)
    except YAMLError as exc:  # pragma: no cover - ruamel always emits valid YAML
        raise ConfigError(path, [("(file)", str(exc).splitlines()[0])]) from None

    folder = backup_dir_for(client_dir, backup_dir)
    folder.mkdir(parents=True, exist_ok=True)
    backup = _backup_name(folder, now or dt.datetime.now())
    shutil.copy2(path, backup)
    _atomic_write(path, text.encode("utf-8-sig" if raw.startswith("\ufeff") else "utf-8"), folder)
    return SaveReport(path, applied, backup, after, written=True)


# --- helpers -----------------------------------------------------------------


def _load_round_trip(path: Path) -> tuple[str, CommentedMap, YAML]:
    if not path.is_file():
        raise ConfigError(path, [("(file)", "client.yaml not found; create one with 'kam new'")])
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, [("(file)", f"not UTF-8 text: {exc}")]) from None
    body = raw.removeprefix("\ufeff")
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    # Long flow mappings ({a: 1, b: 2} # comment) must not be re-wrapped.
    yaml.width = 4096
    mapping_indent = _mapping_indent(body)
    try:
        _, seq_indent, offset = load_yaml_guess_indent(body)
        doc = yaml.load(body)
    except YAMLError as exc:
        raise ConfigError(path, [("(file)", f"not valid YAML: {exc}".splitlines()[0])]) from None
    if doc is None:
        doc = CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise ConfigError(path, [("(top level)", "expected a mapping of keys, e.g. 'name: …'")])
    seq_indent = seq_indent or mapping_indent
    yaml.indent(
        mapping=mapping_indent, sequence=max(seq_indent, (offset or 0) + 2), offset=offset or 0
    )
    return raw, doc, yaml


def _mapping_indent(text: str) -> int:
    """Indentation step of block mappings in ``text`` (2 when the file has no nesting)."""
    steps = [
        len(m.group(1)) for m in re.finditer(r"^( +)[^\s#\-][^:\n]*:", text, flags=re.MULTILINE)
    ]
    return min(steps) if steps else 2


def _dump(yaml: YAML, doc: CommentedMap, raw: str) -> str:
    buf = io.StringIO()
    yaml.dump(doc, buf)
    text = buf.getvalue()
    if "\r\n" in raw:  # keep Windows line endings of a file edited on Windows
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def _plain(node: Any) -> Any:
    """ruamel round-trip objects -> plain dict/list/scalars for pydantic."""
    if isinstance(node, Mapping):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _clean(value: Any) -> Any:
    """Round floats (slider noise), tuples -> lists, mappings -> plain dicts."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        rounded = round(value, FLOAT_DECIMALS)
        return int(rounded) if rounded.is_integer() and abs(rounded) >= 1 else rounded
    if hasattr(value, "item") and not isinstance(value, str | bytes):  # numpy scalar
        return _clean(value.item())
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def _leaves(prefix: str, value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, Mapping):
        out: list[tuple[str, Any]] = []
        for k, v in value.items():
            out.extend(_leaves(f"{prefix}.{k}", v))
        return out
    return [(prefix, value)]


def _get(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _tuple_to_list(value: Any) -> Any:
    if value is _MISSING:
        return None
    return list(value) if isinstance(value, tuple) else value


def _same(old: Any, new: Any) -> bool:
    if old is _MISSING:
        return False
    if isinstance(old, list | tuple) and isinstance(new, list | tuple):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, int | float) and isinstance(new, int | float) and not isinstance(old, bool):
        return math.isclose(float(old), float(new), rel_tol=0, abs_tol=10 ** -(FLOAT_DECIMALS + 2))
    return old == new


def _flow_seq(values: list) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()  # cut-offs read best on one line: [0.8, 0.95]
    return seq


def _set(doc: CommentedMap, path: str, value: Any, *, replace: bool) -> None:
    """Set ``path`` in the round-trip document, creating missing mappings.

    Existing nodes are updated in place so their comments and style stay.
    """
    parts = path.split(".")
    node = doc
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, CommentedMap):
            child = CommentedMap()
            node[part] = child
        node = child
    last = parts[-1]
    current = node.get(last, _MISSING)
    if isinstance(value, dict):
        if not isinstance(current, CommentedMap):
            current = CommentedMap()
            node[last] = current
        if replace:
            for k in [k for k in current if k not in value]:
                del current[k]
        for k, v in value.items():
            _set(current, k, v, replace=replace)
    elif isinstance(value, list):
        if isinstance(current, CommentedSeq) and len(current) == len(value):
            for i, v in enumerate(value):
                current[i] = v
        else:
            node[last] = _flow_seq(value)
    else:
        if isinstance(value, int) and isinstance(current, float):
            value = float(value)  # keep the file's float spelling (1.0, not 1)
        node[last] = value


def _backup_name(folder: Path, now: dt.datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"client-{stamp}.yaml"
    n = 2
    while candidate.exists():  # two saves within one second keep both backups
        candidate = folder / f"client-{stamp}-{n}.yaml"
        n += 1
    return candidate


def _atomic_write(path: Path, data: bytes, spare_dir: Path) -> None:
    """Replace ``path`` with ``data`` in one step: readers see old or new, never half.

    The temporary file goes to ``spare_dir`` (the backup folder) when that is
    on the same file system, so not even a temporary file appears in the
    client folder; otherwise it must sit beside ``path`` for ``os.replace``.
    """
    same_fs = os.stat(spare_dir).st_dev == os.stat(path.parent).st_dev
    tmp_dir = spare_dir if same_fs else path.parent
    fd, tmp = tempfile.mkstemp(prefix=".client.yaml.", suffix=".tmp", dir=tmp_dir)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
