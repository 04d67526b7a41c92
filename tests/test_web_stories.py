"""The web UI's story list (``/stories``): the stories of the pile from stories.json beside the
report or from the database, titles escaped, and a 404 when the pile's stories are unknown."""

from __future__ import annotations

import json
import shutil
import warnings

from dateline.stories import Story, StoryPartition
from dateline.web import create_app
from dateline.web.app import app_for
from tests.test_web_pages import FIXTURE

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _part() -> StoryPartition:
    return StoryPartition(stories=[Story(id="s1", title="Rebels <b>take</b> Brega", documents=["a", "b", "c"],
                                         start="2011-03-01", end="2011-03-20", report="stories/s1/report.json"),
                                   Story(id="s2", title="Flu vaccine", documents=["d", "e"])],
                          unassigned=["f"])


def test_story_list_from_a_partition_escapes_titles(tmp_path):
    from dateline.web import load_report_file

    page = TestClient(create_app(load_report_file(FIXTURE), stories=_part)).get("/stories")
    assert page.status_code == 200
    assert "Rebels &lt;b&gt;take&lt;/b&gt; Brega" in page.text and "<b>take</b>" not in page.text
    assert "2011-03-20" in page.text and "Flu vaccine" in page.text and "1 articles in no story" in page.text


def test_story_list_from_stories_json_beside_the_report_or_none(tmp_path):
    folder = tmp_path / "out" / "stories" / "s1"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURE, folder / "report.json")
    assert TestClient(app_for(str(folder / "report.json"))).get("/stories").status_code == 404
    (tmp_path / "out" / "stories.json").write_text(json.dumps(_part().to_dict()), encoding="utf-8")
    page = TestClient(app_for(str(folder / "report.json"))).get("/stories")
    assert page.status_code == 200 and "stories/s1/report.json" in page.text


def test_story_list_from_the_database(tmp_path):
    from dateline.store import save_report
    from dateline.web import load_report_file

    url = f"sqlite:///{tmp_path / 's.db'}"
    report = load_report_file(FIXTURE)
    ids = [d.id for d in report.documents]
    save_report(report, url, partition=StoryPartition(stories=[Story(id="sx", title="One story", documents=ids)]))
    page = TestClient(app_for(db_url=url)).get("/stories")
    assert page.status_code == 200 and "One story" in page.text and f"<td>{len(ids)}</td>" in page.text


def test_each_story_of_an_analyzed_pile_opens_under_its_own_prefix(tmp_path):
    out = tmp_path / "out"
    for sid in ("s1", "s2"):
        (out / "stories" / sid).mkdir(parents=True)
        shutil.copy(FIXTURE, out / "stories" / sid / "report.json")
    part = _part()
    part.stories[1].report = "stories/s2/report.json"
    (out / "stories.json").write_text(json.dumps(part.to_dict()), encoding="utf-8")
    client = TestClient(app_for(str(out / "stories" / "s1" / "report.json")))
    listing = client.get("/stories").text
    assert 'href="/s/s1/"' in listing and 'href="/s/s2/"' in listing
    page = client.get("/s/s2/")
    assert page.status_code == 200
    assert 'href="/s/s2/entities"' in page.text and 'href="/stories"' in page.text  # its links stay in the story
    assert 'href="/entities"' not in page.text
    assert client.get("/s/s2/entities").status_code == 200
    assert client.get("/s/s2", follow_redirects=False).headers["location"] == "/s/s2/"
    missing = client.get("/s/nope/")
    assert missing.status_code == 404 and "nope" in missing.text
    assert missing.headers["X-Content-Type-Options"] == "nosniff"


def test_each_story_of_a_stored_pile_opens_from_the_database(tmp_path):
    from dateline.store import load_story_report, save_report
    from dateline.web import load_report_file

    url = f"sqlite:///{tmp_path / 's.db'}"
    report = load_report_file(FIXTURE)
    ids = [d.id for d in report.documents]
    half = len(ids) // 2
    other = load_report_file(FIXTURE)
    other.documents = other.documents[half:]
    report.documents = report.documents[:half]
    part = StoryPartition(stories=[Story(id="sa", title="First", documents=ids[:half]),
                                   Story(id="sb", title="Second <i>x</i>", documents=ids[half:])])
    save_report(report, url, partition=part, reports=[report, other])
    stored = load_story_report(url, "sb")
    assert [d.id for d in stored.documents] == ids[half:] and stored.documents[0].text  # texts from the store
    client = TestClient(app_for(db_url=url))
    listing = client.get("/stories").text
    assert 'href="/s/sb/"' in listing and "Second &lt;i&gt;x&lt;/i&gt;" in listing
    doc = ids[-1]
    page = client.get(f"/s/sb/doc/{doc}")
    assert page.status_code == 200 and 'href="/s/sb/entities"' in page.text
    assert client.get(f"/s/sa/doc/{doc}").status_code == 404  # an article of the other story
