"""House wording: a consulting firm's own texts in place of the kit's (docs/texts.md).

Two places override the kit catalogues (``kamlib/messages/<lang>/*.yaml``)
without touching the kit; the first that has a key wins:

1. ``texts.yaml`` in the client folder, next to ``client.yaml``;
2. every ``*.yaml`` file in the firm-wide folder named by the environment
   variable ``KAM_TEXTS_DIR`` (read in file-name order; a later file wins).

Both use one format: a section per language, each a catalogue as in the kit::

    de:
      portfolio.h.zones: 4. Zonen und unsere Bearbeitungsstrategie
    en:
      portfolio.h.zones: 4. Zones and how we work them

An override that the kit cannot use is left out with a warning
(:class:`TextsWarning`) and the kit text is kept: an unknown key, an unknown
language, or a text whose ``{placeholders}`` differ from the kit text's.
"""

from __future__ import annotations

import os
import string
import warnings
from functools import cache
from pathlib import Path

import yaml

from kamlib.messages import (
    CatalogueError,
    Entry,
    catalogue_entries,
    kit_entry,
    languages,
    load_yaml,
)

TEXTS_FILE = "texts.yaml"
ENV_VAR = "KAM_TEXTS_DIR"

#: overrides: ``{lang: {key: text or plural forms}}``
Overrides = dict[str, dict[str, Entry]]


class TextsWarning(UserWarning):
    """An override text was left out; the kit text is used instead."""


def _warn(message: str, **kwargs: object) -> None:
    warnings.warn(_say(message, **kwargs), TextsWarning, stacklevel=3)


def _say(message: str, **kwargs: object) -> str:
    """A message about overrides, in the console language (they are for the consultant).

    Always the kit's wording: reading the overrides must not depend on them.
    """
    from kamlib.i18n import console_lang  # i18n reads this module's overrides

    text = kit_entry(f"overrides.{message}", console_lang())
    assert isinstance(text, str), message
    return text.format(**kwargs)


def placeholders(text: str) -> set[str]:
    """Names of the ``{placeholders}`` in ``text`` (``ValueError`` on broken braces)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _forms(entry: Entry) -> dict[str, str]:
    return {"other": entry} if isinstance(entry, str) else entry


def override_problem(key: str, lang: str, entry: Entry, source: str = "") -> str | None:
    """Why the kit cannot use ``entry`` for ``key`` in ``lang``; ``None`` when it can.

    Each form must use the same placeholders as the kit's form of that name (a
    form the kit lacks, or a plain text in place of plural forms, is compared
    with the kit's ``other``).
    """
    kit = kit_entry(key, lang)
    if kit is None:
        return _say("unknown_key", source=source, lang=lang, key=key)
    kit_forms = _forms(kit)
    for form, text in _forms(entry).items():
        try:
            got = placeholders(text)
        except ValueError as exc:
            return _say("broken_braces", source=source, lang=lang, key=key, error=exc)
        # a plain text in place of plural forms stands for 'other'
        wanted = placeholders(kit_forms.get(form, kit_forms["other"]))
        if got != wanted:
            show = ", ".join(f"{{{n}}}" for n in sorted(wanted)) or _say("none")
            found = ", ".join(f"{{{n}}}" for n in sorted(got)) or _say("none")
            return _say("placeholders", source=source, lang=lang, key=key, wanted=show, found=found)
    return None


def parse_overrides(text: str, source: str) -> Overrides:
    """Read an override file; unusable entries are left out with a :class:`TextsWarning`."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        _warn("bad_yaml", source=source, error=str(exc).replace("\n", " "))
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        _warn("not_sections", source=source)
        return {}
    out: Overrides = {}
    known = languages()
    for lang, section in data.items():
        if lang not in known:
            _warn("unknown_lang", source=source, lang=lang, languages=", ".join(known))
            continue
        try:
            entries = catalogue_entries(section, f"{source}: {lang}")
        except CatalogueError as exc:
            _warn("bad_section", error=exc)
            continue
        for key, entry in entries.items():
            if problem := override_problem(key, lang, entry, source):
                warnings.warn(problem, TextsWarning, stacklevel=2)
            else:
                out.setdefault(lang, {})[key] = entry
    return out


def _merge(layers: list[Overrides]) -> Overrides:
    out: Overrides = {}
    for layer in layers:
        for lang, entries in layer.items():
            out.setdefault(lang, {}).update(entries)
    return out


@cache
def _firm_texts(folder: str) -> Overrides:
    path = Path(folder)
    if not path.is_dir():
        _warn("no_folder", variable=ENV_VAR, folder=folder)
        return {}
    layers = [
        parse_overrides(file.read_text(encoding="utf-8"), str(file))
        for file in sorted(path.glob("*.yaml"))
    ]
    return _merge(layers)


def firm_texts() -> Overrides:
    """The firm-wide overrides from ``$KAM_TEXTS_DIR`` (read once per folder)."""
    folder = os.environ.get(ENV_VAR, "").strip()
    return _firm_texts(folder) if folder else {}


def client_texts(client_dir: Path | str) -> Overrides:
    """The overrides in ``<client_dir>/texts.yaml``, merged over the firm's.

    The file must lie inside the client folder: a symlink pointing elsewhere is
    refused with a warning, like every client input.
    """
    folder = Path(client_dir)
    path = folder / TEXTS_FILE
    if not path.exists() and not path.is_symlink():
        return firm_texts()
    resolved = path.resolve()
    if not resolved.is_relative_to(folder.resolve()) or not resolved.is_file():
        _warn("outside", path=path)
        return firm_texts()
    own = parse_overrides(resolved.read_text(encoding="utf-8"), str(path))
    return _merge([firm_texts(), own])


def check_texts(client_dir: Path | str) -> list[str]:
    """Every problem of the firm's and the client's override files, for ``kam validate``."""
    _firm_texts.cache_clear()  # read again: warnings of an earlier read are not repeated
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TextsWarning)
        client_texts(client_dir)
    return [str(w.message) for w in caught if issubclass(w.category, TextsWarning)]
