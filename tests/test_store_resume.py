"""`dateline add --documents-only`: the per-document phase of a large pile into the store, in pieces.

Re-running the same command skips what is stored and analyses the rest; no story is built until a
run without the flag; without a terminal, progress lines say how many documents are done."""

from __future__ import annotations

import shutil

import sqlalchemy as sa

from dateline.cli import main
from dateline.store import load_report, open_db
from dateline.store import tables as t
from tests.test_store_add import ARTICLES


def _stored(url: str) -> tuple[set[str], int]:
    engine = open_db(url)
    with engine.connect() as conn:
        ids = {r[0] for r in conn.execute(sa.select(t.documents.c.id))}
        story = conn.execute(sa.select(sa.func.count()).select_from(t.story)).scalar() or 0
    engine.dispose()
    return ids, story


def test_documents_only_resumes_and_skips_what_is_stored(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'pile.db'}"
    pile = tmp_path / "pile"
    shutil.copytree(ARTICLES / "2011-02-16", pile / "2011-02-16")  # the first piece of the pile
    assert main(["add", str(pile), "--db", url, "--documents-only", "--progress-every", "1"]) == 0
    err = capsys.readouterr().err
    assert "progress: 1 documents analysed (1 stored), 0 skipped as already stored" in err  # the last line
    assert "docs per CPU-second" in err and "peak RSS" in err
    assert "story not rebuilt (--documents-only)" in err
    first, story = _stored(url)
    assert first == {"235"} and story == 0  # documents only: no story yet
    # the rest of the pile lands; the same command again analyses only what is new
    shutil.copytree(ARTICLES, pile, dirs_exist_ok=True)
    assert main(["add", str(pile), "--db", url, "--documents-only", "--progress-every", "1"]) == 0
    err = capsys.readouterr().err
    assert "2 new documents stored, 1 already present" in err
    assert "progress: 2 documents analysed (2 stored)" in err  # the stored one was not analysed again
    ids, story = _stored(url)
    assert ids == {"235", "134", "1"} and story == 0
    # nothing left to do: every input skipped before analysis
    assert main(["add", str(pile), "--db", url, "--documents-only", "-q"]) == 0
    assert _stored(url)[0] == ids
    # a run without the flag builds the story from every stored document
    assert main(["add", str(pile), "--db", url, "-q", "--disable", "claims"]) == 0
    rep = load_report(url)
    assert {d.id for d in rep.documents} == ids and rep.meta.get("documents_ok") == 3


def test_copies_are_recorded_and_skipped_unread_when_resumed(tmp_path, capsys):
    """A syndicated copy (other bytes, same clean text) is analysed once, recorded against the stored
    document it duplicates, and a resumed run skips it before analysis."""
    url = f"sqlite:///{tmp_path / 'pile.db'}"
    pile = tmp_path / "pile"
    shutil.copytree(ARTICLES / "2011-02-16", pile / "2011-02-16")
    original = (pile / "2011-02-16" / "235.htm.txt").read_text(encoding="utf-8")
    (pile / "2011-02-17").mkdir()
    (pile / "2011-02-17" / "235-copy.htm.txt").write_text(original + "\n\n", encoding="utf-8")  # other raw bytes
    assert main(["add", str(pile), "--db", url, "--documents-only", "--progress-every", "1"]) == 0
    err = capsys.readouterr().err
    assert "1 new documents stored, 1 already present" in err
    engine = open_db(url)
    with engine.connect() as conn:
        copies = conn.execute(sa.select(t.duplicate_inputs.c.source, t.duplicate_inputs.c.duplicate_of)).all()
        stored = {r[0] for r in conn.execute(sa.select(t.documents.c.id))}
    engine.dispose()
    assert len(copies) == 1 and copies[0][1] in stored
    # resumed: both inputs skipped unread (the copy too), nothing analysed again
    assert main(["add", str(pile), "--db", url, "--documents-only", "--progress-every", "1"]) == 0
    err = capsys.readouterr().err
    assert "0 new documents stored, 2 already present" in err
    assert "documents analysed" not in err or "progress: 0 documents analysed" in err
