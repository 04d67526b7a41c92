"""A blog post's day header above its headline dates the post (round-6 development article 13_14, a
Blogger page whose first line "Saturday, August 24, 2013" cleaning removes as a page line); a date line
that is not the page's first line above the headline, or an "Updated" line, does not."""

from __future__ import annotations

from pathlib import Path

from dateline.dating.pubdate import stamp_above_headline
from dateline.model import RawDocument
from dateline.pipeline import analyze_document

ARTICLE = Path(__file__).parent / "corpora" / "ecbplus_r6" / "articles" / "dairy_building_fire_2012" / "13_14ecbplus.txt"


def test_blog_day_header_dates_the_post() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    doc = analyze_document(RawDocument(id="13_14", source=str(ARTICLE), text=text),
                           disable=("annotate", "timexes", "mentions"))
    assert doc.published == "2013-08-24"
    assert "above the headline" in (doc.published_evidence or "")


def test_only_a_first_line_date_header_counts() -> None:
    head = "Palin appointee under federal indictment."
    assert stamp_above_headline(f"Saturday, August 24, 2013\n{head}\nText.", head) == "Saturday, August 24, 2013"
    assert stamp_above_headline(f"Home | News\nSaturday, August 24, 2013\n{head}\nText.", head) is None
    assert stamp_above_headline(f"Updated August 24, 2013\n{head}\nText.", head) is None
    assert stamp_above_headline(f"In August 24, 2013 the court met\n{head}\nText.", head) is None


def test_an_updated_stamp_in_the_page_head_dates_a_page_about_earlier_years() -> None:
    # round-8 development articles: the body names only years before 2005 (an obituary, a coach's career),
    # the page prints only "updated 12/19/2005 2:48:40 PM ET" / "Updated: May 24, 2005, 3:23 PM ET" under its headline
    root = Path(__file__).parent / "corpora" / "ecbplus_r8" / "articles"
    for path, day in (("crime_boss_prison_death_2005/26_3ecbplus.txt", "2005-12-19"),
                      ("coach_fired_and_replaced_2005/5_2ecbplus.txt", "2005-05-24")):
        text = (root / path).read_text(encoding="utf-8")
        doc = analyze_document(RawDocument(id="d", source=path, text=text), disable=("annotate", "mentions"))
        assert doc.published == day and doc.published_confidence < 0.5
        assert "updated" in (doc.published_evidence or "")
