"""Run phase 1 (read -> clean -> date -> split -> annotate) over partitions of files on Dask.

The functions shipped to workers are the same pure per-document stages the local run uses,
so a Dask run gives the same documents as a local one. Workers load spaCy once each.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from ..ingest import DEFAULT_MAX_BYTES, unique_ids
from ..ingest.files import expand_inputs, read_file
from ..model import Document


def analyze_paths(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, settings: Any = None,
                  disable: Collection[str] = ()) -> list[Document]:
    """Phase 1 for every document held in ``paths`` (runs on a worker), through the declared stages."""
    from ..pipeline import analyze_document
    from ..stages import resolve_composition

    comp = resolve_composition(disable)
    return [analyze_document(raw, settings, composition=comp) for p in paths for raw in read_file(Path(p), max_bytes=max_bytes)]


def partition(items: list[str], size: int) -> list[list[str]]:
    """``items`` cut into consecutive chunks of at most ``size``."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def analyze_on_dask(
    inputs: list[str],
    scheduler: str = "local",
    workers: int = 2,
    partition_size: int = 64,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int], None] | None = None,
    settings: Any = None,
    disable: Collection[str] = (),
) -> list[Document]:
    """Phase 1 on a Dask cluster; ``scheduler`` is ``local`` (a LocalCluster of ``workers``
    single-threaded processes) or the address of a running scheduler (``tcp://host:8786``).

    Results come back in input order with ids made unique exactly as a local run does.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    files = [str(p) for p in expand_inputs(inputs)]
    parts = partition(files, max(1, partition_size))
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(analyze_paths, parts, max_bytes=max_bytes, settings=settings, disable=tuple(disable),
                             pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[list[Document]] = [[] for _ in parts]
        for fut in as_completed(futures):
            docs = fut.result()
            results[index[fut.key]] = docs
            if progress:
                progress(len(docs))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return list(unique_ids(d for part in results for d in part))


def _cluster_client(scheduler: str, workers: int) -> tuple[Any, Any]:
    from dask.distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def analyze_stories_on_dask(groups: list[list[Document]], scheduler: str = "local", workers: int = 2,
                            options: Any = None, settings: Any = None, disable: Collection[str] = ()) -> list[Any]:
    """Phase 2 (``pipeline.analyze_story``) on each story's documents as one Dask task per story,
    largest stories first; the reports in the order of ``groups``."""
    from dask.distributed import as_completed

    from ..pipeline import analyze_story

    order = sorted(range(len(groups)), key=lambda i: -len(groups[i]))
    client, cluster = _cluster_client(scheduler, workers)
    try:
        futures = [client.submit(analyze_story, groups[i], options, settings=settings, disable=tuple(disable),
                                 pure=False) for i in order]
        slot = {f.key: i for f, i in zip(futures, order, strict=True)}
        reports: list[Any] = [None] * len(groups)
        for fut in as_completed(futures):
            reports[slot[fut.key]] = fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return reports
