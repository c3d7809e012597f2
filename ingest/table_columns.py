"""Tables laid out in columns of text whose cells wrap onto the lines below: a text
export's space-aligned table, and a ruled PDF table as pypdf's layout mode lays it out.

    Element  Description                Lead           Requested   Approved   Decision
                                                        (£)         (£)
    -------  -------------------------  -------------  ----------  ---------  ----------
    E3       Two Police Community       Eastshire       44,200      36,000    Approved in
             Support Officers           Police                                part

- the columns are where every data line leaves a gap of two or more spaces (or a rule
  line's runs of dashes, when the table prints one);
- the header is the lines above the first row; its bottom line with the most cells names
  the columns, a cell above it spanning two or more columns names their group ("Target
  area › Before"), a cell below it goes on the name above ("Requested (£)");
- a row starts at a line with a figure in a column of figures (in a table without one:
  at a line with its first column filled); the lines after it until the next row go on
  its cells, each cell's wrapped lines joined with a space;
- a row's label is its first column, with the description beside it when the first column
  is a short reference ("E3 Two Police Community Support Officers").

`column_tables` reads a file's own lines (a text file: each row is printed as it stands).
`layout_tables` reads a PDF's layout text, page by page, and finds each row's cells in the
plain text the rest of the ingest reads, so a row's offset and quote are the plain text's;
a table whose cells cannot all be found there in order is left to the other readers.
A page's block of rows with no header of its own, in the same columns as the table ending
the page before, goes on that table.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from ingest.table_cells import (
    CALENDAR,
    Line,
    Row,
    Table,
    clean_label,
    is_figure,
    is_placeholder,
    is_year,
    printed,
    split_lines,
)
from ingest.types import LoadedFile

MIN_COLUMNS = 3
MIN_ROWS = 1  # (a table's first row may be alone at the foot of a page)
MAX_HEADER_LINES = 4
HEADER_CELL = 40  # characters: a column name is short
FIGURE_COLUMN = 0.6  # share of a column's row cells that are figures: a column of figures
REFERENCE_CHARS = 6  # a first column of codes this short ("E3", "I21") is a reference
# a heading after a table ("3. What was delivered", "3.1 Table 2 ...", "Table 3: ..."), not a
# wrapped cell's "10 April 2025."
_HEADING = re.compile(r"(?:\d{1,2}\.(?:\d{1,2}\.?)*\s+[A-Z]|(?:Table|Figure)\s+\d)")
_RULE = re.compile(r"^[\s\-=_+|:]+$")
_GAP = re.compile(r"\S+(?: \S+)*")  # a cell: words with single spaces between them


def _cells(raw: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _GAP.finditer(raw.replace("\t", "  "))]


def _is_rule(raw: str) -> bool:
    return bool(raw.strip()) and bool(_RULE.match(raw)) and raw.count("-") + raw.count("=") >= 6


def _figure(text: str) -> bool:
    """A figure, or a count of things ("14 sets", "0.5 FTE"); not a date ("31 October")."""
    text = text.strip()
    if is_year(text):  # a column's name, or a date's year on a line of its own
        return False
    if is_figure(text):
        return True
    counted = re.fullmatch(r"[£+\-−]?\d[\d,.]*%?(?:\s+[a-zA-Z]+)?", text)
    return bool(counted) and not CALENDAR.search(text)


@dataclass
class _Grid:
    columns: list[tuple[int, int]]  # character ranges
    names: list[str]
    rows: list[list[int]]  # the block lines of each row, the line that opens it first
    header: list[int]  # block lines of the header
    split: dict[int, list[str]]  # each body line's text, column by column

    def cells(self, row: list[int]) -> list[str]:
        """A row's cells: each column's text down the row's lines, in the order printed."""
        out = [""] * len(self.columns)
        for k in sorted(row):
            for c, t in enumerate(self.split[k]):
                if t:
                    out[c] = f"{out[c]} {t}".strip()
        return out


def _blocks(lines: list[Line], taken: set[int], shortest: int = MIN_ROWS + 1) -> list[list[int]]:
    """Runs of lines that may be a table: lines with two or more cells, rule lines and
    the indented lines between them; one blank line inside is allowed before a line of
    three or more cells."""
    out: list[list[int]] = []
    run: list[int] = []
    indent = None  # the least indent of the run's lines of two or more cells
    k = 0
    while k < len(lines):
        ln = lines[k]
        raw = ln.raw.replace("\t", "  ")
        n = len(_cells(raw))
        inside = bool(run)
        own = len(raw) - len(raw.lstrip())
        if k in taken:
            ok = False
        elif ln.blank:
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            ok = inside and nxt is not None and len(_cells(nxt.raw)) >= MIN_COLUMNS
            if ok:
                k += 1
                continue
        elif _is_rule(raw) or n >= 2:
            ok = True
            if n >= 2:
                indent = own if indent is None else min(indent, own)
        else:  # one cell: a wrapped line inside the table, or text after it (a heading)
            ok = (
                inside
                and own >= (indent or 0)
                and (raw.startswith("  ") or len(raw.strip()) <= 40)
                and not _HEADING.match(raw.strip())
            )
        if ok:
            run.append(k)
        else:
            if len(run) >= shortest:
                out.append(run)
            run, indent = [], None
        k += 1
    if len(run) >= shortest:
        out.append(run)
    return out


def _columns_of(raws: list[str]) -> list[tuple[int, int]]:
    """Character ranges that some line fills, between gaps of two or more spaces that
    every line leaves (a one-space gap is a space between words)."""
    width = max((len(r) for r in raws), default=0)
    filled = [False] * width
    for r in raws:
        for i, ch in enumerate(r):
            if ch != " ":
                filled[i] = True
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"#+", "".join("#" if f else " " for f in filled)):
        if spans and m.start() - spans[-1][1] < 2:
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
    return spans


def _rule_columns(raw: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[-=_]+", raw)]


def _column(columns: list[tuple[int, int]], s: int, e: int) -> list[int]:
    """The columns a cell at s..e overlaps; the nearest when it overlaps none."""
    hit = [n for n, (a, b) in enumerate(columns) if s < b and e > a]
    if hit:
        return hit
    nearest = min(
        range(len(columns)), key=lambda n: min(abs(s - columns[n][0]), abs(s - columns[n][1]))
    )
    return [nearest]


def _split(raw: str, columns: list[tuple[int, int]]) -> list[str] | None:
    """The line's text in each column; None when a cell straddles two columns or two
    cells fall in one."""
    out = [""] * len(columns)
    for s, e, text in _cells(raw):
        hit = _column(columns, s, e)
        if len(hit) > 1:
            return None
        n = hit[0]
        if out[n]:  # two cells of one line in one column: the lines are not aligned
            return None
        out[n] = text
    return out


def _grid(raws: list[str]) -> _Grid | None:
    """The columns, header and rows of one block of lines (raw text, tabs expanded)."""
    rules = [k for k, r in enumerate(raws) if _is_rule(r)]
    content = [k for k in range(len(raws)) if k not in rules]
    # Data lines: those with a figure in a cell after the first, or (with no figures at all)
    # every line after the first.
    figured = [k for k in content if any(_figure(t) for _, _, t in _cells(raws[k])[1:])]
    if figured:
        first_data = figured[0]
    elif content and _header_line(raws[content[0]]):
        first_data = content[1] if len(content) > 1 else None
    else:  # no header of its own: rows going on from a header printed before
        first_data = content[0] if content else None
    if first_data is None:
        return None
    header = [k for k in content if k < first_data][-MAX_HEADER_LINES:]
    if rules and rules[0] < first_data:
        columns = _rule_columns(raws[rules[0]])
    else:
        columns = _columns_of([raws[k] for k in content if k >= first_data])
    if len(columns) < MIN_COLUMNS:
        return None
    body = [k for k in content if k >= first_data]
    split = {k: _split(raws[k], columns) for k in body}
    if any(v is None for v in split.values()):
        return None
    figure_cols = {
        c
        for c in range(len(columns))
        if sum(1 for k in body if split[k][c]) >= MIN_ROWS
        and sum(1 for k in body if split[k][c] and _figure(split[k][c]))
        >= FIGURE_COLUMN * sum(1 for k in body if split[k][c])
    }
    rows: list[list[int]] = []
    for k in body:
        cells = split[k]
        starts = (
            any(cells[c] and _figure(cells[c]) for c in figure_cols)
            if figure_cols
            else bool(cells[0])
        )
        if starts:
            rows.append([k])
        elif rows:
            rows[-1].append(k)
        else:
            return None  # text before the first row that is not a header
    if len(rows) < MIN_ROWS:
        return None
    return _Grid(columns, _names(raws, header, columns), rows, header, split)


def _header_line(raw: str) -> bool:
    """A line of column names: three or more short cells, none a sentence."""
    cells = [t for _, _, t in _cells(raw)]
    return len(cells) >= MIN_COLUMNS and all(
        len(t) <= HEADER_CELL and not t.endswith(".") for t in cells
    )


def header_only(raws: list[str]) -> list[str] | None:
    """The lines of a block that is a header and nothing else (a table's header left alone
    at the foot of a page)."""
    content = [r for r in raws if not _is_rule(r)]
    if content and len(content) <= MAX_HEADER_LINES and _header_line(content[0]):
        return content
    return None


def _names(raws: list[str], header: list[int], columns: list[tuple[int, int]]) -> list[str]:
    """Column names from the header lines: the line with the most cells names each column,
    cells above it spanning two or more columns name groups, cells below it go on."""
    if not header:
        return [""] * len(columns)
    counts = {k: len(_cells(raws[k])) for k in header}
    leaf = max(header, key=lambda k: (counts[k], k))
    names = [""] * len(columns)
    groups: list[tuple[int, int, str]] = []  # first column, start char, text
    above: dict[int, list[tuple[int, int, str]]] = {}
    for k in header:
        for s, e, text in _cells(raws[k]):
            hit = _column(columns, s, e)
            if k < leaf:
                above.setdefault(s, []).append((hit[0], hit[-1], text))
            else:
                for c in hit[:1]:
                    names[c] = f"{names[c]} {text}".strip()
    # cells above the leaf line that start at one place are one wrapped cell
    for s in sorted(above):
        parts = above[s]
        text = " ".join(p[2] for p in parts)
        groups.append((min(p[0] for p in parts), max(p[1] for p in parts), text))
    groups.sort()
    out = list(names)
    for g, (first, last, text) in enumerate(groups):
        if last > first:  # a group: its columns up to the next group's
            end = groups[g + 1][0] - 1 if g + 1 < len(groups) else len(columns) - 1
            for c in range(first, max(last, end) + 1):
                out[c] = f"{text} › {out[c]}" if out[c] else text
        else:  # the top line of a wrapped column name
            out[first] = f"{text} {out[first]}".strip()
    return [clean_label(n) for n in out]


def _label(cells: list[str], names: list[str], figure_cols: set[int]) -> tuple[str, set[int]]:
    """The row's label and the columns it uses."""
    text_cols = [c for c in range(len(cells)) if c not in figure_cols]
    first = next((c for c in text_cols if cells[c]), None)
    if first is None:
        return "", set()
    label = cells[first]
    used = {first}
    nxt = first + 1
    if (
        len(label) <= REFERENCE_CHARS
        and " " not in label
        and nxt < len(cells)
        and nxt not in figure_cols
        and cells[nxt]
    ):
        label, used = f"{label} {cells[nxt]}", {first, nxt}
    return clean_label(label), used


def _table(grid: _Grid, at: list[Line], form: str, quote_of) -> Table | None:
    """A `Table` of the grid; ``at`` are the block's lines; ``quote_of(lines, cells)`` gives
    a row's (offset, quote) or None."""
    body_cells = [grid.cells(row) for row in grid.rows]
    figure_cols = {
        c
        for c in range(len(grid.columns))
        if sum(1 for r in body_cells if r[c] and _figure(r[c]))
        >= FIGURE_COLUMN * max(1, sum(1 for r in body_cells if r[c]))
        and any(r[c] for r in body_cells)
    }
    rows: list[Row] = []
    labels: set[int] = set()
    for row, cells in zip(grid.rows, body_cells):
        label, used = _label(cells, grid.names, figure_cols)
        if not label:
            return None
        labels |= used
        found = quote_of([at[k] for k in sorted(row)], cells)
        if found is None:
            return None
        start, quote = found
        values = [
            (grid.names[c] or f"column {c + 1}", cells[c])
            for c in range(len(cells))
            if c not in used and cells[c] and not is_placeholder(cells[c])
        ]
        if values:
            rows.append(Row(label, values, start, quote))
    if len(rows) < MIN_ROWS:
        return None
    first = at[grid.header[0]].index if grid.header else at[min(grid.rows[0])].index
    last = at[max(grid.rows[-1])].index
    head = " ".join(grid.names[c] for c in sorted(labels) if grid.names[c])
    values = [c for c in range(len(grid.columns)) if c not in labels]
    columns = (head, *(grid.names[c] or f"column {c + 1}" for c in values))
    return Table(form, first, last, rows, columns=columns)


def column_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    """The column-laid tables of a text file's own lines."""
    found: list[Table] = []
    for run in _blocks(lines, taken):
        block = [lines[k] for k in run]
        grid = _grid([ln.raw.replace("\t", "  ") for ln in block])
        if grid is None or not grid.header:
            continue
        def quote_of(spans: list[Line], _cells: list[str]) -> tuple[int, str]:
            return printed(lines, spans[0].index, spans[-1].index)

        table = _table(grid, block, "columns", quote_of)
        if table:
            found.append(table)
            taken.update(range(table.first, table.last + 1))
    return found


# --- a PDF's layout text, mapped back to its plain text -----------------------------------


def layout_tables(doc: LoadedFile, plain_lines: list[Line]) -> list[Table]:
    """The column-laid tables of a PDF's layout text, with rows at the plain text's offsets
    and quoting it, and ``first``/``last`` the plain lines they span."""
    if not doc.layout or len(doc.layout) != len(doc.pages):
        return []
    starts = [ln.start for ln in plain_lines]
    out: list[Table] = []
    before: _Grid | None = None  # the table ending the page before, to go on with
    pending: list[str] | None = None  # a header alone at the foot of the page before
    ends = [p.start for p in doc.pages[1:]] + [len(doc.text)]
    for page, layout, end in zip(doc.pages, doc.layout, ends):
        plain = doc.text[page.start : end]
        lines = split_lines(layout)
        cursor, first_on_page, carried = 0, True, pending
        pending = None
        for run in _blocks(lines, set(), shortest=1):
            block = [lines[k] for k in run]
            raws = [ln.raw.replace("\t", "  ") for ln in block]
            grid = _grid(raws) if len(run) > MIN_ROWS else None
            if grid is None:  # a header left alone at the foot of a page (or furniture)
                alone = header_only(raws)
                if alone or any(len(_cells(r)) >= MIN_COLUMNS for r in raws):
                    pending = alone
                continue
            pending = None
            if not grid.header:  # rows going on from the page before, or no table
                if not first_on_page:
                    continue
                if carried:
                    grid.names = _names(carried, list(range(len(carried))), grid.columns)
                elif before is not None and len(before.columns) == len(grid.columns):
                    grid.names = before.names
                else:
                    continue
            first_on_page = False
            found = _in_plain(plain, page.start, block, grid, cursor)
            if found is None:
                continue
            table, head, cursor = found
            first = bisect.bisect_right(starts, head) - 1
            last = bisect.bisect_right(starts, table.rows[-1].start + len(table.rows[-1].quote)) - 1
            out.append(dataclasses.replace(table, first=first, last=last))
            before = grid
    return out


def _in_plain(
    plain: str, base: int, block: list[Line], grid: _Grid, cursor: int
) -> tuple[Table, int, int] | None:
    """The grid's table with each row's offset and quote found in the page's plain text
    (its cells' fragments in order from ``cursor``), the header's offset and the new
    cursor; None when a row's cells are not all there."""
    head = cursor
    if grid.header:
        top = _cells(block[grid.header[0]].raw)
        at = _line_start(plain, top[0][2], cursor) if top else -1
        if at < 0:
            return None
        head = cursor = at
    state = {"cursor": cursor}

    def quote_of(spans: list[Line], cells: list[str]) -> tuple[int, str] | None:
        words = [t for ln in spans for _, _, t in _cells(ln.raw)]
        found = [plain.find(w, state["cursor"]) for w in words]
        if min(found) < 0:
            return None
        first = min(found)
        last = max(at + len(w) for at, w in zip(found, words))
        if last - first > 2 * sum(map(len, words)) + 40 * len(words):
            return None  # the cells are not together: not this row's
        state["cursor"] = last
        return base + first, plain[first:last]

    _regroup(grid, block, plain, cursor)
    table = _table(grid, block, "layout", quote_of)
    if table is None:
        return None
    return table, base + head, state["cursor"]


def _regroup(grid: _Grid, block: list[Line], plain: str, cursor: int) -> None:
    """Give each wrapped line to the row the plain text prints it with: a cell's lines are
    printed together there, so a line below a row's opening line is that row's when its
    words follow the row's own cell of that column, and the next row's when they run on
    into the next row's cell (a cell aligned to the bottom of its row wraps upwards)."""

    def placed(k: int, after: int) -> dict[int, tuple[int, int]]:
        """Line k's fragments by column: where each is printed in the plain text."""
        out = {}
        for c, text in enumerate(grid.split[k]):
            if text:
                at = plain.find(text, after)
                if at >= 0:
                    out[c] = (at, at + len(text))
        return out

    pos = cursor
    for i in range(len(grid.rows) - 1):
        row, nxt = grid.rows[i], grid.rows[i + 1]
        mine = placed(row[0], pos)
        if not mine:
            return
        pos = min(a for a, _ in mine.values())
        theirs = placed(nxt[0], pos)
        moved = []
        for k in [k for k in row[1:] if k > row[0]]:
            frag = placed(k, pos)
            if not frag:
                continue
            c, (at, end) = min(frag.items(), key=lambda item: item[1][0])
            follows = c in mine and 0 <= at - mine[c][1] <= 3
            leads = c in theirs and 0 <= theirs[c][0] - end <= 3
            if leads and not follows:
                moved.append(k)
        if moved:
            grid.rows[i] = [k for k in row if k not in moved]
            grid.rows[i + 1] = [nxt[0], *moved, *nxt[1:]]


def _line_start(plain: str, fragment: str, cursor: int) -> int:
    """Where ``fragment`` opens a line of the plain text at or after ``cursor``; -1 if
    nowhere (a cell's first words start a line: "Ward 1", not "Wards")."""
    m = re.compile(rf"(?m)^[ \t]*({re.escape(fragment)})(?=\s|$)").search(plain, cursor)
    return m.start(1) if m else -1
