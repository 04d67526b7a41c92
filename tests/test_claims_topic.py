"""Round-3 claims fixes on real lines of the CNN live page and Reuters report of examples/libya:
figures of other stories on the page are flagged off topic and form no series or clash; a
series' label names its place."""

from __future__ import annotations

from dateline.claims import extract_claims
from dateline.model import Document

# examples/libya, CNN live page of 28 March 2011 (items stamped with their place)
LIBYA_ITEM = ("(1:23 p.m. Monday ET, 7:23 p.m. in Libya) Libyan opposition fighters Monday entered territory loyal to "
              "Libyan leader Moammar Gadhafi, but soon had to flee amid a barage of gunfire, rebels told CNN.")
YEMEN_EARLY = ("(8:11 a.m. Monday ET, 3:11 p.m. in Yemen) At least 40 people were killed and 90 wounded in an explosion at "
               "an ammunition factory in Yemen on Monday, medical and security officials said.")
YEMEN_LATE = ("(12:36 p.m. Monday ET, 7:36 p.m. in Yemen) At least 121 people were killed and 45 injured in an explosion at "
              "an ammunition factory in southern Yemen on Monday, medical sources said.")
NO_PLACE = "The death toll was expected to rise, said the sources, who asked that they not be identified because they are not authorized to speak to the news media."
# examples/libya, Reuters, 21 Feb 2011
INCIDENT = "Seven people are killed in clashes between security forces and anti-government protesters in Libya, according to medical sources."
RUNNING = "Human Rights Watch reports that 84 people have been killed in Libyan demonstrations since Tuesday."


def _annotated(doc_id: str, text: str, published: str) -> Document:
    from dateline.entities import extract_mentions
    from dateline.nlp import annotate

    ann = annotate(text)
    doc = Document(id=doc_id, source="fixture", text=text, sentences=[list(s) for s in ann.sentences], published=published)
    doc.mentions = extract_mentions(text, ann)
    return doc


def _run(docs: list[Document]):
    from dateline.entities import link_entities

    return extract_claims(docs, link_entities(docs))


def test_figures_of_another_story_on_the_page_are_flagged_not_dropped() -> None:
    page = _annotated("cnn", "\n".join([LIBYA_ITEM, YEMEN_LATE, NO_PLACE, YEMEN_EARLY]), "2011-03-28")
    report = _annotated("reuters", "\n".join([INCIDENT, RUNNING]), "2011-03-28")
    claims, series, disagreements = _run([page, report])
    yemen = [c for c in claims if c.evidence.doc == "cnn" and c.value[0] in (40, 90, 121, 45)]
    assert len(yemen) == 4 and not any(c.on_topic for c in yemen)
    libya = [c for c in claims if c.evidence.doc == "reuters"]
    assert libya and all(c.on_topic for c in libya)
    off = {c.id for c in claims if not c.on_topic}
    assert not any(off & set(s.claims) for s in series)
    # 45 vs 90 injured in Yemen the same day was reported as a clash of the Libya story
    assert not [g for g in disagreements if g.kind == "numeric"]


def test_series_label_names_its_place() -> None:
    # the same two items, now the page's only story: one series of Yemen's toll
    page = _annotated("cnn", "\n".join([YEMEN_LATE, NO_PLACE]), "2011-03-28")
    other = _annotated("cnn2", YEMEN_EARLY, "2011-03-28")
    claims, series, _ = _run([page, other])
    assert all(c.on_topic for c in claims)
    killed = [s for s in series if s.measure.startswith("people killed")]
    assert killed and all(s.place and s.measure.endswith(f" in {s.place}") for s in killed)
