"""Task tables. Placeholder."""

from __future__ import annotations


def table_tasks(blocks, warnings) -> list:
    return []
