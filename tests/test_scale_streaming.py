"""Phase 1 in worker processes reads its input as it goes: at most a window of raw documents is
handed out ahead of the results (the executor's own ``map`` would read every input first)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from dateline.pipeline import _bounded_map


def test_bounded_map_reads_ahead_at_most_the_window_and_keeps_the_order():
    consumed: list[int] = []

    def items():
        for i in range(100):
            consumed.append(i)
            yield i

    with ThreadPoolExecutor(2) as pool:
        results = _bounded_map(pool, lambda x: 2 * x, items(), window=5)
        first = next(results)
        assert first == 0 and len(consumed) <= 6
        assert [first, *results] == [2 * i for i in range(100)]


def test_phase1_without_keeping_hands_every_document_to_progress_only():
    from dateline.ingest import read_inputs
    from dateline.pipeline import analyze_documents
    from tests.conftest import ROOT

    seen = []
    out = analyze_documents(read_inputs([str(ROOT / "examples" / "libya" / "reuters" / day) for day in ("2011-03-19", "2011-03-20")]),
                            progress=seen.append, keep=False)
    assert out == [] and len(seen) >= 2 and all(d.status == "ok" and d.sentences for d in seen)
