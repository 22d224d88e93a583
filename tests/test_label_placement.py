"""Labels and leader lines in the charts (issue 11 point 4): no leader crosses a label,
no label hides a point's centre.

``kamlib.charts.placement.label_problems`` measures the drawn figure in display
coordinates; it runs here on the portfolio bubble charts of both demo clients,
on a dense synthetic portfolio with 30 labels, and on every other chart of the
kit with labels beside points or annotation arrows (retention risk matrix,
C-customer whale curve and pricing curve).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.transforms import Bbox

import kamlib
from kamlib.charts import portfolio as charts
from kamlib.charts.placement import (
    Segment,
    balanced_label,
    label_problems,
    segment_hits_box,
    segments_cross,
)
from kamlib.charts.style import clear_labels, new_figure

try:  # tests/ may or may not be a package
    from tests.fake_portfolio import random_result
except ImportError:  # pragma: no cover - depends on pytest's import mode
    from fake_portfolio import random_result

ROOT = Path(__file__).resolve().parent.parent
DEMOS = [("demo-maschinenbau", "de"), ("demo-components", "en")]


def _labels(fig) -> list:
    return [t for t in fig.axes[0].texts if (t.get_gid() or "").startswith("kam-label")]


def _overlapping(fig) -> list[tuple[str, str]]:
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    labels = _labels(fig)
    boxes = [t.get_window_extent(renderer) for t in labels]
    return [
        (labels[i].get_text(), labels[j].get_text())
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if boxes[i].overlaps(boxes[j])
    ]


# --- geometry on hand-made cases ----------------------------------------------------------


def test_segments_cross_and_touch():
    assert segments_cross(Segment(0, 0, 10, 10), Segment(0, 10, 10, 0))  # an X
    assert not segments_cross(Segment(0, 0, 10, 0), Segment(0, 1, 10, 1))  # parallel
    assert segments_cross(Segment(0, 0, 10, 0), Segment(10, 0, 10, 5))  # touching end
    assert not segments_cross(Segment(0, 0, 4, 4), Segment(5, 5, 9, 9))  # same line, apart


def test_segment_hits_box_through_or_ending_inside():
    box = Bbox.from_extents(10, 10, 20, 20)
    assert segment_hits_box(Segment(0, 15, 30, 15), box)  # straight through
    assert segment_hits_box(Segment(15, 15, 40, 40), box)  # starts inside
    assert not segment_hits_box(Segment(0, 0, 30, 5), box)  # passes below
    assert not segment_hits_box(Segment(0, 25, 9, 40), box)


def test_label_problems_finds_a_crossing_leader_and_a_covered_centre():
    fig, ax = new_figure(4, 3)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.scatter([2, 8], [2, 8], s=20)
    ax.text(5, 5, "Mitte", ha="center", va="center", fontsize=9)
    # an arrow from (1, 5) to (9, 5) runs straight through "Mitte"
    ax.annotate("Links", xy=(9, 5), xytext=(1, 5), arrowprops={"arrowstyle": "-"})
    ax.text(8, 8, "Oben", ha="center", va="center")  # right on the point (8, 8)
    try:
        problems = label_problems(fig)
        assert "leader of 'Links' crosses 'Mitte'" in problems
        assert "'Oben' covers 1 point centre(s)" in problems
        assert len(problems) == 2
    finally:
        plt.close(fig)


def test_balanced_label_leaves_no_word_alone():
    assert balanced_label("Wolf Kartonagen GmbH & Co. KG", 26) == "Wolf Kartonagen\nGmbH & Co. KG"
    assert balanced_label("Lagertechnik Rhön AG", 26) == "Lagertechnik Rhön AG"
    assert balanced_label("Pharmatechnik Rhön GmbH", 14) == "Pharmatechnik\nRhön GmbH"


# --- the kit's charts ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_portfolios():
    from kamlib.analysis import portfolio

    return {c: portfolio.analyse(kamlib.load_client(ROOT / "client_data" / c)) for c, _ in DEMOS}


@pytest.mark.parametrize(("client", "lang"), DEMOS)
def test_demo_bubble_chart_leaders_cross_no_label_and_labels_hide_no_bubble(
    demo_portfolios, client, lang
):
    fig = charts.bubble_chart(demo_portfolios[client], lang)
    try:
        assert len(_labels(fig)) >= 8
        assert label_problems(fig) == []
        assert _overlapping(fig) == []
        # nothing crosses a label, so report.figure's clear_labels adds no white box
        clear_labels(fig)
        assert [t.get_text() for t in fig.axes[0].texts if t.get_bbox_patch()] == []
        # leaders run under the bubbles (zorder 2)
        leaders = [ln for ln in fig.axes[0].lines if (ln.get_gid() or "").startswith("kam-")]
        assert leaders and all(ln.get_zorder() < 2 for ln in leaders)
    finally:
        plt.close(fig)


def test_dense_bubble_chart_with_30_labels_stays_clear():
    result = random_result(200, seed=3)  # 60 flagged key accounts among 200 customers
    c = result.customers
    rng = np.random.default_rng(5)
    words = ["Nord", "Technik", "Stahl", "Logistik", "Chemie", "Bau", "Elektro", "Holz"]
    c["customer_name"] = [f"{rng.choice(words)} {i} GmbH" for i in range(len(c))]
    # spread over the whole matrix (the fixture's potential sits on five rows)
    c["potential_score"] = np.round(rng.uniform(0, 100, len(c)), 1)
    high_p, high_a = c["potential_score"] >= 50, c["attractiveness_score"] >= 50
    c["zone"] = np.select(
        [high_p & high_a, high_p & ~high_a, ~high_p & high_a],
        ["protect", "develop", "maintain"],
        "withdraw",
    )
    fig = charts.bubble_chart(result, "de", max_labels=30)
    try:
        assert len(_labels(fig)) == 30
        assert label_problems(fig) == []
        assert _overlapping(fig) == []
    finally:
        plt.close(fig)


@pytest.mark.parametrize(("client", "lang"), DEMOS)
def test_other_labelled_charts_have_no_crossing_leaders(client, lang):
    from kamlib.analysis import c_customers, retention
    from kamlib.charts import c_customers as cc
    from kamlib.charts import retention as rc

    data = kamlib.load_client(ROOT / "client_data" / client)
    r = retention.analyse(data)
    c = c_customers.analyse(data)
    for fig in (rc.risk_matrix_chart(r, lang), cc.whale_chart(c, lang), cc.pricing_chart(c, lang)):
        try:
            assert label_problems(fig) == []
        finally:
            plt.close(fig)
