"""reports/<client>/index.html: built from the files, survives partial re-renders."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook

from kamlib.render.index import collect_entries, write_index
from kamlib.render.meta import DeliverableMeta


def fake_deliverable(
    client_out: Path, module: str, lang: str, title: str, formats=("html", "pdf"), status="ok"
) -> None:
    folder = client_out / lang
    folder.mkdir(parents=True, exist_ok=True)
    meta = DeliverableMeta(
        client="Tüftel GmbH",
        client_slug=client_out.name,
        module=module,
        module_title=title,
        lang=lang,
        consultant_firm="Beratung",
        as_of="2026-06-30",
        data_period=["2025-01-02", "2026-06-30"],
        created="2026-07-01",
        status=status,
    )
    nb = new_notebook(metadata={"kam": meta.to_dict()})
    name = f"{module}.failed.ipynb" if status == "failed" else f"{module}.ipynb"
    nbformat.write(nb, str(folder / name))
    if status == "ok":
        for f in formats:
            (folder / f"{module}.{f}").write_text("x")


def test_index_links_every_deliverable_with_dates_and_period(tmp_path: Path):
    out = tmp_path / "tiny"
    fake_deliverable(out, "overview", "de", "Kundenstruktur")
    fake_deliverable(out, "portfolio", "de", "Strategisches Kundenportfolio", formats=("html",))
    fake_deliverable(out, "overview", "en", "Customer base overview")
    html = write_index(out, "Tüftel GmbH", "de").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', html)
    assert links == [
        "de/overview.html",
        "de/overview.pdf",
        "en/overview.html",
        "en/overview.pdf",
        "de/portfolio.html",  # module order of the registry, PDF absent -> no link
    ]
    assert "Kundenstruktur" in html and "Customer base overview" in html
    assert "02.01.2025 – 30.06.2026" in html and "01.07.2026" in html
    assert "Tüftel GmbH" in html and "Deutsch" in html and "Englisch" in html
    assert not re.search(r"(src|href)=\"https?:", html)


def test_partial_rerender_keeps_the_other_modules_listed(tmp_path: Path):
    out = tmp_path / "tiny"
    fake_deliverable(out, "overview", "de", "Kundenstruktur")
    write_index(out, "Tüftel GmbH", "de")
    fake_deliverable(out, "portfolio", "de", "Strategisches Kundenportfolio")  # later, alone
    entries = collect_entries(out)
    assert [e.meta.module for e in entries] == ["overview", "portfolio"]


def test_failed_rerender_keeps_last_good_version_with_a_note(tmp_path: Path):
    out = tmp_path / "tiny"
    fake_deliverable(out, "overview", "en", "Customer base overview")
    fake_deliverable(out, "overview", "en", "Customer base overview", status="failed")
    html = write_index(out, "Tüftel GmbH", "en").read_text(encoding="utf-8")
    assert 'href="en/overview.pdf"' in html
    assert "Last update failed" in html


def test_empty_report_folder_says_so(tmp_path: Path):
    html = write_index(tmp_path / "new", "Neu GmbH", "de").read_text(encoding="utf-8")
    assert "Noch keine Deliverables" in html


def test_batch_index_lists_every_client_with_link_modules_and_failures(tmp_path: Path):
    from kamlib.render.index import write_batch_index

    fake_deliverable(tmp_path / "acme", "overview", "de", "Kundenstruktur")
    fake_deliverable(tmp_path / "acme", "portfolio", "en", "Strategic customer portfolio")
    fake_deliverable(tmp_path / "beta", "overview", "de", "Kundenstruktur")
    fake_deliverable(tmp_path / "beta", "overview", "de", "Kundenstruktur", status="failed")
    (tmp_path / "empty").mkdir()  # a folder without deliverables is not a client row
    page = write_batch_index(tmp_path, "en").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', page)
    assert links == ["acme/index.html", "beta/index.html"]
    assert "Kundenstruktur, Strategic customer portfolio" in page  # acme's modules
    assert "German, English" in page  # acme's languages, in code order de, en
    assert page.count("last update failed") == 1  # beta only
    assert "http" not in page  # offline: relative links, inline CSS


def test_batch_index_without_clients_says_how_to_create_them(tmp_path: Path):
    from kamlib.render.index import write_batch_index

    page = write_batch_index(tmp_path, "de").read_text(encoding="utf-8")
    assert "kam render client_data/*" in page


def test_index_pages_speak_the_deliverables_language(tmp_path: Path):
    from kamlib.render.index import write_batch_index

    fake_deliverable(tmp_path / "acme", "overview", "de", "Kundenstruktur")
    fake_deliverable(tmp_path / "beta", "portfolio", "de", "Strategisches Kundenportfolio")
    client_page = write_index(tmp_path / "acme", "Tüftel GmbH", "de").read_text(encoding="utf-8")
    assert "Ergebnisdokumente" in client_page and "Deliverables" not in client_page
    # German clients only: a German page, even from an English console
    page = write_batch_index(tmp_path, "en").read_text(encoding="utf-8")
    assert '<html lang="de">' in page and "Alle Mandanten" in page and "All clients" not in page
    # a mixed batch falls back to the console language
    fake_deliverable(tmp_path / "gamma", "overview", "en", "Customer base overview")
    assert '<html lang="en">' in write_batch_index(tmp_path, "en").read_text(encoding="utf-8")
