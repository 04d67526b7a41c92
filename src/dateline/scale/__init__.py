"""Both phases on Dask, for corpora larger than one process should handle: the per-document phase
over partitions of files, the per-story phase one task per story."""

from .dask_runner import analyze_on_dask, analyze_stories_on_dask

__all__ = ["analyze_on_dask", "analyze_stories_on_dask"]
