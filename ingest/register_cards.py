"""Field cards in PDFs: one small two-column table per entry, a label on the left of each
row and its value on the right, often under a full-width title bar with the entry's
reference ("TC4   Taxi marshals" / Recommendation | That the ... / Lead officer | ... /
Target date | ... / Status | ...).

pypdf's text gives each card as label line(s), then value line(s), with nothing to say
which is which; the positions say it. The label column is where a label the register
columns name ("Recommendation", "Lead officer", "Target date", "Status", "Progress reported
May 2025") is drawn with a value beside it; the value column is where that value starts.
Then, line by line:

- a line with a piece in the label column opens a field, unless it follows the last line
  closer than a row's spacing (a label wrapped onto a second line: "Progress reported May"
  / "2025");
- a line with pieces in the value column only carries on the open field's value;
- a line with one piece in the label column that opens with a reference (the reference
  patterns of the conventions) is a title bar: it opens a card, or, when it repeats the
  open card's reference (a card split by a page break), it is skipped;
- a line drawn anywhere else (a running header, a footer, a paragraph) is no part of a card.

A card is an entry when its fields hold the entry's words and two of owner, due, status,
update and reference, as a record block must (`register_tables.record_blocks`). Labels
the conventions do not name ("Cabinet response", "Cabinet Member") are not fields of the
entry. A dash value is empty. The entry is a recommendation when its words' label says
so, else an action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.register_conventions import RegisterConventions
from ingest.register_lists import _reference
from ingest.register_pdf import _lines, _pages
from ingest.register_tables import Row, collapse
from ingest.types import LoadedFile, TextPiece

_TOLERANCE = 4.0  # points
_ROW_GAP = 1.45  # of the font size: a wider gap between two lines starts a new row
_DASH = re.compile(r"^[-–—]+$")


@dataclass
class _Field:
    label: list[str]
    values: list[tuple[int, TextPiece]] = field(default_factory=list)  # (page, piece)


@dataclass
class _Card:
    reference: str = ""
    fields: list[_Field] = field(default_factory=list)


def _title(text: str, conv: RegisterConventions) -> str:
    """The reference a title bar opens with ("TC4   Taxi marshals" → "TC4"), or ""."""
    if len(text.split()) > 12 or re.search(r"[.:;,]$", text):
        return ""  # a sentence that opens with a reference ("TC3 has been carried ...")
    ref, _ = _reference(text, conv, loose=True)
    return ref if ref and conv.column_role(text) is None else ""


def pdf_cards(doc: LoadedFile, conv: RegisterConventions) -> list[Row]:
    """Every field card of a PDF that is a register entry, as a row of cells by role."""
    if doc.kind != "pdf":
        return []
    pages = _pages(doc)
    if pages is None:
        return []
    cards: list[_Card] = []
    cols: tuple[float, float] | None = None
    card: _Card | None = None
    pending = ""  # a title bar seen before the card's grid
    for n, pieces in enumerate(pages):
        last_y: float | None = None
        for line in _lines(pieces):
            size = max(p.size for p in line)
            gap = (last_y - line[0].y) if last_y is not None else None
            if (
                len(line) >= 2
                and line[1].x - line[0].x > 4 * _TOLERANCE  # a value beside its label
                and conv.column_role(line[0].text)
                and not _title(line[0].text, conv)
            ):
                grid = (line[0].x, line[1].x)
                if cols is None or any(abs(a - b) > _TOLERANCE for a, b in zip(cols, grid)):
                    cols = grid  # a new grid of cards; a title bar just read opens its first
                    card = card if card is not None and not card.fields else None
            ref = _title(line[0].text, conv) if len(line) == 1 else ""
            if cols is None or (ref and abs(line[0].x - cols[0]) > _TOLERANCE):
                pending = ref or pending  # a title bar over a card whose grid comes next
                continue
            labels = [p for p in line if abs(p.x - cols[0]) <= _TOLERANCE]
            values = [p for p in line if p.x >= cols[1] - _TOLERANCE]
            if (
                not labels and not values
                or len(labels) + len(values) != len(line)
                or (values and abs(values[0].x - cols[1]) > _TOLERANCE)
            ):
                continue  # a running header, a footer, a paragraph beside the cards
            if ref:
                if card is None or card.reference != ref:  # not a bar repeated after a break
                    card = _Card(ref)
                    cards.append(card)
                pending, last_y = "", line[0].y
                continue
            if card is None:
                card = _Card(pending)
                cards.append(card)
                pending = ""
            wrapped = gap is not None and gap <= _ROW_GAP * size
            if labels and (not card.fields or not wrapped):
                card.fields.append(_Field([p.text for p in labels]))
            elif labels:
                card.fields[-1].label.extend(p.text for p in labels)
            if values and card.fields:
                card.fields[-1].values.extend((n, p) for p in values)
            last_y = line[0].y
    return [r for r in (_row(c, doc, conv) for c in cards) if r is not None]


def _row(card: _Card, doc: LoadedFile, conv: RegisterConventions) -> Row | None:
    cells: dict[str, str] = {}
    first: tuple[int, TextPiece] | None = None
    text_label = ""
    for f in card.fields:
        label = collapse(" ".join(f.label))
        role = conv.column_role(label)
        value = collapse(" ".join(p.text for _, p in f.values))
        if not role or role in cells or not value or _DASH.match(value):
            continue
        cells[role] = value
        if role == "text":
            text_label, first = label, f.values[0]
    if card.reference and "reference" not in cells:
        cells["reference"] = card.reference
    fields = {"owner", "due", "status", "update", "reference"} & set(cells)
    if "text" not in cells or len(fields) < 2 or first is None:
        return None
    page, piece = first
    start = doc.pages[page].start if page < len(doc.pages) else 0
    at = doc.text.find(piece.text, start)
    kind = "recommendation" if "recommend" in text_label.lower() else "action"
    return Row(cells, at if at >= 0 else start, kind, {"text": text_label})
