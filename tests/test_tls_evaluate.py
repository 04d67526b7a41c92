"""`dateline evaluate tls`: gold reading quirks, system-file matching, tokenization, the CLI."""

from __future__ import annotations

import json

import pytest

from dateline.clean.ptb import detokenize_line
from dateline.cli import main
from dateline.evaluate.tls import find_system_file, find_tasks, ptb_tokenize, read_timeline


def test_malformed_gold_date_block_is_dropped(shared_data):
    path = shared_data / "timeline17/MJ_bbc/timelines/bbc.co.uk.txt"
    gold = read_timeline(path)
    blocks = path.read_text().count("-" * 32)
    assert len(gold) == blocks - 1
    assert not any("Jury selection begins" in s for sents in gold.values() for s in sents)


def test_repeated_gold_dates_are_merged(shared_data):
    path = shared_data / "timeline17/H1N1_bbc/timelines/influenza_A_h1n1_scotland_bbc.txt"
    gold = read_timeline(path)
    lines = [ln.strip() for ln in path.read_text().splitlines()]
    n_sents = sum(1 for ln in lines if ln and ln != "-" * 32 and not ln[:4].isdigit())
    assert sum(len(s) for s in gold.values()) == n_sents
    assert len(gold) < lines.count("-" * 32)


def test_every_dev_timeline_finds_its_sdf_tls_file(shared_data):
    t17 = shared_data / "timeline17"
    sysdir = t17 / "_reference_system_outputs/sdf-tls/TL17_bestds"
    tasks = find_tasks(t17)
    found = [find_system_file(sysdir, t) for t in tasks]
    assert len(tasks) == 12 and None not in found
    assert len(set(found)) == 12


def test_tokenizer_restores_the_corpus_tokenization(fixtures):
    lines = (fixtures / "tls/reuters_2011-03-04_337.htm.txt").read_text().splitlines()
    same = total = 0
    for ln in lines:
        gold = ln.split()
        ours = ptb_tokenize(detokenize_line(ln)).split()
        total += len(gold)
        same += len(set(gold) & set(ours))
    assert same / total > 0.9


def test_cli_json_scores_a_subset(shared_data, capsys):
    rc = main(["evaluate", "tls", str(shared_data / "timeline17"), "--json", "--limit", "1", "--topics", "H1N1_guardian"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert out["timelines"] == 1
    for key in ("ar1_f", "ar2_f", "date_f1", "concat_r1_f", "agreement_r2_f"):
        assert 0.0 <= out["mean"][key] <= 1.0
    assert out["mean"]["ar1_f"] > 0.05 and out["mean"]["date_f1"] > 0.3
    assert out["rows"][0]["timeline"] == "H1N1_guardian/swine_flu_guardian"


def test_limit_takes_the_first_tasks_in_sorted_order(shared_data):
    tasks = find_tasks(shared_data / "timeline17")
    assert [t.name for t in tasks] == sorted(t.name for t in tasks)
    with pytest.raises(SystemExit):
        main(["evaluate", "tls"])


def test_evaluate_scores_the_pipelines_documents(shared_data):
    """The scored documents come from pipeline.analyze_documents/analyze_story: spaCy sentences,
    names and linked entities, the folder date taken as the declared publication date."""
    from dateline.evaluate.tls import disabled_stages, load_stories
    from dateline.nlp import annotate

    (story,) = load_stories(shared_data / "timeline17", topics=["H1N1_guardian"])
    assert story.docs and all(d.status == "ok" for d in story.docs)
    d = story.docs[0]
    assert d.published_evidence.startswith("input field 'published'")
    assert d.sentences == annotate(d.text).sentences  # spaCy's sentences, not the file's lines
    assert sum(1 for d in story.docs if d.mentions) > 0.8 * len(story.docs)
    assert any(e.type in ("PERSON", "ORG", "GPE", "LOC") for e in story.entities) and len(story.entities) > 20
    assert set(disabled_stages()) <= {"claims"}
    # the timeline cites sentences of those documents
    by_id = {x.id: x for x in story.docs}
    spans = {(x.id, s, e) for x in story.docs for s, e in x.sentences}
    cited = [sp for entry in story.default_timeline for sp in entry.evidence]
    assert cited and all(sp.doc in by_id for sp in cited)
    assert sum(1 for sp in cited if any(i == sp.doc and s <= sp.start and sp.end <= e for i, s, e in spans)) == len(cited)


def test_phase1_settings_are_an_argument_not_module_state(tmp_path):
    """`--any-language` reaches phase 1 as an argument (round-3 review): the run's settings key the
    phase-1 cache, and nothing in the module keeps them between runs."""
    import argparse

    from dateline.evaluate import tls

    assert tls.phase1_settings(argparse.Namespace(any_language=False)) is None
    kept = tls.phase1_settings(argparse.Namespace(any_language=True))
    assert kept is not None and kept.clean.only_supported_languages is False
    topic = tmp_path / "topic"
    (topic / "InputDocs" / "2011-03-20").mkdir(parents=True)
    (topic / "InputDocs" / "2011-03-20" / "a.txt").write_text("Text.", encoding="utf-8")
    assert tls._cache_path(topic) == tls._cache_path(topic, None)
    assert tls._cache_path(topic, kept) != tls._cache_path(topic)
    assert not hasattr(tls, "PHASE1_SETTINGS")
