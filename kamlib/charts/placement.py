"""Name labels beside points without crossing: a candidate search, and the check that proves it.

:func:`place_labels` puts each label (in priority order) at the first of a set
of candidate positions around its point — near first, then further out — that
stays inside the plot, covers no point's centre, overlaps no label placed
before it, and whose leader line crosses no other label, no other leader and
no line to avoid (split lines). When no candidate is clean, the one with the
fewest conflicts wins. Leaders are drawn under the bubbles, labels carry a
white halo instead of a box, so small bubbles stay visible.

:func:`label_problems` measures any drawn figure in display coordinates:
a leader (a ``kam-leader`` line or an annotation arrow) that crosses another
label's box, and a label box that covers a point's centre. The tests run it
on every chart with labels and leaders.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

from kamlib.charts.style import wrap_label

#: the gid prefix of a leader line drawn by :func:`place_labels`
LEADER_GID = "kam-leader"
#: offsets (points) of a label from the edge of its bubble, nearest first
DISTANCES_PT = (2.0, 8.0, 16.0, 26.0, 38.0, 52.0, 70.0, 90.0, 115.0, 145.0, 180.0, 220.0)
#: directions tried at each distance (degrees; 0 = right, counter-clockwise)
ANGLES = (
    0,
    45,
    -45,
    90,
    -90,
    135,
    -135,
    180,
    22.5,
    -22.5,
    157.5,
    -157.5,
    67.5,
    -67.5,
    112.5,
    -112.5,
)
#: a leader is drawn when the label sits further than this (points) from its bubble's edge
LEADER_FROM_PT = 5.0
#: placement attempts: labels left with a conflict (cost 10 or more) go first in the next one
RETRIES = 8
#: cost per point of distance between a label and its bubble (a crossed split line costs 2)
DISTANCE_COST = 0.03
#: white space kept around a label box (points)
PAD_PT = 1.5


def balanced_label(text: str, limit: int) -> str:
    """``text`` wrapped into lines of at most ``limit`` characters, as even as possible.

    The narrowest width that needs no more lines than ``limit`` does, so no
    word is left alone on a last line: ``"Wolf Kartonagen\\nGmbH & Co. KG"``,
    not ``"Wolf Kartonagen GmbH & Co.\\nKG"``. Never cuts or hyphenates
    (:func:`kamlib.charts.style.wrap_label`).
    """
    wrapped = wrap_label(text, limit)
    lines = wrapped.count("\n")
    if lines == 0:
        return wrapped
    for width in range(max(len(w) for w in text.split()), limit):
        narrower = wrap_label(text, width)
        if narrower.count("\n") == lines:
            return narrower
    return wrapped


@dataclass(frozen=True)
class Segment:
    """A straight line in display coordinates."""

    x0: float
    y0: float
    x1: float
    y1: float


def _ccw(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)


def segments_cross(a: Segment, b: Segment) -> bool:
    """True when segments ``a`` and ``b`` intersect (touching counts)."""
    d1 = _ccw(b.x0, b.y0, b.x1, b.y1, a.x0, a.y0)
    d2 = _ccw(b.x0, b.y0, b.x1, b.y1, a.x1, a.y1)
    d3 = _ccw(a.x0, a.y0, a.x1, a.y1, b.x0, b.y0)
    d4 = _ccw(a.x0, a.y0, a.x1, a.y1, b.x1, b.y1)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 and d2 and d3 and d4:
        return True

    def on(px: float, py: float, s: Segment, d: float) -> bool:
        return (
            d == 0
            and min(s.x0, s.x1) <= px <= max(s.x0, s.x1)
            and (min(s.y0, s.y1) <= py <= max(s.y0, s.y1))
        )

    return (
        on(a.x0, a.y0, b, d1)
        or on(a.x1, a.y1, b, d2)
        or on(b.x0, b.y0, a, d3)
        or (on(b.x1, b.y1, a, d4))
    )


def segment_hits_box(s: Segment, box: Bbox) -> bool:
    """True when segment ``s`` runs through (or ends inside) ``box``."""
    if box.contains(s.x0, s.y0) or box.contains(s.x1, s.y1):
        return True
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    edges = (
        Segment(x0, y0, x1, y0),
        Segment(x1, y0, x1, y1),
        Segment(x1, y1, x0, y1),
        Segment(x0, y1, x0, y0),
    )
    return any(segments_cross(s, e) for e in edges)


def _overlaps(a: Bbox, b: Bbox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _box_at(x: float, y: float, w: float, h: float, angle: float, gap: float) -> Bbox:
    """The ``w`` x ``h`` box whose nearest point lies ``gap`` from (x, y) in direction ``angle``."""
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    # anchor on the box side facing the point: left edge when going right, etc.
    cx = x + dx * gap + (w / 2) * (1 if dx > 0.3 else -1 if dx < -0.3 else 0)
    cy = y + dy * gap + (h / 2) * (1 if dy > 0.3 else -1 if dy < -0.3 else 0)
    return Bbox.from_bounds(cx - w / 2, cy - h / 2, w, h)


def _nearest_on_box(box: Bbox, x: float, y: float) -> tuple[float, float]:
    return min(max(x, box.x0), box.x1), min(max(y, box.y0), box.y1)


def _leader(box: Bbox, x: float, y: float, r: float) -> Segment:
    """From the edge of the bubble (centre x, y, radius r) to the nearest point of ``box``."""
    bx, by = _nearest_on_box(box, x, y)
    d = math.hypot(bx - x, by - y) or 1.0
    return Segment(x + (bx - x) * r / d, y + (by - y) * r / d, bx, by)


def place_labels(
    ax: Axes,
    names: Sequence[str],
    xy: np.ndarray,
    radii_pt: np.ndarray,
    points: np.ndarray,
    area: Bbox | None = None,
    avoid: Sequence[Segment] = (),
    fontsize: float = 7.5,
    colour: str = "#222222",
    leader_colour: str = "#555555",
) -> list[Text]:
    """Place one label per name beside its point (data ``xy``) and draw the leaders.

    ``radii_pt`` is each labelled bubble's radius (points); ``points`` holds
    every drawn point as rows (x, y, radius in points) in data coordinates:
    no label covers one of their centres. ``area`` (data) is where labels may
    go (default: the axes' limits). ``avoid`` are display segments no label
    may cross (split lines). The figure's layout must be final (call
    ``fig.draw_without_rendering()`` first), since positions are measured in
    display coordinates.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    to_px = fig.dpi / 72.0
    trans = ax.transData
    if area is None:
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        area = Bbox.from_extents(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    corners = trans.transform(area.get_points())
    frame = Bbox.from_extents(*corners.min(axis=0), *corners.max(axis=0))
    centres = trans.transform(points[:, :2]) if len(points) else np.empty((0, 2))
    discs = np.column_stack([centres, points[:, 2] * to_px]) if len(points) else np.empty((0, 3))
    pts = trans.transform(np.asarray(xy, dtype=float).reshape(-1, 2)) if len(names) else []
    pad = PAD_PT * to_px
    texts = [
        ax.text(
            0, 0, name, fontsize=fontsize, color=colour, zorder=6, ha="center", va="center",
            path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
            gid=f"kam-label-{i}",
        )
        for i, name in enumerate(names)
    ]  # fmt: skip
    sizes = [
        (e.width + 2 * pad, e.height + 2 * pad)
        for e in (t.get_window_extent(renderer) for t in texts)
    ]
    anchors = [
        (float(pts[i][0]), float(pts[i][1]), float(radii_pt[i]) * to_px) for i in range(len(texts))
    ]
    # greedy in priority order; a label left with a conflict goes first in the next try
    order = list(range(len(texts)))
    best_plan: tuple[float, dict[int, tuple[Bbox, Segment | None, float]]] | None = None
    for _attempt in range(RETRIES):
        plan = _plan(order, anchors, sizes, frame, discs, avoid, to_px)
        total = sum(c for _b, _l, c in plan.values())
        if best_plan is None or total < best_plan[0]:
            best_plan = (total, plan)
        stuck = [i for i in order if plan[i][2] >= 10]
        if not stuck:
            break
        order = stuck + [i for i in order if i not in stuck]
    assert best_plan is not None
    for i, text in enumerate(texts):
        box, lead, _cost_i = best_plan[1][i]
        text.set_position(
            trans.inverted().transform(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
        )
        if lead is not None:
            (x0, y0), (x1, y1) = trans.inverted().transform(
                [(lead.x0, lead.y0), (lead.x1, lead.y1)]
            )
            ax.add_line(
                Line2D([x0, x1], [y0, y1], color=leader_colour, lw=0.5, zorder=1.9,
                       gid=f"{LEADER_GID}-{i}")
            )  # fmt: skip
    return texts


def _plan(
    order: list[int],
    anchors: list[tuple[float, float, float]],
    sizes: list[tuple[float, float]],
    frame: Bbox,
    discs: np.ndarray,
    avoid: Sequence[Segment],
    to_px: float,
) -> dict[int, tuple[Bbox, Segment | None, float]]:
    """Each label's box, leader and cost, placed greedily in ``order`` (display coordinates)."""
    boxes = np.empty((0, 4))
    leaders = np.empty((0, 4))
    lines = np.array([[a.x0, a.y0, a.x1, a.y1] for a in avoid]).reshape(-1, 4)
    plan: dict[int, tuple[Bbox, Segment | None, float]] = {}
    for i in order:
        x, y, r = anchors[i]
        w, h = sizes[i]
        best: tuple[float, Bbox, Segment | None] | None = None
        for dist in DISTANCES_PT:
            for angle in ANGLES:
                box = _box_at(x, y, w, h, angle, r + dist * to_px)
                cost = _cost(box, (x, y, r), dist, frame, discs, boxes, leaders, lines)
                if best is None or cost[0] < best[0]:
                    best = (cost[0], box, cost[1])
            if best is not None and best[0] < 1.0:
                break  # the nearest ring with a clean spot: its best angle wins
        assert best is not None
        cost_i, box, lead = best
        boxes = np.vstack([boxes, [box.x0, box.y0, box.x1, box.y1]])
        if lead is not None:
            leaders = np.vstack([leaders, [lead.x0, lead.y0, lead.x1, lead.y1]])
        plan[i] = (box, lead, cost_i)
    return plan


def _hits(segs: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """(segments x boxes) bool: segment runs through or ends in the box (Liang-Barsky clip)."""
    if not len(segs) or not len(boxes):
        return np.zeros((len(segs), len(boxes)), dtype=bool)
    px, py = segs[:, 0:1], segs[:, 1:2]
    dx, dy = segs[:, 2:3] - px, segs[:, 3:4] - py
    x0, y0, x1, y1 = (boxes[:, k][None, :] for k in range(4))
    t0 = np.zeros((len(segs), len(boxes)))
    t1 = np.ones_like(t0)
    ok = np.ones_like(t0, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
            p = np.broadcast_to(p, t0.shape)
            q = np.broadcast_to(q, t0.shape)
            ok &= ~((p == 0) & (q < 0))
            ratio = q / p
            t0 = np.where(p < 0, np.maximum(t0, ratio), t0)
            t1 = np.where(p > 0, np.minimum(t1, ratio), t1)
    return ok & (t0 <= t1)


def _crossings(seg: np.ndarray, segs: np.ndarray) -> int:
    """How many of ``segs`` (n x 4) cross segment ``seg`` (4,) properly."""
    if not len(segs):
        return 0
    ax_, ay, bx, by = seg
    cx, cy, dx, dy = segs.T
    d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax_ - cx)
    d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    d3 = (bx - ax_) * (cy - ay) - (by - ay) * (cx - ax_)
    d4 = (bx - ax_) * (dy - ay) - (by - ay) * (dx - ax_)
    return int((((d1 > 0) != (d2 > 0)) & ((d3 > 0) != (d4 > 0))).sum())


def _cost(
    box: Bbox,
    point: tuple[float, float, float],
    dist: float,
    frame: Bbox,
    centres: np.ndarray,
    placed: np.ndarray,
    leaders: np.ndarray,
    avoid: np.ndarray,
) -> tuple[float, Segment | None]:
    """Cost of a candidate box, most important first: outside the plot area (never while a
    spot inside exists), another label overlapped (10,000), a label crossed by a leader
    (1,000 each), a covered point centre (10 each, at most 200: in a dense cloud every spot
    covers some), a crossed split line or leader (2), a bubble only overlapped (0.25),
    distance (:data:`DISTANCE_COST` per point). ``placed``, ``leaders``, ``avoid`` are n x 4 arrays."""
    x, y, r = point
    conflicts = 0.0
    if box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1:
        conflicts += 1e6  # never outside the plot area while a spot inside exists
    if len(centres):
        cx, cy, cr = centres[:, 0], centres[:, 1], centres[:, 2]
        inside = (cx >= box.x0) & (cx <= box.x1) & (cy >= box.y0) & (cy <= box.y1)
        conflicts += min(10 * float(inside.sum()), 200.0)
        # nearest point of the box to each centre: within the radius -> the disc is overlapped
        nx, ny = np.clip(cx, box.x0, box.x1), np.clip(cy, box.y0, box.y1)
        touched = np.hypot(nx - cx, ny - cy) < cr
        conflicts += 0.25 * float((touched & ~inside).sum())
    this = np.array([[box.x0, box.y0, box.x1, box.y1]])
    if len(placed):
        overlap = (
            (placed[:, 0] < box.x1) & (box.x0 < placed[:, 2])
            & (placed[:, 1] < box.y1) & (box.y0 < placed[:, 3])
        )  # fmt: skip
        conflicts += 10_000 * float(overlap.sum())
    conflicts += 1000 * float(_hits(leaders, this).sum())
    conflicts += 2 * float(_hits(avoid, this).sum())
    lead = _leader(box, x, y, r) if dist > LEADER_FROM_PT else None
    if lead is not None:
        seg = np.array([lead.x0, lead.y0, lead.x1, lead.y1])
        conflicts += 1000 * float(_hits(seg[None, :], placed).sum())
        conflicts += 2 * _crossings(seg, leaders)
    return conflicts + dist * DISTANCE_COST, lead


# --- the check ----------------------------------------------------------------------------


def _label_boxes(ax: Axes, renderer) -> list[tuple[Text, Bbox]]:
    out = []
    for text in ax.texts:
        if text.get_visible() and text.get_text().strip():
            out.append((text, text.get_window_extent(renderer)))
    return out


def _leaders(ax: Axes) -> list[tuple[object, list[Segment]]]:
    """Leader lines of ``ax`` with their owner: ``kam-leader`` lines and annotation arrows."""
    out: list[tuple[object, list[Segment]]] = []
    for line in ax.lines:
        gid = line.get_gid() or ""
        if gid.startswith(LEADER_GID) and line.get_visible():
            xy = line.get_transform().transform(line.get_xydata())
            segs = [Segment(*xy[k], *xy[k + 1]) for k in range(len(xy) - 1)]
            out.append((gid.replace(LEADER_GID, "kam-label"), segs))
    for text in ax.texts:
        if isinstance(text, Annotation) and text.arrow_patch is not None and text.get_visible():
            path = text.arrow_patch.get_path()
            xy = text.arrow_patch.get_transform().transform(path.vertices)
            segs = [Segment(*xy[k], *xy[k + 1]) for k in range(len(xy) - 1)]
            out.append((text, segs))
    return out


def label_problems(fig: Figure) -> list[str]:
    """Leaders crossing another label, and labels covering a point's centre (display coords).

    Points are the centres of every scatter collection of the axes. A label's
    own leader ends at its box and is not counted.
    """
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    problems = []
    for ax in fig.axes:
        boxes = _label_boxes(ax, renderer)
        for owner, segs in _leaders(ax):
            for text, box in boxes:
                if text is owner or text.get_gid() == owner:
                    continue
                if any(segment_hits_box(s, box.padded(-0.5)) for s in segs):
                    problems.append(f"leader of {_name(owner, ax)!r} crosses {text.get_text()!r}")
        centres = [
            c.get_offset_transform().transform(c.get_offsets())
            for c in ax.collections
            if isinstance(c, PathCollection) and len(c.get_offsets())
        ]
        if not centres:
            continue
        pts = np.concatenate(centres)
        for text, box in boxes:
            inner = box.padded(-0.5)
            hit = (
                (pts[:, 0] > inner.x0) & (pts[:, 0] < inner.x1)
                & (pts[:, 1] > inner.y0) & (pts[:, 1] < inner.y1)
            )  # fmt: skip
            if hit.any():
                problems.append(f"{text.get_text()!r} covers {int(hit.sum())} point centre(s)")
    return problems


def _name(owner: object, ax: Axes) -> str:
    if isinstance(owner, Text):
        return owner.get_text()
    for text in ax.texts:
        if text.get_gid() == owner:
            return text.get_text()
    return str(owner)
