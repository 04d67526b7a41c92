"""The TempEval-3 scorer behind `dateline evaluate timeml`, on real TimeML files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dateline.dating.timex import tag_timexes
from dateline.evaluate.timeml import GoldDoc, evaluate, read_timeml, score_doc

TML = Path(__file__).parent / "fixtures" / "timex" / "tml"


def test_reader_gives_plain_text_spans_and_dct() -> None:
    doc = read_timeml(TML / "TimeBank" / "wsj_0805.tml", TML)
    assert doc.part == "TimeBank"
    assert doc.dct and doc.dct.startswith("19")
    assert doc.timexes
    for s, e, value, ttype in doc.timexes:
        assert doc.text[s:e].strip()
        assert ttype in ("DATE", "TIME", "DURATION", "SET") and value
    assert "<" not in doc.text


def test_scoring_relaxed_strict_and_value() -> None:
    doc = GoldDoc("x", ".", "1998-08-07", "on Thursday and in the last two weeks", [
        (3, 11, "1998-08-06", "DATE"), (19, 37, "P2W", "DURATION")])
    system = [(3, 11, "1998-08-06", "DATE"), (23, 37, "P2W", "DURATION"), (0, 2, "PRESENT_REF", "DATE")]
    t = score_doc(doc, system)
    s = t.scores()
    assert (t.relaxed, t.strict, t.value_ok) == (2, 1, 2)
    assert s["relaxed_p"] == round(2 / 3, 4) and s["relaxed_r"] == 1.0
    assert s["strict_f1"] == round(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5), 4)
    assert s["value_f1"] == s["relaxed_f1"]  # every relaxed match has the right value
    assert t.spurious["ref"] == 1


def test_evaluate_splits_subcorpora_and_limit() -> None:
    report, _ = evaluate(TML)
    assert set(report["subcorpora"]) == {"AQUAINT", "TimeBank"}
    assert report["n_gold"] == sum(p["n_gold"] for p in report["subcorpora"].values())
    one, _ = evaluate(TML, limit=1)
    assert one["n_docs"] == 1 and one["n_gold"] < report["n_gold"]


def test_cli_json_is_one_object() -> None:
    out = subprocess.run([sys.executable, "-m", "dateline.cli", "evaluate", "timeml", str(TML), "--json", "--limit", "2"],
                         capture_output=True, text=True, check=True).stdout
    obj = json.loads(out)
    for key in ("relaxed_f1", "strict_f1", "value_f1", "type_accuracy", "n_gold", "n_system", "errors"):
        assert key in obj


def test_quality_on_timebank_sample(shared_data: Path) -> None:
    """Regression guard on 40 real TimeBank documents (figures in the report come from all 256)."""
    root = shared_data / "tempeval3-tbaq"
    docs = sorted((root / "TimeBank").glob("*.tml"))[:40]
    from dateline.evaluate.timeml import Tally

    total = Tally()
    for f in docs:
        d = read_timeml(f, root)
        total.add(score_doc(d, [(x.start, x.end, x.value, x.type) for x in tag_timexes(d.text, d.dct)]))
    s = total.scores()
    assert s["relaxed_f1"] > 0.85 and s["strict_f1"] > 0.78 and s["value_f1"] > 0.72


def test_subset_and_leave_out_score_each_part_alone() -> None:
    from dateline.evaluate.timeml import leave_out_report

    whole, _ = evaluate(TML)
    aq, _ = evaluate(TML, subset="aquaint")
    assert aq["n_docs"] >= 1 and set(aq["subcorpora"]) == {"AQUAINT"}
    assert aq["n_gold"] == whole["subcorpora"]["AQUAINT"]["n_gold"]
    rows = leave_out_report(TML)
    assert {(r["tuned_on"], r["scored_on"]) for r in rows} == {("TimeBank", "AQUAINT"), ("AQUAINT", "TimeBank")}
    for r in rows:
        assert r["strict_f1"] == whole["subcorpora"][r["scored_on"]]["strict_f1"]


def test_extent_errors_are_counted_by_kind() -> None:
    text = "Earlier Friday, about three days after the vote, and on Sunday night."
    doc = GoldDoc("x", ".", "2000-01-07", text, [
        (8, 14, "2000-01-07", "DATE"), (22, 32, "P3D", "DURATION"), (56, 68, "2000-01-09TNI", "TIME")])
    system = [(0, 14, "2000-01-07", "DATE"), (16, 32, "P3D", "DURATION"), (56, 62, "2000-01-09", "DATE")]
    t = score_doc(doc, system)
    assert t.strict == 0 and t.relaxed == 3
    assert t.extent == {"left+rel": 1, "left+approx": 1, "right-part_of_day": 1}


def test_value_notation_diagnostic_is_separate_from_the_te3_value() -> None:
    from dateline.evaluate.timeml import same_value_notation

    assert same_value_notation("2000-W7", "2000-W07") and same_value_notation("1949-XX", "1949")
    assert same_value_notation("198X", "198") and same_value_notation("2000-W7-WE", "2000-W07-WE")
    assert not same_value_notation("1998-10", "1998") and not same_value_notation("2000-01-05TNI", "2000-01-05")
    doc = GoldDoc("x", ".", "2000-02-16", "last week", [(0, 9, "2000-W7", "DATE")])
    s = score_doc(doc, [(0, 9, "2000-W07", "DATE")]).scores()
    assert s["value_f1"] == 0.0 and s["value_f1_notation"] == 1.0


def test_value_errors_are_counted_by_kind() -> None:
    from dateline.evaluate.timeml import value_error_kind

    assert value_error_kind("2000-W7", "2000-W07", "DATE") == "notation"
    assert value_error_kind("2000-01-05", "2000-01-05TNI", "DATE") == "part_of_day"
    assert value_error_kind("2000-01-05TEV", "2000-01-05TNI", "TIME") == "part_of_day"
    assert value_error_kind("P1D", "PT24H", "DURATION") == "duration_value"
    assert value_error_kind("P1W", "1998-W33", "DURATION") == "date_vs_duration"
    assert value_error_kind("1998-08", "1997-08", "DATE") == "wrong_year"
    assert value_error_kind("1998-08-07", "1998-08-14", "DATE") == "anchor"
    assert value_error_kind("1998-10", "1998", "DATE") == "granularity"
    assert value_error_kind("1989-WXX", "1989-W43", "DATE") == "underspecified"
    assert value_error_kind("PXY", "PAST_REF", "DURATION") == "ref"
    assert value_error_kind("XXXX-XX-XX", "P1D", "SET") == "set"


def test_value_error_kinds_on_a_real_aquaint_document(shared_data: Path) -> None:
    """APW20000107.0318 marks 'Friday night' twice, as 2000-01-07TEV and as the plain day 2000-01-07
    (ours: 2000-01-07TNI, the TIMEX3 guidelines' night): both count as part-of-day errors, not as
    a wrong day."""
    root = shared_data / "tempeval3-tbaq"
    d = read_timeml(root / "AQUAINT" / "APW20000107.0318.tml", root)
    t = score_doc(d, [(x.start, x.end, x.value, x.type) for x in tag_timexes(d.text, d.dct)])
    assert t.value_kind["part_of_day"] >= 2
    assert sum(t.value_kind.values()) == t.relaxed - t.value_ok
