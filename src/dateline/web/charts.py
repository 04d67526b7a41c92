"""Server-drawn SVG geometry: a series of figures over time, and points on the world map.

The functions return plain numbers and strings; the templates draw them (and escape every
label), so nothing here builds markup.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from ..model import Claim, Entity
from .dates import midpoint
from .worldmap import project

W, H = 640, 260
PAD_L, PAD_R, PAD_T, PAD_B = 64, 16, 16, 40


@dataclass
class ChartPoint:
    x: float
    y: float
    y_low: float
    y_high: float
    claim: Claim
    label: str


@dataclass
class Chart:
    width: int = W
    height: int = H
    points: list[ChartPoint] = field(default_factory=list)
    undated: list[Claim] = field(default_factory=list)
    outside: list[Claim] = field(default_factory=list)  # dated far from the rest: listed, not drawn
    line: str = ""
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    log: bool = False  # values span orders of magnitude: the y axis is logarithmic
    x_ticks: list[tuple[float, str, str]] = field(default_factory=list)
    plot: tuple[float, float, float, float] = (PAD_L, PAD_T, W - PAD_R, H - PAD_B)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 10 or v == int(v) else f"{v:g}"


def compact(v: float) -> str:
    """A short axis label: 1.6B, 250k, 12, 0.5."""
    a = abs(v)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:.3g}" if a else "0"


LOG_SPAN = 100.0  # max/min ratio from which the y axis turns logarithmic


def _nice_step(raw: float) -> float:
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def series_chart(claims: list[Claim]) -> Chart:
    """Place each dated claim at (as_of, value); a range [low, high] becomes a whisker."""
    chart = Chart()
    dated = []
    for c in claims:
        day = midpoint(c.as_of)
        if day is None or not c.value:
            chart.undated.append(c)
            continue
        lo, hi = float(min(c.value)), float(max(c.value))
        dated.append((day, lo, hi, c))
    if not dated:
        return chart
    dated.sort(key=lambda t: t[0])
    dated, chart.outside = _drop_far_dates(dated)
    d0, d1 = dated[0][0], dated[-1][0]
    span_days = max(1, (d1 - d0).days)
    vmax = max(t[2] for t in dated)
    vlow = min(t[1] for t in dated)
    chart.log = vlow > 0 and vmax / vlow >= LOG_SPAN
    x0, y0, x1, y1 = chart.plot

    inset = 10  # keep the first and last points off the axes

    def px(day) -> float:
        if d0 == d1:
            return (x0 + x1) / 2
        return x0 + inset + (day - d0).days / span_days * (x1 - x0 - 2 * inset)

    if chart.log:
        lo_exp, hi_exp = math.floor(math.log10(vlow)), math.ceil(math.log10(vmax))
        hi_exp = max(hi_exp, lo_exp + 1)

        def py(v: float) -> float:
            return y1 - (math.log10(v) - lo_exp) / (hi_exp - lo_exp) * (y1 - y0)

        every = max(1, math.ceil((hi_exp - lo_exp) / 6))
        ticks = [10.0**e for e in range(lo_exp, hi_exp + 1, every)]
    else:
        vmin = min(0.0, vlow)
        step = _nice_step(((vmax - vmin) or 1.0) / 4)
        top = math.ceil(vmax / step) * step if vmax > vmin else vmin + step
        bottom = math.floor(vmin / step) * step

        def py(v: float) -> float:
            return y1 - (v - bottom) / ((top - bottom) or 1.0) * (y1 - y0)

        n = round((top - bottom) / step)
        ticks = [bottom + step * i for i in range(n + 1)]

    for day, lo, hi, c in dated:
        mid = math.sqrt(lo * hi) if chart.log else (lo + hi) / 2
        val = _fmt(lo) if lo == hi else f"{_fmt(lo)}–{_fmt(hi)}"
        label = f"{c.as_of}: {'~' if c.approximate else ''}{val} {c.unit or ''} ({c.source or 'unattributed'})"
        chart.points.append(ChartPoint(round(px(day), 1), round(py(mid), 1), round(py(lo), 1), round(py(hi), 1), c, label))
    # one vertex per day (the median of that day's figures): several sources on one day
    # would otherwise draw a vertical zigzag that reads as a trend
    by_x: dict[float, list[float]] = {}
    for p in chart.points:
        by_x.setdefault(p.x, []).append(p.y)
    chart.line = " ".join(f"{x},{statistics.median(ys)}" for x, ys in by_x.items()) if len(by_x) > 1 else ""
    chart.y_ticks = [(round(py(v), 1), compact(v)) for v in ticks]
    last_x = -1e9
    for day, _lo, _hi, c in dated:
        x = px(day)
        if x - last_x >= 110:  # keep tick labels apart
            anchor = "end" if x > x1 - 40 else "start" if x < x0 + 40 and d0 != d1 else "middle"
            chart.x_ticks.append((round(x, 1), c.as_of or day.isoformat(), anchor))  # "2011" stays "2011"
            last_x = x
    return chart


def _drop_far_dates(dated: list[tuple]) -> tuple[list[tuple], list[Claim]]:
    """Keep the chart on the story's period: claims dated years away from the others
    (e.g. a historical comparison) would squash every other point into one pixel."""
    days = [t[0].toordinal() for t in dated]
    n = len(days)
    median = days[n // 2]
    iqr = days[(3 * n) // 4] - days[n // 4]
    reach = max(366, 3 * iqr)
    keep = [t for t, d in zip(dated, days, strict=True) if abs(d - median) <= reach]
    far = [t[3] for t, d in zip(dated, days, strict=True) if abs(d - median) > reach]
    return keep, far


@dataclass
class MapPoint:
    x: float
    y: float
    entity: Entity
    mentions: int
    label: bool = False  # name drawn next to the point (the others show it on hover)


def map_points(entities: list[Entity]) -> list[MapPoint]:
    """Entities with coordinates, projected onto the bundled outline (360x180 viewBox)."""
    out = []
    for e in entities:
        if e.geo is None:
            continue
        try:
            x, y = project(float(e.geo.lat), float(e.geo.lon))
        except (TypeError, ValueError):
            continue
        out.append(MapPoint(round(x, 2), round(y, 2), e, len(e.mentions)))
    return out


def label_points(points: list[MapPoint], viewbox: str, max_labels: int = 15) -> list[MapPoint]:
    """Flag the most mentioned points for a visible name, skipping ones that would overlap."""
    k = float(viewbox.split()[2]) / 360
    placed: list[MapPoint] = []
    for p in points:
        p.label = False
    for p in sorted(points, key=lambda q: -q.mentions):
        if len(placed) >= max_labels:
            break
        width = len(p.entity.name) * 5.4 * k + 3 * k
        if any(abs(p.y - q.y) < 9 * k and -width < p.x - q.x < len(q.entity.name) * 5.4 * k + 3 * k for q in placed):
            continue
        p.label = True
        placed.append(p)
    return points


def focus_points(points: list[MapPoint], radius: float = 12.0) -> list[MapPoint]:
    """The places the story is about: the most mentioned place and those within ``radius``
    degrees of it (for a zoomed map)."""
    if not points:
        return []
    top = max(points, key=lambda p: p.mentions)
    return [p for p in points if (p.x - top.x) ** 2 + (p.y - top.y) ** 2 <= radius**2]


def map_viewbox(points: list[MapPoint], margin: float = 8.0) -> str:
    """A viewBox framing the points (the whole world when there are none or they are spread)."""
    if not points:
        return "0 0 360 180"
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    x0, x1 = min(xs) - margin, max(xs) + margin
    y0, y1 = min(ys) - margin, max(ys) + margin
    w, h = max(x1 - x0, 40.0), max(y1 - y0, 20.0)
    if w < h * 2:  # keep the 2:1 aspect of the outline
        w = h * 2
    else:
        h = w / 2
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    x0, y0 = max(0.0, min(360 - w, cx - w / 2)), max(0.0, min(180 - h, cy - h / 2))
    if w >= 360:
        return "0 0 360 180"
    return f"{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}"
