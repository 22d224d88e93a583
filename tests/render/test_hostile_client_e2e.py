"""End to end: a client folder with attack payloads in every field renders safely.

One render of the overview and the portfolio (HTML and PDF), shared by all
tests of this file. Checked: no live tag, event handler or foreign resource in
any HTML page (deliverables and index pages), no attachment or link to a file
in any PDF, the payloads visible as typed, and the client folder unchanged.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from kamlib.config import load_config
from kamlib.labels import shorten
from kamlib.render import render
from tests.render.hostile_client import payload, write_hostile_client
from tests.render.html_safety import check_html, visible_text

#: index pages link to the deliverables next to them: plain relative paths only
_RELATIVE = re.compile(r"foreign href='(?:[\w%.-]+/)?[\w%.-]+\.(?:html|pdf)' on <a>")


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("hostile")
    client = write_hostile_client(base / "evil-client")
    before = _digest(client)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAM_CACHE_DIR", str(base / "cache"))
        result = render(
            [client],
            modules=["overview", "portfolio"],
            formats=("html", "pdf"),
            out_dir=base / "out",
        )
    return client, base / "out", result, before


@pytest.mark.e2e
def test_both_modules_render(rendered):
    _client, _out, result, _before = rendered
    assert [i.status for i in result.items] == ["ok", "ok"], [i.message for i in result.items]


@pytest.mark.e2e
def test_no_html_page_has_live_markup_or_foreign_resources(rendered):
    _client, out, _result, _before = rendered
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 4  # two deliverables, the client index, the batch index
    for page in pages:
        problems = check_html(page.read_text(encoding="utf-8"))
        if page.name == "index.html":
            problems = [p for p in problems if not _RELATIVE.fullmatch(p)]
        assert problems == [], page


@pytest.mark.e2e
def test_payloads_stay_visible_as_typed(rendered):
    client, out, _result, _before = rendered
    name = load_config(client / "client.yaml").name
    text = visible_text((out / client.name / "en" / "overview.html").read_text(encoding="utf-8"))
    for i in range(7):  # every active customer of the top table, exactly as in customers.csv
        assert f"Cust {i} {payload(i)}" in text
    pages = PdfReader(out / client.name / "en" / "overview.pdf").pages
    flat = [" ".join(p.extract_text().split()) for p in pages]
    assert shorten(name).startswith("Evil <script>alert(1)</script>")
    assert shorten(name) in flat[0]  # the cover, shortened for the layout
    assert any(f"Cust {i} {payload(i)}" in text for text in flat for i in (3, 4))


@pytest.mark.e2e
def test_pdfs_carry_no_attachment_or_foreign_link(rendered):
    client, out, _result, _before = rendered
    for pdf in sorted((out / client.name / "en").glob("*.pdf")):
        reader = PdfReader(pdf)
        assert reader.attachments == {}, pdf
        assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {}), pdf
        for page in reader.pages:
            for annot in page.get("/Annots") or []:
                action = annot.get_object().get("/A") or {}
                assert "/URI" not in action and "/Launch" not in str(action.get("/S")), pdf


@pytest.mark.e2e
def test_client_folder_is_unchanged(rendered):
    client, _out, _result, before = rendered
    assert _digest(client) == before
