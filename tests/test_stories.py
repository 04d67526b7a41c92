"""Story detection on real T17 articles of different families (dev families only), after the
per-document phase ``dateline analyze`` runs (spaCy names included)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dateline.model import Document, RawDocument
from dateline.pipeline import analyze_documents, split_stories
from dateline.settings import Settings
from dateline.stories import StoryOptions, detect_stories, story_id
from dateline.stories.dedup import duplicate_groups

TOPICS = ("H1N1_guardian", "bpoil_guardian", "LibyaWar_reuters")


def _raws(root: Path, topic: str, n: int, skip: int = 0) -> list[RawDocument]:
    files = sorted((root / "timeline17" / topic / "InputDocs").glob("*/*"))[skip:skip + n]
    return [RawDocument(id=f"{topic}/{f.parent.name}/{f.name}", source=str(f), published=f.parent.name,
                        text=f.read_text(encoding="utf-8", errors="replace")) for f in files]


@pytest.fixture(scope="module")
def analysed(shared_data: Path) -> list[Document]:
    raws = [r for t in TOPICS for r in _raws(shared_data, t, 8)] + [r for t in TOPICS for r in _raws(shared_data, t, 4, skip=40)]
    return analyze_documents(raws)


@pytest.fixture(scope="module")
def pile(analysed: list[Document]) -> tuple[list[Document], dict[str, str]]:
    docs = analysed[: 8 * len(TOPICS)]
    assert all(d.status == "ok" for d in docs)
    return docs, {d.id: d.id.split("/")[0] for d in docs}


@pytest.fixture(scope="module")
def later(analysed: list[Document]) -> list[Document]:
    return analysed[8 * len(TOPICS):]


def _families_of(part, fam):
    return [{fam[i] for i in s.documents} for s in part.stories]


def test_families_of_a_pooled_pile_become_separate_pure_stories(pile):
    docs, fam = pile
    part = detect_stories(docs)
    placed = [i for s in part.stories for i in s.documents] + part.unassigned
    assert sorted(placed) == sorted(d.id for d in docs) and not part.rejected
    assert all(len(f) == 1 for f in _families_of(part, fam)), "a story mixes families"
    big = [s for s in part.stories if len(s.documents) >= 3]
    assert sorted(fam[s.documents[0]] for s in big) == sorted(TOPICS)


def test_story_dates_and_id_come_from_its_members(pile):
    docs, _ = pile
    by_id = {d.id: d for d in docs}
    for s in detect_stories(docs).stories:
        days = sorted(by_id[i].published for i in s.documents)
        assert (s.start, s.end) == (days[0], days[-1])
        assert s.id == story_id(s.documents[0]) and by_id[s.documents[0]].published == days[0]
        assert s.title


def test_later_articles_join_the_stories_already_shown_without_reshuffling_them(pile, later):
    docs, fam = pile
    first = detect_stories(docs)
    second = detect_stories(docs + later, existing=first)
    old = {s.id: set(s.documents) for s in first.stories}
    new = {s.id: set(s.documents) for s in second.stories}
    for sid, members in old.items():
        assert sid in new and members <= new[sid]
    joined = sum(1 for d in later for s in first.stories
                 if d.id in new[s.id] and d.id.split("/")[0] == fam[s.documents[0]])
    assert joined >= len(later) * 2 // 3, "most later articles should join their family's story"


def test_a_syndicated_copy_is_kept_with_its_original_even_at_a_strict_threshold(pile):
    docs, _ = pile
    src = docs[0]
    copy = dataclasses.replace(src, id="copy-of-first", text="By a wire service.\n" + src.text + "\nCopyright 2009.")
    assert duplicate_groups([src.text, copy.text, docs[20].text]) == [0, 0, 2]
    part = detect_stories([src, copy] + docs[8:], StoryOptions(threshold=0.9))
    story = next(s for s in part.stories if src.id in s.documents)
    assert "copy-of-first" in story.documents


def test_rejected_and_empty_documents_are_listed_not_dropped(pile):
    docs, _ = pile
    bad = Document(id="bad", source="bad.html", status="rejected", error="empty after cleaning")
    part = detect_stories(docs + [bad])
    assert part.rejected == [{"id": "bad", "reason": "empty after cleaning"}]
    assert "bad" not in part.labels() and "bad" not in part.unassigned


def test_one_story_keeps_every_article_together(pile):
    docs, _ = pile
    for part in (split_stories(docs, one_story=True), split_stories(docs, disable=["stories"])):
        assert len(part.stories) == 1 and len(part.stories[0].documents) == len(docs) and not part.unassigned
    off = Settings()
    off.stories.enabled = False
    assert len(split_stories(docs, off).stories) == 1


def test_a_single_family_stays_one_story(analysed):
    docs = [d for d in analysed if d.id.startswith("bpoil")]
    part = detect_stories(docs)
    assert len(part.stories) == 1 and len(part.stories[0].documents) == len(docs)


def test_the_stories_json_layout(pile):
    docs, _ = pile
    d = detect_stories(docs).to_dict()
    assert set(d) == {"stories", "unassigned", "rejected"}
    assert set(d["stories"][0]) == {"id", "title", "documents", "start", "end", "report"}


def test_the_sparse_pass_and_merge_take_the_dense_matrix_decisions(pile):
    """The linear-memory single pass (story sums, blocks, time reach) and merge (kept pairs) give
    the labels and merges of the units x units cosine matrix, block boundaries and fixed stories included."""
    import numpy as np

    from dateline.stories import detect

    docs, _ = pile
    order = np.argsort([detect._day(d.published) for d in docs], kind="stable")
    U = detect.document_vectors(docs)[order]
    days = np.array([detect._day(docs[i].published) for i in order])
    sim = detect.unit_similarities(U)
    for threshold, merge, scale in ((0.025, 0.025, 60.0), (0.06, 0.02, 60.0), (0.1, 0.03, 0.0), (0.04, 0.04, 5.0)):
        opts = StoryOptions(threshold=threshold, time_scale_days=scale)
        dense = detect._single_pass(sim, days, opts)
        for block in (1, 5, 1024):
            assert (detect._single_pass_sparse(U, days, opts, block=block) == dense).all()
        assert detect._merge_sparse(U, dense, merge, cells=7) == detect._merge(sim, dense, merge)
        damp = {"days": days, "scale": 30.0}
        assert detect._merge_sparse(U, dense, merge, cells=7, **damp) == detect._merge(sim, dense, merge, **damp)
        fixed = dense[:10]
        k = int(fixed.max()) + 1
        dense_fixed = detect._single_pass(sim, days, opts, fixed, k)
        assert (detect._single_pass_sparse(U, days, opts, fixed, k, block=3) == dense_fixed).all()
        assert detect._merge_sparse(U, dense_fixed, merge, frozen=k) == detect._merge(sim, dense_fixed, merge, frozen=k)


def test_a_fragment_folds_into_its_family_story_and_large_stories_stay_apart(analysed):
    """``absorb_fragments`` on real vectors: two articles of one family split off as a story of
    their own rejoin their family's story (not another family's), stories of similar size never
    fold into each other, and a story already shown (frozen) is never folded into another."""
    import numpy as np

    from dateline.stories import detect

    docs = [d for d in analysed if d.status == "ok"]
    fam = [d.id.split("/")[0] for d in docs]
    U = detect.document_vectors(docs)
    days = np.array([detect._day(d.published) for d in docs])
    by = {t: [i for i, f in enumerate(fam) if f == t] for t in TOPICS}
    oil = by["bpoil_guardian"]
    groups = [(0, by["H1N1_guardian"]), (1, oil[:-2]), (2, by["LibyaWar_reuters"]), (3, oil[-2:])]
    opts = StoryOptions(absorb=0.1, absorb_share=0.25)
    out = dict(detect.absorb_fragments(U, groups, days, opts))
    assert sorted(out) == [0, 1, 2] and sorted(out[1]) == sorted(oil)
    assert out[0] == groups[0][1] and out[2] == groups[2][1]
    assert detect.absorb_fragments(U, groups, days, dataclasses.replace(opts, absorb_share=0.05)) == groups
    assert detect.absorb_fragments(U, groups, days, opts, frozen=4) == groups  # every story already shown
    assert sorted(dict(detect.absorb_fragments(U, groups, days, opts, frozen=2))[1]) == sorted(oil)  # a new one joins


def test_a_thread_split_off_rejoins_the_story_its_articles_sit_next_to(analysed):
    """``attach_fragments`` on real vectors: three articles of one family split off as a story of
    their own rejoin their family's story (their nearest articles are there), the other families'
    stories stay apart, a loose group of two families' articles (neighbours spread over two
    stories) joins neither, a story of ``attach_k`` articles or fewer stays, and a story already
    shown (frozen) is never folded into another."""
    from dateline.stories import detect

    docs = [d for d in analysed if d.status == "ok"]
    fam = [d.id.split("/")[0] for d in docs]
    U = detect.document_vectors(docs)
    by = {t: [i for i, f in enumerate(fam) if f == t] for t in TOPICS}
    oil, flu, war = by["bpoil_guardian"], by["H1N1_guardian"], by["LibyaWar_reuters"]
    groups = [(0, flu[:-2]), (1, oil[:-3]), (2, war[:-1]), (3, oil[-3:]), (4, [flu[-2], flu[-1], war[-1]])]
    opts = StoryOptions(attach=0.45, attach_k=2)
    out = dict(detect.attach_fragments(U, groups, opts))
    assert sorted(out) == [0, 1, 2, 4] and sorted(out[1]) == sorted(oil)
    assert out[0] == groups[0][1] and out[2] == groups[2][1] and out[4] == groups[4][1]
    assert detect.attach_fragments(U, groups, dataclasses.replace(opts, attach_k=3)) == groups
    assert detect.attach_fragments(U, groups, opts, frozen=5) == groups  # every story already shown
    assert sorted(dict(detect.attach_fragments(U, groups, opts, frozen=3))[1]) == sorted(oil)  # a new one joins
