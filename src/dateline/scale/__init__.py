"""The per-document phase on Dask, for corpora larger than one process should handle."""

from .dask_runner import analyze_on_dask

__all__ = ["analyze_on_dask"]
