"""The run summary: articles without a publication date (with reasons), languages not analysed."""

from __future__ import annotations

import json

from dateline.cli import main
from dateline.language import detect_language, unsupported_reason
from dateline.model import RawDocument, Timex
from dateline.pipeline import analyze_document
from dateline.run_summary import no_date_lines, no_date_reason

BRIEF = "Officials in the provincial capital said on Monday that 30 people were killed in the attack."


def test_no_date_lines_count_and_reasons():
    a = analyze_document(RawDocument(id="a", source="a.txt", text=BRIEF))
    b = analyze_document(RawDocument(id="b", source="b.txt", text="PORTVILLE, March 6, 2017 - " + BRIEF))
    c = analyze_document(RawDocument(id="c", source="c.txt", text=BRIEF + " Talks resumed.",
                                     meta={"metadata_refused": {"published": "2099-13-45: month 13 does not exist"}}))
    assert a.published is None and b.published == "2017-03-06" and c.published is None
    lines = no_date_lines([a, b, c])
    assert lines[0] == "2 of 3 articles have no publication date: a, c"
    assert "no date in its file path" in lines[1]
    assert "refused (2099-13-45: month 13" in lines[2]
    assert no_date_lines([b]) == []


def test_reason_names_absolute_dates_in_text():
    d = analyze_document(RawDocument(id="a", source="a.txt", text=BRIEF))
    d.timexes = [Timex(start=0, end=14, text="March 19, 2011", value="2011-03-19")]
    assert "2011-03-19" in no_date_reason(d)


def test_flat_folder_summary(tmp_path, capsys):
    folder = tmp_path / "flat"
    folder.mkdir()
    for i in range(3):
        (folder / f"article{i}.txt").write_text(f"{BRIEF} Witness {i} described the scene.", encoding="utf-8")
    assert main(["analyze", str(folder), "--out", str(tmp_path / "out"), "--disable", "claims"]) == 0
    err = capsys.readouterr().err
    assert "3 of 3 articles have no publication date: article0, article1, article2" in err
    assert err.count("  no date article") == 3
    docs = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["documents"]
    assert all("no date in its file path" in d["meta"]["no_date_reason"] for d in docs)


def test_language_detected_and_non_english_not_analysed(tmp_path):
    assert detect_language(BRIEF)[0] == "en"
    assert detect_language("AP")[0] is None  # too short to tell
    texts = {
        "ar": "قال مسؤولون في العاصمة يوم الاثنين إن 30 شخصا قتلوا في هجوم على السوق المركزي في المدينة",
        "zh": "官员周一表示，在该市中心市场发生的袭击中有30人遇难，另有数十人受伤。当局正在调查此事。",
        "fr": "Les autorités ont déclaré lundi que 30 personnes avaient été tuées dans une attaque contre le marché.",
    }
    path = tmp_path / "multi.jsonl"
    path.write_text("\n".join(json.dumps({"id": k, "text": v}) for k, v in texts.items()) + "\n"
                    + json.dumps({"id": "en", "text": BRIEF}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(path), "--out", str(out), "--disable", "claims", "-q"]) == 0
    docs = {d["id"]: d for d in json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]}
    for lang in texts:
        assert docs[lang]["status"] == "rejected"
        assert docs[lang]["lang"] == lang
        assert "not supported" in docs[lang]["error"]
    assert docs["en"]["status"] == "ok" and docs["en"]["lang"] == "en"
    assert unsupported_reason("en", 1.0, BRIEF) is None
    assert unsupported_reason("es", 0.4, "Las autoridades dijeron el lunes") is None  # unsure: analysed


def test_language_check_can_be_turned_off_for_language_independent_stages():
    from dateline.settings import Settings

    text = ("Les autorités ont déclaré lundi que 30 personnes avaient été tuées dans une attaque "
            "contre le marché central de la ville.")
    raw = RawDocument(id="fr", source="fr.txt", text=text)
    assert analyze_document(raw, disable=("annotate",)).status == "rejected"
    keep = Settings()
    keep.clean.only_supported_languages = False
    doc = analyze_document(raw, settings=keep, disable=("annotate",))
    assert doc.status == "ok" and doc.lang == "fr" and doc.meta["language_unsupported"] == "fr"
