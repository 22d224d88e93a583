"""The packaged kit: notebooks/ and templates/ travel in the wheel, found with importlib.resources.

The end-to-end test builds the wheel offline, installs it into a temp folder (``pip install
--target``, dependencies reused from this environment) and renders a German and an English
deliverable from a folder outside the checkout, with the kernel importing the installed copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from kamlib import resources

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
#: folders shipped in the wheel: package name -> folder in the checkout
SHIPPED = {"kamlib": "kamlib", "kamlib.notebooks": "notebooks", "kamlib.templates": "templates"}


def _folders(root: Path) -> list[Path]:
    """``root`` and its subfolders, without caches and hidden folders."""
    return [root] + [
        p
        for p in sorted(root.rglob("*"))
        if p.is_dir()
        and not any(part.startswith((".", "__")) for part in p.relative_to(root).parts)
    ]


def test_every_folder_of_the_kit_is_a_listed_package():
    # setuptools only ships folders named in `packages`: a new subpackage (or data folder)
    # must be added there, else the wheel silently lacks it
    expected = {
        ".".join([package, *p.relative_to(REPO / folder).parts])
        for package, folder in SHIPPED.items()
        for p in _folders(REPO / folder)
    }
    assert set(SETUPTOOLS["packages"]) == expected
    assert SETUPTOOLS["package-dir"] == {
        "kamlib.notebooks": "notebooks",
        "kamlib.templates": "templates",
    }


def test_editable_checkout_resolves_to_the_top_level_folders():
    # make setup installs editable: the notebooks make lab edits are the ones rendered
    assert resources.NOTEBOOK_DIR == REPO / "notebooks"
    assert resources.TEMPLATE_DIR == REPO / "templates"
    assert (resources.NOTEBOOK_DIR / "overview.ipynb").is_file()


def test_packaged_copy_wins_over_the_checkout(tmp_path, monkeypatch):
    installed = tmp_path / "site" / "kamlib"
    (installed / "notebooks").mkdir(parents=True)
    monkeypatch.setattr(resources.resources, "files", lambda package: installed)
    assert resources.kit_dir("notebooks") == installed / "notebooks"
    # no packaged templates folder here -> the checkout's
    assert resources.kit_dir("templates") == resources.CHECKOUT_ROOT / "templates"


# --------------------------------------------------------------------------- wheel, end to end

PROBE = """\
import json, sys
import papermill
import kamlib
from kamlib.modules import NOTEBOOK_DIR, TEMPLATE_DIR
from kamlib.render.execute import KERNEL_NAME

nb = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                 "source": "import json, kamlib, kamlib.modules as m\\n"
                           "print(json.dumps([kamlib.__file__, str(m.NOTEBOOK_DIR)]))"}],
      "metadata": {"kernelspec": {"name": KERNEL_NAME, "display_name": "kit", "language": "python"}},
      "nbformat": 4, "nbformat_minor": 5}
json.dump(nb, open("probe.ipynb", "w"))
out = papermill.execute_notebook("probe.ipynb", "probe.out.ipynb", kernel_name=KERNEL_NAME,
                                 cwd=str(NOTEBOOK_DIR), progress_bar=False)
kernel = json.loads(out["cells"][0]["outputs"][0]["text"])
print(json.dumps({"cli": [kamlib.__file__, str(NOTEBOOK_DIR), str(TEMPLATE_DIR)], "kernel": kernel}))
"""


def _copy_sources(dest: Path) -> Path:
    """The files a wheel is built from, copied so the build writes nothing into the checkout."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, dest / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
    for folder in SHIPPED.values():
        shutil.copytree(REPO / folder, dest / folder, ignore=skip)
    return dest


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.e2e
def test_built_wheel_renders_german_and_english_from_any_folder(tmp_path: Path):
    src = _copy_sources(tmp_path / "src")
    dist, site, work = tmp_path / "dist", tmp_path / "site", tmp_path / "work"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run(
        [*pip, "wheel", "--no-build-isolation", "--no-deps", "--no-index", "-w", str(dist), "."],
        src,
    )
    (wheel,) = dist.glob("kam_workbook_kit-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    for package, folder in SHIPPED.items():
        for path in (REPO / folder).rglob("*"):
            rel = path.relative_to(REPO / folder)
            if path.is_file() and not any(p.startswith((".", "__")) for p in rel.parts):
                assert "/".join([*package.split("."), *rel.parts]) in shipped, path

    _run([*pip, "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)], tmp_path)
    work.mkdir()
    # the installed copy first on the path; its dependencies come from this environment.
    # The kernel inherits the environment, so it imports the same copy.
    env = {**os.environ, "PYTHONPATH": str(site), "KAM_CACHE_DIR": str(tmp_path / "cache")}
    where = json.loads(_run([sys.executable, "-c", PROBE], work, env).splitlines()[-1])
    installed = site / "kamlib"
    assert where["cli"] == [
        str(installed / "__init__.py"),
        str(installed / "notebooks"),
        str(installed / "templates"),
    ]
    assert where["kernel"] == [str(installed / "__init__.py"), str(installed / "notebooks")]

    # demo clients from the installed copy (its prose is package data), then one
    # deliverable each: the German client in German, the English one in English
    write = (
        "from pathlib import Path; from kamlib.demo import write_demo_clients as w; w(Path('data'))"
    )
    _run([sys.executable, "-c", write], work, env)
    kam = [sys.executable, str(site / "bin" / "kam")]
    clients = ["data/demo-maschinenbau", "data/demo-components"]
    _run(
        [*kam, "render", *clients, "-m", "overview", "-f", "html", "-j", "1", "-o", "out"],
        work,
        env,
    )
    for client, lang, title in (
        ("demo-maschinenbau", "de", "Kundenstruktur"),
        ("demo-components", "en", "Customer base overview"),
    ):
        html = (work / "out" / client / lang / "overview.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        assert title in html
        assert "load_client(" not in html  # the kit's template hides code
        assert "data:image/svg+xml;base64," in html  # charts rendered by the kernel (vector)
