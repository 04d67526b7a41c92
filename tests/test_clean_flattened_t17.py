"""Flattened T17 pages: headlines glued to the first line, teasers of other stories, reader
comments without stamps, call-to-action lines (real files copied unchanged into fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.clean.cta import is_call_to_action
from dateline.clean.teasers import is_teaser_shaped
from dateline.clean.text import clean_text

T17 = Path(__file__).resolve().parent / "fixtures" / "clean" / "t17"
GOLD = Path(__file__).resolve().parent / "fixtures" / "clean" / "t17_lines_gold.json"


def _clean(name: str):
    return clean_text((T17 / name).read_text(encoding="utf-8"))


def test_bbc_headline_and_stamp_read_off_the_first_line() -> None:
    c = _clean("bbc_stamp_13.htm.txt")
    assert c.title == "US sues BP over Gulf of Mexico oil disaster"
    assert "The United States is to sue BP and eight other companies" in c.text.split("\n")[0]
    assert "16 December 2010" in c.meta["header_date_text"] and "06:54" in c.meta["header_date_text"]


def test_guardian_headline_split_from_standfirst() -> None:
    c = _clean("guardian_1206.htm.txt")
    assert c.title == "Nervous BP faces an uncertain future"
    assert c.meta["header_date_text"].startswith("Friday 16 July 2010")
    assert "The biggest threat is that BP ceases to exist." in c.text


def test_reuters_stamp_with_city_and_state() -> None:
    c = _clean("reuters_state_970.htm.txt")
    assert c.title == "Massive dome lowered at site of huge U.S. oil spill"
    assert c.text.startswith("BP Plc engineers using undersea robots")
    assert c.meta["header_date_text"].startswith("Fri May 7, 2010")


def test_cnn_highlights_and_caption_above_the_dateline_are_boilerplate() -> None:
    c = _clean("cnn_highlights_139.htm.txt")
    assert c.text.startswith("Explosions erupted in Tripoli for a second consecutive night")
    assert "Smoke billows behind the trees" not in c.text
    assert "Libyan government official accuses NATO" not in c.text
    assert any("Smoke billows behind the trees" in b for b in c.boilerplate)
    assert c.meta["dateline"] == "Tripoli, Libya (CNN)"


def test_cnn_comments_without_stamps_removed_before_the_policy() -> None:
    c = _clean("cnn_unstamped_comments_393.htm.txt")
    assert "The authorization establishes a ban on all flights in Libyan airspace to help protect civilians." in c.text
    assert "The other nations that abstained from Thursday's vote were Russia, China, Brazil and India." in c.text
    assert "You will b poorer than last year for sure." not in c.text  # a reader's comment
    assert "China, you are smart." not in c.text
    assert "2 men charged in death of Chicago teen" not in c.text  # a teaser of another story


def test_teaser_list_and_call_to_action_removed_live_blog_kept() -> None:
    c = _clean("cnn_liveblog_285.htm.txt")
    assert "Wonder Woman" not in c.text
    assert "Radiation found in food as crisis continues" not in c.text
    assert "Are you in an affected area?" not in c.text
    assert "Read the full report" not in c.text
    assert "Construction of temporary housing for displaced people began this weekend" in c.text


def test_transcript_speaker_lines_and_interview_questions_are_body() -> None:
    c = _clean("fox_transcript_1637.htm.txt")
    assert "VAN SUSTEREN: Mr. Hayward, thank you for joining us." in c.text
    assert "Do you need anything at all at this point?" in c.text
    assert "HAYWARD: The blowout preventer had three levels of redundancy." in c.text


def test_shapes_on_real_lines() -> None:
    assert is_teaser_shaped("Radiation found in food as crisis continues: As workers scrambled to curb a "
                            "nuclear crisis Sunday, the Japanese government considered halting the sale.")
    assert not is_teaser_shaped("TONY HAYWARD, BP CEO: Thank you very much for the opportunity to talk.")
    assert not is_teaser_shaped("LIBYA, 6:28 p.m. ET, 1:28 a.m. local: Ali Al Oujli, Libya's ambassador, said today.")
    assert is_call_to_action("Have you been affected by swine flu?")
    assert is_call_to_action("Read this post for more information and to see the video.")
    assert not is_call_to_action("Sign up for a Hulu ad-free account for $11.99 a month")
    assert not is_call_to_action('"Do you need help?" the officer asked.')


def test_t17_line_gold_scores(shared_data: Path) -> None:
    from dateline.evaluate.cleaning_lines import evaluate_lines

    r = evaluate_lines(GOLD, shared_data / "timeline17")
    assert r["n"] == len(json.loads(GOLD.read_text())["files"])
    assert r["recall"] >= 0.99  # body lines are almost never dropped
    assert r["precision"] >= 0.95
    assert r["title_wrong"] == 0
