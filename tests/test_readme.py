"""The README works when copied literally: its shell blocks use only what exists.

After ``make demo`` a reader pastes the README's commands into a shell. Every ``kam`` line
must come after the line that activates ``.venv`` (where ``make setup`` installs ``kam``)
and must parse with the real command-line interface; every ``make`` target must exist.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import typer

from kamlib.cli import app

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")
ACTIVATE = "source .venv/bin/activate"


def _shell_lines() -> list[list[str]]:
    """Every command of the README's ```bash blocks, split like a shell (comments dropped)."""
    lines = []
    for block in re.findall(r"^```bash\n(.*?)^```", README, flags=re.S | re.M):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words:
                lines.append(words)
    return lines


def test_readme_opens_with_make_demo_and_make_test():
    assert _shell_lines()[:2] == [["make", "demo"], ["make", "test"]]
    first_block = README.split("```bash\n", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in first_block.splitlines()] == [
        "make demo",
        "make test",
    ]


def test_kam_lines_come_after_activating_the_venv_make_setup_creates():
    lines = [" ".join(words) for words in _shell_lines()]
    first_kam = next(i for i, line in enumerate(lines) if line.startswith("kam "))
    assert ACTIVATE in lines[:first_kam]
    assert re.search(r"^VENV\s*:=\s*\.venv$", MAKEFILE, flags=re.M)


def test_every_kam_line_parses_with_the_cli():
    group = typer.main.get_command(app)
    kam_lines = [words for words in _shell_lines() if words[0] == "kam"]
    assert len(kam_lines) >= 6
    for words in kam_lines:
        command = group.get_command(None, words[1])
        assert command is not None, words
        # raises on an unknown option, a missing argument or a value of the wrong type
        command.make_context(words[1], words[2:])


def test_every_make_line_names_a_target_of_the_makefile():
    targets = set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, flags=re.M))
    make_lines = [words for words in _shell_lines() if words[0] == "make"]
    assert make_lines
    for words in make_lines:
        assert set(words[1:]) <= targets, words
