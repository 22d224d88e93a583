"""The kit's text catalogues: every German and English sentence, one YAML file per topic.

Layout: ``kamlib/messages/<lang>/<topic>.yaml`` (shipped as package data,
read with :mod:`importlib.resources`). Each file is a flat mapping from a
key (``portfolio.h.kpis``) to its text; a text that depends on a count is a
mapping of CLDR plural categories, at least ``other``::

    portfolio.h.kpis: Das Portfolio in Zahlen
    data.q_credit:
      one: 1 Gutschriftzeile verrechnet ({amount}).
      other: '{n} Gutschriftzeilen verrechnet ({amount}).'

Keys carry their topic as prefix so files never collide; a key defined twice
is an error. Files are read on first use and cached. Look texts up with
:func:`kamlib.i18n.t`; firm and client overrides are in :mod:`kamlib.texts`.
To add texts, edit the YAML files; ``tools/messages_to_catalogue.py`` moves
old-style Python ``MESSAGES`` dicts into them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

#: a text, or its plural forms keyed by CLDR category (``one``, ``other``, ...)
Entry = str | dict[str, str]
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


class CatalogueError(ValueError):
    """A text catalogue or override file is not in the expected format."""


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML where every plain scalar is text: ``yes``, ``no``, ``1.0`` stay words, not values."""


_TextLoader.yaml_implicit_resolvers = {}


def load_yaml(text: str) -> Any:
    """Parse YAML text with every scalar as ``str`` (``yaml.YAMLError`` when malformed)."""
    return yaml.load(text, Loader=_TextLoader)  # a SafeLoader: no Python objects


def parse_catalogue(text: str, source: str) -> dict[str, Entry]:
    """Parse one catalogue (YAML text) into ``{key: text or {category: text}}``."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{source}: not valid YAML ({exc})".replace("\n", " ")) from None
    return catalogue_entries(data, source)


def catalogue_entries(data: Any, source: str) -> dict[str, Entry]:
    """Check parsed catalogue data: ``{key: text or {category: text}}``."""
    if data is None or data == "":
        return {}
    if not isinstance(data, dict):
        raise CatalogueError(f"{source}: expected 'key: text' lines")
    return {str(key): _entry(key, value, source) for key, value in data.items()}


def _entry(key: Any, value: Any, source: str) -> Entry:
    if isinstance(value, str):
        return value
    if (
        isinstance(value, dict)
        and "other" in value
        and all(k in PLURAL_CATEGORIES and isinstance(v, str) for k, v in value.items())
    ):
        return {str(k): v for k, v in value.items()}
    raise CatalogueError(
        f"{source}: {key}: expected a text or plural forms "
        f"({', '.join(PLURAL_CATEGORIES)}; 'other' required)"
    )


def languages() -> tuple[str, ...]:
    """Languages with a catalogue folder, sorted."""
    root = files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and p.name.isalpha()))


@cache
def catalogue(lang: str) -> dict[str, Entry]:
    """All kit texts of ``lang`` (read once, then cached). Do not modify the result."""
    folder = files(__name__) / lang
    if not folder.is_dir():
        raise ValueError(f"no texts for language {lang!r}")
    out: dict[str, Entry] = {}
    origin: dict[str, str] = {}
    for res in sorted(folder.iterdir(), key=lambda p: p.name):
        if not res.name.endswith(".yaml"):
            continue
        name = f"{lang}/{res.name}"
        for key, entry in parse_catalogue(res.read_text(encoding="utf-8"), name).items():
            if key in out:
                raise CatalogueError(f"text key {key!r} defined twice ({origin[key]}, {name})")
            out[key] = entry
            origin[key] = name
    return out


def kit_entry(key: str, lang: str) -> Entry | None:
    """The kit's text (or plural forms) for ``key`` in ``lang``; ``None`` when unknown."""
    return catalogue(lang).get(key)


def all_languages_texts(key: str) -> tuple[str, ...]:
    """The kit's texts for ``key`` in every language (``other`` form of plurals)."""
    out = []
    for lang in languages():
        entry = kit_entry(key, lang)
        if entry is not None:
            out.append(entry if isinstance(entry, str) else entry["other"])
    return tuple(out)
