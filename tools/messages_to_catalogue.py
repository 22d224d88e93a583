"""Move Python message dicts into the YAML text catalogues of ``kamlib/messages/``.

Usage (from the repository root)::

    python tools/messages_to_catalogue.py kamlib/messages/h9_data.py --into data --delete
    python tools/messages_to_catalogue.py kamlib/messages/*.py --delete

Each source file defines ``MESSAGES = {key: {"de": ..., "en": ...}}`` (the
format used before the catalogues). The file is executed on its own (not
imported through the package), so computed entries count too. Every key goes
to ``kamlib/messages/<lang>/<topic>.yaml``, one file per language; the topic
is the source file's name unless ``--into`` names an existing or new topic.

- ``<key>.one`` beside ``<key>`` becomes a plural entry
  ``{one: ..., other: ...}`` (the kit picks the form with Babel's plural rules).
- Existing catalogue files are kept (with their comments); new keys are
  appended. A key that already exists in any catalogue file of that language,
  or appears twice in the sources, stops the run before anything is written.
- Comment lines directly above a key in the source are carried over as a
  comment above the key; the module docstring becomes the file's header.

Exit code 0 on success, 1 on a refused conversion (nothing written).
"""

from __future__ import annotations

import argparse
import ast
import re
import runpy
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_DIR = ROOT / "kamlib" / "messages"
_KEY_LINE = re.compile(r"""^\s*(?:MESSAGES\[)?["']([\w.\-]+)["']\]?\s*[:=]""")
_COMMENT = re.compile(r"^\s*#\s?(.*)$")


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096  # never fold a text over several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def read_source(path: Path) -> tuple[dict[str, dict[str, str]], dict[str, str], str]:
    """Messages, comments above keys and the docstring of one Python message module."""
    namespace = runpy.run_path(str(path))
    messages = namespace.get("MESSAGES")
    if not isinstance(messages, dict):
        raise SystemExit(f"{path}: no MESSAGES dict")
    source = path.read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(source)) or ""
    comments: dict[str, str] = {}
    pending: list[str] = []
    for line in source.splitlines():
        if m := _COMMENT.match(line):
            text = m.group(1).strip(" -=")
            if text and "fmt:" not in text:
                pending.append(text)
            continue
        if (m := _KEY_LINE.match(line)) and pending and m.group(1) in messages:
            comments.setdefault(m.group(1), " / ".join(pending))
        pending = [] if line.strip() else pending
    return messages, comments, doc


def to_entries(messages: dict[str, dict[str, str]]) -> dict[str, dict[str, object]]:
    """``{lang: {key: text or {one, other}}}``, folding ``<key>.one`` into its key."""
    out: dict[str, dict[str, object]] = {}
    for key, texts in messages.items():
        if key.endswith(".one"):
            continue
        for lang, text in texts.items():
            one = messages.get(f"{key}.one", {}).get(lang)
            out.setdefault(lang, {})[key] = {"one": one, "other": text} if one else text
    for key in messages:
        if key.endswith(".one") and key.removesuffix(".one") not in messages:
            raise SystemExit(f"{key}: singular form without its plural key")
    return out


def existing_keys(lang: str, root: Path = CATALOGUE_DIR) -> dict[str, Path]:
    """Every key already in a catalogue file of ``lang`` -> that file."""
    found: dict[str, Path] = {}
    for file in sorted((root / lang).glob("*.yaml")):
        for key in _yaml().load(file) or {}:
            found[str(key)] = file
    return found


def convert(sources: list[Path], into: str | None = None, root: Path = CATALOGUE_DIR) -> list[Path]:
    """Write the catalogue files for ``sources``; return the files written."""
    plan: dict[Path, tuple[str, dict[str, object], dict[str, str]]] = {}
    seen: dict[tuple[str, str], Path] = {}
    problems: list[str] = []
    for src in sources:
        messages, comments, doc = read_source(src)
        topic = into or src.stem
        for lang, entries in to_entries(messages).items():
            known = existing_keys(lang, root)
            for key in entries:
                if key in known:
                    problems.append(f"{src}: key {key!r} already in {known[key]}")
                if (lang, key) in seen:
                    problems.append(f"{src}: key {key!r} also in {seen[lang, key]}")
                seen[lang, key] = src
            target = root / lang / f"{topic}.yaml"
            header, old, old_comments = plan.get(target, (doc, {}, {}))
            plan[target] = (header, {**old, **entries}, {**old_comments, **comments})
    if problems:
        raise SystemExit("refused, nothing written:\n  " + "\n  ".join(problems))
    yaml = _yaml()
    for target, (doc, entries, comments) in plan.items():
        lang = target.parent.name
        if target.exists():
            data = yaml.load(target) or CommentedMap()
        else:
            data = CommentedMap()
            head = [line for line in doc.splitlines() if line.strip()][:1]
            head.append(f"Language: {lang}. Same keys as every other language's {target.name}.")
            data.yaml_set_start_comment("\n".join(head))
        for key, text in entries.items():
            data[key] = CommentedMap(text) if isinstance(text, dict) else text
            if key in comments:
                data.yaml_set_comment_before_after_key(key, before=comments[key])
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as fh:
            yaml.dump(data, fh)
    return sorted(plan)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path, help="Python files defining MESSAGES")
    parser.add_argument(
        "--into", help="topic (catalogue file name) for every key; default: file name"
    )
    parser.add_argument("--delete", action="store_true", help="delete the sources afterwards")
    args = parser.parse_args(argv)
    sources = [s for s in args.sources if s.name != "__init__.py"]
    try:
        written = convert(sources, args.into)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    if args.delete:
        for src in sources:
            src.unlink()
            print(f"deleted {src}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
