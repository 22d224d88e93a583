"""End to end: the key-account plan of both demo clients — the cover and one account
with a plan file each — executed, converted to offline HTML and A4 PDF once per session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import kamlib
from kamlib.analysis import account_plan
from kamlib.i18n import Formatter
from kamlib.modules import ROOT, get_module

#: client -> (language, an account with a plan file)
CASES = {"demo-maschinenbau": ("de", "010007"), "demo-components": ("en", "C01509")}
A4_POINTS = (595.28, 841.89)


def _render(client: str, lang: str, customer_id: str, out: Path) -> tuple[str, PdfReader]:
    from kamlib.render.execute import execute_notebook
    from kamlib.render.html import to_html
    from kamlib.render.pdf import html_to_pdf

    client_dir = ROOT / "client_data" / client
    params = {"client_dir": str(client_dir), "lang": lang, "as_of": None, "workshop": False,
              "customer_id": customer_id}  # fmt: skip
    name = f"{client}-{customer_id or 'cover'}"
    nb = execute_notebook(get_module("account_plan").notebook, out / f"{name}.ipynb", params)
    html = to_html(nb, {"mode": "html", "lang": lang, "author": "", "footer": ""}, name)
    pdf_html = to_html(
        nb, {"mode": "pdf", "lang": lang, "author": "", "cover": "", "page_css": ""}, name
    )
    html_to_pdf(pdf_html, out / f"{name}.pdf", base_url=str(client_dir) + "/")
    return html, PdfReader(out / f"{name}.pdf")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], tuple[str, PdfReader]]:
    out = tmp_path_factory.mktemp("account-plan-e2e")
    return {
        (client, cid): _render(client, lang, cid, out)
        for client, (lang, account) in CASES.items()
        for cid in ("", account)
    }


def _text(reader: PdfReader) -> str:
    text = " ".join(p.extract_text() for p in reader.pages).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text)


def _a4(reader: PdfReader) -> None:
    for page in reader.pages:
        box = page.mediabox
        assert sorted((float(box.width), float(box.height))) == pytest.approx(
            sorted(A4_POINTS), abs=0.5
        )


@pytest.mark.e2e
@pytest.mark.parametrize("client", CASES)
def test_cover_lists_every_key_account_offline(rendered, client: str):
    lang, _ = CASES[client]
    html, reader = rendered[(client, "")]
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?https?:", html, re.I)
    assert "load_client(" not in html
    cover = account_plan.analyse(kamlib.load_client(ROOT / "client_data" / client))
    text = _text(reader)
    _a4(reader)
    assert 1 <= len(reader.pages) <= 3
    for name in cover.accounts["name"]:
        assert " ".join(name.split()) in text  # full names, never cut
    f = Formatter(lang, cover.currency)
    assert f.money(cover.accounts["revenue"].sum()).replace("\xa0", " ") in text
    assert "…" not in text


@pytest.mark.e2e
@pytest.mark.parametrize("client", CASES)
def test_account_plan_shows_every_part_with_its_figures(rendered, client: str):
    lang, cid = CASES[client]
    html, reader = rendered[(client, cid)]
    assert html.count("data:image/svg+xml;base64,") >= 3  # buying center, whitespace, opportunities
    _a4(reader)
    assert 4 <= len(reader.pages) <= 10
    r = account_plan.compute(kamlib.load_client(ROOT / "client_data" / client), cid)
    f = Formatter(lang, r.currency)
    text = _text(reader)
    assert f.money(r.dossier["revenue"]).replace("\xa0", " ") in text
    for contact in r.contacts["contact_name"]:
        assert contact in text
    for goal in r.goals["goal"]:
        assert " ".join(goal.split()) in text
    words = (
        ("Entscheidungen", "SWOT", "Anhang") if lang == "de" else ("Decisions", "SWOT", "Appendix")
    )
    for word in words:
        assert word in text
    assert "…" not in text
