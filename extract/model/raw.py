"""RawDocument: what the structure stage finds, before normalisation.

Cells are kept as printed (cleaned of markup only); normalisers turn them into AgencyRef,
TimeSpec and Citation. Nothing here knows which file format the text came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RawSection:
    ordinal: str | None
    title: str


@dataclass(slots=True)
class RawTask:
    text: str
    ordinal: str | None = None
    sections: list[RawSection] = field(default_factory=list)  # enclosing, outermost first
    lead: str | None = None
    support: str | None = None
    product: str | None = None
    start: str | None = None
    due: str | None = None
    progress: str | None = None
    page: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
    lead_from_text: bool = False  # lead named in the task's own sentence, not in a cell
    status: str | None = None  # reports: "done" | "in_progress" | "not_done"
    figures: list[str] = field(default_factory=list)  # reports: figures the narrative gives
    role: str = "task"  # "task": work handed out; "result": a report's account of work done
    # Where it is printed (PDF): (page, x0, top, x1, bottom) in points, origin top-left.
    source: list[tuple[int, float, float, float, float]] = field(default_factory=list)
    # Index of the block it was read from (a table's first block) among the blocks structure
    # was given: prose and table tasks are put back in the order they are printed.
    at: int | None = None


@dataclass(slots=True)
class RawHeader:
    kind: str | None = None
    number: str | None = None
    issued_on: str | None = None  # "YYYY-MM-DD"; None when blank or absent
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None  # as printed ("PHÓ CHỦ TỊCH")
    signer_authority: str | None = None  # "TM." | "KT." | "Q." | "TL." | "TUQ.": the last one printed
    parent: str | None = None  # the body printed above the issuer ("UBND TỈNH LÂM ĐỒNG" above "SỞ NỘI VỤ")
    addressees: list[str] = field(default_factory=list)  # "Kính gửi": raw names, one per entry
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận": raw names, without "Như trên", "Lưu"
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)  # (code, message, page)
    # What is legible of a field left null ("number_symbol": "/STTTT-CNTT", "issued_month": "2011-12").
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class RawDocument:
    path: str
    format: str
    pages: int | None
    header: RawHeader = field(default_factory=RawHeader)
    tasks: list[RawTask] = field(default_factory=list)
    body_text: list[str] = field(default_factory=list)  # paragraphs in order, for citations
    footnotes: list[str] = field(default_factory=list)
    cell_text: list[str] = field(default_factory=list)  # table cells, searched for citations only
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)
