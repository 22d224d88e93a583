"""End to end: a copy of the demo client in Swiss francs with a texts.yaml of house wording.
No euro sign may reach its deliverables, and the house wording must."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kamlib.modules import ROOT
from kamlib.render import render

DEMO = ROOT / "client_data" / "demo-maschinenbau"


@pytest.mark.e2e
def test_chf_client_with_house_texts_renders_without_euro_signs(tmp_path: Path):
    client = tmp_path / "chf-client"
    shutil.copytree(DEMO, client)
    config = (client / "client.yaml").read_text(encoding="utf-8")
    assert "currency: EUR" in config
    (client / "client.yaml").write_text(config.replace("currency: EUR", "currency: CHF"))
    (client / "texts.yaml").write_text(
        "de:\n  portfolio.head.abc_xyz:\n"
        "    one: 'Ein A-Kunde trägt {a_share} (Hausformulierung)'\n"
        "    other: '{n} A-Kunden tragen {a_share} (Hausformulierung)'\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = render([client], modules=["overview", "portfolio"], formats=("html",), out_dir=out)
    assert result.ok, "\n".join(i.message + "\n" + i.details for i in result.items)
    for item in result.items:
        html = (out / client.name / item.lang / f"{item.module}.html").read_text(encoding="utf-8")
        assert "€" not in html and "&euro;" not in html, item.module
        assert "CHF" in html, item.module
    portfolio = (out / client.name / "de" / "portfolio.html").read_text(encoding="utf-8")
    # the computed heading in the house wording (count and share filled in by the kit)
    assert re.search(r"\d+ A-Kunden tragen \d+,\d\s?% \(Hausformulierung\)", portfolio)
