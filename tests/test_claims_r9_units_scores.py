"""Round-9 figure rules on real sentences of the round-8 ECB+ articles (development data since the
round-8 once-score): a game's score as two figures, team standings and split records, numbers in a
unit the story measures in (its articles print numbers in that unit), "N-time", and a season span
dating a figure by its last year."""

from __future__ import annotations

from pathlib import Path

from dateline.claims.attribution import find_attributions
from dateline.claims.extract import doc_claims, season_end
from dateline.claims.records import find_records
from dateline.claims.units import find_unit_figures, story_units
from dateline.model import Timex
from tests.claims_support import line_document

R8 = Path(__file__).parent / "corpora" / "ecbplus_r8" / "articles"


def _records(s: str) -> list[tuple[float, str]]:
    return [(r.quantity.low, r.kind) for r in find_records(s, 0, len(s))]


def _units(s: str) -> list[tuple[float, str, str | None]]:
    return [(u.quantity.low, u.unit, u.quantity.bound) for u in find_unit_figures(s, 0, len(s))]


def test_a_game_score_is_each_sides_points() -> None:
    for s in ("Colts clinch playoff berth with 20-13 win in K.C.", "They lost to a fourth quarter Colt stampede 20-13.",
              "Indy led 13-3 at the half"):
        assert [v for v, _ in _records(s)] == [float(s.split("-")[0].split()[-1]), float(s.split("-")[1][:2].strip(". "))], s
        assert all(k.startswith("points, ") for _, k in _records(s)), s
    assert [v for v, _ in _records("Kicker Ryan Succop tied the game at 13-13 with a 47-yd field goal")] == [13, 13]
    assert _records("The Supreme Court ruled 5-4 on Thursday that the law stands.") == []


def test_standings_and_split_records_of_a_team() -> None:
    assert _records("The Broncos are 12-3 for the season") == [(12, "wins"), (3, "losses")]
    assert _records("The Colts (10-5, 4-4 away) owned the NFL's worst record last year") == [
        (10, "wins"), (5, "losses"), (4, "wins"), (4, "losses")]
    assert _records("He recorded a mark of 162-139 (. 538) in Portland") == [(162, "wins"), (139, "losses")]
    assert _records("He owns a 135-156 (. 464) record at the collegiate level") == [(135, "wins"), (156, "losses")]


def test_numbers_in_a_unit_and_their_bounds() -> None:
    assert _units("The updated machine boasts Intel Ivy Bridge 2.7GHz (turbo boosted up to 3.7GHz)") == [
        (2.7, "GHz", None), (3.7, "GHz", "upper")]
    assert _units("carry up to 8GB of RAM") == [(8, "GB", "upper")]
    assert _units("A Reggie Wayne seven-yard touchdown reception") == [(7, "yards", None)]
    assert _units("Charles broke off an 86-yd TD run") == [(86, "yards", None)]
    assert _units("the Chiefs took over at the Colts 27-yard line") == []  # a position, not a length
    assert _units("The four-time All-Star") == [(4, "times", None)]
    assert _units("a one-time ally") == []


def test_the_units_a_story_measures_in_come_from_its_articles() -> None:
    football = [p.read_text(encoding="utf-8") for p in sorted((R8 / "football_playoff_clinch_2012").glob("*.txt"))]
    rehab = [p.read_text(encoding="utf-8") for p in sorted((R8 / "celebrity_rehab_checkin_2013").glob("*.txt"))]
    assert "yards" in story_units(football, 0.3)
    assert story_units(rehab, 0.3) == {"times"}
    assert story_units(football) == {"times"}  # off by default (the round-4 check, see ``units.UNIT_SHARE``)


def test_a_story_unit_makes_figures_and_a_season_dates_by_its_last_year() -> None:
    doc = line_document(R8 / "football_playoff_clinch_2012" / "29_10ecbplus.txt", "2012-12-23")
    got = {(c.value[0], c.unit) for c, _ in doc_claims(doc, None, frozenset({"yards"}))}
    assert (86, "yards") in got and (32, "yards") in got
    assert (86, "yards") not in {(c.value[0], c.unit) for c, _ in doc_claims(doc, None, frozenset())}
    doc = line_document(R8 / "coach_fired_and_replaced_2005" / "5_4ecbplus.txt", "2005-05-23")
    for year, season in (("2004", "2004-05"), ("2002", "2002-03")):
        pos = doc.text.index(season)
        doc.timexes.append(Timex(pos, pos + 4, year, year))  # the tagger reads the span's first year only
    by_value = {(c.value[0], c.as_of) for c, _ in doc_claims(doc)}
    assert (43, "2005") in by_value and (39, "2005") in by_value  # "posted a record of 43-39 in 2004-05"
    assert (50, "2003") in by_value and (32, "2003") in by_value  # "his 2002-03 squad ... with a 50-32 record"
    assert season_end("in 1999-00", Timex(3, 7, "1999", "1999"), "1999") == "2000"
    assert season_end("in 2004 - 7 died", Timex(3, 7, "2004", "2004"), "2004") == "2004"


def _speakers(path: Path, needle: str) -> list[str]:
    """The speakers the parse reads in the line of the article at ``path`` that contains ``needle``."""
    line = next(x for x in path.read_text(encoding="utf-8").splitlines() if needle in x)
    return [a.source for a in find_attributions(line, 0, len(line)) if a.source]


def test_naming_verbs_and_agents_name_the_speaker() -> None:
    mob = R8 / "crime_boss_prison_death_2005"
    assert "Mob experts" in _speakers(mob / "26_2ecbplus.txt", "Mob experts called him")
    s = 'Gigante, the man dubbed the "Oddfather" by tabloid newspapers, died Monday.'
    assert [a.source for a in find_attributions(s, 0, len(s))] == ["tabloid newspapers"]
    said = [s for p in sorted(mob.glob("*.txt")) if "described by The New York" in p.read_text()
            for s in _speakers(p, "described by The New York")]
    assert "The New York Times Magazine" in said
    # "called" without a naming complement is no statement
    s = "The mayor called for calm and called police to the scene."
    assert [a.source for a in find_attributions(s, 0, len(s))] == []
