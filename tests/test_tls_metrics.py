"""Our timeline ROUGE metrics against tilse 0.2.1 (reimpl) on real T17 gold and SDF-TLS outputs."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.evaluate import rouge
from dateline.evaluate.tls import read_timeline

SDF = "timeline17/_reference_system_outputs/sdf-tls/TL17_bestds"
CASES = [
    ("H1N1_guardian/timelines/swine_flu_guardian.txt", "TL17_bestds_h1n1_swine_flu_guardian.txt"),
    ("LibyaWar_reuters/timelines/tl5.txt", "TL17_bestds_libya_tl5.txt"),
    ("haiti_bbc/timelines/bbc.txt", "TL17_bestds_haiti_bbc.txt"),
]


@pytest.mark.parametrize("gold_path,sys_path", CASES)
def test_same_numbers_as_tilse(shared_data, gold_path, sys_path):
    tl = pytest.importorskip("tilse.data.timelines")
    tr = pytest.importorskip("tilse.evaluation.rouge")
    td = pytest.importorskip("tilse.evaluation.dates")
    gold = read_timeline(shared_data / "timeline17" / gold_path)
    pred = read_timeline(shared_data / SDF / sys_path)
    ours = rouge.evaluate_all(pred, [gold])
    theirs_eval = tr.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl")
    t_pred, t_gold = tl.Timeline(pred), tl.GroundTruth([tl.Timeline(gold)])
    theirs = theirs_eval.evaluate_all(t_pred, t_gold)
    for metric in rouge.METRICS:
        for m in rouge.MEASURES:
            for part in ("precision", "recall", "f_score"):
                assert ours[metric][m][part] == pytest.approx(theirs[metric][m][part], abs=1e-9), (metric, m, part)
    dates = td.evaluate_dates(t_pred, t_gold)
    assert ours["date"]["f_score"] == pytest.approx(dates["f_score"])


def test_gold_against_itself_is_perfect(shared_data):
    gold = read_timeline(shared_data / "timeline17" / CASES[0][0])
    res = rouge.evaluate_all(gold, [gold])
    assert res["concat"]["rouge_1"]["f_score"] == pytest.approx(1.0)
    assert res["align_date_content_costs_many_to_one"]["rouge_2"]["f_score"] == pytest.approx(1.0)
    assert res["date"]["f_score"] == 1.0


def test_one_day_off_halves_alignment_and_zeroes_date_f1(shared_data):
    full = read_timeline(shared_data / "timeline17" / CASES[2][0])
    day = min(full)
    gold = {day: full[day]}
    shifted = {day + dt.timedelta(days=1): full[day]}
    res = rouge.evaluate_all(shifted, [gold])
    assert res["date"]["f_score"] == 0.0
    assert res["agreement"]["rouge_1"]["f_score"] == 0.0
    assert res["align_date_costs"]["rouge_1"]["f_score"] == pytest.approx(0.5)
    assert res["align_date_content_costs_many_to_one"]["rouge_2"]["f_score"] == pytest.approx(0.5)
