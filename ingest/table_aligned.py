"""Tables whose cells line up in columns: split by two or more spaces (pypdf's layout
mode), or printed one cell per line.

- `aligned_tables`: two or more figure columns or a header line above; header cells are
  placed by where they sit, and a full row maps in order;
- `one_per_line_tables`: k header lines, then groups of k lines (label, figures...).
"""

from __future__ import annotations

from ingest.table_cells import (
    Line,
    Row,
    Table,
    _free,
    _header_text,
    _row_run,
    _spans,
    _years_in_order,
    claim,
    clean_label,
    is_figure,
    is_header_cell,
    is_placeholder,
    kept,
    label_ok,
    printed,
)

# --- column-aligned text (two or more spaces between cells) --------------------------------


def _aligned_row(ln: Line) -> list[tuple[str, int, int]] | None:
    cells = _spans(ln.raw)
    if len(cells) < 2 or is_figure(cells[0][0]) or not label_ok(clean_label(cells[0][0])):
        return None
    rest = [c for c, _, _ in cells[1:]]
    if all(is_figure(c) or is_placeholder(c) for c in rest) and any(map(is_figure, rest)):
        return cells
    return None


def aligned_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    found: list[Table] = []
    k = 0
    while k < len(lines):
        if not _free(lines, taken, k) or _aligned_row(lines[k]) is None:
            k += 1
            continue
        run = _row_run(lines, taken, k, lambda ln: _aligned_row(ln) is not None, max_gap=2)
        table = _aligned_table(lines, run, taken)
        if table:
            found.append(claim(taken, table))
        k = run[-1] + 1
    return found


def _aligned_header(lines: list[Line], first: int, taken: set[int]) -> list[int]:
    """Up to three header lines right above the first row, the lowest with 2+ cells."""
    heads: list[int] = []
    j, gap = first - 1, 0
    while _free(lines, taken, j) and len(heads) < 3 and gap <= 1:
        ln = lines[j]
        if ln.blank:
            gap += 1
        elif _header_text(ln.text) and all(is_header_cell(c) for c, _, _ in _spans(ln.raw)):
            heads.insert(0, j)
            gap = 0
        else:
            break
        j -= 1
    while heads and len(_spans(lines[heads[-1]].raw)) < 2:
        heads.pop()
    return heads


def _aligned_table(lines: list[Line], run: list[int], taken: set[int]) -> Table | None:
    heads = _aligned_header(lines, run[0], taken)
    if len(run) >= 2 and _years_in_order([c for c, _, _ in _spans(lines[run[0]].raw)[1:]]):
        heads, run = [*heads, run[0]], run[1:]  # 'Service  2022  2023': a header of years
    rows = [_spans(lines[k].raw) for k in run]
    width = max(len(r) for r in rows)
    if not heads and (width < 3 or len(run) < 2):
        return None  # one figure per line and no header: a label/figure list
    columns = [(s, e) for _, s, e in next(r for r in rows if len(r) == width)]
    for r in rows:
        if len(r) == width:
            columns = [(min(a, s), max(b, e)) for (a, b), (_, s, e) in zip(columns, r)]
    names = [""] * width
    for h in heads:
        for text, s, e in _spans(lines[h].raw):
            col = _nearest(columns, s, e)
            names[col] = f"{names[col]} {text}".strip()
    names = [clean_label(n) or f"column {c + 1}" for c, n in enumerate(names)]
    table = Table("aligned", heads[0] if heads else run[0], run[-1])
    for k, cells in zip(run, rows):
        placed = _place(cells, columns, width)
        if placed is None:
            continue  # two cells claim one column: no facts rather than guessed columns
        values = [(names[c], v) for c, v in sorted(placed.items()) if c > 0 and kept(v)]
        if values:
            table.rows.append(Row(clean_label(cells[0][0]), values, *printed(lines, k, k)))
    return table if table.rows else None


def _place(
    cells: list[tuple[str, int, int]], columns: list[tuple[int, int]], width: int
) -> dict[int, str] | None:
    """Column index -> value. A full row maps in order; a row with empty cells by where
    each value sits, unless two values would land in one column."""
    if len(cells) == width:
        return {c: text for c, (text, _, _) in enumerate(cells)}
    placed: dict[int, str] = {}
    for text, s, e in cells[1:]:
        col = _nearest(columns, s, e)
        if col in placed:
            return None
        placed[col] = text
    return placed


def _nearest(columns: list[tuple[int, int]], s: int, e: int) -> int:
    def score(c: int) -> tuple[int, int]:
        a, b = columns[c]
        return (min(b, e) - max(a, s), -abs((a + b) - (s + e)))

    return max(range(len(columns)), key=score)


# --- one cell per line ---------------------------------------------------------------------


def one_per_line_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    found: list[Table] = []
    items: list[Line] = []
    for ln in [*lines, Line(len(lines), -1, "x" * 100)]:  # a sentinel ends the last run
        if ln.blank and ln.index not in taken:
            continue
        if ln.index not in taken and len(ln.text) <= 40 and len(_spans(ln.raw)) == 1:
            items.append(ln)
            continue
        while len(items) >= 6:
            table, used = _one_per_line(lines, items)
            if table is None:
                break
            found.append(claim(taken, table))
            items = items[used:]
        items = []
    return found


def _one_per_line(lines: list[Line], items: list[Line]) -> tuple[Table | None, int]:
    """The first header of k lines followed by two or more groups of k cells. The rows are
    named by one column, the first mostly ("Ward" after "Rank 2024/25" too)."""
    for s in range(len(items) - 5):
        best: tuple[int, int, int] | None = None  # (groups, k, label column)
        for k in range(2, min(11, (len(items) - s) // 3 + 1)):
            head = [ln.text for ln in items[s : s + k]]
            if is_figure(head[0]) or not all(map(is_header_cell, head)):
                continue
            fits = s + 2 * k <= len(items)  # room for a header and one row
            for label in range(min(k - 1, MAX_LABEL_COLUMN + 1)):
                groups, kinds = 0, _group(items, s + k, k, label) if fits else None
                while kinds and s + k * (groups + 2) <= len(items) and (
                    _group(items, s + k * (groups + 1), k, label) == kinds
                ):  # every row's columns of one kind: a figure under a figure
                    groups += 1
                if groups >= 2 and (best is None or groups * k > best[0] * best[1]):
                    best = (groups, k, label)
        if best:
            groups, k, label = best
            table = _one_per_line_table(lines, items, s, k, groups, label)
            return table, s + k * (groups + 1)
    return None, 0


MAX_LABEL_COLUMN = 2  # a row's name may follow a rank and a reference
SHORT_TEXT = 3  # words in a text cell beside figures ("no change", "up 1")


def _group(items: list[Line], at: int, k: int, label: int = 0) -> str | None:
    """The kinds of k cells that are a row named by its ``label`` cell ("wfff": a word, then
    figures), or None: the cells before the label figures (a rank), the rest figures or a
    few words, more figures than words."""
    cells = [ln.text for ln in items[at : at + k]]
    if is_figure(cells[label]) or not label_ok(clean_label(cells[label])):
        return None
    if not all(is_figure(c) for c in cells[:label]):
        return None
    rest = cells[:label] + cells[label + 1 :]
    figures = sum(map(is_figure, rest))
    words = [c for c in rest if not is_figure(c) and not is_placeholder(c)]
    if any(len(c.split()) > SHORT_TEXT or not label_ok(clean_label(c)) for c in words):
        return None
    if not (figures > len(words) if words else figures > 0):
        return None
    return "".join("f" if is_figure(c) or is_placeholder(c) else "w" for c in cells)


def _one_per_line_table(
    lines: list[Line], items: list[Line], s: int, k: int, n: int, label: int = 0
) -> Table:
    head = [clean_label(ln.text) for ln in items[s : s + k]]
    names = head[:label] + head[label + 1 :]
    table = Table("one per line", items[s].index, items[s + k * (n + 1) - 1].index)
    if label:
        table.label_header = head[label]
    for g in range(n):
        cells = items[s + k * (g + 1) : s + k * (g + 2)]
        others = cells[:label] + cells[label + 1 :]
        values = [(name, c.text) for name, c in zip(names, others) if kept(c.text)]
        start, quote = printed(lines, cells[0].index, cells[-1].index)
        table.rows.append(Row(clean_label(cells[label].text), values, start, quote))
    return table
