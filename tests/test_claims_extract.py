"""Claims on real T17 sentences (tests/fixtures/claims) and the gold scorer on real articles."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.claims import extract_claims
from dateline.claims.quantities import find_quantities
from dateline.model import Document

GOLD = Path(__file__).resolve().parent / "gold" / "claims_t17.json"


def _doc(fixtures: Path) -> Document:
    text = (fixtures / "claims" / "sentences.txt").read_text(encoding="utf-8")
    sents, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            sents.append([pos, pos + len(line)])
        pos += len(line) + 1
    return Document(id="t17", source="fixture", text=text, sentences=sents, published="2010-01-13")


def test_ranges_and_hedges_read_from_the_span() -> None:
    qs = {q.text: q for q in find_quantities("The Red Cross estimates 45,000-50,000 people are dead and up to 3m affected.")}
    assert (qs["45,000-50,000"].low, qs["45,000-50,000"].high) == (45000, 50000)
    assert qs["up to 3m"].low == 3_000_000 and qs["up to 3m"].bound == "upper" and qs["up to 3m"].approximate
    q = find_quantities("tens of thousands of people")[0]
    assert q.low == 20000 and q.high == 99999 and q.approximate


def test_claims_measures_sources_and_non_claims(fixtures: Path) -> None:
    doc = _doc(fixtures)
    claims, series, disagreements = extract_claims([doc], [])
    by_text = {(c.text, c.value[0]): c for c in claims}
    red = by_text[("45,000-50,000", 45000)]
    assert red.value == [45000, 50000] and red.measure == "people killed" and red.source == "The Red Cross"
    preval = by_text[("between 30,000 and 50,000", 30000)]
    assert "Rene Preval" in (preval.source or "")
    pm = by_text[("more than 100,000", 100000)]
    assert pm.bound == "lower" and "Bellerive" in (pm.source or "")
    assert by_text[("20,000 to 100,000", 20000)].measure == "barrels per day"
    assert by_text[("80", 80)].value == [80, 80]
    # years, magnitudes and "M8.1" are not figures
    assert not any(c.value[0] in (1946, 7.0, 8.1) for c in claims)
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    killed = next(s for s in series if s.measure == "people killed")
    assert len(killed.claims) >= 4
    # same day, incompatible tolls from different sources: one numeric disagreement
    assert any(d.kind == "numeric" and len(d.sides) >= 2 for d in disagreements)


def test_gold_scores_on_real_articles(shared_data: Path) -> None:
    from dateline.evaluate.claims import score

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(gold["figures"]) >= 40 and len(gold["disagreements"]) >= 10
    res = score(gold, shared_data, limit=4)
    assert res["gold_figures"] > 0
    assert res["claim_recall"] is not None and res["claim_recall"] >= 0.6
    assert res["claim_precision"] is not None and res["claim_precision"] >= 0.4


def test_not_claims_phone_age_time_name_ordinal(fixtures: Path) -> None:
    """Real T17 sentences whose numbers are phone numbers, ages, times, names or dates."""
    lines = (fixtures / "claims" / "not_claims.txt").read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines)
    sents, pos = [], 0
    for line in lines:
        sents.append([pos, pos + len(line)])
        pos += len(line) + 1
    doc = Document(id="nc", source="fixture", text=text, sentences=sents, published="2011-03-18")
    claims, _, _ = extract_claims([doc], [])
    assert claims == []


def test_bpoil_article_series_and_numeric_disagreement(shared_data: Path) -> None:
    """One real BP-spill article: the Coast Guard's 5,000 barrels a day against 20,000-100,000."""
    from dateline.evaluate.claims import analyze_articles

    path = shared_data / "timeline17" / "bpoil_guardian" / "InputDocs" / "2010-05-13" / "922.htm.txt"
    _docs, _paths, report = analyze_articles([path])
    flows = [c for c in report.claims if c.measure == "barrels per day"]
    assert any(c.value == [20000, 100000] for c in flows)
    assert any(s.measure.split(" in ")[0] == "barrels per day" and len(s.claims) >= 3 for s in report.series)
    numeric = [d for d in report.disagreements if d.kind == "numeric" and "barrels per day" in d.topic]
    assert numeric and len(numeric[0].sides) >= 2
    assert len({s.source for s in numeric[0].sides}) >= 2
