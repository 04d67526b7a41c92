"""The per-document phase on a real (local) Dask cluster gives the same documents as a local run."""

from __future__ import annotations

from dateline.ingest import read_inputs
from dateline.pipeline import analyze_documents
from dateline.scale import analyze_on_dask
from tests.conftest import ROOT


def test_dask_matches_local(tmp_path) -> None:
    src = ROOT / "examples" / "libya" / "reuters"
    dup = tmp_path / "dup" / "2011-03-20"
    dup.mkdir(parents=True)
    (dup / "23.htm.txt").write_text((src / "2011-03-20" / "23.htm.txt").read_text("utf-8") + "\nA later copy.")
    inputs = [str(src / "2011-03-20"), str(src / "2011-03-19"), str(tmp_path / "dup"), str(tmp_path / "missing.txt")]
    local = analyze_documents(read_inputs(inputs))
    remote = analyze_on_dask(inputs, scheduler="local", workers=1, partition_size=1)
    assert [d.id for d in remote] == [d.id for d in local]
    assert len({d.id for d in remote}) == len(remote) == 4
    for a, b in zip(local, remote, strict=True):
        assert (a.status, a.text, a.published, a.sentences, a.error) == (b.status, b.text, b.published, b.sentences, b.error)
    assert remote[-1].status == "rejected"


def test_per_story_phase_on_dask_matches_local(shared_data) -> None:
    """Two T17 families in one pile: each story's report from a Dask task equals the local one."""
    from dateline.model import RawDocument
    from dateline.pipeline import analyze_stories
    from dateline.settings import Settings

    raws = []
    for topic in ("bpoil_guardian", "H1N1_guardian"):
        for f in sorted((shared_data / "timeline17" / topic / "InputDocs").glob("*/*"))[:6]:
            raws.append(RawDocument(id=f"{topic}/{f.name}", source=str(f), published=f.parent.name,
                                    text=f.read_text(encoding="utf-8", errors="replace")))
    docs = analyze_documents(raws)
    part, local = analyze_stories(docs, settings=Settings())
    _, remote = analyze_stories(docs, settings=Settings(), dask="local")
    assert len(part.stories) == 2 and len(remote) == len(local) == 2
    for a, b in zip(local, remote, strict=True):
        assert [d.id for d in a.documents] == [d.id for d in b.documents]
        assert [(t.date, t.summary) for t in a.timeline] == [(t.date, t.summary) for t in b.timeline]
        assert [e.name for e in a.entities] == [e.name for e in b.entities]
        assert [c.value for c in a.claims] == [c.value for c in b.claims]
