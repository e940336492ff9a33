"""A plan typed as text and parsed whole: the tests of the probe rounds write the lines they
are about under a header of their own choosing."""

from __future__ import annotations


def parse_text(tmp_path, head: str, text: str):
    """The PlanDocument of ``head`` + ``text`` saved as a .txt file in ``tmp_path``."""
    from extract.pipeline import parse_file

    src = tmp_path / "doc.txt"
    src.write_text(head + text, encoding="utf-8")
    return parse_file(src)
