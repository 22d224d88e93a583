"""Per-account modules: one deliverable per flagged key account plus a cover (DESIGN.md).

A throw-away module ``acct`` is put into the registry for these tests, so the
render machinery is tested on its own, independent of the account-plan
module's notebook. Most tests replace the render task by a fake that writes
the files (no kernel); the last one runs a real kernel on a tiny notebook to
show the ``customer_id`` parameter, the output names, the title and the index
links end to end.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from kamlib import modules
from kamlib.naming import safe_id
from kamlib.render import batch
from kamlib.render.index import collect_entries
from kamlib.render.task import RenderItem, RenderSpec

from .conftest import write_tiny_client

ACCT = modules.Module(key="acct", title={"de": "Kontoplan", "en": "Account plan"}, per_account=True)


@pytest.fixture
def acct_module(monkeypatch: pytest.MonkeyPatch) -> modules.Module:
    monkeypatch.setitem(modules.MODULES, "acct", ACCT)
    return ACCT


@pytest.fixture
def ka_client(tmp_path: Path) -> Path:
    """The tiny client with two flagged key accounts, one with an id unsafe in file names."""
    folder = write_tiny_client(tmp_path / "ka-client")
    (folder / "customers.csv").write_text(
        "customer_id,name,industry,region,is_key_account\n"
        "007,Alpha AG,Maschinenbau,Nord,true\n"
        "010,Beta GmbH,Handel,Süd,false\n"
        "A/11,Gamma <KG>,Handel,West,ja\n",
        encoding="utf-8",
    )
    (folder / "sales.csv").write_text(
        "date,customer_id,net_revenue,contribution_margin,invoice_id,line_no\n"
        "2025-01-15,007,1200.5,300,R1,1\n2025-03-02,010,800,200,R2,1\n"
        "2025-06-30,A/11,950,100,R3,1\n2025-06-01,007,5000,1500,R4,1\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def fake_task(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace render_task: write the outputs at the spec's paths, record each call."""
    calls: list[str] = []

    def fake(spec: RenderSpec) -> RenderItem:
        calls.append(spec.label)
        spec.path("").parent.mkdir(parents=True, exist_ok=True)
        item = RenderItem(
            spec.client_slug, spec.module, spec.lang, "ok", customer_id=spec.customer_id
        )
        meta = {**(spec.meta or {}), "customer_id": spec.customer_id, "subject": spec.customer_id}
        for ext in ("ipynb", *spec.formats):
            path = spec.path(f".{ext}")
            text = json.dumps({"metadata": {"kam": meta}}) if ext == "ipynb" else ext
            path.write_text(text, encoding="utf-8")
            item.outputs[ext] = str(path)
        return item

    monkeypatch.setattr(batch, "render_task", fake)
    return calls


def _render(client: Path, out: Path, **kw) -> batch.BatchResult:
    return batch.render([client], modules=["acct"], formats=("html",), out_dir=out, jobs=1, **kw)


def test_safe_id_keeps_plain_ids_and_disambiguates_changed_ones() -> None:
    assert safe_id("010007") == "010007"
    assert safe_id("C-01.5_x") == "C-01.5_x"
    # every character outside [A-Za-z0-9._-] becomes "_", plus 8 hex of the SHA-1
    assert safe_id("A/11").startswith("A_11-") and len(safe_id("A/11")) == len("A_11-") + 8
    assert safe_id("A/11") != safe_id("A_11") != safe_id("A:11")
    assert "/" not in safe_id("../../etc") and not safe_id("..").startswith("../")


def test_one_deliverable_per_flagged_key_account_plus_cover(
    acct_module, ka_client, tmp_path, fake_task
):
    out = tmp_path / "out"
    result = _render(ka_client, out)
    assert result.ok
    # cover + 007 + A/11; the unflagged 010 gets none
    assert sorted(fake_task) == ["acct", "acct 007", "acct A/11"]
    lang_dir = out / "ka-client" / "de"
    assert (lang_dir / "acct.html").is_file()
    assert (lang_dir / "acct" / "007.html").is_file()
    assert (lang_dir / "acct" / f"{safe_id('A/11')}.html").is_file()
    assert not any(p.name.startswith("A") and "/" in p.name for p in lang_dir.rglob("*"))
    # the summary names the key account of each row
    text = "\n".join(result.summary_lines("en"))
    assert "acct 007" in text and "acct A/11" in text


def test_index_lists_the_cover_then_each_account_with_working_links(
    acct_module, ka_client, tmp_path, fake_task
):
    out = tmp_path / "out"
    _render(ka_client, out)
    entries = collect_entries(out / "ka-client")
    assert [e.meta.customer_id for e in entries] == ["", "007", "A/11"]
    html = (out / "ka-client" / "index.html").read_text(encoding="utf-8")
    for href in ("de/acct.html", "de/acct/007.html", f"de/acct/{safe_id('A/11')}.html"):
        assert f'href="{href}"' in html
        assert (out / "ka-client" / href).is_file()


def test_unchanged_client_renders_nothing_and_keeps_the_account_list(
    acct_module, ka_client, tmp_path, fake_task, monkeypatch
):
    out = tmp_path / "out"
    _render(ka_client, out)
    assert len(fake_task) == 3

    # second run: the cover's stamp knows the accounts; the data are not read again
    def no_precheck(*a, **k):  # noqa: ANN002, ANN003
        raise AssertionError("pre-check must not run for an unchanged client")

    monkeypatch.setattr(batch, "precheck_client", no_precheck)
    second = _render(ka_client, out)
    assert len(fake_task) == 3
    assert sorted(i.label for i in second.items) == ["acct", "acct 007", "acct A/11"]
    assert {i.status for i in second.items} == {"unchanged"}
    account = next(i for i in second.items if i.customer_id == "007")
    assert account.outputs["html"] == str(out.resolve() / "ka-client" / "de" / "acct" / "007.html")


def test_new_key_account_is_rendered_after_the_data_change(
    acct_module, ka_client, tmp_path, fake_task
):
    out = tmp_path / "out"
    _render(ka_client, out)
    customers = ka_client / "customers.csv"
    customers.write_text(
        customers.read_text(encoding="utf-8").replace(
            "010,Beta GmbH,Handel,Süd,false", "010,Beta GmbH,Handel,Süd,true"
        ),
        encoding="utf-8",
    )
    fake_task.clear()
    _render(ka_client, out)
    assert sorted(fake_task) == ["acct", "acct 007", "acct 010", "acct A/11"]


def test_force_renders_every_account_again(acct_module, ka_client, tmp_path, fake_task):
    out = tmp_path / "out"
    _render(ka_client, out)
    fake_task.clear()
    _render(ka_client, out, force=True)
    assert sorted(fake_task) == ["acct", "acct 007", "acct A/11"]


def test_client_without_key_accounts_gets_only_the_cover(
    acct_module, tiny_client, tmp_path, fake_task
):
    result = _render(tiny_client, tmp_path / "out")
    assert fake_task == ["acct"] and result.ok


NOTEBOOK = [
    ("code", 'client_dir = ""\nlang = "de"\nas_of = None\nworkshop = False\ncustomer_id = ""'),
    (
        "code",
        "import kamlib\nfrom kamlib import modules, report\n"
        "modules.MODULES['acct'] = modules.Module(key='acct', "
        "title={'de': 'Kontoplan', 'en': 'Account plan'}, per_account=True)\n"
        "client = kamlib.load_client(client_dir, as_of=as_of)\n"
        "row = client.customers.set_index('customer_id').name.get(customer_id, '')\n"
        "report.header(client, 'acct', lang, subject=row, customer_id=customer_id)\n"
        "print('ACCOUNT=' + (customer_id or 'cover'))",
    ),
]


@pytest.mark.e2e
def test_real_kernel_gets_the_account_and_titles_carry_its_name(acct_module, ka_client, tmp_path):
    nb = nbformat.v4.new_notebook()
    for _kind, source in NOTEBOOK:
        nb.cells.append(nbformat.v4.new_code_cell(source))
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    nbformat.write(nb, nbs / "acct.ipynb")
    out = tmp_path / "out"
    result = batch.render(
        [ka_client], modules=["acct"], formats=("html",), out_dir=out, jobs=2, notebook_dir=nbs
    )
    assert result.ok, result.summary_lines("en")
    lang_dir = out / "ka-client" / "de"
    executed = (lang_dir / "acct" / f"{safe_id('A/11')}.ipynb").read_text(encoding="utf-8")
    assert "ACCOUNT=A/11" in executed
    assert "ACCOUNT=cover" in (lang_dir / "acct.ipynb").read_text(encoding="utf-8")
    page = (lang_dir / "acct" / "007.html").read_text(encoding="utf-8")
    assert "Kontoplan: Alpha AG" in page
    # a hostile account name reaches the page escaped
    hostile = (lang_dir / "acct" / f"{safe_id('A/11')}.html").read_text(encoding="utf-8")
    assert "Gamma &lt;KG&gt;" in hostile and "Gamma <KG>" not in hostile
    index = (out / "ka-client" / "index.html").read_text(encoding="utf-8")
    assert "Kontoplan: Alpha AG" in index and "Kontoplan: Gamma &lt;KG&gt;" in index
