"""Tasks of prose plans (bullets + deadline lines). Placeholder until issue 6."""

from __future__ import annotations


def prose_tasks(blocks, header, warnings) -> list:
    return []
