"""Register tables: action logs, trackers, RAG-rated plans and recommendation-update
tables, in whatever column order and form they are printed.

Each form is turned into the same thing, a `Row` of cells by role (reference, text, owner,
due, status, update), the roles read from the header words of the conventions file:

- tab-separated lines and Markdown pipe tables (a header line, then a line per row);
- HTML ``<table>`` with ``<thead>`` rows, ``colspan`` and ``rowspan`` (pandoc's merged
  header cells);
- record blocks: ``Ref: ...`` / ``Action: ...`` / ``Lead: ...`` lines, a block per entry;
- PDF tables, one cell per line in the text layer: the cells are split by the x position
  of each piece of text under the header's words (see `register_pdf`).

A row is a row only when it has the text cell; header rows repeated after a page break,
full-width group rows ("Open actions", "Priority 2: ...") and keys are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Callable

from ingest.register_columns import column_roles, entries, is_register, named_kind
from ingest.register_conventions import RegisterConventions, _key, decisions_as_text

_SPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def strip_markup(text: str) -> str:
    return collapse(re.sub(r"\*\*|__|</?(?:u|b|i|strong|em)>", "", text))


@dataclass
class Row:
    """One entry of a register table: its cells by role, and where it starts."""

    cells: dict[str, str]
    offset: int
    kind: str  # "action" or "recommendation"
    header: dict[str, str] = field(default_factory=dict)  # role → header text


def _roles(headers: list[str], conv: RegisterConventions) -> list[str | None]:
    roles: list[str | None] = []
    for h in headers:
        role = conv.column_role(strip_markup(h))
        roles.append(role if role not in roles else None)  # the first column of a role
    return decisions_as_text(roles)


def is_register_header(roles: list[str | None]) -> bool:
    """A register table's header: the entries' words and two fields named, or three fields
    named when the words column's header is one the conventions do not hold ("Ref | Due |
    Status | Commitment | Lead"): the words column is then the one of longest cells."""
    have = {r for r in roles if r}
    fields = have & {"reference", "owner", "due", "status", "update"}
    return ("text" in have and len(fields) >= 2) or len(fields) >= 3


def _kind(headers: list[str], roles: list[str | None]) -> str:
    for h, r in zip(headers, roles):
        if r == "text" and "recommend" in h.lower():
            return "recommendation"
    return "action"


def _row(
    cells: list[str],
    roles: list[str | None],
    headers: list[str],
    offset: int,
    kind: str,
) -> Row | None:
    by_role = {
        r: strip_markup(c) for r, c in zip(roles, cells) if r and strip_markup(c)
    }
    if not by_role.get("text"):
        return None
    header = {r: strip_markup(h) for r, h in zip(roles, headers) if r}
    if all(by_role.get(r) == header.get(r) for r in by_role):  # a repeated header row
        return None
    return Row(by_role, offset, kind, header)


# --- Tab-separated and pipe tables ---------------------------------------------------------


def _split(line: str) -> list[str] | None:
    if "\t" in line:
        return line.split("\t")
    s = line.strip()
    if s.startswith("|") and s.count("|") >= 3:
        return [c for c in s.strip("|").split("|")]
    return None


def _separator(cells: list[str]) -> bool:
    return all(re.fullmatch(r"\s*:?-{2,}:?\s*", c) for c in cells if c.strip())


def line_tables(
    text: str, start: int, end: int, conv: RegisterConventions, skip_recommendations: bool
) -> list[Row]:
    """The rows of every tab-separated or pipe table whose columns are a register's."""
    return [r for t in line_grids(text, start, end) for r in register_rows(t, conv,
            skip_recommendations)]


@dataclass
class Grid:
    """A table in any form: its header cells, and each body row's cells with the offset
    where each cell's text starts (the row's when unknown)."""

    headers: list[str]
    rows: list[tuple[int, list[str], list[int]]]  # row offset, cells, cell offsets
    tabbed: bool = False
    heading: str = ""  # the line printed just above the table ("Decision log", "Actions")
    end: int = -1  # where the table's last row ends in the text, when known (a PDF's)


def _lines_at(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The lines of ``text[start:end]``, each with the offset it starts at."""
    lines, pos = [], start
    for raw in text[start:end].split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    return lines


_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+){2,}\s*$")


def _grid_table_end(lines: list[tuple[int, str]], i: int) -> int:
    """The index after a grid table (pandoc's, as a converter writes a Word table:
    ``+----+----+`` rules between ``| cell | cell |`` lines) that starts at line ``i``."""
    j = i
    while j < len(lines) and (_GRID_RULE.match(lines[j][1]) or lines[j][1].lstrip()[:1] == "|"):
        j += 1
    return j


def grid_tables(text: str, start: int, end: int) -> list[Grid]:
    """Grid tables: each row the lines between two rules, each cell the row's lines cut
    at the rule's "+" columns and joined; the header the row above a ``+====+`` rule (or
    the first row). A heading above the table names it as for other tables."""
    lines = _lines_at(text, start, end)
    grids: list[Grid] = []
    i = 0
    above = ""
    while i < len(lines):
        off, raw = lines[i]
        if not _GRID_RULE.match(raw):
            above = strip_markup(raw.lstrip("# ")) if raw.strip() else above
            i += 1
            continue
        stop = _grid_table_end(lines, i)
        cuts = [k for k, ch in enumerate(raw) if ch == "+"]
        rows: list[tuple[int, list[str], list[int]]] = []
        header_rows = 0
        current: list[tuple[int, str]] = []
        for k in range(i + 1, stop):
            off_k, line = lines[k]
            if _GRID_RULE.match(line):
                if current:
                    rows.append(_grid_row(current, cuts))
                    current = []
                if "=" in line and not header_rows:
                    header_rows = len(rows)
                continue
            current.append((off_k, line))
        if current:
            rows.append(_grid_row(current, cuts))
        if len(rows) >= 2:
            head = max(header_rows, 1)
            headers = [" ".join(c for c in col if c) for col in zip(*[r[1] for r in rows[:head]])]
            grids.append(Grid([strip_markup(h) for h in headers], rows[head:], False, above))
        i = stop
    return grids


def _grid_row(lines: list[tuple[int, str]], cuts: list[int]) -> tuple[int, list[str], list[int]]:
    """A grid table's row: each cell the row's lines cut at the walls ("|") every line of it
    prints at a rule's "+" column; a cell with no wall between two columns spans them (a
    full-width group row, "| A. NEW TASKING ... |"), its words in the first, the rest empty."""
    inner = [k for k in cuts[1:-1] if all(len(line) <= k or line[k] in "|+" for _, line in lines)]
    walls = [cuts[0], *inner, cuts[-1]]
    cells, offsets = [], []
    for a, b in zip(cuts, cuts[1:]):
        if a not in walls:
            cells.append("")  # spanned by the cell on its left
            offsets.append(lines[0][0])
            continue
        b = next(w for w in walls if w > a) if any(w > a for w in walls) else b
        words, at = [], None
        for off, line in lines:
            piece = line[a + 1 : b]
            if piece.strip():
                words.append(piece.strip())
                if at is None:
                    at = off + a + 1 + len(piece) - len(piece.lstrip())
        cells.append(" ".join(words))
        offsets.append(at if at is not None else lines[0][0])
    return lines[0][0], cells, offsets


def line_grids(text: str, start: int, end: int) -> list[Grid]:
    """Every run of tab-separated or pipe lines: its first line the header (a grid table's
    lines are `grid_tables`')."""
    lines = _lines_at(text, start, end)
    grids: list[Grid] = []
    i = 0
    above = ""  # the last line of words before a table: its heading
    while i < len(lines):
        off, raw = lines[i]
        if _GRID_RULE.match(raw):
            i = _grid_table_end(lines, i)
            continue
        cells = _split(raw)
        if not cells or len(cells) < 3:
            above = strip_markup(raw.lstrip("# ")) if raw.strip() else above
            i += 1
            continue
        grid = Grid([strip_markup(c) for c in cells], [], "\t" in raw, above)
        i += 1
        while i < len(lines):
            off, raw = lines[i]
            cells = _split(raw)
            if cells is None:
                if raw.strip():
                    break
                i += 1
                continue
            i += 1
            if _separator(cells):
                continue
            at = off + len(raw) - len(raw.lstrip())
            grid.rows.append((at, cells, _cell_offsets(raw, off, cells)))
        grids.append(_past_title_rows(grid))
    return grids


def _past_title_rows(grid: Grid) -> Grid:
    """A spreadsheet's export prints title rows above its header row, each filling a cell
    or two ("Action log", "Updated: 4 March 2026"): the header is the first row filling
    three cells or more among the first few, the title rows above it the table's heading."""
    head = [c.strip() for c in grid.headers if c.strip()]
    if len(head) >= 3:
        return grid
    titles = head[:1]
    for n, (_, cells, _) in enumerate(grid.rows[:6]):
        filled = [c.strip() for c in cells if c.strip()]
        if len(filled) >= 3:
            heading = titles[-1] if titles else grid.heading
            return Grid([strip_markup(c) for c in cells], grid.rows[n + 1 :], grid.tabbed, heading)
        if filled:
            titles.append(filled[0])
    return grid


def _cell_offsets(raw: str, off: int, cells: list[str]) -> list[int]:
    out, pos = [], 0
    for c in cells:
        at = raw.find(c, pos) if c else -1
        if at < 0:
            out.append(off)
            continue
        lead = len(c) - len(c.lstrip())
        out.append(off + at + lead)
        pos = at + len(c)
    return out


# --- Columns lined up with spaces, and comma-separated values -----------------------------

_GAP = re.compile(r"\S+(?: \S+)*")  # a cell: words one space apart
_FURNITURE = re.compile(r"\f|\bPage\s+\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)


def _pieces(raw: str) -> list[tuple[int, str]]:
    """(column, text) of each run of words two or more spaces from the next."""
    return [(m.start(), m.group()) for m in _GAP.finditer(raw.replace("\t", "    "))]


def aligned_grids(text: str, start: int, end: int, conv: RegisterConventions) -> list[Grid]:
    """Tables printed as columns lined up with spaces (``pdftotext -layout``): a header line
    of three or more cells naming the entry's words and two fields; each line below split
    at the header cells' columns. A line with a cell in the first column starts a row
    (when the first column holds references, only a reference does); a line filling
    other columns only carries on the row above (a wrapped cell). The table ends at a line
    that starts left of the first column, prose in a column of references, a blank line
    before a line that starts no row, or two blank lines; page footers are skipped."""
    lines = _lines_at(text, start, end)
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        off, raw = lines[i]
        head = _pieces(raw) if "|" not in raw and "\t" not in raw and "  " in raw.strip() else []
        if len(head) < 3:
            i += 1
            continue
        roles = decisions_as_text([conv.column_role(t) for _, t in head])
        below = next((r for _, r in lines[i + 1 : i + 3] if r.strip()), "")
        first = _pieces(below)[:1]
        referenced = roles[:1] == ["reference"] or (  # "Code" over "DL-01": references
            roles[:1] == [None] and bool(first) and len(first[0][1]) <= 12
            and conv.reference.match(first[0][1]) is not None
        )
        log = referenced and any(  # "Ref  What was decided  Meeting date"
            named_kind(t, conv) == "decision" for _, t in head)
        if len(head) < 3 or not (is_register_header(roles) or log) or (
            len(set(roles) - {None}) < 3 and not log
        ):
            i += 1
            continue
        starts = [c for c, _ in head]
        refs = roles[0] == "reference"
        grid = Grid([t for _, t in head], [])
        current: list[str] | None = None
        blanks = 0
        i += 1
        while i < len(lines):
            off, raw = lines[i]
            if not raw.strip():
                blanks += 1
                if blanks >= 2:
                    break
                i += 1
                continue
            if _FURNITURE.search(raw):
                i += 1
                continue
            pieces = _pieces(raw)
            cols = [max((n for n, s in enumerate(starts) if c >= s - 2), default=None)
                    for c, _ in pieces]
            if None in cols:
                break  # a line that starts left of the table
            first = [t for (_, t), k in zip(pieces, cols) if k == 0]
            if refs:  # a column of references: only a reference starts a row
                starts_row = bool(first) and conv.reference.match(first[0]) is not None
                if first and not starts_row:
                    break  # prose under the table
            else:
                starts_row = bool(first) and (len(pieces) > 1 or current is None)
            if blanks and not starts_row:
                break
            blanks = 0
            if starts_row or current is None:
                current = [""] * len(starts)
                at = off + len(raw) - len(raw.lstrip())
                grid.rows.append((at, current, [at] * len(starts)))
            for (_, t), k in zip(pieces, cols):
                current[k] = f"{current[k]} {t}".strip()
            i += 1
        if grid.rows:
            grids.append(grid)
    return grids


def csv_grids(text: str, start: int, end: int, conv: RegisterConventions) -> list[Grid]:
    """Comma-separated tables: a header line of three or more values naming the entry's
    words and two fields, and the lines below with as many values (quoted values may hold
    commas)."""
    import csv

    lines = _lines_at(text, start, end)
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        off, raw = lines[i]
        if raw.count(",") < 2 or "\t" in raw or "|" in raw:
            i += 1
            continue
        head = [c.strip() for c in next(csv.reader([raw]))]
        roles = decisions_as_text([conv.column_role(h) for h in head])
        if not is_register_header(roles) or any(len(h) > 40 for h in head):
            i += 1
            continue
        grid = Grid(head, [])
        i += 1
        while i < len(lines) and lines[i][1].strip():
            off, raw = lines[i]
            cells = [c.strip() for c in next(csv.reader([raw]))]
            if len(cells) != len(head):
                break
            offsets = []
            cursor = 0
            for c in cells:
                at = raw.find(c, cursor) if c else -1
                offsets.append(off + at if at >= 0 else off)
                cursor = at + len(c) if at >= 0 else cursor
            grid.rows.append((off, cells, offsets))
            i += 1
        if grid.rows:
            grids.append(grid)
    return grids


# An entry cell that opens with its own number ("1.1 Add questions ..."), when the entry has
# no reference column of its own; a bare number ("40 assessments") is not one.
# A number the words cell opens with: "2.1 ...", "R3 ...", "1. The council should ...".
_OWN_NUMBER = re.compile(
    r"^(?:(?P<ref>\d{1,2}\.\d{1,2}[a-z]?|[A-Z]{1,4}\d{1,3}(?:[.-]\d{1,3})?)"
    r"|(?P<ref1>\d{1,2})[.)])\s+(?=\S)"
)


def _decision_log(
    headers: list[str], roles: list[str | None], body: list[list[str]],
    conv: RegisterConventions, heading_kind: str,
) -> bool:
    """A decision log of references and decisions alone ("Ref | Decision | Meeting date"):
    no owner, due or status to make it a register, but its words column's header, its
    heading or the paper's title names decisions, or most of its cells record one ("The
    Board approved ...", "Approved the plan")."""
    from ingest.register_markers import decision_opening

    if "text" not in roles or "reference" not in roles:
        return False
    c = roles.index("text")
    if named_kind(headers[c], conv) == "decision" or heading_kind == "decision":
        return True
    cells = [row[c] for row in body if c < len(row) and row[c].strip()]
    said = [x for x in cells if decision_opening(x, conv)]
    return len(cells) >= 2 and len(said) >= 0.6 * len(cells)


def other_log(headers: list[str], heading: str, conv: RegisterConventions) -> bool:
    """A log of other things (`[registers] other_logs`: "ID | Risk or issue | Rating",
    a table under "Risks and issues"): a header cell naming one where no header cell
    names the entries' words, or a heading naming one."""
    keys = [_key(strip_markup(h)) for h in headers]
    if _key(strip_markup(heading)) in conv.other_logs:
        return True
    return any(k in conv.other_logs for k in keys) and "text" not in _roles(headers, conv)


def register_rows(
    grid: Grid, conv: RegisterConventions, skip_recommendations: bool = False,
    kinds: dict[str, str] | None = None, own: dict[str, str] | None = None,
    title_kind: str = "",
) -> list[Row]:
    """The register entries of a grid: a row per entry column whose cell is filled (a
    recommendation's further actions sit on rows whose leading cells are empty); a row that
    fills no entry column but other cells carries on the row above.

    A row's kind is what its kind column prints ("D", "Decision"; ``kinds`` is the paper's
    own key of those codes), else what its words column's header names, else what the
    table's heading names, else what the paper's title names (``title_kind``: "Scrutiny
    recommendations tracker"), else action. ``own`` is the paper's status key."""
    headers = grid.headers
    if other_log(headers, grid.heading, conv):
        return []
    body = [[strip_markup(c) for c in cells] for _, cells, _ in grid.rows]
    roles = column_roles(headers, body, conv, own)
    heading = grid.heading.strip()
    if re.search(r"[.!?]$", heading) or len(heading.split()) > 10:
        heading = ""  # a sentence above the table is no heading ("... the task group's ...")
    if not is_register(roles) and not _decision_log(
        headers, roles, body, conv, named_kind(heading, conv) or title_kind
    ):
        return []
    groups = entries(headers, roles, named_kind(heading, conv) or title_kind)
    out: list[Row] = []
    last: list[Row] = []
    group = ""  # the item number a full-width group row prints ("4.  Alley gating")
    for (offset, _, cell_offsets), cells in zip(grid.rows, body):
        cells = cells + [""] * (len(headers) - len(cells))
        if all(cells[c] == headers[c] for c, r in enumerate(roles) if r and cells[c]):
            continue  # a header row repeated
        filled = [c for c, v in enumerate(cells) if v]
        if filled == [0] and len(headers) >= 3 and len(roles) > 1 and not (
            roles[0] == "text" and _entry_like(cells[0], conv)
        ):
            last = []  # a full-width group row ("Priority 2: ..."): nothing carries on
            group = _group_item(cells[0], conv)
            continue
        made: list[Row] = []
        for g in groups:
            words = cells[g.column]
            if not words or conv.is_empty(words) or _DASH.fullmatch(words):
                continue  # nothing, a dash, or "None." in a decisions column: no entry
            got = {"text": words}
            for role, c in g.fields.items():
                if cells[c]:
                    got[role] = cells[c]
            at = cell_offsets[g.column] if g.column < len(cell_offsets) else offset
            m = _OWN_NUMBER.match(words) if "reference" not in g.fields else None
            ref = m and (m.group("ref") or m.group("ref1"))
            if ref and conv.reference.match(ref):
                got["reference"], got["text"] = ref, words[m.end():]
                at += m.end()
            if group and "reference" not in got:
                got["item"] = group  # the rows under an item's group row are that item's
            header = {"text": headers[g.column]} | {r: headers[c] for r, c in g.fields.items()}
            printed = got.pop("kind", "")
            kind = conv.kind_of(printed, kinds) or g.kind
            if not (printed or g.named) and kind == "action" and conv.is_decision_cell(words):
                kind = "decision"  # "Approved the strategy" under "Outcome": a decision
            due = g.fields.get("due")
            if kind == "decision" and due is not None and conv.column_role(headers[due]) != "due":
                got.pop("due", None)  # a decision log's "Date" is when it was made, not a due
            made.append(Row(got, at, kind, header))
        if not made:
            filled = {r: cells[c] for g in groups for r, c in g.fields.items() if cells[c]}
            for row in last:  # a row broken across two lines: its cells carry on
                for role, value in filled.items():
                    if role in row.cells and role != "reference":
                        row.cells[role] = f"{row.cells[role]} {value}"
            continue
        last = made
        legacy = skip_recommendations and grid.tabbed and _legacy_row(headers, cells)
        out.extend(r for r in made if not (legacy and r.kind == "recommendation"))
    return out


def _group_item(words: str, conv: RegisterConventions) -> str:
    """The item number a group row opens with before its title ("4.  Alley gating",
    "Item 6 - CCTV"), or ""; "Priority 2: ..." and "A. NEW TASKING" print none."""
    m = conv.item_opening.match(words) if conv.item_opening is not None else None
    return m.group("ref") if m and m.group("rest")[:1].isupper() else ""


def _entry_like(words: str, conv: RegisterConventions) -> bool:
    """Words of an entry, not a group row's heading, in a first column that holds entries
    ("Noted the findings ..." alone on its row of a Decisions | Actions table): a decision
    cell ("Approved ...", "Agreed to ...") or a resolution ("That the report be noted")."""
    return conv.is_decision_cell(words) or bool(re.match(r"[Tt]hat\s+\S", words))


def _legacy_row(headers: list[str], cells: list[str]) -> bool:
    """A row the recommendations reader takes (`register_recommendations._tables`): of a
    tab table headed with a recommendation and an update column, numbered in its first."""
    head = [h.lower() for h in headers]
    return (
        any("recommendation" in h for h in head)
        and any(re.search(r"\bupdates?\b", h) for h in head)
        and bool(cells and re.fullmatch(r"\d{1,2}\.?", cells[0].strip()))
    )


# --- HTML tables ---------------------------------------------------------------------------


class _TableParser(HTMLParser):
    """Rows of every <table>: (offset of <tr>, in <thead>, [(text, colspan, rowspan, th)])."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for m in re.finditer("\n", text):
            self.line_starts.append(m.end())
        self.tables: list[list[tuple[int, bool, list[tuple[str, int, int, bool]]]]] = []
        self._row: list[tuple[str, int, int, bool]] | None = None
        self._cell: list[str] | None = None
        self._cell_attrs: tuple[int, int, bool] = (1, 1, False)
        self._thead = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "thead":
            self._thead = True
        elif tag == "tr" and self.tables:
            self._row = []
            self.tables[-1].append((self._offset(), self._thead, self._row))
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            span = lambda k: int(a.get(k) or 1) if str(a.get(k) or 1).isdigit() else 1  # noqa: E731
            self._cell_attrs = (span("colspan"), span("rowspan"), tag == "th")
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._thead = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append((collapse("".join(self._cell)), *self._cell_attrs))
            self._cell = None
        elif tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _grid(rows: list[list[tuple[str, int, int, bool]]]) -> list[list[str]]:
    """Header rows with their spans laid out: a cell spanning two columns or rows fills
    each place it covers."""
    grid: dict[tuple[int, int], str] = {}
    for r, cells in enumerate(rows):
        c = 0
        for text, colspan, rowspan, _ in cells:
            while (r, c) in grid:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text
            c += colspan
    width = max((c for _, c in grid), default=-1) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(len(rows))]


def _all_th(cells: list[tuple[str, int, int, bool]]) -> bool:
    return bool(cells) and all(th for *_, th in cells)


def html_tables(text: str, start: int, end: int, conv: RegisterConventions) -> list[Row]:
    return [r for g in html_grids(text, start, end, conv) for r in register_rows(g, conv)]


def html_grids(text: str, start: int, end: int, conv: RegisterConventions) -> list[Grid]:
    """Every <table> with a header row, as a grid (merged header cells laid out)."""
    body = text[start:end]
    if "<table" not in body.lower():
        return []
    parser = _TableParser(body)
    parser.feed(body)
    out: list[Grid] = []
    for table in parser.tables:
        head = [cells for _, thead, cells in table if thead or _all_th(cells)]
        if not head:
            continue
        grid = _grid(head)
        # Each column's role from its lowest header cell that names one.
        headers: list[str] = []
        for c in range(len(grid[0])):
            label = next(
                (grid[r][c] for r in range(len(grid) - 1, -1, -1) if conv.column_role(grid[r][c])),
                grid[-1][c],
            )
            headers.append(label)
        grid = Grid(headers, [])
        for offset, thead, cells in table:
            if thead or _all_th(cells):
                continue
            flat: list[str] = []
            for text_, colspan, _, _ in cells:
                flat.extend([text_] + [""] * (colspan - 1))
            grid.rows.append((start + offset, flat, [start + offset] * len(flat)))
        out.append(grid)
    return out


# --- Record blocks -------------------------------------------------------------------------

_FIELD = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:\*\*)?([A-Z][A-Za-z .()/#-]{0,30}?)(?:\*\*)?\s*:(?:\*\*)?\s*(.*)$"
)
# A field whose label is dated ("Position at 21 January 2026: Under way. ...", "Progress to
# 30 June 2026: ..."): words, one of the header prepositions, and a date of words and
# figures; the label's role is its words' (`RegisterConventions.column_role`).
_DATED_FIELD = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:\*\*)?([A-Z][A-Za-z ]{1,30}?\s+[a-z]{2,5}(?:\s+[a-z]{2,3})?\s+"
    r"(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+\d{4})(?:\*\*)?\s*:(?:\*\*)?\s*(.*)$"
)
# A rule of dashes, equals signs or underscores between records.
_RULE_LINE = re.compile(r"^\s*[-=_*–—]{8,}\s*$")


_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪]|\d{1,3}[.)])\s+")
# A card as a two-column pipe table: "| Lead officer | Highways Manager |"; its title row
# has one filled cell ("| **HW1   Street lighting** | |"); "|---|---|" separates.
_PIPE_FIELD = re.compile(r"^\s*\|\s*(?P<label>[^|]*?)\s*\|\s*(?P<value>[^|]*?)\s*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_DASH = re.compile(r"^[-–—]+$")
# Words proposing what a body should do or agree ("That the Commissioner fund ...").
_PROPOSAL = re.compile(r"^That\s+\S")


def record_blocks(
    text: str,
    start: int,
    end: int,
    conv: RegisterConventions,
    title: Callable[[str], tuple[str, str]] | None = None,
) -> list[Row]:
    """``Ref:`` / ``Action:`` / ``Lead:`` ... blocks, one entry each (three fields or more
    with roles, the text among them), and cards printed as two-column pipe tables (a
    ``| label | value |`` row per field). With ``title`` (a line → (reference, words)), a
    block without a text field takes its words from the line just above it (``CSP/25/05
    Deliver training`` / ``Lead: ...`` / ``Due: ...`` / ``Status: ...``) when it has two
    of owner, due, status and update; a block without a reference takes the title's (a
    card's title row: ``| **HW1   Street lighting** | |``). A field whose label names a
    recommendation makes the entry a recommendation; a dash value is empty."""
    out: list[Row] = []
    block: list[tuple[str, str, int, str]] = []  # role, value, offset, label
    above: list[tuple[str, int]] = []  # the line above the block: (text, offset)
    # a record headed by its reference alone on a line, its words the paragraph under it
    # ("PCP/R/01" / "That the Commissioner fund ..." / ... / "Lead: ..." / "Timescale: ...")
    head: dict = {}

    def flush() -> None:
        roles = [r for r, _, _, _ in block]
        fields = set(roles) & {"owner", "due", "status", "update"}
        headed = None
        if "text" not in roles and head.get("words") and len(fields) >= 2:
            headed = head["ref_at"]
            block.insert(0, ("text", head["words"], head["at"], ""))
            if "reference" not in roles:
                block.append(("reference", head["ref"], head["ref_at"], ""))
            roles = [r for r, _, _, _ in block]
            head.clear()
        elif "text" not in roles and title and above and len(fields) >= 2:
            ref, words = title(above[0][0])
            if words:
                block.insert(0, ("text", words, above[0][1] + above[0][0].find(words[:20]), ""))
                if ref and "reference" not in roles:
                    block.append(("reference", ref, above[0][1], ""))
                roles = [r for r, _, _, _ in block]
        elif "text" in roles and "reference" not in roles and title and above:
            ref, _ = title(above[0][0])
            if ref:
                block.append(("reference", ref, above[0][1], ""))
                roles.append("reference")
        if "text" in roles and len(set(roles)) >= 3:
            cells: dict[str, str] = {}
            kind = "action"
            for r, v, _, label in block:
                value = collapse(v)
                if r not in cells and value and not _DASH.match(value):
                    cells[r] = value
                    if r == "text" and "recommend" in label.lower():
                        kind = "recommendation"
                    elif r == "text" and not label and _PROPOSAL.match(value):
                        kind = "recommendation"  # a headed record proposing "That ..."
            at = next((o for r, _, o, _ in block if r == "text"), block[0][2])
            if headed is not None:
                at = headed  # the record opens at its reference line: it holds what follows
            elif kind != "recommendation":
                at = block[0][2]
            if cells.get("text") and not conv.is_empty(cells["text"]):
                out.append(Row(cells, at, kind))
        block.clear()

    pos = start
    reading_head = False
    for raw in text[start:end].split("\n"):
        off, pos = pos, pos + len(raw) + 1
        if not raw.strip():
            flush()
            above.clear()
            reading_head = False
            continue
        if _RULE_LINE.match(raw) and not _PIPE_RULE.match(raw):
            flush()
            above.clear()
            head.clear()  # a rule between records: what was above is no record's head
            reading_head = False
            continue
        if reading_head and _FIELD.match(raw) and conv.column_role(_FIELD.match(raw).group(1)):
            reading_head = False  # "Recommendation 1" / "Recommendation: ...": fields at once
            if not head["words"]:
                head.clear()
        if reading_head:  # the paragraph under a reference line: the record's words
            if head["words"]:
                head["words"] += " " + raw.strip()
            else:
                head.update(words=raw.strip(), at=off + len(raw) - len(raw.lstrip()))
            continue
        if not block and conv.reference.match(raw.strip()) and len(raw.strip()) >= 3 and (
            re.search(r"\d", raw)
        ):
            flush()
            head.clear()
            head.update(ref=raw.strip(), ref_at=off + len(raw) - len(raw.lstrip()), words="",
                        at=off)
            above[:] = [(raw, off)]  # the title of a block printed straight under it
            reading_head = True
            continue
        if _PIPE_RULE.match(raw):
            continue  # a pipe table's rule: the title row above stays the title
        pipe = _PIPE_FIELD.match(raw)
        if pipe:
            label, value = strip_markup(pipe.group("label")), pipe.group("value")
            role = conv.column_role(label) if value.strip() else None
            if role:
                if any(r == role for r, _, _, _ in block):  # the same field again
                    flush()
                    above.clear()
                block.append((role, value, off + raw.find(value), label))
            elif not value.strip() and label:
                flush()
                above[:] = [(label, off + raw.find(label))]  # a card's title row
            continue
        m = _FIELD.match(raw) or _DATED_FIELD.match(raw)
        role = conv.column_role(m.group(1)) if m else None
        if m and role:
            if any(r == role for r, _, _, _ in block):  # the same field again: a new record
                flush()
                above.clear()
            block.append((role, m.group(2), off + len(raw) - len(raw.lstrip()), m.group(1)))
        elif block and not m and not _LIST_ITEM.match(raw):
            r, v, o, label = block[-1]
            block[-1] = (r, f"{v} {raw.strip()}", o, label)  # a wrapped value
        elif block and m and len(m.group(1).split()) <= 4:
            continue  # a field the register does not keep ("Cabinet response: Accepted")
        else:
            flush()
            above[:] = [] if m else [(raw, off)]
    flush()
    return out
