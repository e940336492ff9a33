"""Resolution in a Hải Phòng document (the seeds' jurisdiction), for the agency tests.

The seeds are Hải Phòng's plans, one of them issued by the Cát Hải special zone; the
tests of splitting and resolution read their cells as their own documents do, in that
jurisdiction (other jurisdictions: tests/test_agencies_national.py).
"""

from __future__ import annotations

from extract.lang import agencies as _a

HP = _a.Jurisdiction("province", "hai-phong")
CAT_HAI = _a.Jurisdiction("commune", "hai-phong", "hai-phong/dac-khu-cat-hai")


def resolve_cell(raw, registry=None, jurisdiction=CAT_HAI):
    return _a.resolve_cell(raw, registry, jurisdiction)


def resolve_lead_cell(raw, registry=None, jurisdiction=CAT_HAI):
    return _a.resolve_lead_cell(raw, registry, jurisdiction)


def resolve_name(registry, text, jurisdiction=CAT_HAI):
    return _a.resolve_name(registry, text, jurisdiction)


def find_mention_spans(text, registry=None, jurisdiction=CAT_HAI):
    return _a.find_mention_spans(text, registry, jurisdiction)
