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
