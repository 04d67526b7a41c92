"""Bad input never crashes the run and never loses data: every input ends as ok or rejected."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.ingest import read_inputs
from dateline.ingest.decode import decode_text
from tests.conftest import ROOT

SAMPLE = ROOT / "examples" / "libya" / "reuters" / "2011-03-20"


def _article_text() -> str:
    return next(SAMPLE.glob("*.txt")).read_text("utf-8")


def _run(tmp_path: Path, inputs: list[Path]) -> tuple[int, list[dict]]:
    out = tmp_path / "out"
    rc = main(["analyze", *map(str, inputs), "--out", str(out), "-q"])
    rep = json.loads((out / "report.json").read_text("utf-8"))
    return rc, rep["documents"]


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    text = _article_text()
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "spaces.txt").write_text("   \n\n  \t\n")
    with open(d / "huge.txt", "wb") as fh:  # 100 MB of text
        line = (text.splitlines()[3] + "\n").encode()
        fh.write(line * (100_000_000 // len(line) + 1))
    (d / "broken.html").write_text(
        "<html><head><title>Broken page</title><body><div><p>" + text.replace("\n", "<p>")[:4000]
        + "<table><tr><td>unclosed <b>bold <i>and <a href='x"
    )
    gz = gzip.compress(("<html><body><p>" + text + "</p></body></html>").encode())
    (d / "truncated.html.gz").write_bytes(gz[: len(gz) // 2])
    good = json.dumps({"id": "good-line", "text": text, "published": "2011-03-20"})
    (d / "mixed.jsonl").write_text("\n".join([good, "{not json", "[1, 2]", json.dumps({"id": "no-text"}), ""]) + "\n")
    os.symlink(d / "does-not-exist.txt", d / "dangling.txt")
    return d


def test_bad_inputs_end_as_ok_or_rejected(tmp_path: Path, bad_dir: Path) -> None:
    rc, docs = _run(tmp_path, [bad_dir, tmp_path / "missing-folder" / "x.txt"])
    assert rc == 0  # at least one document was analysed
    by_source = {}
    for d in docs:
        assert d["status"] in ("ok", "rejected")
        if d["status"] == "rejected":
            assert d["error"]
        by_source.setdefault(Path(d["source"].split("#")[0]).name, []).append(d)
    reasons = {name: [d["error"] for d in ds] for name, ds in by_source.items()}
    assert "binary" in reasons["binary.txt"][0]
    assert "empty" in reasons["empty.txt"][0]
    assert "empty" in reasons["spaces.txt"][0]
    assert "too large" in reasons["huge.txt"][0]
    assert by_source["broken.html"][0]["status"] == "ok"
    assert "Gaddafi" in by_source["broken.html"][0]["text"]
    assert "gzip" in reasons["truncated.html.gz"][0]
    assert "no such file" in reasons["dangling.txt"][0]
    assert "no such file" in reasons["x.txt"][0]
    jsonl = by_source["mixed.jsonl"]
    assert [d["status"] for d in jsonl] == ["ok", "rejected", "rejected", "rejected"]
    assert jsonl[0]["id"] == "good-line" and jsonl[0]["published"] == "2011-03-20"
    assert "invalid JSON" in jsonl[1]["error"] and "not an object" in jsonl[2]["error"]
    assert "no 'text'" in jsonl[3]["error"]
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids))


def test_nothing_readable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    rc, docs = _run(tmp_path, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert rc == 1
    assert [d["status"] for d in docs] == ["rejected", "rejected"]


def test_encodings_detected() -> None:
    text = "The rebels\u2019 \u201ccapital\u201d, Benghazi \u2014 caf\u00e9 owners said on Monday."
    for enc in ("utf-8", "utf-8-sig", "cp1252"):
        decoded, used = decode_text(text.encode(enc))
        assert decoded == text, enc
    latin = "Les r\u00e9fugi\u00e9s arriv\u00e9s \u00e0 Tunis, a d\u00e9clar\u00e9 le ministre."
    decoded, _ = decode_text(latin.encode("latin-1"))
    assert decoded == latin


def test_duplicate_ids_made_unique_and_stable(tmp_path: Path) -> None:
    text = _article_text()
    for sub in ("a", "b", "c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "12.htm.txt").write_text(text + f"\nCopy {sub}.")
    ids1 = [r.id for r in read_inputs([str(tmp_path)])]
    ids2 = [r.id for r in read_inputs([str(tmp_path)])]
    assert ids1 == ids2
    assert ids1[0] == "12" and len(set(ids1)) == 3


def test_path_date_read_from_folder(tmp_path: Path) -> None:
    d = tmp_path / "InputDocs" / "2009-06-25"
    d.mkdir(parents=True)
    (d / "12.htm.txt").write_text(_article_text())
    raw = next(read_inputs([str(tmp_path)]))
    assert raw.meta["path_date"] == "2009-06-25"


def test_html_declared_charset_is_honoured() -> None:
    from dateline.ingest.decode import decode_html

    body = "<p>\u5229\u6bd4\u4e9a\u53cd\u5bf9\u6d3e\u8fdb\u5165\u7684\u9ece\u6ce2\u91cc</p>"
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f"</head><body>{body}</body></html>")
    text, enc = decode_html(page.encode("gb2312"))
    assert enc == "gb2312" and body in text
    latin = '<html><head><meta charset="ISO-8859-1"></head><body><p>Caf\u00e9 \u201cS\u00e3o Paulo\u201d</p></body></html>'
    text, enc = decode_html(latin.encode("cp1252"))
    assert enc == "cp1252" and "Caf\u00e9 \u201cS\u00e3o Paulo\u201d" in text


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=BytesIO(html.encode("utf-8")), http_headers=headers)
            writer.write_record(rec)


def test_warc_records_become_documents(tmp_path: Path) -> None:
    text = _article_text()
    html = "<html><head><title>Allies strike Libya</title></head><body><article>" + "".join(
        f"<p>{ln}</p>" for ln in text.splitlines() if ln.strip()) + "</article></body></html>"
    _write_warc(tmp_path / "crawl.warc.gz", [("https://example.org/a", html), ("https://example.org/b", html + "<p>x</p>")])
    raws = list(read_inputs([str(tmp_path / "crawl.warc.gz")]))
    assert [r.id for r in raws] == ["https://example.org/a", "https://example.org/b"]
    assert all(r.html and not r.error for r in raws)
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    cut = list(read_inputs([str(tmp_path / "cut.warc.gz")]))
    assert cut[0].id == "https://example.org/a" and not cut[0].error
    assert any(r.error and "WARC" in r.error for r in cut)
