"""Workshop panel (kamlib.widgets), headless: build it, move controls, save.

The tiny client has four customers rated on two potential criteria
(future_demand, customer_size) and two attractiveness criteria
(decision_access, chemistry), all weights 0.5, so every score is the plain
mean of two ratings mapped 1..5 -> 0, 25, 50, 75, 100:

====  ==============  ===========  =======  ===============  =========  =======
cust  future/size     potential    access/  attractiveness   zone at    revenue
                                   chem                      split 50   (12 mo)
====  ==============  ===========  =======  ===============  =========  =======
K1    5/3 -> 100/50   75           2/5      25/100 -> 62.5   protect    12,000
K2    4/3 -> 75/50    62.5         4/3      75/50 -> 62.5    protect     6,000
K3    3/3 -> 50/50    50           1/4      0/75 -> 37.5     develop     3,600
K4    1/2 -> 0/25     12.5         5/5      100              maintain    1,200
====  ==============  ===========  =======  ===============  =========  =======

Each customer buys the same amount every month July 2025 - June 2026, so all
are class X; ABC at 80/95 %: total 22,800; revenue before K1 0, K2 12,000
(52.6 %), K3 18,000 (78.9 %), K4 21,600 (94.7 %) -> A, A, A, B.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

import kamlib
from kamlib.analysis import portfolio as pf
from kamlib.config import load_config
from kamlib.i18n import Formatter
from kamlib.widgets import (
    Choice,
    RangePair,
    SettingsPanel,
    Slider,
    ValueGroup,
    WeightGroup,
    changed_zones,
    portfolio_panel,
)

CLIENT_YAML = """\
# Tiny client for the workshop tests
name: "Tiny Test GmbH"
as_of: 2026-06-30     # fixed reference date
portfolio:
  abc: {basis: revenue, cutoffs: [0.80, 0.95]}   # Pareto
  potential:            # potential criteria, all from workshop ratings
    future_demand: 0.5
    customer_size: 0.5
  attractiveness:       # fit criteria
    decision_access: 0.5   # access to decision makers
    chemistry: 0.5         # personal fit
  zone_split: {potential: 50, attractiveness: 50}   # middle of the axes
"""

RATINGS = {  # customer: (future_demand, customer_size, decision_access, chemistry)
    "K1": (5, 3, 2, 5),
    "K2": (4, 3, 4, 3),
    "K3": (3, 3, 1, 4),
    "K4": (1, 2, 5, 5),
}
MONTHLY = {"K1": 1000.0, "K2": 500.0, "K3": 300.0, "K4": 100.0}
MONTHS = [f"2025-{m:02d}-15" for m in range(7, 13)] + [f"2026-{m:02d}-15" for m in range(1, 7)]


def write_tiny_client(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "client.yaml").write_text(CLIENT_YAML, encoding="utf-8")
    (folder / "customers.csv").write_text(
        "customer_id,name,industry,region,is_key_account\n"
        + "".join(f"{c},Kunde {c},Maschinenbau,Nord,false\n" for c in RATINGS),
        encoding="utf-8",
    )
    lines = ["date,invoice_id,line_no,customer_id,net_revenue,contribution_margin"]
    for i, (c, amount) in enumerate(MONTHLY.items()):
        for j, day in enumerate(MONTHS):
            lines.append(f"{day},R{i}{j:02d},1,{c},{amount:.2f},{amount * 0.3:.2f}")
    (folder / "sales.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    crits = ("future_demand", "customer_size", "decision_access", "chemistry")
    rows = ["customer_id,criterion,rating"]
    rows += [f"{c},{k},{r}" for c, rs in RATINGS.items() for k, r in zip(crits, rs, strict=True)]
    (folder / "ratings.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def tiny_dir(tmp_path: Path, monkeypatch) -> Path:
    # hermetic: no table cache in the home folder (also for papermill's kernel)
    monkeypatch.setenv("KAM_NO_CACHE", "1")
    return write_tiny_client(tmp_path / "clients" / "tiny")


@pytest.fixture
def panel(tiny_dir: Path) -> SettingsPanel:
    client = kamlib.load_client(tiny_dir)
    p = portfolio_panel(client, lang="de", workshop=True, show=False)
    assert p is not None
    return p


def zones(panel: SettingsPanel) -> dict[str, str]:
    c = panel.result.customers
    return dict(zip(c["customer_id"], c["zone"], strict=True))


# --- the portfolio panel on the tiny client -------------------------------------


def test_panel_starts_with_the_saved_zones(panel: SettingsPanel):
    assert zones(panel) == {"K1": "protect", "K2": "protect", "K3": "develop", "K4": "maintain"}
    assert panel.unsaved() == []
    assert "Keine" not in panel.sections["changed"].value  # sanity: German text present
    assert "Kein Kunde wechselt die Zone" in panel.sections["changed"].value


def test_raising_the_potential_split_to_60_moves_k3_to_withdraw(panel: SettingsPanel):
    # K3 potential 50 < 60 -> low; attractiveness 37.5 < 50 -> withdraw.
    # K2 (62.5) and K1 (75) stay high, K4 (12.5) was low already.
    panel.widget_for("portfolio.zone_split.potential").value = 60
    assert zones(panel) == {"K1": "protect", "K2": "protect", "K3": "withdraw", "K4": "maintain"}
    changed = changed_zones(panel.result, panel.saved_result)
    assert changed[["customer_id", "zone_before", "zone_now"]].values.tolist() == [
        ["K3", "develop", "withdraw"]
    ]
    assert changed["revenue"].tolist() == [3600.0]  # 12 × 300
    html = panel.sections["changed"].value
    assert "Kunde K3" in html and "Entwicklungszone → Rückzugszone" in html and "3.600\xa0€" in html
    assert panel.unsaved() == ["portfolio.zone_split.potential"]


def test_changes_recompute_without_reading_files_again(panel: SettingsPanel, monkeypatch):
    import pandas as pd

    def no_io(*_a, **_k):
        raise AssertionError("a control change must not read client files")

    monkeypatch.setattr(pf, "prepare", no_io)
    monkeypatch.setattr(pd, "read_csv", no_io)
    monkeypatch.setattr(kamlib, "load_client", no_io)
    panel.set("portfolio.zone_split.potential", 60)
    assert zones(panel)["K3"] == "withdraw"


def test_access_over_chemistry_moves_k1_to_develop(panel: SettingsPanel):
    # decision_access 0.8, chemistry 0.2:
    # K1 0.8×25 + 0.2×100 = 40 (< 50: develop); K2 0.8×75 + 0.2×50 = 70 (protect);
    # K3 0.8×0 + 0.2×75 = 15 (develop); K4 100 (maintain)
    with panel.hold():
        panel.set("portfolio.attractiveness.decision_access", 0.8)
        panel.set("portfolio.attractiveness.chemistry", 0.2)
    assert zones(panel) == {"K1": "develop", "K2": "protect", "K3": "develop", "K4": "maintain"}
    att = dict(
        zip(
            panel.result.customers["customer_id"],
            panel.result.customers["attractiveness_score"],
            strict=True,
        )
    )
    assert att["K1"] == pytest.approx(40.0)
    assert att["K2"] == pytest.approx(70.0)
    # the share labels show the normalised weights: 0.8 / (0.8 + 0.2) = 80 %
    group = panel.control("portfolio.attractiveness")
    assert isinstance(group, WeightGroup)
    assert "80" in group.shares["decision_access"].value
    assert "20" in group.shares["chemistry"].value


def test_weight_shares_are_normalised_when_sliders_do_not_sum_to_one(panel: SettingsPanel):
    # 0.6 and 0.2 -> 0.6 / 0.8 = 75 %, 0.2 / 0.8 = 25 %
    with panel.hold():
        panel.set("portfolio.attractiveness.decision_access", 0.6)
        panel.set("portfolio.attractiveness.chemistry", 0.2)
    group = panel.control("portfolio.attractiveness")
    assert group.shares["decision_access"].value == "<b>75\xa0%</b>"
    assert group.shares["chemistry"].value == "<b>25\xa0%</b>"
    # K1: 0.75×25 + 0.25×100 = 43.75 -> develop
    assert zones(panel)["K1"] == "develop"


def test_moving_abc_cutoffs_updates_the_matrix(panel: SettingsPanel):
    # cut-offs 50 % / 90 %: K1 before 0 -> A; K2 before 52.6 % -> B;
    # K3 before 78.9 % -> B; K4 before 94.7 % -> C
    panel.set("portfolio.abc.cutoffs", (0.5, 0.9))
    c = panel.result.customers.set_index("customer_id")
    assert c["abc_class"].to_dict() == {"K1": "A", "K2": "B", "K3": "B", "K4": "C"}
    m = panel.result.matrix.set_index(["abc", "xyz"])["customers"]
    assert (m[("A", "X")], m[("B", "X")], m[("C", "X")]) == (1, 2, 1)


def test_cutoff_changes_reuse_the_bubble_chart_and_split_changes_redraw_it(panel: SettingsPanel):
    draws = panel.charts.draws
    png = panel.sections["bubble"].value
    panel.set("portfolio.abc.cutoffs", (0.5, 0.9))  # no bubble moves
    panel.set("portfolio.xyz.cutoffs", (0.4, 0.9))
    assert panel.charts.draws == draws
    assert panel.sections["bubble"].value == png
    panel.set("portfolio.zone_split.potential", 60)  # split lines and K3's colour move
    assert panel.charts.draws == draws + 1
    assert panel.sections["bubble"].value != png


def test_all_zero_weights_are_shown_as_invalid_and_keep_the_last_result(panel: SettingsPanel):
    before = zones(panel)
    with panel.hold():
        panel.set("portfolio.potential.future_demand", 0.0)
        panel.set("portfolio.potential.customer_size", 0.0)
    assert zones(panel) == before
    assert "ungültig" in panel.status_text
    assert panel.save() is None  # nothing invalid reaches the file
    assert (panel.client_dir / "client.yaml").read_text(encoding="utf-8") == CLIENT_YAML


def test_save_writes_values_keeps_comments_and_makes_backup(panel: SettingsPanel, tiny_dir: Path):
    panel.set("portfolio.zone_split.potential", 60)
    with panel.hold():
        panel.set("portfolio.attractiveness.decision_access", 0.8)
        panel.set("portfolio.attractiveness.chemistry", 0.2)
    files_before = sorted(p.name for p in tiny_dir.iterdir())
    report = panel.save()
    assert report is not None and report.changed
    text = (tiny_dir / "client.yaml").read_text(encoding="utf-8")
    for comment in (
        "# Tiny client for the workshop tests",
        "# access to decision makers",
        "# personal fit",
        "# middle of the axes",
        "# Pareto",
    ):
        assert comment in text
    assert "decision_access: 0.8   # access to decision makers" in text
    assert "chemistry: 0.2         # personal fit" in text
    assert "zone_split: {potential: 60, attractiveness: 50}" in text
    # backup outside the client folder with the old content
    assert report.backup.exists() and tiny_dir not in report.backup.parents
    assert report.backup.read_text(encoding="utf-8") == CLIENT_YAML
    assert sorted(p.name for p in tiny_dir.iterdir()) == files_before
    cfg = load_config(tiny_dir / "client.yaml")
    assert cfg.portfolio.zone_split.potential == 60
    assert cfg.portfolio.attractiveness == {"decision_access": 0.8, "chemistry": 0.2}
    # the panel now compares against the new saved values
    assert panel.unsaved() == []
    assert "Kein Kunde wechselt die Zone" in panel.sections["changed"].value
    assert str(report.backup) in panel.status_text
    # the next analysis (as `kam render` runs it) uses the saved settings
    fresh = pf.analyse(kamlib.load_client(tiny_dir))
    assert dict(zip(fresh.customers["customer_id"], fresh.customers["zone"], strict=True)) == {
        "K1": "develop",
        "K2": "protect",
        "K3": "withdraw",
        "K4": "maintain",
    }


def test_reset_returns_to_saved_values(panel: SettingsPanel):
    panel.set("portfolio.zone_split.potential", 60)
    panel.reset()
    assert panel.get("portfolio.zone_split.potential") == 50
    assert zones(panel)["K3"] == "develop"
    assert panel.unsaved() == []


def test_language_toggle_relabels_controls_and_outputs(panel: SettingsPanel):
    panel.set("portfolio.zone_split.potential", 60)
    panel.set_language("en")
    assert panel.widget_for("portfolio.zone_split.potential").description == "Potential from"
    assert "Develop → Withdraw" in panel.sections["changed"].value
    assert "€3,600" in panel.sections["changed"].value
    assert "Recomputed in" in panel.status_text


def test_language_toggle_keeps_the_client_currency(tiny_dir: Path):
    client = kamlib.load_client(tiny_dir)
    p = portfolio_panel(client, lang=Formatter("de", "CHF"), workshop=True, show=False)
    p.set("portfolio.zone_split.potential", 60)
    assert "3.600\xa0CHF" in p.sections["changed"].value
    p.set_language("en")
    assert p.lang == "en" and p.lang.currency == "CHF"
    assert "CHF\xa03,600" in p.sections["changed"].value and "€" not in p.sections["changed"].value


def test_timing_is_measured_for_each_change(panel: SettingsPanel):
    panel.set("portfolio.zone_split.attractiveness", 40)
    assert panel.timing.compute > 0 and panel.timing.draw > 0
    assert "Neu berechnet in" in panel.status_text
    assert panel.sections["bubble"].value[:8] == b"\x89PNG\r\n\x1a\n"


def test_workshop_false_returns_none_and_creates_no_widget(tiny_dir: Path, capsys, monkeypatch):
    import kamlib.widgets.controls as kw

    def no_widgets():
        raise AssertionError("ipywidgets must not be touched when rendering")

    monkeypatch.setattr(kw, "_w", no_widgets)  # every widget is built through controls._w()
    client = kamlib.load_client(tiny_dir)
    assert portfolio_panel(client, lang="de", workshop=False) is None
    assert capsys.readouterr().out == ""


# --- the generic panel with a fake module ---------------------------------------


def fake_panel(tiny_dir: Path, calls: list) -> SettingsPanel:
    """A panel over several control kinds whose compute records its settings."""
    cfg = load_config(tiny_dir / "client.yaml")

    def compute(c):
        calls.append(c)
        return {"split": c.portfolio.zone_split.potential, "cutoffs": c.portfolio.abc.cutoffs}

    def render(result, saved, lang):
        return {"text": f"<p>{lang}: {result['split']} (saved {saved['split']})</p>"}

    return SettingsPanel(
        cfg,
        [
            Slider("portfolio.zone_split.potential", "widgets.pf_split_potential", 0, 100, 1),
            RangePair("portfolio.abc.cutoffs", "widgets.pf_abc_cutoffs", 0.5, 1.0, 0.01),
            RangePair(
                "portfolio.xyz.frequency_cutoffs",
                "widgets.pf_xyz_freq_cutoffs",
                0.05,
                1.0,
                0.05,
                descending=True,
            ),
            Choice(
                "portfolio.abc.basis",
                "widgets.pf_classes",
                {"revenue": "common.revenue", "margin": "common.margin"},
            ),
            ValueGroup(
                "portfolio.zone_split",
                "widgets.pf_splits",
                keys=["attractiveness"],
                min=0,
                max=100,
                step=1,
            ),
        ],
        compute,
        render,
        client_dir=tiny_dir,
        lang="de",
    )


def test_hold_batches_changes_into_one_recompute(tiny_dir: Path):
    calls: list = []
    p = fake_panel(tiny_dir, calls)
    assert len(calls) == 1  # the saved baseline
    with p.hold():
        p.set("portfolio.zone_split.potential", 70)
        p.set("portfolio.abc.cutoffs", (0.7, 0.9))
    assert len(calls) == 2
    assert p.sections["text"].value == "<p>de: 70.0 (saved 50.0)</p>"
    p.set("portfolio.zone_split.potential", 65)  # outside hold: one recompute per change
    assert len(calls) == 3


def test_range_pair_keeps_cutoffs_strictly_ordered(tiny_dir: Path):
    calls: list = []
    p = fake_panel(tiny_dir, calls)
    # dragging the lower handle onto the upper one pushes it one step (0.01) below
    p.widget_for("portfolio.abc.cutoffs").value = (0.95, 0.95)
    assert p.get("portfolio.abc.cutoffs") == (0.94, 0.95)
    # and the upper handle onto the lower one pushes it one step above
    p.widget_for("portfolio.abc.cutoffs").value = (0.94, 0.94)
    assert p.get("portfolio.abc.cutoffs") == (0.94, 0.95)


def test_descending_range_pair_stores_high_then_low(tiny_dir: Path):
    p = fake_panel(tiny_dir, [])
    # the slider shows (low, high) = (0.40, 0.75); the setting is [X limit, Y limit] = (0.75, 0.4)
    assert p.widget_for("portfolio.xyz.frequency_cutoffs").value == (0.4, 0.75)
    p.set("portfolio.xyz.frequency_cutoffs", (0.5, 0.8))
    assert p.get("portfolio.xyz.frequency_cutoffs") == (0.8, 0.5)


def test_saved_value_outside_the_slider_range_is_not_clamped(tiny_dir: Path):
    cfg = load_config(tiny_dir / "client.yaml").model_copy(deep=True)
    cfg.portfolio.abc.cutoffs = (0.4, 0.95)  # below the slider's usual minimum of 0.5
    p = SettingsPanel(
        cfg,
        [RangePair("portfolio.abc.cutoffs", "widgets.pf_abc_cutoffs", 0.5, 1.0, 0.01)],
        compute=lambda c: c.portfolio.abc.cutoffs,
        render=lambda r, s, lang: {"x": str(r)},
    )
    assert p.get("portfolio.abc.cutoffs") == (0.4, 0.95)
    assert p.unsaved() == []


def test_choice_and_value_group_save_like_other_controls(tiny_dir: Path):
    p = fake_panel(tiny_dir, [])
    p.set("portfolio.abc.basis", "margin")
    p.set("portfolio.zone_split.attractiveness", 45)
    report = p.save()
    assert report is not None
    assert {c.path: c.new for c in report.changes} == {
        "portfolio.abc.basis": "margin",
        "portfolio.zone_split.attractiveness": 45,
    }
    cfg = load_config(tiny_dir / "client.yaml")
    assert cfg.portfolio.abc.basis == "margin" and cfg.portfolio.zone_split.attractiveness == 45


def test_save_without_changes_says_so_and_writes_nothing(tiny_dir: Path):
    p = fake_panel(tiny_dir, [])
    report = p.save()
    assert report is not None and not report.changed
    assert "Nichts zu speichern" in p.status_text
    assert not (tiny_dir.parent / ".kam-backups").exists()


def test_save_error_is_shown_not_raised(tiny_dir: Path):
    p = fake_panel(tiny_dir, [])
    p.set("portfolio.zone_split.potential", 60)

    def failing_save(*_a, **_k):
        raise PermissionError("read-only share")

    p._save = failing_save
    assert p.save() is None
    assert "read-only share" in p.status_text
    assert "client.yaml wurde nicht verändert" in p.status_text


# --- deliverables contain no widgets --------------------------------------------

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _panel_notebook() -> nbformat.NotebookNode:
    """The contract's notebook head plus the panel cell (as in notebooks/portfolio.ipynb)."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(
        'client_dir = "."\nlang = "de"\nas_of = None\nworkshop = True'
    )
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        params,
        nbformat.v4.new_code_cell(
            "import kamlib, kamlib.widgets\nclient = kamlib.load_client(client_dir, as_of=as_of)"
        ),
        nbformat.v4.new_code_cell("kamlib.widgets.portfolio_panel(client, lang, workshop)"),
        nbformat.v4.new_markdown_cell("Nach dem Panel"),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "language": "python",
        "display_name": "Python 3",
    }
    return nb


def _panel_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    # papermill inserts an "injected-parameters" cell, so find the cell by its code
    (cell,) = [c for c in nb.cells if "portfolio_panel(" in c.source]
    return cell


def _execute(nb_path: Path, out: Path, client_dir: Path, workshop: bool) -> nbformat.NotebookNode:
    import papermill

    papermill.execute_notebook(
        str(nb_path),
        str(out),
        parameters={"client_dir": str(client_dir), "lang": "de", "workshop": workshop},
        kernel_name="python3",
        progress_bar=False,
    )
    return nbformat.read(out, as_version=4)


@pytest.mark.e2e
def test_rendered_notebook_has_no_widget_output_or_state(tiny_dir: Path, tmp_path: Path):
    from nbconvert import HTMLExporter

    nb_path = tmp_path / "panel.ipynb"
    nbformat.write(_panel_notebook(), nb_path)
    rendered = _execute(nb_path, tmp_path / "rendered.ipynb", tiny_dir, workshop=False)
    raw = json.dumps(rendered)
    assert WIDGET_VIEW not in raw
    assert "widgets" not in rendered.metadata  # no stored widget state
    assert _panel_cell(rendered).outputs == []  # the panel cell shows nothing at all
    html, _ = HTMLExporter().from_notebook_node(rendered)
    assert "widget-view" not in html and "widget-state" not in html
    assert "@jupyter-widgets" not in html  # no widget manager script from a CDN

    # control: the same notebook in workshop mode does produce a widget view,
    # so the checks above would catch a panel leaking into a deliverable
    live = _execute(nb_path, tmp_path / "live.ipynb", tiny_dir, workshop=True)
    outputs = _panel_cell(live).outputs
    assert [sorted(o.get("data", {})) for o in outputs] == [[WIDGET_VIEW, "text/plain"]]
    # (and no stray copy of the bubble chart: the panel closes its figures)


@pytest.mark.e2e
def test_rendered_portfolio_deliverable_contains_no_widget(tiny_dir: Path, tmp_path: Path):
    from kamlib.render import render

    result = render(
        [tiny_dir], modules=["portfolio"], formats=["html"], out_dir=tmp_path / "out", jobs=1
    )
    assert result.ok
    out = tmp_path / "out" / "tiny" / "de"
    executed = nbformat.read(out / "portfolio.ipynb", as_version=4)
    assert WIDGET_VIEW not in json.dumps(executed)
    assert "widgets" not in executed.metadata
    assert _panel_cell(executed).outputs == []
    html = (out / "portfolio.html").read_text(encoding="utf-8")
    for trace in ("widget-view", "widget-state", "jupyter-widgets", "Error displaying widget"):
        assert trace not in html
    # rendering never writes into the client folder
    assert sorted(p.name for p in tiny_dir.iterdir()) == [
        "client.yaml",
        "customers.csv",
        "ratings.csv",
        "sales.csv",
    ]
