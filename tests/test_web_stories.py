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
