"""Register tables in PDFs, whose text layer gives one line per wrapped cell line and
nothing that marks where one cell ends and the next begins.

The cells are recovered from where each piece of text is drawn: pypdf reports every text
piece with its position, the header row's words give the columns' x positions, and a row
is every piece from a reference in the first column down to the next row, a full-width
group row ("Open actions"), or a gap wider than two lines (a page footer). A table that
runs onto the next page keeps its columns there, whether or not the header row is
repeated: positions on the page do not change with the page.

The pieces are those the loader kept with the text (`LoadedFile.pieces`) when it did, so
a document read back from the text cache has its tables without the original file; else
they are read from the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.register_conventions import RegisterConventions
from ingest.register_tables import Grid, Row, _kind, _roles, collapse, is_register_header
from ingest.types import LoadedFile, TextPiece

_TOLERANCE = 4.0  # points: a cell's text starts at its column's x, give or take


def pieces_of(path: Path) -> tuple[TextPiece, ...]:
    """Every text piece of a PDF with its page and position (what `pdf_rows` reads; a
    loader may keep them with the text so the file is not needed again)."""
    from pypdf import PdfReader

    found: list[TextPiece] = []
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        reader.decrypt("")
    for n, page in enumerate(reader.pages):

        def visit(text, cm, tm, font, size, n=n) -> None:  # noqa: ANN001
            if not text or not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or 1.0
            found.append(TextPiece(n, x, y, float(size or 10) * scale, collapse(text)))

        page.extract_text(visitor_text=visit)
    return tuple(found)


def _pages(doc: LoadedFile) -> list[list[TextPiece]] | None:
    """The pieces of each page: those the loader kept, else read from the file (None when
    neither is at hand or the file cannot be read)."""
    pieces = doc.pieces
    if not pieces:
        if not doc.path or not Path(doc.path).is_file():
            return None
        try:
            pieces = pieces_of(Path(doc.path))
        except Exception:  # noqa: BLE001 - an unreadable PDF gives no table rows, not a failure
            return None
    count = 1 + max((p.page for p in pieces), default=-1)
    pages: list[list[TextPiece]] = [[] for _ in range(count)]
    for p in pieces:
        pages[p.page].append(p)
    return pages


def _lines(pieces: list[TextPiece]) -> list[list[TextPiece]]:
    """Pieces grouped by baseline, top of the page first, left to right."""
    out: list[list[TextPiece]] = []
    for p in sorted(pieces, key=lambda p: (-p.y, p.x)):
        if out and abs(out[-1][0].y - p.y) <= 1.0:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _column(x: float, starts: list[float]) -> int | None:
    best = None
    for i, s in enumerate(starts):
        if x >= s - _TOLERANCE:
            best = i
    return best


@dataclass
class _Table:
    starts: list[float]
    roles: list[str | None]
    headers: list[str]
    kind: str


def _header(line: list[TextPiece], conv: RegisterConventions) -> _Table | None:
    if len(line) < 3:
        return None
    headers = [p.text for p in line]
    roles = _roles(headers, conv)
    if not is_register_header(roles):
        return None
    return _Table([p.x for p in line], roles, headers, _kind(headers, roles))


def pdf_rows(doc: LoadedFile, conv: RegisterConventions) -> list[Row]:
    """Every register table row of a PDF; none when neither its kept pieces nor the file
    are at hand."""
    if doc.kind != "pdf":
        return []
    pages = _pages(doc)
    if pages is None:
        return []
    rows: list[Row] = []
    table: _Table | None = None
    search_from = 0
    for n, pieces in enumerate(pages):
        page_start = doc.pages[n].start if n < len(doc.pages) else search_from
        search_from = max(search_from, page_start)
        current: list[tuple[int, TextPiece]] | None = None
        last_y = None
        in_header = False

        def close(table: _Table | None) -> None:
            nonlocal current, search_from
            if current and table is not None:
                row, search_from = _make_row(current, table, doc.text, search_from)
                if row:
                    rows.append(row)
            current = None

        for line in _lines(pieces):
            head = _header(line, conv)
            if head:
                close(table)
                table, in_header, last_y = head, True, line[0].y
                continue
            if table is None:
                continue
            cols = [(_column(p.x, table.starts), p) for p in line]
            first = [p for c, p in cols if c == 0 and abs(p.x - table.starts[0]) <= _TOLERANCE]
            others = [p for c, p in cols if c not in (0, None)]
            size = max(p.size for p in line)
            if first and others and conv.reference.match(first[0].text):
                close(table)
                in_header = False
                current = [(c, p) for c, p in cols if c is not None]
                last_y = line[0].y
                continue
            if in_header and not first:  # a wrapped header cell ("Target" / "date")
                last_y = line[0].y
                continue
            gap = (last_y - line[0].y) if last_y is not None else 0
            if current is not None and not first and gap <= 2.2 * size:
                current.extend((c, p) for c, p in cols if c is not None)
                last_y = line[0].y
                continue
            close(table)  # a group row, a paragraph, a footer
            in_header = False
        close(table)
    return rows


def _make_row(
    pieces: list[tuple[int, TextPiece]], table: _Table, text: str, search_from: int
) -> tuple[Row | None, int]:
    cells: dict[str, list[str]] = {}
    for c, p in sorted(pieces, key=lambda cp: (cp[0], -cp[1].y)):
        role = table.roles[c] if c < len(table.roles) else None
        if role:
            cells.setdefault(role, []).append(p.text)
    joined = {r: collapse(" ".join(v)) for r, v in cells.items()}
    ref = joined.get("reference", "")
    m = re.compile(rf"(?m)^\s*{re.escape(ref)}\s*$").search(text, search_from) if ref else None
    offset = m.start() if m else search_from
    if not joined.get("text"):
        return None, offset
    header = {r: h for r, h in zip(table.roles, table.headers) if r}
    return Row(joined, offset, table.kind, header), (m.end() if m else search_from)


# --- Tables of paragraphs (minutes printed as a table) -------------------------------------


def _aligned(line: list[TextPiece], starts: list[float]) -> bool:
    """Every piece of the line starts at a column: a line of the table's cells (a running
    header, a footer or a paragraph beside the table starts elsewhere)."""
    return all(any(abs(p.x - s) <= _TOLERANCE for s in starts) for p in line)


def minute_grids(doc: LoadedFile, conv: RegisterConventions) -> list[Grid]:
    """Tables whose rows are paragraphs, as grids (header cells; each row's cells, the row
    a cell's paragraph: a new row where a line falls further below the last than a line's
    spacing, or fills the first column). A table runs on over a page break, whether or not
    its header is printed again, and ends at a gap wider than three lines."""
    if doc.kind != "pdf":
        return []
    pages = _pages(doc)
    if pages is None:
        return []
    grids: list[Grid] = []
    grid: Grid | None = None
    starts: list[float] = []
    cursor = 0

    row: dict[int, list[TextPiece]] | None = None

    def close() -> None:
        nonlocal row, cursor
        if row and grid is not None:
            cells, offsets = [], []
            for c in range(len(starts)):
                got = row.get(c, [])
                cells.append(collapse(" ".join(p.text for p in got)))
                at = doc.text.find(got[0].text, cursor) if got else -1
                offsets.append(at if at >= 0 else cursor)
            found = [o for o, c in zip(offsets, cells) if c]
            cursor = max([cursor, *found])
            grid.rows.append((min(found) if found else cursor, cells, offsets))
        row = None

    for n, pieces in enumerate(pages):
        if n < len(doc.pages):
            cursor = max(cursor, doc.pages[n].start)
        last_y: float | None = None
        for line in _lines(pieces):
            if len(line) >= 2 and _paragraph_header(line, conv):
                close()
                starts = [p.x for p in line]
                grid = Grid([p.text for p in line], [])
                grids.append(grid)
                last_y = line[0].y
                continue
            if grid is None:
                continue
            size = max(p.size for p in line)
            if not _aligned(line, starts):
                close()
                continue
            gap = (last_y - line[0].y) if last_y is not None else None
            if gap is not None and gap > 3 * size:
                close()
                grid = None
                continue
            first = any(abs(p.x - starts[0]) <= _TOLERANCE for p in line)
            if row is None or first or (gap is not None and gap > 1.45 * size):
                close()
                row = {}
            for p in line:
                c = _column(p.x, starts)
                if c is not None:
                    row.setdefault(c, []).append(p)
            last_y = line[0].y
        close()
    return grids


def _paragraph_header(line: list[TextPiece], conv: RegisterConventions) -> bool:
    """A header row with an owner column and a minute column (or a column its words do not
    name, which its cells may show to be the minutes)."""
    roles = [conv.column_role(p.text) for p in line]
    return "owner" in roles and ("minute" in roles or None in roles) and not (
        {"status", "due"} & set(roles)
    )
