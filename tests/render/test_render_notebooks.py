"""Rendering real notebooks with a kernel (fixture notebooks in tests/notebooks)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from kamlib.modules import MODULES, Module
from kamlib.render import RenderSpec, render, render_task

from .conftest import NOTEBOOKS, write_tiny_client


@pytest.fixture(autouse=True)
def english_console(monkeypatch):
    monkeypatch.setenv("KAM_LANG", "en")


def test_fixture_notebook_renders_offline_html_a4_pdf_and_keeps_executed_notebook(
    tiny_client: Path, tmp_path: Path
):
    out = tmp_path / "reports"
    spec = RenderSpec(
        str(tiny_client), "overview", "de", str(out),
        notebook_path=str(NOTEBOOKS / "deliverable.ipynb"),
    )  # fmt: skip
    item = render_task(spec)
    assert item.status == "ok", item.message
    folder = out / "tiny-client" / "de"
    assert item.outputs == {
        "ipynb": str(folder / "overview.ipynb"),
        "html": str(folder / "overview.html"),
        "pdf": str(folder / "overview.pdf"),
    }
    html = (folder / "overview.html").read_text(encoding="utf-8")
    assert "Tüftel &amp; Söhne GmbH" in html and "Kundenstruktur" in html
    assert "load_client" not in html  # code hidden
    assert "must not reach the deliverable" not in html and "noise on stderr" not in html
    assert "&lt;div class=" not in html  # helper return values are not echoed as text
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"?https?:", html)
    assert "data:image/svg+xml;base64," in html  # the chart is embedded as a vector image

    reader = PdfReader(folder / "overview.pdf")
    assert item.pages == len(reader.pages) >= 3  # cover + content + landscape table page
    first = reader.pages[0]
    assert (float(first.mediabox.width), float(first.mediabox.height)) == pytest.approx(
        (595.28, 841.89), abs=0.5
    )
    cover = first.extract_text()
    assert "Tüftel & Söhne GmbH" in cover and "Beispiel Beratung GmbH" in cover
    assert "15.01.2025 – 30.06.2025" in cover  # data period = first..last invoice
    assert f"Seite 2 von {item.pages}" in reader.pages[1].extract_text()
    wide = [p for p in reader.pages if "24 Spalten" in p.extract_text()]
    assert wide and float(wide[0].mediabox.width) > float(wide[0].mediabox.height)  # landscape

    executed = json.loads((folder / "overview.ipynb").read_text(encoding="utf-8"))
    assert executed["metadata"]["kam"]["data_period"] == ["2025-01-15", "2025-06-30"]
    assert executed["metadata"]["kam"]["client"] == "Tüftel & Söhne GmbH"


def test_kernel_is_the_venv_python(tiny_client: Path, tmp_path: Path):
    spec = RenderSpec(
        str(tiny_client), "overview", "en", str(tmp_path), formats=("html",),
        notebook_path=str(NOTEBOOKS / "which_python.ipynb"),
    )  # fmt: skip
    item = render_task(spec)
    assert item.status == "ok", item.message
    html = Path(item.outputs["html"]).read_text(encoding="utf-8")
    assert str(Path(sys.executable).parent) in html


def test_batch_one_failing_module_and_one_bad_client_do_not_stop_the_rest(
    tiny_client: Path, notebook_set: Path, tmp_path: Path
):
    bad = tmp_path / "bad-client"
    bad.mkdir()
    (bad / "client.yaml").write_text("name: Bad\nlanguage: fr\n", encoding="utf-8")
    out = tmp_path / "reports"
    result = render(
        [tiny_client, bad],
        modules=["overview", "portfolio"],
        formats=("html",),
        out_dir=out,
        jobs=2,
        notebook_dir=notebook_set,
    )  # fmt: skip  (the fixture notebook folder holds these two)
    status = {(i.client, i.module): i.status for i in result.items}
    assert status == {
        ("tiny-client", "overview"): "ok",
        ("tiny-client", "portfolio"): "failed",
        ("bad-client", "overview"): "data_error",
        ("bad-client", "portfolio"): "data_error",
    }
    assert not result.ok
    failed = next(i for i in result.items if i.status == "failed")
    assert failed.message == (
        "client tiny-client, module portfolio, cell 4: ZeroDivisionError: division by zero"
    )
    assert Path(failed.details.removeprefix("details: ")).is_file()
    bad_msg = next(i for i in result.items if i.client == "bad-client").message
    assert bad_msg.startswith("client bad-client: client.yaml is invalid — language:")
    index = (out / "tiny-client" / "index.html").read_text(encoding="utf-8")
    assert 'href="de/overview.html"' in index and "portfolio" not in index
    assert result.workers == 2


def test_module_with_missing_required_table_is_skipped_without_starting_a_kernel(
    tiny_client: Path, tmp_path: Path, monkeypatch
):
    monkeypatch.setitem(
        MODULES, "needs_ratings",
        Module("needs_ratings", {"de": "X", "en": "X"}, requires=("customers", "sales", "ratings")),
    )  # fmt: skip
    item = render_task(RenderSpec(str(tiny_client), "needs_ratings", "de", str(tmp_path)))
    assert item.status == "skipped" and item.ok
    assert "needs ratings" in item.message and item.seconds < 1


def test_client_without_sales_is_a_data_error(tmp_path: Path):
    client = write_tiny_client(tmp_path / "no-sales")
    (client / "sales.csv").unlink()
    item = render_task(RenderSpec(str(client), "overview", "de", str(tmp_path / "out")))
    assert item.status == "data_error" and "needs sales" in item.message
