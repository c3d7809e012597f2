"""Shared nouns of the pipeline: what a file becomes on its way into the index."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

# Document types a user filters on, and every type a part can have.
SEARCHABLE_TYPES = (
    "agenda",
    "minutes",
    "plan",
    "strategic assessment",
    "report",
    "briefing",
    "forward programme",
)
DOC_TYPES = (*SEARCHABLE_TYPES, "appendix", "document")


@dataclass(frozen=True)
class Page:
    """Where one page's text begins in ``LoadedFile.text``."""

    number: int | None  # 1-based PDF page number; None for text files
    start: int


@dataclass(frozen=True)
class TextPiece:
    """A piece of a PDF page's text where it is drawn: what a register table's cells are
    told apart by (see `ingest.register_pdf`)."""

    page: int  # 0-based
    x: float
    y: float
    size: float
    text: str


@dataclass(frozen=True)
class LoadedFile:
    """A file read into one string, with the page each offset falls on."""

    name: str  # the file's name, as in corpus/
    path: Path
    sha256: str
    kind: str  # "pdf" or "text"
    text: str
    pages: tuple[Page, ...] = ()
    # A PDF's positioned text, when the loader keeps it (a text cache can hold it, so its
    # tables are read again without the original file); empty: read from ``path``.
    pieces: tuple[TextPiece, ...] = ()
    # A PDF's pages as pypdf's layout mode lays them out (cells of a ruled table side by
    # side, as printed), one string per page: read for tables only; empty for other files.
    layout: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.pages[i].number


@dataclass(frozen=True)
class Section:
    """A numbered item, plan section, recommendation or appendix inside a part."""

    number: str  # "8", "4.5", "5(a)", "Appendix A"; "" when the heading has none
    title: str
    start: int  # offsets into LoadedFile.text
    end: int
    level: int = 1
    parents: tuple[str, ...] = ()  # labels of the enclosing sections, outermost first

    @property
    def label(self) -> str:
        if self.number and self.title and not self.title.startswith(self.number):
            sep = ": " if self.number[0].isalpha() else " "
            return f"{self.number}{sep}{self.title}"
        return (self.title or self.number).strip()

    @property
    def path(self) -> str:
        """The label with its enclosing sections: "4 Priority 1 › 4.5 What will we aim..."."""
        return " › ".join((*self.parents, self.label))


@dataclass
class Part:
    """One document inside a file: an agenda, the minutes, a plan, a briefing..."""

    index: int
    title: str
    doc_type: str
    start: int
    end: int
    date: str | None = None  # ISO date of the meeting or publication
    date_note: str = ""  # how the date was found
    partnership: str = ""
    sections: list[Section] = field(default_factory=list)
    # For minutes whose own date is missing or contradicted: the meetings either side.
    date_window: tuple[str | None, str | None] | None = None


@dataclass(frozen=True)
class Chunk:
    """The unit stored in the index, with everything a citation needs."""

    id: str
    text: str  # the passage as shown and quoted
    embed_text: str  # the passage with its document and section, for embedding
    source: str
    part: str
    part_index: int
    doc_type: str
    section: str
    page: int | None
    date: str | None
    partnership: str
    start: int
    end: int
    dup_group: str

    def metadata(self) -> dict[str, str | int]:
        """Chroma metadata: scalars only, no None."""
        return {
            "source": self.source,
            "part": self.part,
            "part_index": self.part_index,
            "doc_type": self.doc_type,
            "section": self.section,
            "page": self.page if self.page is not None else -1,
            "date": self.date or "",
            "date_int": int(self.date.replace("-", "")) if self.date else 0,
            "partnership": self.partnership,
            "start": self.start,
            "end": self.end,
            "dup_group": self.dup_group,
        }

    @classmethod
    def from_metadata(cls, id: str, text: str, meta: dict) -> Chunk:
        page = int(meta.get("page", -1))
        return cls(
            id=id,
            text=text,
            embed_text=text,
            source=str(meta["source"]),
            part=str(meta.get("part", "")),
            part_index=int(meta.get("part_index", 0)),
            doc_type=str(meta.get("doc_type", "")),
            section=str(meta.get("section", "")),
            page=page if page >= 0 else None,
            date=str(meta.get("date") or "") or None,
            partnership=str(meta.get("partnership", "")),
            start=int(meta.get("start", 0)),
            end=int(meta.get("end", 0)),
            dup_group=str(meta.get("dup_group", id)),
        )


@dataclass(frozen=True)
class Skipped:
    """A file the ingest could not use, and why."""

    name: str
    reason: str


@dataclass(frozen=True)
class Citation:
    n: int
    source: str
    part: str
    section: str
    page: int | None
    date: str | None
    quote: str
    doc_type: str = ""

    @classmethod
    def at(cls, n: int, place: Chunk | Where, quote: str) -> Citation:
        """Citation [n] of ``quote``, printed at ``place`` (a chunk, or a fact's or entry's)."""
        return cls(
            n,
            place.source,
            place.part,
            place.section,
            place.page,
            place.date,
            quote,
            place.doc_type,
        )

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "source": self.source,
            "part": self.part,
            "section": self.section,
            "page": self.page,
            "date": self.date,
            "quote": self.quote,
            "doc_type": self.doc_type,
        }


@dataclass(frozen=True)
class Answer:
    text: str
    citations: tuple[Citation, ...] = ()
    covered: bool = True  # False when the documents don't cover the question
    # What the answer gate measured of the answer as composed (assistant.gate), for the
    # evaluation and calibration; not part of what a reader is shown.
    checks: dict[str, float] | None = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict:
        return {
            "answer": self.text,
            "citations": [c.as_dict() for c in self.citations],
            "covered": self.covered,
        }


# --- Structured knowledge (issue 3): facts from tables, and the registers -----------------


@dataclass(frozen=True)
class Where:
    """Where a fact or register entry was printed: enough for a citation."""

    source: str
    part: str
    section: str
    page: int | None
    date: str | None  # the part's date (meeting or publication), ISO
    partnership: str = ""
    doc_type: str = ""
    start: int = 0  # offset of the evidence in the file's text


@dataclass(frozen=True)
class Fact:
    """One cell of a table (or one figure printed after a label), exactly as printed."""

    table: str  # the table's title or caption ("Table 1: Overview Crime Performance ...")
    row: str  # row label ("Shoplifting", "Beat 62")
    column: str  # column label ("Total Crime as at 5th Dec 2023", "2021/22")
    value: str  # as printed: "+43%", "2,165", "£11,861.15", "12/15 ↔"
    number: float | None  # 43.0, 2165.0, 11861.15, 12.0
    unit: str  # "%", "£", "count", "rank", "" (text)
    period: str  # what the figure refers to ("2021/22", "as at 5 Dec 2023", "")
    where: Where
    quote: str = ""  # the printed line or row the value comes from


@dataclass(frozen=True)
class HistoryStep:
    """One paper's word on a register entry: when, the status it printed, and where."""

    date: str | None
    status: str  # as printed
    state: str
    reference: str
    text: str  # the entry as that paper words it
    update: str
    where: Where


@dataclass(frozen=True)
class Decision:
    """An AGREED resolution of a meeting."""

    meeting_date: str | None
    item: str  # "8"
    item_title: str  # "PARTNERSHIP STRATEGIC ASSESSMENT"
    text: str  # "That Andy Thomas consider new and effective ways ..."
    where: Where
    # Issue 10: the fields every register entry has, whatever paper it comes from.
    owner: str = ""  # who is to do it, as printed ("" when no one is named)
    due: str = ""  # the due date as printed, without its preposition
    due_date: str | None = None  # the due date as an ISO date, where it parses
    status: str = ""  # the status as printed ("" when none is)
    state: str = ""  # open, in progress, done, carried forward, dropped, not stated
    rag: str = ""  # red, amber, green when the status is a RAG rating
    reference: str = ""  # the entry's own reference, else its minute or item number
    partnership: str = ""
    update: str = ""  # the update, comment or progress printed with it
    history: tuple[HistoryStep, ...] = ()  # every paper's word on it, oldest first
    kind: str = "decision"


@dataclass(frozen=True)
class Action:
    """Who is to do what, from a resolution or the minutes' text."""

    owner: str  # "Andy Thomas"
    text: str  # "contact Gurjit Samra-Rai to organise attendance ..."
    meeting_date: str | None
    item: str
    due: str  # "" when none given
    status: str  # "open" unless a later document says otherwise
    latest: str  # what the latest document says of it, quoted; "" when nothing
    where: Where
    latest_where: Where | None = None
    due_date: str | None = None
    state: str = ""
    rag: str = ""
    reference: str = ""
    partnership: str = ""
    update: str = ""
    history: tuple[HistoryStep, ...] = ()
    kind: str = "action"


@dataclass(frozen=True)
class Recommendation:
    """A numbered recommendation of a strategic assessment or report."""

    year: str  # "2023/24"
    number: int
    text: str
    update: str  # the latest update a later document gives; "" when none
    status: str  # "open", "in progress", "done", or "" when unknown
    where: Where
    update_where: Where | None = None
    owner: str = ""
    due: str = ""
    due_date: str | None = None
    state: str = ""
    rag: str = ""
    reference: str = ""
    partnership: str = ""
    history: tuple[HistoryStep, ...] = ()
    kind: str = "recommendation"


@dataclass(frozen=True)
class ForwardItem:
    """A row of a forward programme: what comes to which meeting, and who acts."""

    item: str
    detail: str
    date: str  # as printed: "April 2023", "TBC", "April each year"
    action_by: str
    where: Where


@dataclass(frozen=True)
class GlossaryEntry:
    term: str  # "JAG"
    meaning: str  # "Joint Action Group"
    where: Where
    quote: str = ""
