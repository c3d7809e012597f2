"""Tables to facts: every table of a document, whatever its form, one `Fact` per cell.

`extract_facts(doc, parts)` finds the tables (Markdown pipes and tab-separated rows here;
text laid out in columns and one cell per line in `ingest.table_aligned`; single-spaced
"label £500 £500" rows and "label: figure" lines in `ingest.table_lines`), names each one,
and turns every cell into a `Fact`:

- ``table``: a caption ("Table 1: ...", "Figure 3 ...") at most three lines above and not
  already another table's; else the sentence ending in ':' that introduces it ("The
  current positions within the family group are:"); else a heading line standing alone
  just above; else its section's title (never a figure caption further away);
- ``row`` × ``column``: the printed labels (markup, bullets and "5 th" tidied); a row
  without a label takes the one-cell line above the header, else the table's name;
- ``value`` exactly as printed, ``number`` parsed from it, ``unit`` "%", "£", "rank"
  (12/15), "count" or "" (words);
- ``period``: named by the column ("2021/22", "as at 5th Dec 2023"), else by the row
  label, else the date range of the table's name ("1st April 2023 to 5th December 2023");
- ``where``: `locate` at the row; ``quote``: the printed row, verbatim.
"""

from __future__ import annotations

import re

from ingest.locate import locate
from ingest.table_aligned import (
    aligned_tables,
    one_per_line_tables,
)
from ingest.table_cells import (
    CAPTION,
    FISCAL,
    MONTH,
    Line,
    Row,
    Table,
    clean_label,
    is_figure,
    is_header_cell,
    is_year,
    kept,
    parse_number,
    split_lines,
    unit_of,
)
from ingest.table_columns import column_tables, layout_tables
from ingest.table_lines import (
    label_figure,
    label_figure_tables,
    spaced_row,
    spaced_tables,
)
from ingest.types import Fact, LoadedFile, Part

_READ: dict[tuple, tuple[list[Line], list[Table]]] = {}  # the last file's tables


def tables_of(doc: LoadedFile) -> tuple[list[Line], list[Table]]:
    """The file's lines and its tables, read once for its facts and its passages."""
    key = (doc.name, doc.sha256, hash(doc.text), hash(doc.layout))
    if key not in _READ:
        lines = split_lines(doc.text)
        _READ.clear()
        _READ[key] = lines, _with_layout(find_tables(lines), layout_tables(doc, lines))
    return _READ[key]


def extract_facts(doc: LoadedFile, parts: list[Part]) -> list[Fact]:
    """One `Fact` per filled cell of every table found in ``doc``, in document order."""
    lines, tables = tables_of(doc)
    owner = {k: n for n, t in enumerate(tables) for k in range(t.first, t.last + 1)}
    claimed: set[str] = set()
    facts: list[Fact] = []
    names: list[str] = []
    for n, table in enumerate(tables):
        if n and _continues(tables[n - 1], table, lines, doc):
            name = names[-1]  # a table carried over a page break keeps its caption
        else:
            name = _name(table, n, lines, owner, claimed, doc, parts)
        names.append(name)
        facts.extend(_facts(table, name, doc, parts))
    return facts


def _columns(table: Table) -> tuple[str, ...]:
    return tuple(c for c, _ in table.rows[0].cells) if table.rows else ()


def _continues(before: Table, table: Table, lines: list[Line], doc: LoadedFile) -> bool:
    """``table`` is ``before`` carried over a page break: the same columns, a new page, and
    between them only a few short lines (a running header, a page number)."""
    if not _columns(table) or _columns(table) != _columns(before):
        return False
    if doc.page_at(lines[before.last].start) == doc.page_at(lines[table.first].start):
        return False
    gap = [ln.text for ln in lines[before.last + 1 : table.first] if ln.text]
    return len(gap) <= 8 and not any(
        CAPTION.match(t) or (len(t) > 90 and t.endswith(".")) for t in gap
    )


def _cells_in(tables: list[Table]) -> int:
    """The cells a reading gives that say which column they are in: a cell under no
    column name, or under the same name as another cell of its row, counts for nothing."""
    named = 0
    for t in tables:
        for r in t.rows:
            columns = [c for c, _ in r.cells]
            named += sum(
                1 for c in columns if columns.count(c) == 1 and not c.startswith("column ")
            )
    return named


def _with_layout(tables: list[Table], laid_out: list[Table]) -> list[Table]:
    """A PDF's tables read from its layout text where they give more cells than what the
    plain text's readers found over the same lines (a ruled table whose plain text is one
    cell per line); the plain text's tables elsewhere."""
    for table in laid_out:
        over = [t for t in tables if t.first <= table.last and t.last >= table.first]
        if _cells_in([table]) > _cells_in(over):
            tables = [t for t in tables if t not in over] + [table]
    return sorted(tables, key=lambda t: t.first)


def laid_out(doc: LoadedFile) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """The tables read by their columns (a text file's space-aligned table, a ruled PDF
    table from its layout text) as a passage should print them: each table's span of the
    file's text, and its lines (offset, text) with cells between tabs, a cell's wrapped
    lines joined: the header first, then one line a row."""
    lines, found = tables_of(doc)
    out = []
    for t in found:
        if not t.columns or not t.rows:
            continue
        start = lines[t.first].text_start
        end = max(r.start + len(r.quote) for r in t.rows)
        printed = [(start, "\t".join(t.columns))]
        for r in t.rows:
            cells = dict(r.cells)
            row = [r.label, *(cells.get(c, "") for c in t.columns[1:])]
            printed.append((r.start, "\t".join(row)))
        out.append((start, end, printed))
    return out


def find_tables(lines: list[Line]) -> list[Table]:
    """The tables of a file's lines, most explicit forms first; sorted by position."""
    taken: set[int] = set()
    found = pipe_tables(lines, taken)
    found += tab_tables(lines, taken)
    found += column_tables(lines, taken)
    found += aligned_tables(lines, taken)
    found += one_per_line_tables(lines, taken)
    found += spaced_tables(lines, taken, with_header=True)
    found += label_figure_tables(lines, taken)
    found += spaced_tables(lines, taken, with_header=False)
    return sorted(found, key=lambda t: t.first)


# --- grids: Markdown pipe tables and tab-separated rows --------------------------------------


def _is_data(cells: list[str], first: bool = False) -> bool:
    """A row with figures; the first row of years in order is a header ('Crime | 2022')."""
    if any(is_figure(c) for c in cells[1:]):
        return not (first and _year_header(cells))
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(map(is_figure, filled)) and not all(map(is_year, filled))


def _year_header(cells: list[str]) -> bool:
    """'Crime | 2022 | 2023': years in order are column labels, not counts."""
    rest = [c.strip() for c in cells[1:] if c.strip()]
    years = [int(c) for c in rest if is_year(c)]
    words = [c for c in rest if not is_year(c)]
    return len(years) >= 2 and years == sorted(set(years)) and not any(map(is_figure, words))


def grid_tables(
    rows: list[tuple[list[str], Line]], form: str, header: bool | None = None
) -> list[Table]:
    """Tables from rows of cells; a header row after data rows starts a new table."""
    if len(rows) < 2:
        return []
    if not any(_is_data(cells, k == 0) for k, (cells, _) in enumerate(rows)):
        table = _text_grid(rows, form, header)
        return [table] if table else []
    chunks: list[list[tuple[list[str], Line]]] = [[]]
    seen_data = False
    for cells, line in rows:
        filled = [c for c in cells if c.strip()]
        data = _is_data(cells, not chunks[-1])
        if seen_data and not data and len(filled) >= 2:
            if all(map(is_header_cell, filled)) and not any(len(c) > 40 for c in filled):
                chunks.append([])
                seen_data = False
        chunks[-1].append((cells, line))
        seen_data = seen_data or data
    return [t for t in (_figure_grid(c, form) for c in chunks) if t]


def _figure_grid(rows: list[tuple[list[str], Line]], form: str) -> Table | None:
    flags = [_is_data(cells, k == 0) for k, (cells, _) in enumerate(rows)]
    first_data = next((k for k, flag in enumerate(flags) if flag), None)
    if first_data is None:
        return None
    heads, data = [c for c, _ in rows[:first_data]], rows[first_data:]
    width = max(len(cells) for cells, _ in data)
    labelled = sum(bool(c[0].strip()) and not is_figure(c[0]) for c, _ in data)
    has_label = labelled * 2 >= len(data)
    filled = [[c for c in h if c.strip()] for h in heads]
    columns = next((h for h, f in zip(reversed(heads), reversed(filled)) if len(f) >= 2), [])
    named = [h for h, f in zip(heads, filled) if len(f) >= 2]
    if len(named) >= 2:  # "2023/24 | | 2024/25 |" over "Number | Rate | Number | Rate"
        columns = _stacked(named[-2], named[-1])
    hint = next((clean_label(f[0]) for f in filled if len(f) == 1), "")
    moved = _text_column(data, width) if not has_label else None
    if moved:  # "Rank | Neighbourhood | Rate": the rows are named by their first text column
        data = [(_label_first(cells, moved), line) for cells, line in data]
        columns = _label_first(columns, moved) if len(columns) > moved else columns
        has_label = True
    names = _column_names(columns, width, has_label)
    table = Table(form, rows[0][1].index, rows[-1][1].index, row_hint=hint)
    if has_label and columns and columns[0].strip() and not is_figure(columns[0]):
        table.label_header = clean_label(columns[0])
    group = ""
    for cells, line in data:
        cells = cells + [""] * (width - len(cells))
        label = clean_label(cells[0]) if has_label else ""
        values = [(n, _bare(v)) for n, v in zip(names, cells[1:] if has_label else cells)]
        values = [(n, v) for n, v in values if kept(v)]
        if has_label and not values:
            group = label  # a sub-heading row inside the table
            continue
        if group and label:
            label = f"{group} › {label}"
        if values:
            table.rows.append(Row(_row_label(label), values, line.text_start, line.text))
    return table if table.rows else None


def _stacked(upper: list[str], lower: list[str]) -> list[str]:
    """The names of a two-row header's columns: each lower cell under the upper cell it
    sits beneath, an upper cell spanning the blanks to its right ("2024/25 Rate per 1,000");
    a column with one row named takes that name."""
    width = max(len(upper), len(lower))
    upper = [c.strip() for c in upper] + [""] * (width - len(upper))
    lower = [c.strip() for c in lower] + [""] * (width - len(lower))
    out, span = [], ""
    for k, (u, low) in enumerate(zip(upper, lower)):
        span = u or (span if low and k else "")
        out.append(" ".join(x for x in (span, low) if x))
    return out


def _text_column(rows: list[tuple[list[str], Line]], width: int) -> int | None:
    """The first column after the first whose cells are mostly words, when the first
    column holds figures (a rank, a reference number): the column the rows are named by."""
    for k in range(1, width):
        words = sum(
            k < len(c) and bool(c[k].strip()) and not is_figure(c[k]) for c, _ in rows
        )
        if words * 2 >= len(rows):
            return k
    return None


def _label_first(cells: list[str], k: int) -> list[str]:
    return [cells[k], *cells[:k], *cells[k + 1 :]] if k < len(cells) else list(cells)


def _bare(value: str) -> str:
    """A value without the Markdown or HTML emphasis around it."""
    value = value.strip()
    m = re.fullmatch(r"(\*\*|__|\*|_|<(\w+)>)(.+?)(\1|</\2>)", value)
    return m.group(3).strip() if m else value


def _row_label(label: str) -> str:
    return label[:-1] if re.fullmatch(r"\d+\.", label) else label


def _column_names(header: list[str], width: int, has_label: bool) -> list[str]:
    head = [clean_label(h) for h in header]
    count = width - 1 if has_label else width
    if has_label and len(head) >= width:
        names = head[1:width]
    elif len(head) == count or (not has_label and len(head) > count):
        names = head[:count]
    else:
        names = []
    first = 2 if has_label else 1
    names += [""] * (count - len(names))
    return [n or f"column {k + first}" for k, n in enumerate(names)]


def _text_grid(rows: list[tuple[list[str], Line]], form: str, header: bool | None) -> Table | None:
    """A table of words only: recommendations and updates, document details."""
    width = max(len(cells) for cells, _ in rows)
    top = [c.strip() for c in rows[0][0] if c.strip()]
    longest_below = max(len(c) for cells, _ in rows[1:] for c in cells)
    if header is None:
        header = (
            len(top) >= 2
            and all(len(c) <= 40 and not c.endswith(".") for c in top)
            and longest_below > max(len(c) for c in top)
        )
    if header:
        names = _column_names(rows[0][0], width, True)
    else:
        names = [""] if width == 2 else [f"column {k + 2}" for k in range(width - 1)]
    table = Table(form, rows[0][1].index, rows[-1][1].index)
    for cells, line in rows[1:] if header else rows:
        cells = cells + [""] * (width - len(cells))
        values = [(n, _bare(v)) for n, v in zip(names, cells[1:]) if kept(v)]
        if values:
            label = _row_label(clean_label(cells[0]))
            table.rows.append(Row(label, values, line.text_start, line.text))
    return table if table.rows else None


_PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def pipe_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    found: list[Table] = []
    run: list[Line] = []
    for ln in [*lines, Line(len(lines), -1, "")]:
        if ln.index not in taken and ln.text.startswith("|") and ln.text.count("|") >= 2:
            run.append(ln)
            continue
        if len(run) >= 2:
            found.extend(_pipe_run(run))
        run = []
    taken.update(k for t in found for k in range(t.first, t.last + 1))
    return found


def _pipe_run(run: list[Line]) -> list[Table]:
    rows: list[tuple[list[str], Line]] = []
    header = None
    for ln in run:
        if _PIPE_RULE.match(ln.text):
            rows, header = rows[-1:], True  # the line above the rule names the columns
            continue
        body = ln.text[1:]
        body = body[:-1] if body.endswith("|") else body
        rows.append(([c.strip() for c in body.split("|")], ln))
    tables = grid_tables(rows, "pipe", header)
    for t in tables:
        t.first, t.last = min(t.first, run[0].index), max(t.last, run[-1].index)
    return tables


def tab_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    """Runs of tab-separated lines; one or two blank lines may part rows of one table."""
    found: list[Table] = []
    run: list[Line] = []
    gap = 0
    for ln in [*lines, Line(len(lines), -1, "end")]:
        free = ln.index not in taken
        if free and "\t" in ln.raw and ln.text:
            if run and gap and ln.raw.count("\t") != run[-1].raw.count("\t"):
                found += _tab_run(run)
                run = []
            run.append(ln)
            gap = 0
        elif free and ln.blank and run and gap < 2:
            gap += 1
        else:
            if run:
                found += _tab_run(run)
            run, gap = [], 0
    taken.update(k for t in found for k in range(t.first, t.last + 1))
    return found


def _tab_run(run: list[Line]) -> list[Table]:
    """A rule row of dashes ('---\t---') ends the header, as in a Markdown table."""
    rows = [(ln.raw.split("\t"), ln) for ln in run]
    rule = [k for k, (cells, _) in enumerate(rows) if _is_rule(cells)]
    if not rule:
        return grid_tables(rows, "tab")
    found = grid_tables([r for r in rows[rule[0] - 1 :] if not _is_rule(r[0])], "tab", True)
    for t in found:
        t.first = min(t.first, run[0].index)
    return found


def _is_rule(cells: list[str]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(re.fullmatch(r":?-{3,}:?", c) for c in filled)


# --- names and periods -----------------------------------------------------------------------

_DAY = r"\d{1,2}\s?(?:st|nd|rd|th)?"
_YEARS = rf"(?:{FISCAL.pattern}\b|(?:19|20)\d{{2}}\b)"
_POINT = (
    rf"(?:{_DAY}\s+(?:of\s+)?{MONTH}\.?,?\s+\d{{4}}|{_DAY}\s+{MONTH}\b|{MONTH}\.?\s+\d{{4}}"
    rf"|(?:Q[1-4]|Quarter\s+[1-4])\s+(?:of\s+)?{_YEARS}|{_YEARS})"
)
_RANGE = re.compile(rf"{_POINT}\s*(?:to|–|—|-|until)\s*(?:the\s+)?{_POINT}", re.I)
_COMPARED = re.compile(rf"{_POINT}\s+compared\s+(?:to|with)\s+(?:the\s+)?{_POINT}", re.I)
_AS_AT = re.compile(rf"\b(?:as\s+(?:at|of)|up\s+to)\s+(?:the\s+)?{_POINT}", re.I)
_ANY = re.compile(rf"\b{_POINT}", re.I)


def period_of(text: str, caption: bool = False) -> str:
    """The period a label names: a range, 'as at <date>', a date or a year; '' if none."""
    found = [_RANGE, _COMPARED, _AS_AT, _ANY] if caption else [_RANGE, _AS_AT, _ANY]
    for pattern in found:
        if m := pattern.search(text):
            return m.group(0).strip()
    return ""


def _name(
    table: Table,
    n: int,
    lines: list[Line],
    owner: dict[int, int],
    claimed: set[str],
    doc: LoadedFile,
    parts: list[Part],
) -> str:
    heading = ""
    seen, chars = 0, 0
    j = table.first - 1
    while j >= 0 and owner.get(j, n) == n and seen < 7 and chars < 1500:
        text = clean_label(re.sub(r"^#+\s*", "", lines[j].text))  # '## **Table 3: ...**'
        j -= 1
        if not text:
            continue
        seen, chars = seen + 1, chars + len(text)
        if CAPTION.match(text) and len(text) <= 250:
            if text in claimed or seen > 3:
                break  # another table's caption, or one with text between it and this table
            claimed.add(text)
            return text
        if not heading and _standalone_heading(lines, j + 1):
            heading = clean_label(text)
    lead = _lead_in(lines, table.first, owner, n)
    return lead or heading or _section_name(table, doc, parts)


def _standalone_heading(lines: list[Line], k: int) -> bool:
    text = re.sub(r"^#+\s*|\*\*", "", lines[k].text).strip()
    around = [lines[i].blank for i in (k - 1, k + 1) if 0 <= i < len(lines)]
    return (
        all(around)
        and len(text) <= 80
        and len(text.split()) <= 10
        and (text[:1].isupper() or text[:1].isdigit())
        and not re.search(r"[.,;:]$", text)
        and not re.match(r"[-•▪*·o]\s", text)
        and spaced_row(text) is None
        and label_figure(text) is None
    )


_LEAD_END = re.compile(r"\s+(?:are|is|were|was|as follows|below|are as follows)$", re.I)


def _lead_in(lines: list[Line], first: int, owner: dict[int, int], n: int) -> str:
    """The sentence ending in ':' right above the table, without 'are:' / 'as follows:'."""
    found: list[str] = []
    j, blanks = first - 1, 0
    while j >= 0 and owner.get(j, n) == n and blanks <= 4 and len(found) < 4:
        text = lines[j].text
        j -= 1
        if not text:
            blanks += 1
            continue
        if not found and not text.endswith(":"):
            return ""
        found.insert(0, text)
        blanks = 0
        if not text[:1].islower():
            break
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(found))[-1] if found else ""
    sentence = re.sub(r"^\d+(?:\.\d+)*:?\s+", "", sentence.rstrip(": "))
    sentence = clean_label(_LEAD_END.sub("", sentence))
    return sentence if 0 < len(sentence) <= 160 else ""


def _section_name(table: Table, doc: LoadedFile, parts: list[Part]) -> str:
    where = locate(doc, parts, table.rows[0].start)
    path = [p for p in where.section.split(" › ") if p] if where.section else []
    while path and CAPTION.match(path[-1]):  # a caption names only what follows it closely
        path.pop()
    if not path:
        return where.part or doc.name
    if len(path[-1]) < 15 and len(path) > 1:
        return f"{path[-2]} › {path[-1]}"
    return path[-1]


# --- facts -----------------------------------------------------------------------------------


def _facts(table: Table, name: str, doc: LoadedFile, parts: list[Part]) -> list[Fact]:
    header = table.label_header
    if header and header.lower() not in name.lower() and not CAPTION.match(name):
        name = f"{name} › {header}"  # an uncaptioned table: its label header names it
    name_period = period_of(name, caption=True)
    facts: list[Fact] = []
    for row in table.rows:
        where = locate(doc, parts, row.start)
        label = row.label or table.row_hint or name
        row_period = label if _RANGE.fullmatch(label) or _ANY.fullmatch(label) else ""
        for column, value in row.cells:
            facts.append(
                Fact(
                    table=name,
                    row=label,
                    column=column,
                    value=value,
                    number=parse_number(value),
                    unit=unit_of(value),
                    period=period_of(column) or row_period or name_period,
                    where=where,
                    quote=row.quote,
                )
            )
    return facts
