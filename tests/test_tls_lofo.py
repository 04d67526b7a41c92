"""Leave-one-family-out selection (evaluate/lofo.py) on small score matrices, and the grid."""

from __future__ import annotations

import pytest

from dateline.evaluate.lofo import GRID, as_options, choose, family, grid_points, leave_one_family_out
from dateline.events import TimelineOptions
from dateline.events.select import SelectWeights
from dateline.events.summarize import SummaryWeights


def _s(ar1: float, ar2: float = 0.0, date_f1: float = 0.0) -> dict[str, float]:
    return {"ar1_f": ar1, "ar2_f": ar2, "date_f1": date_f1}


def test_family_is_the_topic_prefix():
    assert family("storyA_outlet1/tl.txt") == "storyA"
    assert family("storyB/tl") == "storyB"


def test_each_family_gets_the_point_best_on_the_others():
    # point 1 is best on A and C but worst on B; point 2 is best on B only
    matrix = [
        {"A_x/t": _s(0.10), "B_x/t": _s(0.10), "C_x/t": _s(0.10)},
        {"A_x/t": _s(0.20), "B_x/t": _s(0.05), "C_x/t": _s(0.20)},
        {"A_x/t": _s(0.05), "B_x/t": _s(0.30), "C_x/t": _s(0.05)},
    ]
    points = [{"w": 0}, {"w": 1}, {"w": 2}]
    res = leave_one_family_out(matrix, points)
    by_fam = {f["family"]: f for f in res["folds"]}
    # A left out: on B+C, point 2 (0.175) beats point 1 (0.125) -> A is scored with point 2
    assert by_fam["A"]["chosen_index"] == 2 and by_fam["A"]["left_out"]["ar1_f"] == 0.05
    assert by_fam["B"]["chosen_index"] == 1 and by_fam["B"]["left_out"]["ar1_f"] == 0.05
    assert by_fam["C"]["chosen_index"] == 2
    assert res["single_setting"] is None
    # the left-out mean is well below what tuning on everything reports
    assert res["left_out_mean_over_timelines"]["ar1_f"] == pytest.approx(0.05)
    assert res["best_on_all_tuned_on"]["index"] == 1
    assert res["defaults_mean_over_timelines"]["ar1_f"] == pytest.approx(0.10)


def test_ties_break_on_ar2_then_date_f1_then_the_earlier_point():
    m = [{"A/t": _s(0.1, 0.01, 0.5)}, {"A/t": _s(0.1, 0.02, 0.1)}, {"A/t": _s(0.1, 0.02, 0.1)}]
    assert choose(m, ["A/t"]) == 1
    m = [{"A/t": _s(0.1, 0.02, 0.5)}, {"A/t": _s(0.1, 0.02, 0.6)}]
    assert choose(m, ["A/t"]) == 1
    m = [{"A/t": _s(0.1, 0.02, 0.5)}, {"A/t": _s(0.1, 0.02, 0.5)}]
    assert choose(m, ["A/t"]) == 0


def test_mean_over_families_weighs_each_family_once():
    matrix = [{"A_1/t": _s(0.2), "A_2/t": _s(0.2), "A_3/t": _s(0.2), "B/t": _s(0.1)}]
    res = leave_one_family_out(matrix, [{}])
    assert res["left_out_mean_over_families"]["ar1_f"] == pytest.approx(0.15)
    assert res["left_out_mean_over_timelines"]["ar1_f"] == pytest.approx(0.175)
    assert res["single_setting"] == {}


def test_one_family_cannot_be_left_out():
    with pytest.raises(ValueError):
        leave_one_family_out([{"A/t": _s(0.1)}], [{}])


def test_grid_starts_at_the_defaults_and_builds_valid_options():
    points = grid_points(GRID)
    n = 1
    for values in GRID.values():
        n *= len(values)
    assert len(points) == n
    opts = as_options(points[0])
    defaults = TimelineOptions()
    topt = TimelineOptions(select=SelectWeights(**opts.pop("select", {})),
                           summary=SummaryWeights(**opts.pop("summary", {})), **opts)
    assert topt == defaults  # the first grid point is today's defaults
    for p in points:  # every point names real fields
        o = as_options(p)
        TimelineOptions(select=SelectWeights(**o.pop("select", {})), summary=SummaryWeights(**o.pop("summary", {})), **o)
