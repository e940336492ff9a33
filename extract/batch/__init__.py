"""Batch conversion of folders and zip archives into one output per input plus a manifest."""

from .limits import Limits
from .manifest import MANIFEST_NAME, Record, read_manifest
from .runner import BatchOptions, BatchSummary, run_batch

__all__ = ["BatchOptions", "BatchSummary", "Limits", "MANIFEST_NAME", "Record", "read_manifest", "run_batch"]
