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
