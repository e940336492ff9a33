"""Items of reports (lettered items + narrative). Placeholder until issue 6."""

from __future__ import annotations


def report_tasks(blocks, header, warnings) -> list:
    return []
