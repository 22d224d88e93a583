"""Incremental re-renders: unchanged inputs -> no render; any input change or --force -> render.

The render task is replaced by a fake that writes the output files and counts its calls,
so these tests run no kernel; the planning, hashing, stamping and summary are the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kamlib.render import batch, incremental
from kamlib.render.task import RenderItem, RenderSpec


@pytest.fixture
def fake_task(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace render_task: write ipynb + requested formats, record 'client/module/lang'."""
    calls: list[str] = []

    def fake(spec: RenderSpec) -> RenderItem:
        calls.append(f"{spec.client_slug}/{spec.module}/{spec.lang}")
        spec.target_dir.mkdir(parents=True, exist_ok=True)
        item = RenderItem(spec.client_slug, spec.module, spec.lang, "ok", client_name="Tüftel")
        for ext in ("ipynb", *spec.formats):
            path = spec.target_dir / f"{spec.module}.{ext}"
            # the executed notebook carries the metadata the index pages read
            text = json.dumps({"metadata": {"kam": spec.meta}}) if ext == "ipynb" else ext
            path.write_text(text, encoding="utf-8")
            item.outputs[ext] = str(path)
        return item

    monkeypatch.setattr(batch, "render_task", fake)
    return calls


def _render(client: Path, out: Path, **kw) -> batch.BatchResult:
    kw.setdefault("modules", ["overview"])
    kw.setdefault("formats", ("html",))
    return batch.render([client], out_dir=out, jobs=1, **kw)


def test_second_run_with_nothing_changed_renders_nothing(tiny_client, tmp_path, fake_task):
    out = tmp_path / "out"
    first = _render(tiny_client, out)
    assert [i.status for i in first.items] == ["ok"]
    client_files = sorted(p.name for p in tiny_client.iterdir())

    second = _render(tiny_client, out)
    assert fake_task == ["tiny-client/overview/de"]  # called once, by the first run
    (item,) = second.items
    assert item.status == "unchanged" and item.ok and second.ok
    assert item.outputs["html"] == str(out.resolve() / "tiny-client" / "de" / "overview.html")
    text = "\n".join(second.summary_lines("en"))
    assert "unchanged, skipped" in text
    assert "1 unchanged (not rendered again)" in text
    # the stamp lies beside the outputs, nothing was written into the client folder
    assert (out / "tiny-client" / "de" / ".overview.kam-render.json").is_file()
    assert sorted(p.name for p in tiny_client.iterdir()) == client_files
    # the index pages are still written and list the deliverable
    assert second.indexes == [str(out / "tiny-client" / "index.html")]
    assert "overview.html" in (out / "tiny-client" / "index.html").read_text(encoding="utf-8")
    assert second.batch_index


def test_german_summary_names_the_skip(tiny_client, tmp_path, fake_task):
    _render(tiny_client, tmp_path / "out")
    text = "\n".join(_render(tiny_client, tmp_path / "out").summary_lines("de"))
    assert "unverändert, übersprungen" in text


@pytest.mark.parametrize(
    "change",
    [
        # one more invoice line in an input file
        lambda c: (c / "sales.csv").write_text(
            (c / "sales.csv").read_text(encoding="utf-8") + "2025-06-02,010,10,1,R5,1\n",
            encoding="utf-8",
        ),
        # another consultant firm in client.yaml
        lambda c: (c / "client.yaml").write_text(
            (c / "client.yaml").read_text(encoding="utf-8").replace("Beispiel", "Andere"),
            encoding="utf-8",
        ),
        # a new file in the client folder
        lambda c: (c / "ratings.csv").write_text("customer_id,rating\n007,A\n", encoding="utf-8"),
    ],
    ids=["sales-line", "client-yaml", "new-file"],
)
def test_changed_input_renders_again(tiny_client, tmp_path, fake_task, change):
    _render(tiny_client, tmp_path / "out")
    change(tiny_client)
    again = _render(tiny_client, tmp_path / "out")
    assert [i.status for i in again.items] == ["ok"]
    assert len(fake_task) == 2


def test_changed_options_render_again(tiny_client, tmp_path, fake_task):
    out = tmp_path / "out"
    _render(tiny_client, out)
    _render(tiny_client, out, formats=("html", "pdf"))  # another format set
    _render(tiny_client, out, as_of="2025-06-30")  # another as_of
    _render(tiny_client, out, lang="en")  # another language: its own deliverable
    assert len(fake_task) == 4
    # one stamp per deliverable: the German one now holds the as_of run, the English its own
    for kw in ({"as_of": "2025-06-30"}, {"lang": "en"}):
        assert _render(tiny_client, out, **kw).items[0].status == "unchanged"
    assert len(fake_task) == 4


def test_force_renders_anyway(tiny_client, tmp_path, fake_task):
    _render(tiny_client, tmp_path / "out")
    forced = _render(tiny_client, tmp_path / "out", force=True)
    assert [i.status for i in forced.items] == ["ok"]
    assert len(fake_task) == 2


def test_missing_output_or_failed_copy_renders_again(tiny_client, tmp_path, fake_task):
    out = tmp_path / "out"
    _render(tiny_client, out)
    (out / "tiny-client" / "de" / "overview.html").unlink()
    assert _render(tiny_client, out).items[0].status == "ok"
    (out / "tiny-client" / "de" / "overview.failed.ipynb").write_text("{}", encoding="utf-8")
    assert _render(tiny_client, out).items[0].status == "ok"
    assert len(fake_task) == 3


def test_failed_render_leaves_no_stamp(tiny_client, tmp_path, fake_task, monkeypatch):
    out = tmp_path / "out"
    _render(tiny_client, out)

    def failing(spec: RenderSpec) -> RenderItem:
        fake_task.append("failed")
        return RenderItem(spec.client_slug, spec.module, spec.lang, "failed", message="boom")

    monkeypatch.setattr(batch, "render_task", failing)
    assert _render(tiny_client, out, force=True).items[0].status == "failed"
    assert not (out / "tiny-client" / "de" / ".overview.kam-render.json").exists()
    assert _render(tiny_client, out).items[0].status == "failed"  # tried again, not skipped
    assert fake_task == ["tiny-client/overview/de", "failed", "failed"]


def test_only_the_changed_module_runs(tiny_client, tmp_path, fake_task, notebook_set):
    out = tmp_path / "out"
    kw = {"modules": ["overview", "portfolio"], "notebook_dir": notebook_set}
    _render(tiny_client, out, **kw)
    assert len(fake_task) == 2
    # the portfolio notebook changes: only the portfolio deliverable is rendered again
    nb = notebook_set / "portfolio.ipynb"
    nb.write_text(nb.read_text(encoding="utf-8").replace("}", "} ", 1), encoding="utf-8")
    again = _render(tiny_client, out, **kw)
    assert {i.module: i.status for i in again.items} == {
        "overview": "unchanged",
        "portfolio": "ok",
    }
    assert fake_task[2:] == ["tiny-client/portfolio/de"]


def test_input_hash_pins_what_it_covers(tiny_client, tmp_path):
    """Same spec, same folder -> same hash; each option and the folder's content change it."""
    spec = RenderSpec(str(tiny_client), "overview", "de", str(tmp_path), ("html",))
    digest = incremental.client_digest(tiny_client)
    base = incremental.input_hash(spec, digest)
    assert incremental.input_hash(spec, incremental.client_digest(tiny_client)) == base
    variants = [
        RenderSpec(str(tiny_client), "overview", "en", str(tmp_path), ("html",)),
        RenderSpec(str(tiny_client), "overview", "de", str(tmp_path), ("html", "pdf")),
        RenderSpec(str(tiny_client), "overview", "de", str(tmp_path), ("html",), "2025-06-30"),
        RenderSpec(str(tiny_client), "portfolio", "de", str(tmp_path), ("html",)),
    ]
    hashes = {incremental.input_hash(v, digest) for v in variants}
    assert base not in hashes and len(hashes) == len(variants)
    (tiny_client / "customers.csv").write_text("customer_id,name\n1,A\n", encoding="utf-8")
    assert incremental.input_hash(spec, incremental.client_digest(tiny_client)) != base
