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
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.register_columns import named_kind
from ingest.register_conventions import RegisterConventions
from ingest.register_tables import (
    Grid,
    Row,
    _roles,
    collapse,
    is_register_header,
    register_rows,
)
from ingest.types import LoadedFile, TextPiece

_TOLERANCE = 4.0  # points: a cell's text starts at its column's x, give or take
_HEADER_WORDS = 8  # a header cell is a label of a few words ("Progress at 30 September 2025")


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


def printed_lines(doc: LoadedFile) -> str:
    """A PDF's text as printed lines, the pieces of a line (its cells) joined by tabs, and
    a blank line between pages: what a reader of short tables (a status key) can split
    without the positions. "" when there are no pieces."""
    pages = _pages(doc) or []
    return "\n\n".join(
        "\n".join("\t".join(p.text for p in line) for line in _lines(pieces))
        for pieces in pages
    )


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
    grid: Grid
    by_reference: bool  # rows open at a reference in the first column (else at a wider gap)
    # the column of the references rows open at: the first, or the one after a column that
    # groups the rows ("Priority | Ref | Action ...", its cell merged down its group's rows)
    ref_col: int = 0


def _header(line: list[TextPiece], conv: RegisterConventions) -> _Table | None:
    """A register table's header row: its words name an entry column and two fields, or
    (three cells or more) two roles, the rest left to what the cells under them hold."""
    if len(line) < 2:
        return None
    headers = [p.text for p in line]
    if any(len(h.split()) > _HEADER_WORDS for h in headers):
        return None  # a row of the table's cells (sentences), not its header's labels
    if re.search(r"\d", headers[0]) and conv.reference.match(headers[0].strip()):
        return None  # a row opening at its reference ("Rec 3"), whatever its cells say
    roles = _roles(headers, conv)
    if len(line) == 2 and roles != ["reference", "text"]:
        return None  # two columns: a numbered list of entries ("No. | Recommendation") only
    named = {r for r in roles if r}
    labels = (  # header cells print words, not figures: labels, not a row's wrapped lines
        not any(re.search(r"\d", h) for h in headers)  # ("the last meeting." | "date agreed")
        and not any(h[:1].islower() for h in headers)
    )
    loose = (  # most of the header cells name a role
        len(named) >= 2 and 2 * len(named) >= len(line) and "minute" not in named and labels
    )
    log = (  # "Code | Meeting date | What was decided": a decision log, its rows by cells
        len(line) >= 3 and labels and all(len(h.split()) <= 4 for h in headers)
        and any(named_kind(h, conv) == "decision" and not conv.is_decision_cell(h)
                for h in headers)
    )
    if not is_register_header(roles) and not loose and not log:
        return None
    # a first column grouping the rows (merged down them): rows open at the next column's
    # reference, whether or not its header is a word the conventions hold ("Code")
    ref_col = 1 if roles[0] == "group" and roles[1] in ("reference", None) else 0
    if ref_col:
        roles[1] = "reference"
    return _Table([p.x for p in line], roles, headers, Grid(headers, []),
                  roles[ref_col] == "reference", ref_col)


def pdf_rows(
    doc: LoadedFile, conv: RegisterConventions, own: dict[str, str] | None = None,
    title_kind: str = "",
) -> list[Row]:
    """Every register table row of a PDF; none when neither its kept pieces nor the file
    are at hand. ``own`` is the paper's status key, ``title_kind`` the kind its title names."""
    return pdf_tables(doc, conv, own, title_kind)[0]


def pdf_tables(
    doc: LoadedFile, conv: RegisterConventions, own: dict[str, str] | None = None,
    title_kind: str = "",
) -> tuple[list[Row], list[tuple[int, int]]]:
    """`pdf_rows`, and the span of the text each register table's rows take (from its
    first row to the end of its last): the table holds what is printed there, so no line
    reader takes a cell's words, nor runs one cell on into the next row's."""
    from ingest.register_keys import kind_key

    kinds = kind_key(doc.text, conv)
    rows: list[Row] = []
    spans: list[tuple[int, int]] = []
    for g in pdf_grids(doc, conv):
        found = register_rows(g, conv, kinds=kinds, own=own, title_kind=title_kind)
        rows += found
        if found and g.end > g.rows[0][0]:
            spans.append((g.rows[0][0], g.end))
    for g in code_boxes(doc, conv):
        if any(a <= g.rows[0][0] < b for a, b in spans):
            continue  # a register table's rows
        found = register_rows(g, conv, kinds=kinds, own=own, title_kind="")
        if not named_kind(g.heading, conv):  # a box its title names no kind of: proposals
            found = [replace(r, kind="recommendation") for r in found
                     if _PROPOSAL.match(r.cells.get("text", ""))]
        rows += [a for r in found for a in _acting(r, conv)]
        if found and g.end > g.rows[0][0]:
            spans.append((g.rows[0][0], g.end))
    return rows, spans


# Words proposing what a body should do or agree ("That the Board asks ...").
_PROPOSAL = re.compile(r"^That\s+\S")


def _acting(row: Row, conv: RegisterConventions) -> list[Row]:
    """A box's decision row, and when it names who is to act an action too, with the same
    words ("Agreed that the Coordinator circulate the strategy by 26 June 2026": owner the
    Coordinator, due 26 June 2026); the decision's verb and "that" open no owner."""
    if row.kind != "decision":
        return [row]
    from ingest.register_actions import owner_of_resolution
    from ingest.register_lines import due_in

    text = row.cells.get("text", "")
    m = re.match(r"^(\w+)\s+that\s+(?=\S)", text, re.I)
    if not m or m.group(1).lower() not in conv.decision_cell_verbs:
        return [row]
    who = owner_of_resolution(text[m.end():])
    if not who:
        return [row]
    cells = {**row.cells, "owner": who[0], "due": due_in(text, conv)}
    return [replace(row, cells=cells), replace(row, cells=dict(cells), kind="action")]


_BOX_WORDS = 3  # a box row's words: a sentence, not a label beside its value


def code_boxes(doc: LoadedFile, conv: RegisterConventions) -> list[Grid]:
    """Boxes of two columns printed with no header row: a code in the first ("D1", "E2",
    a reference by the conventions or a shape the paper teaches, letters and figures),
    a sentence in the second, wrapped lines carrying on at the second column's x. The
    box's title is the line printed above it ("Decisions made", "Escalations to the
    Board"), over a lead-in line ending in ":" or not; it is the grid's heading, so the
    title's kind is the rows' kind. Each box is a grid of headers ("Ref", its title)."""
    if doc.kind != "pdf":
        return []
    pages = _pages(doc)
    if pages is None:
        return []
    learnt = learnt_codes(pages)
    grids: list[Grid] = []
    search_from = 0

    def is_code(text: str) -> bool:
        text = text.strip()
        return bool(re.search(r"[A-Za-z]", text) and re.search(r"\d", text)) and (
            bool(conv.reference.match(text)) or code_shape(text) in learnt
        ) and bool(code_shape(text))

    box: _Table | None = None
    current: list[tuple[int, TextPiece]] | None = None

    def close() -> None:
        nonlocal current, search_from
        if current and box is not None:
            search_from = _add_row(current, box, doc.text, search_from)
        current = None

    for n, pieces in enumerate(pages):
        if n < len(doc.pages):
            search_from = max(search_from, doc.pages[n].start)
        last_y = None
        above: list[str] = []
        box = None
        for line in _lines(pieces):
            size = max(p.size for p in line)
            gap = (last_y - line[0].y) if last_y is not None else 0
            row = (len(line) == 2 and is_code(line[0].text)
                   and len(line[1].text.split()) >= _BOX_WORDS)
            if row and box is not None and all(
                abs(p.x - s) <= _TOLERANCE for p, s in zip(line, box.starts)
            ) and gap <= 3 * size:
                close()
                current = [(0, line[0]), (1, line[1])]
                last_y = line[0].y
                continue
            if row:
                close()
                heading = next((a for a in reversed(above[-2:])
                                if len(a.split()) <= 10 and not re.search(r"[.:;!?]$", a)), "")
                box = _Table([line[0].x, line[1].x], ["reference", "text"],
                             ["Ref", heading or "Item"], Grid(["Ref", heading or "Item"], []),
                             True)
                box.grid.heading = heading
                grids.append(box.grid)
                current = [(0, line[0]), (1, line[1])]
                last_y = line[0].y
                continue
            if (box is not None and current is not None and len(line) == 1
                    and abs(line[0].x - box.starts[1]) <= _TOLERANCE
                    and 0 < gap <= 1.45 * size):
                current.append((1, line[0]))  # the sentence's wrapped line
                last_y = line[0].y
                continue
            close()
            box = None
            above.append(" ".join(p.text for p in line).strip())
        close()
    return [g for g in grids if g.rows]


def pdf_grids(doc: LoadedFile, conv: RegisterConventions) -> list[Grid]:
    """The register tables of a PDF as grids: the columns from the header row's x
    positions; a row from a reference in the first column (or, in a table whose first
    column holds none, from a line further below the last than a line's spacing) down to
    the next row, a full-width group row ("Open actions"), or a gap wider than two lines
    (a page footer). A table runs onto the next page with or without its header."""
    if doc.kind != "pdf":
        return []
    pages = _pages(doc)
    if pages is None:
        return []
    grids: list[Grid] = []
    table: _Table | None = None
    search_from = 0
    current: list[tuple[int, TextPiece]] | None = None
    above = ""  # the line printed above a table: its heading
    learnt = learnt_codes(pages)

    def close() -> None:
        nonlocal current, search_from
        if current and table is not None:
            search_from = _add_row(current, table, doc.text, search_from)
        current = None

    for n, pieces in enumerate(pages):
        page_start = doc.pages[n].start if n < len(doc.pages) else search_from
        search_from = max(search_from, page_start)
        last_y = None
        between = 0  # blocks of lines on this page since the table's last row, no row's
        prose_y: float | None = None  # where the last of those lines was printed
        in_header = False
        lines = _lines(pieces)
        skip = 0
        for k, line in enumerate(lines):
            if skip:
                skip -= 1
                continue
            head = _header(line, conv)
            wrapped, used = _wrapped_header(lines, k, conv)
            if wrapped is not None and (head is None or _named(wrapped) > _named(head)):
                head, skip, line = wrapped, used, lines[k + used]
            if head:
                close()
                if table is not None and head.grid.headers == table.grid.headers and grids:
                    head.grid = table.grid  # a header repeated on the next page: one table,
                else:  # its columns read from all its rows
                    head.grid.heading = above
                    grids.append(head.grid)
                table, in_header, last_y = head, True, line[0].y
                between, prose_y = 0, None
                continue
            if table is None:
                above = " ".join(p.text for p in line)
                continue
            cols = [(_column(p.x, table.starts), p) for p in line]
            size = max(p.size for p in line)
            gap = (last_y - line[0].y) if last_y is not None else 0
            if not table.by_reference:  # rows told apart by the spacing of their lines
                if not _aligned(line, table.starts) or gap > 3 * size:
                    close()  # a footer, a running header, the end of the table
                    if gap > 3 * size and _aligned(line, table.starts):
                        table = None
                    continue
                if in_header and 0 < gap <= 1.45 * size:
                    last_y = line[0].y  # a wrapped header cell
                    continue
                if in_header or current is None or gap > 1.45 * size:
                    close()
                    current = []
                in_header = False
                current.extend((c, p) for c, p in cols if c is not None)
                last_y = line[0].y
                continue
            r = table.ref_col
            first = [p for c, p in cols if c == r and abs(p.x - table.starts[r]) <= _TOLERANCE]
            others = [p for c, p in cols if c is not None and c > r]
            if first and others and (conv.reference.match(first[0].text)
                                     or code_shape(first[0].text) in learnt):
                if between >= _APART:  # a paragraph and a box's title since the last row:
                    close()  # the table has ended, and this row is another box's
                    table = None
                    above = ""
                    continue
                close()
                between, prose_y = 0, None
                in_header = False
                current = [(c, p) for c, p in cols if c is not None]
                last_y = line[0].y
                continue
            if in_header and not first:  # a wrapped header cell ("Target" / "date")
                last_y = line[0].y
                continue
            if current is not None and not first and gap <= 2.2 * size:
                current.extend((c, p) for c, p in cols if c is not None)
                last_y = line[0].y
                continue
            close()  # a group row, a paragraph, a footer
            in_header = False
            if last_y is not None and (prose_y is None or prose_y - line[0].y > 1.45 * size):
                between += 1  # a block of lines apart from the one above (a wrapped group
            prose_y = line[0].y  # row is one block)
        close()
    return [g for g in grids if g.rows]


_APART = 2  # blocks of lines between two rows of a page that end a table (a group row is one)


# A reference as a paper may print one in a table's first cell: letters, figures and the
# strokes or stops between them ("CR3/2", "SG-07", "T4.2a").
_CODE = re.compile(r"^[A-Za-z]{0,6}[./-]?\d{1,4}(?:[./-]\d{1,4}){0,2}[a-z]?$")
LEARNT_CODES = 3  # how many rows open with one shape of code to make it the paper's own


def code_shape(text: str) -> str:
    """A code's shape: its letters as "A", its figures as "9" ("CR3/2" → "A9/9")."""
    text = text.strip()
    if not _CODE.match(text):
        return ""
    return re.sub(r"\d+", "9", re.sub(r"[A-Za-z]+", "A", text))


def learnt_codes(pages: list[list[TextPiece]]) -> set[str]:
    """The shapes of reference the paper itself teaches: a code opening at least three
    lines that print other cells beside it, each code printed once ("CR1/1", "CR1/2",
    "CR2/1" ... at a table's left edge), whatever the conventions' reference pattern
    holds. A row of a register table opens at such a code as at a reference."""
    seen: dict[str, set[str]] = {}
    for pieces in pages:
        for line in _lines(pieces):
            if len(line) < 2:
                continue
            shape = code_shape(line[0].text)
            if shape and re.search(r"\d", shape):
                seen.setdefault(shape, set()).add(line[0].text.strip())
    return {s for s, codes in seen.items() if len(codes) >= LEARNT_CODES}


def _named(table: _Table) -> int:
    return len({r for r in table.roles if r})


def _wrapped_header(
    lines: list[list[TextPiece]], k: int, conv: RegisterConventions
) -> tuple[_Table | None, int]:
    """A header row whose cells wrap onto a second or third line ("Action" / "No.",
    "Responsible" / "officer"), read whole: each cell's words joined down its column, the
    columns those of its fullest line (a cell set at the top of its row wraps below the
    others' words, one set at the bottom above them). (the table, the lines after ``k``
    it took) or (None, 0)."""
    block = [lines[k]]
    if len(lines[k]) < 2:
        return None, 0
    size = max(p.size for p in lines[k])
    for nxt in lines[k + 1 : k + 3]:
        if not 0 < block[-1][0].y - nxt[0].y <= 1.45 * size:
            break
        block.append(nxt)
    best: tuple[_Table | None, int] = (None, 0)
    for used in range(1, len(block)):
        rows = block[: used + 1]
        widest = max(rows, key=len)
        starts = [p.x for p in widest]
        if len(widest) < 3 or not all(_aligned(r, starts) for r in rows):
            break
        if any(conv.reference.match(p.text) for r in rows[1:] for p in r
               if abs(p.x - starts[0]) <= _TOLERANCE):
            break  # a row of the table, not the header's wrapped words
        cells: list[list[str]] = [[] for _ in starts]
        for r in rows:
            for p in r:
                c = _column(p.x, starts)
                if c is not None:
                    cells[c].append(p.text)
        merged = [TextPiece(p.page, p.x, p.y, p.size, " ".join(c))
                  for p, c in zip(widest, cells)]
        head = _header(merged, conv)
        if head is not None and (best[0] is None or _named(head) > _named(best[0])):
            best = (head, used)
    return best


def _add_row(
    pieces: list[tuple[int, TextPiece]], table: _Table, text: str, search_from: int
) -> int:
    """The row's cells added to its table's grid; where to search for the next row."""
    cells: dict[int, list[TextPiece]] = {}
    for c, p in sorted(pieces, key=lambda cp: (cp[0], -cp[1].y)):
        cells.setdefault(c, []).append(p)
    joined = [
        collapse(" ".join(p.text for p in cells.get(c, []))) for c in range(len(table.starts))
    ]
    ref = joined[table.ref_col] if table.by_reference else ""
    m = re.compile(rf"(?m)^\s*{re.escape(ref)}\s*$").search(text, search_from) if ref else None
    if m:
        offset, after = m.start(), m.end()
    else:
        top = min(pieces, key=lambda cp: (-cp[1].y, cp[1].x))[1]
        at = text.find(top.text, search_from)
        offset, after = (at, at + len(top.text)) if at >= 0 else (search_from, search_from)
    end, starts = offset, {}
    for c, p in sorted(pieces, key=lambda cp: (-cp[1].y, cp[1].x)):  # the row's lines in order
        at = text.find(p.text, end)
        if 0 <= at < end + 400:
            end = at + len(p.text)
            starts.setdefault(c, at)  # where each cell's text starts
    table.grid.rows.append(
        (offset, joined, [starts.get(c, offset) for c in range(len(joined))])
    )
    table.grid.end = max(table.grid.end, end)
    return after


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
