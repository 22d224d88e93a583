"""Where the kit's notebooks and nbconvert templates are, installed or in a checkout.

``notebooks/`` and ``templates/`` live at the top level of the repository, next to
``kamlib/``, so that ``make lab`` opens them for editing. The wheel ships the same
folders as package data inside the package (``kamlib/notebooks``, ``kamlib/templates``;
see ``package-dir`` in pyproject.toml). :func:`kit_dir` looks for the packaged copy
with :mod:`importlib.resources` first and falls back to the checkout, which is what
an editable install (``make setup``) or a plain ``PYTHONPATH`` checkout sees.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: the repository root of a source checkout (meaningless in an installed wheel)
CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def kit_dir(name: str) -> Path:
    """The kit folder ``name`` ("notebooks" or "templates") as a real directory.

    Packaged copy (``kamlib/<name>`` of an installed wheel) if present, else the
    folder of the source checkout. Papermill and nbconvert need file-system paths,
    so the package must be installed unzipped (pip always does).
    """
    packaged = resources.files("kamlib").joinpath(name)
    if packaged.is_dir():
        return Path(str(packaged))
    return CHECKOUT_ROOT / name


NOTEBOOK_DIR = kit_dir("notebooks")
TEMPLATE_DIR = kit_dir("templates")
