"""The one way gold evaluators form stories (``evaluate.grouping``), on real ECB+ articles of two
stories (round-6 development corpus): ``detect`` is the split ``dateline analyze`` makes, ``folder``
one story per story folder, ``one`` the whole pile; the CLI option and the JSON field."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.evaluate.grouping import GROUPINGS, folder_keys, run_stories, story_groups
from dateline.ingest.files import read_file
from dateline.model import Document
from dateline.pipeline import analyze_documents, split_stories

ROOT = Path(__file__).resolve().parent.parent
A = "tests/corpora/ecbplus_r6/articles/"
ARTICLES = [A + "consultancy_acquisition_2007/44_1ecbplus.txt", A + "heavyweight_title_fight_2012/7_1ecbplus.txt",
            A + "consultancy_acquisition_2007/44_11ecbplus.txt", A + "heavyweight_title_fight_2012/7_5ecbplus.txt",
            A + "consultancy_acquisition_2007/44_14ecbplus.txt", A + "heavyweight_title_fight_2012/7_8ecbplus.txt"]
DISABLE = ("claims",)  # not read here: keeps the story phase short


@pytest.fixture(scope="module")
def analysed() -> tuple[list[Document], dict[str, str]]:
    raws = []
    for a in ARTICLES:
        for r in read_file(ROOT / a):
            r.id = Path(a).name.split(".")[0]
            raws.append(r)
    docs = analyze_documents(raws, disable=DISABLE)
    assert all(d.status == "ok" for d in docs)
    return docs, {d.id: a for d, a in zip(docs, ARTICLES, strict=True)}


def _run(analysed: tuple[list[Document], dict[str, str]], grouping: str):  # noqa: ANN202
    docs, paths = analysed
    return run_stories(copy.deepcopy(docs), grouping, paths=paths, disable=DISABLE, quiet=True)


def test_story_folders_of_real_corpus_paths() -> None:
    paths = [Path(a) for a in ARTICLES]
    assert folder_keys(paths) == ["consultancy_acquisition_2007", "heavyweight_title_fight_2012"] * 3
    assert [[p.parent.name for p in g] for g in story_groups(paths)] == [["consultancy_acquisition_2007"] * 3,
                                                                        ["heavyweight_title_fight_2012"] * 3]
    one_folder = [Path(a) for a in ARTICLES if "consultancy" in a]
    assert set(folder_keys(one_folder)) == {""} and story_groups(one_folder) == [one_folder]


def test_detect_runs_the_split_dateline_analyze_makes(analysed) -> None:  # noqa: ANN001
    run = _run(analysed, "detect")
    expected = split_stories(copy.deepcopy(analysed[0]), disable=DISABLE)
    assert [s.documents for s in run.partition.stories] == [s.documents for s in expected.stories]
    assert run.partition.unassigned == expected.unassigned
    meta = run.meta()
    assert meta["name"] == "detect" and meta["stories"] == len(run.reports) == len(expected.stories)
    # two unrelated stories (a takeover, a title fight): detection does not mix them
    assert meta["mixed_stories"] == 0 and meta["folders"] == 2


def test_folder_and_one_groupings(analysed) -> None:  # noqa: ANN001
    folder = _run(analysed, "folder").meta()
    assert folder["stories"] == 2 and folder["sizes"] == [3, 3] and folder["mixed_stories"] == 0
    assert folder["stories_per_folder"] == {"consultancy_acquisition_2007": 1, "heavyweight_title_fight_2012": 1}
    one = _run(analysed, "one")
    assert one.meta()["sizes"] == [6] and one.meta()["mixed_stories"] == 1 and len(one.reports) == 1


def test_joined_report_keeps_every_document_and_unique_ids(analysed) -> None:  # noqa: ANN001
    run = _run(analysed, "folder")
    rep = run.report
    assert [d.id for d in rep.documents] == [d.id for d in analysed[0]]
    per_story = [len(r.events) for r in run.reports]
    assert len(rep.events) == sum(per_story) > 0
    assert len({e.id for e in rep.events}) == len(rep.events)
    assert len({e.id for e in rep.entities}) == len(rep.entities) == sum(len(r.entities) for r in run.reports)
    # every event of the joined report cites documents of one story folder only
    folders = {d: Path(a).parent.name for d, a in analysed[1].items()}
    assert all(len({folders[sp.doc] for sp in e.evidence}) == 1 for e in rep.events)


def test_cli_grouping_option_and_json_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = json.loads((ROOT / "tests/gold/ecbplus_r6/pubdates.blind.json").read_text(encoding="utf-8"))
    docs = [d for d in gold["docs"] if any(d["doc"] == a for a in ARTICLES[:4])]
    assert len(docs) == 4
    path = tmp_path / "pubdates.json"
    path.write_text(json.dumps({**gold, "docs": docs}), encoding="utf-8")
    assert main(["evaluate", "pubdates-gold", str(path), "--data", str(ROOT), "--json", "--grouping", "folder"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["grouping"]["name"] == "folder" and out["grouping"]["stories"] == 2
    assert out["documents"] == 4
    with pytest.raises(SystemExit):
        main(["evaluate", "pubdates-gold", str(path), "--grouping", "by-topic"])
    assert GROUPINGS[0] == "detect"
