"""Fuzzed ingest: property-based (Hypothesis) and corpus-mutation inputs through the readers and
``analyze_document``.

Asserted for every input: no exception escapes, every input is accounted for (one document per
file, per JSONL line that is not blank, at least one per WARC), each document ends ``ok`` or
``rejected`` with a reason, no document was rejected because analysis raised (an internal bug,
caught by ``analyze_document``), ids are unique and the same when read again, a size cap gives
a clear reason. CI runs a bounded number of examples (``DATELINE_FUZZ_EXAMPLES``, default 15
per property); ``benchmarks/fuzz_ingest.py`` runs the same generators longer, with the
full-size inputs, and prints the figures.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import read_inputs
from dateline.ingest.validate import check_date
from dateline.model import Document, RawDocument
from dateline.pipeline import analyze_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "15"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
SEED_ARTICLES = sorted((ROOT / "examples" / "libya").rglob("*.txt"))[:6]
SUFFIXES = [".txt", ".html", ".htm", ".jsonl", ".warc", ".txt.gz", ".html.gz", ".jsonl.gz", ".warc.gz", "", ".bin"]
BRIEF = "Officials in the provincial capital said on Monday that 30 people were killed. "


# --- inputs -----------------------------------------------------------------------------------

def warc_bytes(pages: list[tuple[str, bytes]], gz: bool = False) -> bytes:
    """A WARC of HTTP responses (url, HTML body), written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def _truncate(data: bytes, r: random.Random) -> bytes:
    return data[: r.randrange(0, max(1, len(data)))]


def _nul(data: bytes, r: random.Random) -> bytes:
    k = r.randrange(0, len(data) + 1)
    return data[:k] + b"\x00" * r.randint(1, 8) + data[k:]


def _bad_utf8(data: bytes, r: random.Random) -> bytes:
    k = r.randrange(0, len(data) + 1)
    return data[:k] + r.choice([b"\xff\xfe\xfd", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\x80"]) + data[k:]


def _utf16(data: bytes, r: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    return text.encode(r.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]))


def _cp1252_mix(data: bytes, r: random.Random) -> bytes:
    half = len(data) // 2
    return data[:half] + data[half:].decode("utf-8", "replace").encode("cp1252", "replace")


def _flip(data: bytes, r: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(r.randint(1, 20)):
        if b:
            b[r.randrange(len(b))] = r.randrange(256)
    return bytes(b)


def _gzip_truncated(data: bytes, r: random.Random) -> bytes:
    z = gzip.compress(data)
    return z[: r.randrange(1, len(z))]


def _short_lines(data: bytes, r: random.Random) -> bytes:
    return b"\n".join(data.split()) or b"\n"


def _html_wrap(data: bytes, r: random.Random) -> bytes:
    depth = r.choice([1, 50, 300, 600])
    return b"<html><body>" + b"<div>" * depth + b"<p>" + data + b"</p>" + b"</div>" * depth + b"</body></html>"


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncate": _truncate, "nul": _nul, "bad_utf8": _bad_utf8, "utf16": _utf16, "cp1252_mix": _cp1252_mix,
    "flip": _flip, "gzip_truncated": _gzip_truncated, "short_lines": _short_lines, "html_wrap": _html_wrap,
}


def mutate(data: bytes, ops: list[str], seed: int) -> bytes:
    r = random.Random(seed)
    for op in ops:
        data = MUTATIONS[op](data, r)
    return data


# --- what is checked --------------------------------------------------------------------------

def expected_inputs(path: Path, data: bytes) -> tuple[int, bool]:
    """(inputs in the file, exact?): a JSONL file holds one per line that is not blank."""
    name = path.name.lower()
    if name.endswith(".jsonl"):
        return max(1, sum(1 for ln in data.split(b"\n") if ln.strip())), True
    if name.endswith((".warc", ".warc.gz", ".jsonl.gz")):
        return 1, False
    return 1, True


def check_docs(raws: list[RawDocument], docs: list[Document]) -> None:
    assert len(docs) == len(raws)
    ids = [d.id for d in docs]
    assert len(set(ids)) == len(ids), "ids not unique"
    for d in docs:
        assert d.status in ("ok", "rejected")
        if d.status == "rejected":
            assert d.error, d.id
            assert not d.error.startswith("analysis failed"), d.error  # an exception inside a stage
        else:
            assert d.text.strip()
        if d.published:
            assert check_date(d.published)[0], d.published


def read_and_check(tmp: Path, name: str, data: bytes, analyse: bool = True) -> list[Document]:
    path = tmp / name
    path.write_bytes(data)
    raws = list(read_inputs([str(path)]))
    n, exact = expected_inputs(path, data)
    assert (len(raws) == n) if exact else (len(raws) >= n), (name, len(raws), n)
    again = [r.id for r in read_inputs([str(path)])]
    assert again == [r.id for r in raws], "ids not stable"
    docs = [analyze_document(r) for r in raws] if analyse else [analyze_document(r) for r in raws if r.error]
    if analyse:
        check_docs(raws, docs)
    path.unlink()
    return docs


# --- properties -------------------------------------------------------------------------------

@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(tmp_path_factory, data, suffix):
    read_and_check(tmp_path_factory.mktemp("rb"), "input" + suffix, data)


@FUZZ
@given(ops=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3), seed=st.integers(0, 2**16),
       which=st.integers(0, len(SEED_ARTICLES) - 1), suffix=st.sampled_from([".txt", ".html", ".txt.gz", ""]))
def test_mutated_articles(tmp_path_factory, ops, seed, which, suffix):
    data = mutate(SEED_ARTICLES[which].read_bytes(), ops, seed)
    read_and_check(tmp_path_factory.mktemp("mut"), "article" + suffix, data)


_ANY = st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats(), st.booleans(),
                 st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
_RECORD = st.fixed_dictionaries({}, optional={
    "id": st.one_of(_ANY, st.sampled_from(["dup", "dup", "a/b", "x\ny"])),
    "url": st.one_of(_ANY, st.sampled_from(["https://example.org/a", "javascript:x", "http://", "https://example.org/a"])),
    "published": st.one_of(_ANY, st.sampled_from(["2099-13-45", "2011-03-19", "March 19, 2011", "12345"])),
    "title": _ANY,
    "text": st.one_of(_ANY, st.just(BRIEF), st.text(min_size=1, max_size=400)),
    "html": st.one_of(st.none(), st.just("<p>" + BRIEF + "</p>"), st.text(max_size=200)),
})


@FUZZ
@given(records=st.lists(st.one_of(_RECORD, _ANY), min_size=1, max_size=6), blank=st.booleans())
def test_jsonl_records(tmp_path_factory, records, blank):
    lines = [json.dumps(r) for r in records]
    if blank:
        lines.insert(1, "   ")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    docs = read_and_check(tmp_path_factory.mktemp("jl"), "records.jsonl", data)
    assert len(docs) == len(records)


@FUZZ
@given(n=st.integers(1, 4), cut=st.floats(0.05, 1.0), gz=st.booleans(), flip=st.booleans())
def test_warc_truncated_or_corrupt(tmp_path_factory, n, cut, gz, flip):
    pages = [(f"https://example.org/news/{i}", f"<html><body><p>{BRIEF * 3}</p></body></html>".encode()) for i in range(n)]
    data = warc_bytes(pages, gz=gz)
    data = data[: max(1, int(len(data) * cut))]
    if flip:
        data = mutate(data, ["flip"], n)
    read_and_check(tmp_path_factory.mktemp("warc"), "crawl.warc" + (".gz" if gz else ""), data)


# --- the named hostile inputs, at a size CI can afford (full size: benchmarks/fuzz_ingest.py) -------

def hostile_inputs(scale: float = 0.1) -> dict[str, bytes]:
    """Name -> bytes of each named hostile input; ``scale=1`` is the size the issue names."""
    nest, links, lines = int(10_000 * scale), int(100_000 * scale), int(200_000 * scale)
    body = (BRIEF * 4).encode()
    return {
        "nested.html": b"<html><body>" + b"<div>" * nest + b"<p>" + body + b"</p>" + b"</div>" * nest + b"</body></html>",
        "links.html": b"<html><body><p>" + body + b"</p>" + b"".join(b'<a href="/x/%d">link %d</a> ' % (i, i)
                                                                     for i in range(links)) + b"</body></html>",
        "short-lines.txt": b"\n".join(b"line %d" % i for i in range(lines)) + b"\n" + body,
        "nul-bytes.txt": body + b"\x00" * 1000 + body,
        "utf16.txt": body.decode().encode("utf-16"),
        "dup-ids.jsonl": b"\n".join(json.dumps({"id": "same", "text": BRIEF * 2}).encode() for _ in range(5)) + b"\n",
        "name with spaces\nand newline \xc3\xa9.txt".encode().decode("utf-8"): body,
    }


def test_hostile_inputs(tmp_path):
    for name, data in hostile_inputs(0.1).items():
        docs = read_and_check(tmp_path, name, data)
        if name == "nested.html":  # 1,000 levels: flattened, the text kept
            assert docs[0].status == "ok" and "html_flattened" in docs[0].meta
        if name == "dup-ids.jsonl":
            assert len({d.id for d in docs}) == 5


def test_size_caps_give_a_reason(tmp_path):
    big = tmp_path / "big.jsonl"
    line = json.dumps({"text": "word " * 300_000}).encode()  # a 1.5 MB line
    big.write_bytes(json.dumps({"text": BRIEF}).encode() + b"\n" + line + b"\n" + json.dumps({"text": BRIEF}).encode())
    raws = list(read_inputs([str(big)], max_bytes=1_000_000))
    assert len(raws) == 3
    assert raws[1].error and "too large" in raws[1].error
    assert raws[0].error is None and raws[2].error is None
    links = tmp_path / "links.html"
    links.write_bytes(hostile_inputs(0.11)["links.html"])
    (raw,) = read_inputs([str(links)])
    assert "too many links" in (raw.error or "")


def test_folder_accounting(tmp_path):
    """A folder of odd files: every file one document (JSONL: one per line), ids unique."""
    r = random.Random(7)
    expected = 0
    for i in range(12):
        data = mutate(SEED_ARTICLES[i % len(SEED_ARTICLES)].read_bytes(), [r.choice(sorted(MUTATIONS))], i)
        (tmp_path / f"f{i}{r.choice(['.txt', '.html', ''])}").write_bytes(data)
        expected += 1
    (tmp_path / "lines.jsonl").write_text("\n".join(json.dumps({"id": "x", "text": BRIEF}) for _ in range(4)))
    expected += 4
    os.symlink(tmp_path, tmp_path / "loop")
    expected += 1
    raws = list(read_inputs([str(tmp_path)]))
    assert len(raws) == expected
    assert len({x.id for x in raws}) == expected
