"""Event titles on real T17 sentences, and unique event ids over a real topic."""

from __future__ import annotations

import pytest

from dateline.evaluate.tls import load_topic
from dateline.events import TimelineOptions, build_timeline
from dateline.events.titles import title

# sentences from the Libya articles of examples/libya and T17 LibyaWar
INTRO = ("At the request of Libya's deputy ambassador to the United Nations - who earlier today called the "
         "crackdown in Libya a \"genocide\" - the U.N. Security Council scheduled a Tuesday morning meeting on Libya.")
ATTRIB = ("Britain's Foreign & Commonwealth Office reported helping more than 350 British nationals and 25 "
          "people from other countries leave Libya, a spokesman said.")
LEAD = ("Earlier, French fighter jets deployed over Libya fired at a military vehicle Saturday, the first strike "
        "against Gadhafi's military forces, which earlier attacked the rebel stronghold of Benghazi.")


def test_title_skips_an_intro_phrase_and_relative_clause():
    assert title(INTRO) == "The U.N. Security Council scheduled a Tuesday morning meeting on Libya"


def test_title_drops_attribution_and_leading_adverbial():
    t = title(ATTRIB)
    assert "spokesman said" not in t and t.startswith("Britain's Foreign")
    assert title(LEAD) == "French fighter jets deployed over Libya fired at a military vehicle Saturday"


def test_titles_are_short(shared_data):
    docs = load_topic(shared_data / "timeline17/H1N1_guardian")
    events, _, _ = build_timeline(docs, [], TimelineOptions(max_dates=10, sentences_per_date=2))
    assert events
    assert len({e.id for e in events}) == len(events)
    for e in events:
        assert 3 <= len(e.title.split()) <= 16
        assert not e.title.endswith((",", ";"))


@pytest.mark.parametrize("sentence", [INTRO, ATTRIB, LEAD])
def test_title_is_at_most_fifteen_words(sentence):
    assert len(title(sentence).split()) <= 15


def test_glued_caption_is_split_from_the_sentence(shared_data):
    from dateline.events.readable import content_start, glued_head

    # MJ_bbc pages run the headline into the first sentence without a full stop (8 of the
    # pipeline's first sentences, spaCy-split; 10 when the file's lines were the sentences)
    docs = load_topic(shared_data / "timeline17/MJ_bbc")
    firsts = [d.text[s:e] for d in docs for s, e in d.sentences[:1]]
    split = [(glued_head(t), t[content_start(t):]) for t in firsts if glued_head(t)]
    assert len(split) >= 6
    for head, body in split:
        assert 4 <= len(head.split()) <= 20 and body[0].isupper()


def test_key_names_are_the_story_places_and_people(shared_data):
    from dateline.events import _key_names

    docs = load_topic(shared_data / "timeline17/LibyaWar_cnn")
    names = _key_names(docs)
    assert {"Libya", "Gadhafi"} <= names
    assert "Yemen" not in names and "Monday" not in names


@pytest.mark.parametrize("line,body", [
    ("(7:15 p.m. ET, 1:15 a.m. in Libya) President Obama is trying to limit the United States' role in enforcing "
     "a no-fly zone.", "President Obama"),
    ("Wednesday, May 26, 2010; 7:59 PM BP's head of safety and operations Mark Bly and other company officials "
     "gave reporters a technical briefing Wednesday.", "BP's head"),
])
def test_stamp_prefixes_are_not_part_of_the_sentence(line, body):
    from dateline.events.readable import content_start, readable

    rest = line[content_start(line):]
    assert rest.startswith(body) and readable(rest)


# sentences of examples/libya (CNN and Reuters, February 2011)
@pytest.mark.parametrize("sentence,expected", [
    ("One man told CNN that uniformed troops opened fire on thousands of mourners as they passed through the "
     "streets during a funeral procession honoring those killed the previous day.",
     "One man told CNN that uniformed troops opened fire on thousands of mourners"),
    ("Support for Gaddafi, the son of a herdsman who seized power in 1969, among Libya's desert tribes was "
     "also waning.", "Support for Gaddafi among Libya's desert tribes was also waning"),
    ("Over the past few days, China has evacuated 12,000 of the tens of thousands of Chinese nationals in "
     "Libya, Chinese Vice Foreign Minister Song Tao said Friday, according to the state-run Xinhua News Agency.",
     "China has evacuated 12,000 of the tens of thousands of Chinese nationals in Libya"),
    ("A source at Benghazi Medical Center, the city's other major hospital, said there were 10 people dead "
     "there Sunday.", "A source at Benghazi Medical Center said there were 10 people dead there Sunday"),
])
def test_title_keeps_the_clause_not_a_fragment(sentence, expected):
    assert title(sentence) == expected


def test_a_main_clause_cut_from_its_subject_gets_it_back():
    # ECB+ tune article (Turkmenistan election 2013)
    s = ("Parliamentary elections in Turkmenistan which are planned for December 15, 2013, will be held on a "
         "two-party basis, a message from the Central Commission for Elections and Referenda of Turkmenistan said.")
    assert title(s) == "Parliamentary elections in Turkmenistan will be held on a two-party basis"


def test_an_appositive_holding_the_events_date_is_kept():
    s = "Support for Gaddafi, the son of a herdsman who seized power in 1969, among Libya's desert tribes was waning."
    assert title(s, keep="1969") == "The son of a herdsman who seized power in 1969"
    assert title(s) == "Support for Gaddafi among Libya's desert tribes was waning"


def test_a_title_is_never_only_the_leftover_of_a_trim():
    # the "attribution" or "adverbial" is the whole clause: not cut away (T17 H1N1 and MJ sentences)
    assert len(title("But according to reports, President George W. Bush decided in 2002 not to administer "
                     "a nationwide smallpox vaccination program.").split()) >= 3
    assert len(title("By 1881 they had moved to the Slate House, Llanllwchaiarn.").split()) >= 3
