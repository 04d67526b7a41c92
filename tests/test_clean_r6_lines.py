"""Line-cleaner bugs found on the round-5 ECB+ articles (tests/corpora/ecbplus_r5, development data
since round 6): a photo caption that repeats the lead sentence took the sentence with it, and
closing quotes lost for common words that are also page-furniture cues ("like", "here", "home")."""

from __future__ import annotations

from pathlib import Path

from dateline.clean.features import guess_stoplist, line_features
from dateline.clean.lines import _continues, _is_prose, _quoted_sentence
from dateline.clean.text import clean_text

R5 = Path(__file__).resolve().parent / "corpora" / "ecbplus_r5" / "articles"


def _body(rel: str) -> list[str]:
    return [ln.strip() for ln in clean_text((R5 / rel).read_text(encoding="utf-8")).text.split("\n") if ln.strip()]


def test_lead_sentence_repeated_by_a_caption_above_it_is_kept() -> None:
    body = _body("double_murder_charge_2013/32_1ecbplus.txt")
    assert body[0].startswith("A goth was being questioned on suspicion of murder")
    assert any(ln.startswith("John Jenkin, 23, was arrested near the terraced house") for ln in body)
    assert sum(ln.startswith("John Jenkin, 23, was arrested") for ln in body) == 1  # the caption is not body


def test_closing_quotes_of_an_interview_are_kept() -> None:
    body = _body("factory_shooting_trial_2010/22_1ecbplus.txt")
    for line in ('"We\'re like family here."', "and I lost two of my closest friends...",
                 "I'm gonna go home and take a shower and read the Bible and pray.", "Hopefully, I can get through this."):
        assert line in body, line
    assert not any("Updated 8:52 PM" in ln for ln in body)


def test_furniture_lines_stay_furniture() -> None:
    stops = guess_stoplist(["The police said the men were arrested in the town on Monday."])
    for line in ("Share this article on Facebook.", "Click here to read more.", "Like us on Facebook"):
        f = line_features(line, stops)
        assert not _quoted_sentence(f) and not _is_prose(f, stops), line
    assert not _continues("Read more...", line_features("share this", stops))
