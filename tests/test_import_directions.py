"""Clear directions between parts (issue 10, item 5).

Narrative returns content (sentences, :class:`~kamlib.content.TableSpec`), charts
draw figures, the notebook displays both with :mod:`kamlib.report`. So charts
import neither narrative nor report, and narrative imports neither charts nor
report. Shared pieces live in neutral modules (``kamlib.content``,
``kamlib.labels*``, ``kamlib.analysis``). Every import counts: module level,
inside functions and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KAMLIB = Path(__file__).resolve().parents[1] / "kamlib"

FORBIDDEN = {
    "charts": ("kamlib.narrative", "kamlib.report"),
    "narrative": ("kamlib.charts", "kamlib.report"),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` of every import in ``path``; ``from kamlib import report``
    counts as ``kamlib.report``, relative imports are resolved against the package."""
    package = "kamlib." + path.parent.name
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            out.append((node.lineno, module))
            out += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return out


def _hits(module: str, forbidden: tuple[str, ...]) -> bool:
    return any(module == f or module.startswith(f + ".") for f in forbidden)


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_part_does_not_import_the_other_side(part):
    files = sorted((KAMLIB / part).glob("*.py"))
    assert files
    wrong = [
        f"{path.relative_to(KAMLIB.parent)}:{line} imports {module}"
        for path in files
        for line, module in _imports(path)
        if _hits(module, FORBIDDEN[part])
    ]
    assert wrong == []


def test_content_module_is_neutral():
    neutral = ("kamlib.narrative", "kamlib.charts", "kamlib.report")
    for name in ("content.py", "labels.py", "labels_overview.py", "labels_touchpoints.py",
                 "labels_winback.py"):  # fmt: skip
        wrong = [m for _, m in _imports(KAMLIB / name) if _hits(m, neutral)]
        assert wrong == [], name


def test_the_check_sees_function_level_and_from_imports(tmp_path):
    folder = tmp_path / "narrative"
    folder.mkdir()
    (folder / "x.py").write_text(
        "from kamlib import report\n"
        "def f():\n"
        "    from kamlib.charts.style import ZONE_COLORS\n"
        "    from ..charts import touchpoints\n"
        "    import kamlib.report as r\n"
    )
    modules = [m for _, m in _imports(folder / "x.py")]
    assert [m for m in modules if _hits(m, FORBIDDEN["narrative"])] == [
        "kamlib.report",
        "kamlib.charts.style",
        "kamlib.charts.style.ZONE_COLORS",
        "kamlib.charts",
        "kamlib.charts.touchpoints",
        "kamlib.report",
    ]
