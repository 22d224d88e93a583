"""Portfolio charts: titles, labelled axes, language formats, zone shading and labels,
bubble area proportional to revenue, readability with 20,000 customers."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402

from kamlib.charts import portfolio as charts  # noqa: E402

try:  # tests/ may or may not be a package
    from tests.fake_portfolio import random_result, small_result
except ImportError:  # pragma: no cover - depends on pytest's import mode
    from fake_portfolio import random_result, small_result

NBSP = "\xa0"
CHARTS = [
    charts.bubble_chart,
    charts.abc_xyz_heatmap,
    charts.lorenz_chart,
    charts.zone_bar_chart,
    charts.sensitivity_chart,
    charts.ka_ranking_chart,
    charts.wallet_gap_chart,
]


@pytest.fixture(scope="module")
def small():
    return small_result()


@pytest.fixture(scope="module")
def big():
    return random_result(20_000)


def _texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        legend = ax.get_legend()
        if legend:
            out += [t.get_text() for t in legend.get_texts()]
        for artist in ax.artists:
            if hasattr(artist, "get_texts"):
                out += [t.get_text() for t in artist.get_texts()]
    return out


def _label_texts(fig) -> list:
    """Customer-name labels of the bubble chart (the only texts with a path effect)."""
    return [t for t in fig.axes[0].texts if t.get_path_effects()]


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_chart_has_a_title_and_returns_a_figure(chart, lang, small):
    fig = chart(small, lang)
    try:
        assert isinstance(fig, matplotlib.figure.Figure)
        ax = fig.axes[0]
        assert ax.get_title(loc="left")
        assert ax.get_xlabel()  # every chart labels its value axis
        assert fig.get_figwidth() == pytest.approx(6.7)
    finally:
        plt.close(fig)


def test_chart_titles_follow_the_language(small):
    de = charts.bubble_chart(small, "de")
    en = charts.bubble_chart(small, "en")
    try:
        assert de.axes[0].get_title(loc="left") == "Kundenportfolio: Potenzial × Attraktivität"
        assert en.axes[0].get_title(loc="left") == "Customer portfolio: potential × attractiveness"
        assert de.axes[0].get_ylabel() == "Potenzial (0–100)"
        assert en.axes[0].get_xlabel() == "Attractiveness / strategic fit (0–100)"
    finally:
        plt.close(de)
        plt.close(en)


def test_bubble_area_is_proportional_to_revenue(small):
    fig = charts.bubble_chart(small, "en")
    try:
        bubbles = next(c for c in fig.axes[0].collections if isinstance(c, PathCollection))
        sizes = np.sort(bubbles.get_sizes())[::-1]
        # largest customer K1 (400,000) gets the full 900 pt²; K2 (300,000) 900 * 0.75 = 675;
        # K3 (150,000) 337.5; K8 (0) the minimum dot of 4 pt²
        assert sizes[0] == pytest.approx(900.0)
        assert sizes[1] == pytest.approx(675.0)
        assert sizes[2] == pytest.approx(337.5)
        assert sizes[-1] == pytest.approx(4.0)
    finally:
        plt.close(fig)


def test_bubble_chart_labels_the_key_accounts(small):
    fig = charts.bubble_chart(small, "de")
    try:
        names = sorted(t.get_text() for t in _label_texts(fig))
        # key accounts of the fixture: K1, K3, K5; K2 (Beta, score 72) qualifies unflagged
        assert names == [
            "Alpha Maschinen GmbH",
            "Beta Anlagenbau AG",
            "Epsilon Handel OHG",
            "Gamma Präzision KG",
        ]
    finally:
        plt.close(fig)


def test_bubble_chart_uses_zone_labels_from_config(small):
    settings = small.settings.model_copy(deep=True)
    settings.zone_labels.de = {**settings.zone_labels.de, "protect": "Kronjuwelen"}
    result = small_result()
    result.settings = settings
    fig = charts.bubble_chart(result, "de")
    try:
        texts = _texts(fig)
        assert "Kronjuwelen" in texts
        assert "Entwicklungszone" in texts and "Rückzugszone" in texts
    finally:
        plt.close(fig)


def test_bubble_chart_draws_split_lines_at_the_configured_splits():
    result = small_result()
    result.settings.zone_split.potential = 60.0
    result.settings.zone_split.attractiveness = 40.0
    fig = charts.bubble_chart(result, "en")
    try:
        lines = fig.axes[0].get_lines()
        dashed = [ln for ln in lines if ln.get_linestyle() == "--"]
        xs = {float(ln.get_xdata()[0]) for ln in dashed if ln.get_xdata()[0] == ln.get_xdata()[1]}
        ys = {float(ln.get_ydata()[0]) for ln in dashed if ln.get_ydata()[0] == ln.get_ydata()[1]}
        assert 40.0 in xs and 60.0 in ys
    finally:
        plt.close(fig)


def test_bubble_chart_with_20000_customers_caps_labels_and_keeps_them_apart(big):
    fig = charts.bubble_chart(big, "de")
    try:
        labels = _label_texts(fig)
        assert len(labels) == charts.MAX_LABELS  # 60 key accounts, only 15 named
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in labels]
        overlaps = [
            (labels[i].get_text(), labels[j].get_text())
            for i in range(len(boxes))
            for j in range(i + 1, len(boxes))
            if boxes[i].overlaps(boxes[j])
        ]
        assert not overlaps
        ax_box = fig.axes[0].get_window_extent(renderer)
        assert all(ax_box.contains(b.x0, b.y0) and ax_box.contains(b.x1, b.y1) for b in boxes)
    finally:
        plt.close(fig)


def test_dense_bubble_clouds_become_transparent(big, small):
    dense = charts.bubble_chart(big, "en")
    sparse = charts.bubble_chart(small, "en")
    try:
        a_dense = next(c for c in dense.axes[0].collections if isinstance(c, PathCollection))
        a_sparse = next(c for c in sparse.axes[0].collections if isinstance(c, PathCollection))
        assert a_dense.get_alpha() < a_sparse.get_alpha()
    finally:
        plt.close(dense)
        plt.close(sparse)


def test_heatmap_annotates_count_and_revenue_share_in_german(small):
    fig = charts.abc_xyz_heatmap(small, "de")
    try:
        texts = _texts(fig)
        # AX: K1 alone, 400,000 / 1,000,000 = 40,0 %
        assert "AX" in texts and "1 Kunde" in texts and f"40,0{NBSP}% Umsatz" in texts
        # AZ and BY are empty fields: still annotated
        assert "0 Kunden" in texts
        note = next(t for t in texts if t.startswith("Außerhalb der Matrix"))
        # K7 new with 10,000 = 1,0 %; K8 without revenue
        assert f"Neukunden: 1 (1,0{NBSP}% Umsatz)" in note and "ohne Umsatz im Zeitraum: 1" in note
    finally:
        plt.close(fig)


def test_heatmap_uses_english_number_format(small):
    fig = charts.abc_xyz_heatmap(small, "en")
    try:
        texts = _texts(fig)
        assert "40.0% of revenue" in texts and "1 customer" in texts
        assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == [
            "X (steady)", "Y (fluctuating)", "Z (sporadic)",
        ]  # fmt: skip
    finally:
        plt.close(fig)


def test_lorenz_chart_marks_the_share_of_customers_behind_80_percent(small):
    fig = charts.lorenz_chart(small, "de")
    try:
        # cumulative shares 40 %, 70 %, 85 %: the third of eight customers crosses 80 % -> 37,5 %
        assert f"37,5{NBSP}% der Kunden = 80{NBSP}% des Umsatzes" in _texts(fig)
        fmt = fig.axes[0].yaxis.get_major_formatter()
        assert fmt(0.2, 0) == f"20{NBSP}%"
    finally:
        plt.close(fig)


def test_lorenz_axis_is_english_percent(small):
    fig = charts.lorenz_chart(small, "en")
    try:
        assert fig.axes[0].xaxis.get_major_formatter()(0.4, 0) == "40%"
    finally:
        plt.close(fig)


def test_wallet_chart_shows_the_largest_gaps_first(small):
    fig = charts.wallet_gap_chart(small, "en")
    try:
        ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        # gaps: K4 320,000 > K2 300,000 > K1 100,000 > K3 10,000 > K5 = K6 5,000
        assert ticks[:3] == ["Delta Technik GmbH", "Beta Anlagenbau AG", "Alpha Maschinen GmbH"]
    finally:
        plt.close(fig)


def test_ka_ranking_chart_draws_the_cut_line(small):
    fig = charts.ka_ranking_chart(small, "de")
    try:
        xs = [ln.get_xdata()[0] for ln in fig.axes[0].get_lines()]
        assert 60.0 in xs
        assert "Schwelle 60" in _texts(fig)
    finally:
        plt.close(fig)


def test_short_name_wraps_long_names_and_never_cuts_them():
    # "Pharmatechnik Rhön GmbH" is 23 characters: two lines of at most 14, no word split
    assert charts.short_name("Pharmatechnik Rhön GmbH", 14) == "Pharmatechnik\nRhön GmbH"
    assert charts.short_name("Kurz", 12) == "Kurz"
    assert charts.short_name(float("nan")) == ""
    assert "…" not in charts.short_name("Stein Verpackungstechnik GmbH & Co. KG")


def test_heatmap_cells_are_vector_shapes_not_an_image(small):
    from matplotlib.collections import QuadMesh
    from matplotlib.image import AxesImage

    fig = charts.abc_xyz_heatmap(small, "de")
    try:
        assert not fig.findobj(AxesImage)
        (mesh,) = fig.findobj(QuadMesh)
        assert mesh.get_array().size == 9  # one cell per ABC-XYZ field
        assert fig.axes[0].get_ylim() == (2.5, -0.5)  # A on top, as before
    finally:
        plt.close(fig)


def test_bubble_labels_key_accounts_first_then_unflagged_qualifiers():
    import pandas as pd

    from kamlib.charts.portfolio import _label_candidates

    customers = pd.DataFrame(
        {
            "customer_id": ["big", "ka1", "ka2", "q1", "none"],
            "revenue": [900.0, 500.0, 100.0, 300.0, 800.0],
            "is_key_account": [False, True, True, False, False],
            "ka_recommended": [True, True, False, True, False],
            "zone": ["protect"] * 5,
        }
    )
    # flagged by revenue (ka1 500, ka2 100), then qualifying but unflagged (big 900, q1 300)
    assert _label_candidates(customers, 10)["customer_id"].tolist() == ["ka1", "ka2", "big", "q1"]
    assert _label_candidates(customers, 3)["customer_id"].tolist() == ["ka1", "ka2", "big"]


def test_bubble_chart_draws_placed_customers_only_and_provisional_ones_hollow(small):
    import dataclasses

    customers = small.customers.copy()
    # K8 (no revenue) is "to be rated": scores present but no zone -> not drawn;
    # K6 is placed from data alone -> a hollow bubble of its own
    customers.loc[customers["customer_id"] == "K8", "zone"] = ""
    customers["provisional"] = customers["customer_id"] == "K6"
    result = dataclasses.replace(small, customers=customers)
    fig = charts.bubble_chart(result, "en")
    try:
        bubbles = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
        filled, hollow = bubbles[0], bubbles[1]
        # 8 customers - K8 (not placed) - K6 (hollow) = 6 filled bubbles
        assert len(filled.get_offsets()) == 6
        assert len(hollow.get_offsets()) == 1
        assert hollow.get_facecolors().size == 0  # facecolor "none": an empty ring
    finally:
        plt.close(fig)


def test_zone_chart_legend_names_the_base_of_each_bar(small):
    # customer shares are of the placed customers, revenue shares of all revenue:
    # the legend says so, since the two bar sets do not sum to the same total
    fig = charts.zone_bar_chart(small, "en")
    placed = int(small.zones["customers"].sum())
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == [f"Share of the {placed} placed customers", "Share of all revenue"]
    plt.close(fig)
