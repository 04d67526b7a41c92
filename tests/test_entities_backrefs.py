"""Back-references across documents join the one organisation of the story with that head word."""

from __future__ import annotations

from dateline.entities import extract_mentions, link_entities
from dateline.model import Document
from dateline.nlp import annotate


def _doc(doc_id: str, text: str) -> Document:
    d = Document(id=doc_id, source=doc_id, text=text)
    d.mentions = extract_mentions(text, annotate(text))
    return d


def _owner(docs, ents, doc_id: str, surface: str):
    d = next(x for x in docs if x.id == doc_id)
    s = d.text.index(surface)
    e = s + len(surface)
    return next((x for x in ents for sp in x.mentions if sp.doc == doc_id and sp.start < e and s < sp.end), None)


def test_the_observatory_in_another_document_joins_the_full_name():
    docs = [
        _doc("a", "The Northern Rivers Observatory for Human Rights said on Monday that 12 people were killed."),
        _doc("b", "At least 20 people died in the shelling, the Observatory said on Tuesday."),
    ]
    ents = link_entities(docs)
    full = next(e for e in ents if "Northern Rivers Observatory for Human Rights" in e.aliases)
    assert _owner(docs, ents, "b", "the Observatory") is full
    assert "the Observatory" not in full.aliases  # a reference is not a name of the body


def test_two_ministries_in_the_story_leave_the_ministry_unlinked():
    docs = [
        _doc("a", "The Ministry of Health reported 40 cases. The Ministry of Defence deployed troops to the border."),
        _doc("b", "The ministry said on Friday that more cases were expected."),
    ]
    ents = link_entities(docs)
    assert _owner(docs, ents, "b", "The ministry") is None


def test_a_capitalised_name_after_the_head_is_no_reference():
    docs = [
        _doc("a", "The Northern Rivers Observatory for Human Rights counted the dead."),
        _doc("b", "The Council of Europe met in the city on Monday."),
    ]
    ents = link_entities(docs)
    council = _owner(docs, ents, "b", "Council of Europe")
    assert council is None or "Northern Rivers Observatory for Human Rights" not in council.aliases


def test_an_acronym_joins_a_hyphenated_full_name_named_elsewhere():
    docs = [
        _doc("a", "The minister told Agence-France Presse that the talks would resume."),
        _doc("b", "The minister told AFP on Monday that the talks had failed."),
    ]
    ents = link_entities(docs)
    full = next((e for e in ents if "Agence-France Presse" in e.aliases), None)
    assert full is not None and "AFP" in full.aliases


def test_the_monitor_joins_the_one_observatory_of_the_story():
    docs = [
        _doc("a", "The Northern Rivers Observatory for Human Rights said on Monday that 12 people were killed."),
        _doc("b", "At least 20 people died in the shelling, the monitor said on Tuesday."),
    ]
    ents = link_entities(docs)
    full = next(e for e in ents if "Northern Rivers Observatory for Human Rights" in e.aliases)
    assert _owner(docs, ents, "b", "the monitor") is full


def test_the_monitor_stays_unlinked_without_a_monitoring_body():
    docs = [
        _doc("a", "The Ministry of Health reported 40 cases on Monday."),
        _doc("b", "A heart monitor was fitted, and the monitor showed a steady pulse."),
    ]
    ents = link_entities(docs)
    assert _owner(docs, ents, "b", "the monitor") is None
