"""The document header (kind, number, date, place, issuer, title, signer). Placeholder."""

from __future__ import annotations

from ..model.raw import RawHeader


def parse_header(blocks) -> RawHeader:
    return RawHeader()
