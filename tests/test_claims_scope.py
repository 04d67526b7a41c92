"""Round-2 claims fixes on real T17 / bundled-example sentences: scope of figures, clash
groups, series keys, sources that name someone, cross-document statement clashes."""

from __future__ import annotations

from dateline.claims import extract_claims
from dateline.claims.attribution import find_attributions, names_someone, pick_attribution
from dateline.claims.quantities import find_quantities
from dateline.claims.scope import clause_place, cumulative, same_scope
from dateline.claims.series import place_key
from dateline.model import Document


def _doc(doc_id: str, lines: list[str], published: str) -> Document:
    text = "\n".join(lines)
    sents, pos = [], 0
    for line in lines:
        sents.append([pos, pos + len(line)])
        pos += len(line) + 1
    return Document(id=doc_id, source="fixture", text=text, sentences=sents, published=published)


def _scope_of(sentence: str, figure: str) -> tuple[str | None, bool | None]:
    i = sentence.index(figure)
    return clause_place(sentence, i, i + len(figure)), cumulative(sentence, i, i + len(figure))


# examples/libya (Reuters, 21 Feb 2011) and LibyaWar_cnn 2011-02-20/214
HOSPITAL_A = "Habib al-Obaidi, a surgeon at the Al-Jalae hospital, said the bodies of 50 people, most of them shot, were brought there on Sunday afternoon."
HOSPITAL_B = "A source at Benghazi Medical Center, the city's other major hospital, said there were 10 people dead there Sunday."
NATIONAL = "Libya's ambassador to India told the BBC he was resigning in protest at the violent crackdown that has killed more than 200."
INCIDENT = "Seven people are killed in clashes between security forces and anti-government protesters, according to medical sources."
RUNNING = "Human Rights Watch reports that 84 people have been killed in Libyan demonstrations since Tuesday."
# haiti_bbc 2010-01-15/1439
UN = ("About 45,000-50,000 people have died since Tuesday's 7.0 magnitude earthquake hit Haiti's capital, Port-au-Prince "
      "and 300,000 have been made homeless, according to UN estimates.")
PAHO = "The Pan American Health Organization has estimated that the death toll could be as high as 100,000."


def test_place_and_running_total_read_from_the_whole_clause() -> None:
    place, _ = _scope_of(HOSPITAL_B, "10")
    assert place is not None and "Benghazi Medical Center" in place
    assert "hospital" in (_scope_of(HOSPITAL_A, "50")[0] or "")
    assert _scope_of(RUNNING, "84")[1] is True  # "since Tuesday"
    assert _scope_of(INCIDENT, "Seven")[1] is False  # "in clashes"
    assert _scope_of(PAHO, "as high as 100,000")[1] is True  # "the death toll"
    assert _scope_of(NATIONAL, "more than 200")[1] is None  # the clause does not say


def test_scopes_that_are_not_the_same_count() -> None:
    assert not same_scope("Benghazi Medical Center", "Al-Jalae hospital")
    assert not same_scope("Al-Jalae hospital", None)
    assert same_scope("Haiti", None) and same_scope(None, None)
    assert not same_scope("Misrata", None)  # a city's toll is not the story-wide one
    assert not same_scope("Misrata", "Benghazi")


def test_hospital_counts_and_the_national_toll_are_no_clash() -> None:
    doc = _doc("libya", [HOSPITAL_A, HOSPITAL_B, NATIONAL], "2011-02-21")
    claims, _, disagreements = extract_claims([doc], [])
    assert {c.value[0] for c in claims} >= {50, 10, 200}
    assert [g for g in disagreements if g.kind == "numeric"] == []


def test_one_day_count_is_no_clash_with_a_running_total() -> None:
    doc = _doc("libya214", [INCIDENT, RUNNING], "2011-02-20")
    claims, _, disagreements = extract_claims([doc], [])
    assert sorted(c.value[0] for c in claims if c.measure == "people killed") == [7, 84]
    assert [g for g in disagreements if g.kind == "numeric"] == []


def test_estimates_twice_apart_clash_across_documents_with_only_the_clashing_sides() -> None:
    a = _doc("h1439", [UN, PAHO], "2010-01-15")
    b = _doc("h1461", ["The Red Cross estimates 45,000-50,000 people have died in Haiti's devastating earthquake, "
                       "as rescue teams race against time to find survivors."], "2010-01-15")
    _, _, disagreements = extract_claims([a, b], [])
    numeric = [g for g in disagreements if g.kind == "numeric"]
    assert len(numeric) == 1
    sources = {s.source for s in numeric[0].sides}
    assert "The Pan American Health Organization" in sources and "The Red Cross" in sources
    assert all("300,000" not in s.says.split(":")[0] for s in numeric[0].sides)  # homeless is another measure


def test_series_keep_measure_and_place_apart() -> None:
    docs = [_doc("d1", [INCIDENT], "2011-02-18"), _doc("d2", [RUNNING], "2011-02-20"),
            _doc("d3", [HOSPITAL_A], "2011-02-21"), _doc("d4", [HOSPITAL_B], "2011-02-21")]
    claims, series, _ = extract_claims(docs, [])
    by_id = {c.id: c for c in claims}
    for s in series:
        assert len({(by_id[i].measure, place_key(by_id[i].place)) for i in s.claims}) == 1
    killed = [s for s in series if s.measure == "people killed" and s.place is None]
    # "in Libyan demonstrations" is the country-wide count, one series with the unplaced one
    assert killed and [by_id[i].value[0] for i in killed[0].claims] == [7, 84]
    assert not any(by_id[i].value[0] in (10, 50) for i in killed[0].claims)  # hospital counts stay apart


def test_a_state_after_another_figure_is_not_this_figures_state() -> None:
    s = ("Among the tens of thousands of protesters who take to the streets, at least 20 people are killed "
         "and 200 are wounded, according to medical sources.")
    claims, _, _ = extract_claims([_doc("l214", [s], "2011-02-20")], [])
    by_value = {c.value[0]: c for c in claims}
    assert by_value[20000].measure != "people killed" and by_value[20].measure == "people killed"


def test_sources_must_name_someone() -> None:
    assert not names_someone("we have received multiple credible")
    assert not names_someone("there were 10 people dead there Sunday")
    assert not names_someone("Sunday morning") and not names_someone("us he")
    assert names_someone("medical sources") and names_someone("A doctor") and names_someone("Human Rights Watch")


def test_speaker_before_a_gloss_and_after_a_title() -> None:
    wfp = ("The UN's World Food Programme (WFP) says that in total two million people will need food aid, "
           "but that it has so far managed to feed just 4,000.")
    atts = find_attributions(wfp, 0, len(wfp))
    assert pick_attribution(atts, wfp.index("two million"), wfp).source == "The UN's World Food Programme"
    un = "It will launch an emergency appeal for $550m later on Friday, UN spokeswoman Corinne Momal-Vanian said."
    atts = find_attributions(un, 0, len(un))
    # the title is part of the speaker's noun phrase
    assert pick_attribution(atts, un.index("$550m"), un).source == "UN spokeswoman Corinne Momal-Vanian"
    acc = ("At least 37 people have died in violent protests since last week in Daraa, according to the U.N. "
           "Office for the Coordination of Humanitarian Affairs.")
    assert find_attributions(acc, 0, len(acc))[0].source.startswith("the U.N. Office")


def test_x_said_y_estimated_attributes_to_the_estimator() -> None:
    s = ("A spokesman for the International Federation of Red Cross and Red Crescent Societies said the "
         "Red Cross estimated that 45,000-50,000 people had died.")
    atts = find_attributions(s, 0, len(s))
    assert pick_attribution(atts, s.index("45,000"), s).source == "the Red Cross"


def test_range_with_a_shared_thousands_group() -> None:
    s = "and 9-10,000 troops would be in or off Haiti by Monday."
    q = find_quantities(s)[0]
    assert (q.low, q.high) == (9000, 10000)


def _annotated(doc_id: str, text: str, published: str) -> Document:
    from dateline.entities import extract_mentions
    from dateline.nlp import annotate

    ann = annotate(text)
    doc = Document(id=doc_id, source="fixture", text=text, sentences=[list(s) for s in ann.sentences], published=published)
    doc.mentions = extract_mentions(text, ann)
    return doc


def test_denial_answers_an_assertion_of_another_report() -> None:
    from dateline.entities import link_entities

    # LibyaWar_cnn 2011-02-21/13 and LibyaWar_reuters 2011-02-21/130, same day, different wires
    cnn = _annotated("cnn13", "Earlier today, British Foreign Secretary William Hague told Reuters that Libyan leader "
                     "Gadhafi may have been on his way to Venezuela.", "2011-02-21")
    reuters = _annotated("reuters130", "Both Libya and Venezuela denied reports that Gaddafi had fled to the South American "
                         "country ruled by his friend and fellow revolutionary President Hugo Chavez.", "2011-02-21")
    _, _, disagreements = extract_claims([cnn, reuters], link_entities([cnn, reuters]))
    cross = [g for g in disagreements if g.kind == "statement" and len({s.evidence.doc for s in g.sides}) == 2]
    assert len(cross) == 1
    assert "Hague" in (cross[0].sides[0].source or "") and "Venezuela" in (cross[0].sides[1].source or "")


def test_no_cross_report_clash_without_a_shared_subject() -> None:
    from dateline.entities import link_entities

    # examples/libya: the rebels' Garyan claim and the spokesman's airport denial share only "Tripoli"
    a = _annotated("cnn_a", "Rebels say they have captured Garyan, which controls the highway leading south from Tripoli.",
                   "2011-08-21")
    b = _annotated("cnn_b", "Musa Ibrahim, the government spokesman, denied that the airport had switched hands, insisting, "
                   "as with the rest of Tripoli, it was safe and under the control of the government.", "2011-08-21")
    _, _, disagreements = extract_claims([a, b], link_entities([a, b]))
    assert [g for g in disagreements if len({s.evidence.doc for s in g.sides}) == 2] == []


def test_nationals_listed_in_a_toll_are_no_rival_toll() -> None:
    # haiti_bbc 2010-01-13: a breakdown by nationality against the President's estimate
    doc = _doc("h13", ["Ten Brazilians, three Jordanians and one Haitian had been confirmed killed, a senior UN official said.",
                       "Haiti's President, Rene Preval, tells the Miami Herald that he believes thousands of people have been killed."],
               "2010-01-13")
    claims, _, disagreements = extract_claims([doc], [])
    assert any(c.value[0] == 1 and c.measure == "people killed" for c in claims)
    assert [g for g in disagreements if g.kind == "numeric"] == []
