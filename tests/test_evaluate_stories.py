"""``dateline evaluate stories``: which phase 1 it reads is said, corpora pool with their own splits,
and each corpus is scored against its own stories."""

from __future__ import annotations

from pathlib import Path

from dateline.evaluate import stories, tls
from dateline.stories import Story, StoryPartition


def test_a_corpus_may_name_its_own_split():
    assert stories.corpus_arg("tests/corpora/ecbplus_r5/index.jsonl:all", "tune") == \
        (Path("tests/corpora/ecbplus_r5/index.jsonl"), "all")
    assert stories.corpus_arg("tests/corpora/ecbplus/index.jsonl", "tune") == \
        (Path("tests/corpora/ecbplus/index.jsonl"), "tune")


def test_an_older_codes_cache_is_named_stale(tmp_path, monkeypatch, shared_data: Path):
    topic = shared_data / "timeline17" / "H1N1_guardian"
    monkeypatch.setattr(tls, "CACHE", tmp_path)
    assert tls.cache_state(topic) == "computed now"
    assert tls.cache_state(topic, any_version=True) == "computed now"
    (tmp_path / f"{topic.name}-p1-0000000000000000.json").write_text("[]")
    assert tls.cache_state(topic, any_version=True).startswith("STALE: H1N1_guardian-p1-0000000000000000.json")
    assert tls.cache_state(topic) == "computed now"  # the default reads this code's phase 1 only
    tls._cache_path(topic).write_text("[]")
    assert tls.cache_state(topic) == "current code (cached)"


def test_each_corpus_is_scored_against_its_own_stories():
    fam = {"a/1": "quake", "a/2": "quake", "a/3": "fire", "b/1": "trial", "b/2": "trial"}
    part = StoryPartition(stories=[Story("s1", "", ["a/1", "a/2", "a/3"]), Story("s2", "", ["b/1", "b/2"])])
    out = stories.per_corpus(part, fam, {"a/1": "a", "a/2": "a", "a/3": "a", "b/1": "b", "b/2": "b"})
    assert out["b"]["ari"] == 1.0 and out["b"]["bcubed_f"] == 1.0
    assert out["a"]["documents"] == 3 and out["a"]["families"] == 2 and out["a"]["bcubed_p"] < 1.0
