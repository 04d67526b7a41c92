"""`dateline add` keeps the stories of the stored articles: new articles join a stored story or
start a new one, and stored stories keep their articles and ids (real T17 articles, two families);
each story gets a report of its own articles, rebuilt only when its articles change."""

from __future__ import annotations

import shutil
from pathlib import Path

from dateline.cli import main
from dateline.store import load_report, load_stories, load_story_report


def _copy(shared: Path, topic: str, dest: Path, start: int, n: int) -> Path:
    files = sorted((shared / "timeline17" / topic / "InputDocs").glob("*/*"))[start:start + n]
    for f in files:
        (dest / f.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest / f.parent.name / f"{topic}-{f.name}")
    return dest


def test_add_assigns_new_articles_without_reshuffling_stored_stories(shared_data, tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    first = _copy(shared_data, "bpoil_guardian", tmp_path / "a", 0, 6)
    assert main(["add", str(first), "--db", url, "-q"]) == 0
    part = load_stories(url)
    assert part is not None and len(part.stories) == 1 and len(part.stories[0].documents) == 6
    oil = part.stories[0]

    second = _copy(shared_data, "bpoil_guardian", tmp_path / "b", 6, 3)
    _copy(shared_data, "H1N1_guardian", second, 0, 6)
    assert main(["add", str(second), "--db", url, "-q"]) == 0
    part = load_stories(url)
    by_id = {s.id: s for s in part.stories}
    assert oil.id in by_id and set(oil.documents) <= set(by_id[oil.id].documents)  # nothing moved out
    report = load_report(url)
    source = {d.id: d.source for d in report.documents}
    assert len(report.documents) == 15  # the store's report still holds every article
    in_oil = {source[i].split("/")[-1].split("-")[0] for i in by_id[oil.id].documents}
    assert in_oil == {"bpoil_guardian"} and len(by_id[oil.id].documents) == 9
    flu = [s for s in part.stories if s.id != oil.id]
    assert len(flu) == 1 and {source[i].split("/")[-1].split("-")[0] for i in flu[0].documents} == {"H1N1_guardian"}
    # each story has a report of its own articles (phase 2 per story, not one over the mixed pile)
    for story in part.stories:
        own = load_story_report(url, story.id)
        assert own is not None and [d.id for d in own.documents] == story.documents
        cited = {s.doc for e in own.events for s in e.evidence} | {m.doc for e in own.entities for m in e.mentions}
        assert cited and cited <= set(story.documents)
    assert report.meta["pile"] == {"stories": 2, "rebuilt": 2}
    oil_report = load_story_report(url, oil.id).to_dict()

    third = _copy(shared_data, "H1N1_guardian", tmp_path / "c", 6, 2)
    assert main(["add", str(third), "--db", url, "-q"]) == 0
    after = {s.id: s for s in load_stories(url).stories}
    assert set(after) == {oil.id, flu[0].id}  # same ids
    assert after[oil.id].documents == by_id[oil.id].documents
    assert set(flu[0].documents) < set(after[flu[0].id].documents) and len(after[flu[0].id].documents) == 8
    # only the story the new articles joined was rebuilt; the other kept its report as it was
    assert load_report(url).meta["pile"] == {"stories": 2, "rebuilt": 1}
    assert load_story_report(url, oil.id).to_dict() == oil_report
    assert len(load_story_report(url, flu[0].id).documents) == 8
    # the same articles again: nothing new, no story rebuilt
    assert main(["add", str(third), "--db", url, "-q"]) == 0
    assert load_report(url).meta["pile"] == {"stories": 2, "rebuilt": 0}
    assert load_story_report(url, oil.id).to_dict() == oil_report


def test_analyze_db_stores_every_story_and_a_later_add_keeps_them(shared_data, tmp_path):
    """`analyze --db` on a mixed pile detects its stories as `analyze` does, stores each with its report, and
    keys them as `add` does: re-adding stored articles (with another worker count) rebuilds no story."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    pile = _copy(shared_data, "bpoil_guardian", tmp_path / "a", 0, 6)
    _copy(shared_data, "H1N1_guardian", pile, 0, 6)
    assert main(["analyze", str(pile), "--db", url, "-o", str(tmp_path / "out"), "-q"]) == 0
    part = load_stories(url)
    assert len(part.stories) == 2
    assert (tmp_path / "out" / "stories" / part.stories[0].id / "report.json").exists()
    reports = {s.id: load_story_report(url, s.id) for s in part.stories}
    for story in part.stories:
        assert [d.id for d in reports[story.id].documents] == story.documents
    assert len(load_report(url).documents) == 12  # every story's articles are stored
    assert main(["add", str(pile), "--db", url, "-q", "--jobs", "2"]) == 0
    assert load_report(url).meta["pile"] == {"stories": 2, "rebuilt": 0}
    for story in part.stories:
        assert load_story_report(url, story.id).to_dict() == reports[story.id].to_dict()
