"""The language layer: what vnplan knows of Vietnamese administrative writing, below every stage.

- ``text``: NFC, whitespace and markup hygiene; ``fold``: case- and diacritic-folding.
- ``kinds``: the one table of document kinds (Nghị định 30/2020/NĐ-CP, Phụ lục III).
- ``time``: the deadline grammar ("Quý II/2026", "trước ngày 20/12") -> TimeSpec.
- ``agencies``: the agency registry and the resolver of cells and mentions -> AgencyRef.
- ``citations``: cited documents ("Kế hoạch số 220/KH-UBND ngày ...") -> Citation.
- ``context``: ``Lang``, the bundle of these resources that the pipeline passes to each stage.

Nothing here imports readers, structure, normalise, link, batch, export, store or cli
(tests/test_layering.py checks it). This module imports nothing, so that importing
``extract.lang.text`` stays cheap.
"""
