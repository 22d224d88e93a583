"""Checks of ``kam`` options, all run before any work starts (usage errors, exit 2).

Each check raises :class:`UsageError` with a one-line message; the CLI prints
it and exits 2 without having read or written anything. Paths are compared
both as given (made absolute, ``..`` folded) and with symlinks resolved, so an
``--out`` cannot reach into a client folder through a link or a ``..``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kamlib.as_of import parse_as_of
from kamlib.languages import LANGUAGES

FORMATS = ("html", "pdf")
TABLE_SUFFIXES = (".xlsx", ".csv")


class UsageError(Exception):
    """A command-line option is wrong; ``str(exc)`` is the one-line message."""


def _say(key: str, **kwargs: object) -> UsageError:
    # imported here: the texts load pandas (via kamlib.i18n), and every option check
    # must run before anything heavy is imported
    from kamlib.i18n import t
    from kamlib.render.errors import ui_lang

    return UsageError(t(key, ui_lang(), **kwargs))


def check_jobs(jobs: int) -> None:
    """``--jobs``: 0 (one per CPU core) or a positive number."""
    if jobs < 0:
        raise _say("safety.cli.bad_jobs", value=jobs)


def check_as_of(value: str | None) -> str | None:
    """``--as-of``: ``YYYY-MM-DD`` of a date that exists; returns it normalised."""
    if value is None:
        return None
    try:
        return parse_as_of(value).isoformat()
    except ValueError:
        raise _say("safety.cli.bad_as_of", value=value) from None


def check_lang(lang: str | None) -> None:
    """``--lang``: de or en (or not given)."""
    if lang is not None and lang not in LANGUAGES:
        raise _say("safety.cli.bad_lang")


def check_formats(fmt: str) -> list[str]:
    """``--format``: html, pdf or both, comma-separated; returns the list."""
    formats = [f.strip() for f in fmt.split(",") if f.strip()]
    if not formats or any(f not in FORMATS for f in formats):
        raise _say("safety.cli.bad_format")
    return formats


def check_table_file(out: Path, option: str = "--out") -> None:
    """A table output (problem list, export) must end in .xlsx or .csv."""
    if out.suffix.lower() not in TABLE_SUFFIXES:
        raise _say("safety.cli.bad_table_suffix", option=option, path=out)


def path_forms(path: Path) -> set[Path]:
    """``path`` as given (absolute, ``..`` folded) and with every symlink resolved."""
    return {Path(os.path.abspath(path)), Path(path).resolve()}


def is_within(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies below it, in any of their forms."""
    return any(p == f or f in p.parents for p in path_forms(path) for f in path_forms(folder))


def check_file_outside(out: Path, client_dirs: Iterable[Path], option: str = "--out") -> None:
    """A file output must not lie inside a client folder (the kit never writes there)."""
    for client in client_dirs:
        if is_within(out, client):
            raise _say("safety.cli.out_in_client", option=option, path=out, client_dir=client)


def check_folder_outside(out: Path, client_dirs: Iterable[Path], option: str = "--out") -> None:
    """A render output folder must not overlap a client folder.

    ``kam render`` writes ``<out>/index.html`` and the tree ``<out>/<client>/…``
    (client = folder name): ``out`` must not lie inside a client folder, and no
    client tree may contain or be contained in a client folder
    (``kam render client_data/acme -o client_data`` would write into acme).
    """
    clients = list(client_dirs)
    for client in clients:
        if is_within(out, client):
            raise _say("safety.cli.out_in_client", option=option, path=out, client_dir=client)
    slugs = {p.name for c in clients for p in path_forms(c)}  # render names trees by folder
    for slug in slugs:
        tree = Path(out) / slug
        for client in clients:
            if is_within(tree, client) or is_within(client, tree):
                raise _say("safety.cli.out_in_client", option=option, path=out, client_dir=client)


def render_options(
    client_dirs: list[Path], fmt: str, lang: str | None, out: Path, jobs: int, as_of: str | None
) -> tuple[list[str], str | None]:
    """Every ``kam render`` / ``kam demo`` option except --module; returns (formats, as_of)."""
    formats = check_formats(fmt)
    check_lang(lang)
    check_jobs(jobs)
    as_of = check_as_of(as_of)
    check_folder_outside(out, client_dirs)
    return formats, as_of


def export_options(client_dir: Path, out: Path, lang: str | None, as_of: str | None) -> str | None:
    """Every ``kam export`` option except --module; returns the normalised as_of."""
    check_lang(lang)
    check_table_file(out)
    as_of = check_as_of(as_of)
    check_file_outside(out, [client_dir])
    return as_of
