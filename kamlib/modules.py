"""Registry of engagement modules: notebook, titles and required inputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kamlib import resources

#: repository root (the kit is installed editable; notebooks live beside kamlib/)
ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = resources.NOTEBOOK_DIR
TEMPLATE_DIR = resources.TEMPLATE_DIR


@dataclass(frozen=True)
class Module:
    key: str
    title: dict[str, str]
    #: tables that must be present and valid for the module to run
    requires: tuple[str, ...] = ("customers", "sales")

    @property
    def notebook(self) -> Path:
        return NOTEBOOK_DIR / f"{self.key}.ipynb"


MODULES: dict[str, Module] = {
    m.key: m
    for m in [
        Module(
            "overview",
            {"de": "Kundenstruktur", "en": "Customer base overview"},
        ),
        Module(
            "portfolio",
            {"de": "Strategisches Kundenportfolio", "en": "Strategic customer portfolio"},
        ),
    ]
}


def get_module(key: str) -> Module:
    try:
        return MODULES[key]
    except KeyError:
        raise KeyError(f"unknown module {key!r}; available: {', '.join(MODULES)}") from None
