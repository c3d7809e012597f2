"""Tables printed as lines of text: a label and its figures.

- `label_figure_tables`: "Beat 62: 2,183 recorded crimes, which equates to 21% of All
  Crime", "Verbal Advice Given      556", "Police and Crime Commissioner  - £50,200";
- `spaced_tables`: "Roadshows £500 £500" rows (pypdf's plain mode) under a header that
  may be wrapped over several lines, with sub-headings ("ASB") and wrapped labels.

Words after a figure must be a few lower-case words ("recorded offences"), never a verb
phrase; a lone line needs a lead-in or caption.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ingest.table_cells import (
    _BULLET,
    _STOP_END,
    CALENDAR,
    CAPTION,
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
    is_period,
    label_ok,
    printed,
    split_periods,
    unit_column,
    unit_of,
)

# --- label / figure lines ------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s*:\s+|\s+[-–—]\s+|\s{2,}|\t")
_FIG_AT = re.compile(
    r"[+\-−]?\s?£?(?:\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\d+)?\s?%?(?:\s?/\s?\d{1,3})?"
    r"(?:\s?[↔↑↓▲▼])?(?![\w/.,£%])"
)
_DESC = re.compile(r" ([a-z][\w&'’/\-]*(?: [A-Za-z][\w&'’/\-]*){0,4})")
_CONNECT = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+(?:equates|amounts|is equal)\s+to|equating\s+to|and|or)?\s*"
)
_DESC_STOP = {"which", "that", "and", "or", "than", "equates", "equating"}
_VERBS = set(
    "was were is are has have had been be will would could should can may did does do "
    "hrs am pm".split()
)


def parse_tail(tail: str) -> list[tuple[str, str]] | None:
    """'2,183 recorded crimes, which equates to 21% of All Crime' ->
    [('2,183', 'recorded crimes'), ('21%', 'of All Crime')]; None unless only figures."""
    items: list[tuple[str, str]] = []
    rest = tail.rstrip(" .")
    while rest:
        m = _FIG_AT.match(rest)
        if not m or not is_figure(m.group(0)):
            return None
        value, rest = m.group(0).strip(), rest[m.end() :]
        desc = ""
        if d := _DESC.match(rest):
            words = d.group(1).split()
            words = words[: next((n for n, w in enumerate(words) if w in _DESC_STOP), len(words))]
            if any(w.lower() in _VERBS for w in words) or words and words[-1] in _STOP_END:
                return None
            desc = " ".join(words)
            rest = rest[1 + len(desc) :] if desc else rest
        items.append((value, desc))
        if not rest.strip():
            return items
        joint = _CONNECT.match(rest)
        if not joint.group(0).strip() or not _FIG_AT.match(rest[joint.end() :]) or len(items) > 2:
            return None  # a second figure needs ',', 'and' or 'which equates to' before it
        rest = rest[joint.end() :]
    return items or None


def label_figure(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(label, [(value, words after it)]) of a label/figure line, or None."""
    body = _BULLET.sub("", re.sub(r"\*\*|__", "", text))
    for m in _SEPARATOR.finditer(body):
        label = clean_label(body[: m.start()])
        if not label_ok(label) or is_figure(label) or label[0].islower():
            continue
        if items := parse_tail(body[m.end() :]):
            return label, items
    return None


def lead_in_or_caption(lines: list[Line], k: int) -> bool:
    """A line ending in ':' or a caption within the two lines above line k."""
    seen = 0
    for j in range(k - 1, max(-1, k - 6), -1):
        if lines[j].blank:
            continue
        if lines[j].text.endswith(":") or CAPTION.match(lines[j].text):
            return True
        seen += 1
        if seen >= 2:
            break
    return False


def label_figure_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    return _runs(lines, taken, lambda ln: label_figure(ln.text) is not None, _label_figure_table)


def _runs(
    lines: list[Line],
    taken: set[int],
    is_row: Callable[[Line], bool],
    build: Callable[[list[Line], list[int]], Table | None],
) -> list[Table]:
    """Runs of rows with only blank lines between; a lone row needs a lead-in or caption."""
    found: list[Table] = []
    k = 0
    while k < len(lines):
        if not _free(lines, taken, k) or lines[k].blank or not is_row(lines[k]):
            k += 1
            continue
        run = _row_run(lines, taken, k, is_row, max_gap=3)
        if len(run) >= 2 or lead_in_or_caption(lines, k):
            table = build(lines, run)
            if table:
                found.append(claim(taken, table))
        k = run[-1] + 1
    return found


def _label_figure_table(lines: list[Line], run: list[int]) -> Table:
    table = Table("label figure", run[0], run[-1])
    for k in run:
        label, items = label_figure(lines[k].text) or ("", [])
        cells = [(_described(value, desc), value) for value, desc in items]
        table.rows.append(Row(label, cells, *printed(lines, k, k)))
    return table


def _described(value: str, desc: str) -> str:
    if not desc:
        return unit_column(value)
    if desc.startswith("of ") and "%" in value:
        return f"share {desc}"
    return desc


# --- rows of single-spaced figures: "Roadshows £500 £500" ----------------------------------


@dataclass
class _Spaced:
    body: str  # the line without bullet or trailing blanks
    figures: list[tuple[int, int]]  # spans of the trailing figures in body
    trailing: int  # blanks after the last figure (pypdf prints one per cell)

    def label(self, k: int) -> str:
        """The label when the last k figures are the row's values."""
        cut = self.figures[len(self.figures) - k][0] if k <= len(self.figures) else 0
        return clean_label(self.body[:cut])

    def values(self, k: int) -> list[str]:
        return [self.body[s:e] for s, e in self.figures[-k:]] if k else []


_TOKEN = re.compile(r"\S+")


def spaced_row(raw: str) -> _Spaced | None:
    body = _BULLET.sub("", raw).rstrip()
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(body)]
    figs: list[tuple[int, int]] = []
    while toks:
        s, e = toks[-1]
        if re.fullmatch(r"[↔↑↓▲▼]", body[s:e]) and len(toks) > 1:
            s = toks[-2][0]
            toks.pop()
        if not is_figure(body[s:e]):
            break
        figs.insert(0, (s, e))
        toks.pop()
    if not figs or CALENDAR.search(body[: figs[0][1]]):
        return None
    row = _Spaced(body, figs, len(raw) - len(raw.rstrip(" ")))
    label = row.label(len(figs))
    return row if not label or label_ok(label, strict=True) else None


def _pending_ok(text: str) -> bool:
    """A sub-heading or part of a wrapped label: a few capitalised words, no figures."""
    return (
        len(text) <= 60
        and len(text.split()) <= 8
        and text[:1].isupper()
        and not re.search(r"[.:;,]$|\s{2,}|\d", text)
        and not CAPTION.match(text)
    )


@dataclass
class _Rec:
    first: int
    last: int
    row: _Spaced
    wrapped: str  # label lines printed above the figures
    group: str  # the sub-heading above


def _spaced_block(lines: list[Line], k: int, taken: set[int], loose: bool) -> list[_Rec]:
    """Rows from line k on, with sub-headings and wrapped labels when ``loose``."""
    recs: list[_Rec] = []
    pending: list[int] = []
    group, j, blanks = "", k, 0
    while _free(lines, taken, j) and blanks <= 3:
        ln = lines[j]
        j += 1
        if ln.blank:
            blanks += 1
            if ln.raw.strip(" ") == "" and ln.raw and loose:  # an empty row ends a group
                group, pending = "", []
            continue
        blanks = 0
        row = spaced_row(ln.raw)
        if row is None:
            if loose and _pending_ok(ln.text) and len(pending) < 3:
                pending.append(ln.index)
                continue
            break
        words = " ".join(lines[p].text for p in pending)
        wrapped, first = "", ln.index
        if pending and (not row.label(len(row.figures)) or _dangles(words)):
            wrapped, first = words, pending[0]
        elif pending:
            group = clean_label(words)
        elif not row.label(len(row.figures)):
            break
        pending = []
        recs.append(_Rec(first, ln.index, row, wrapped, group))
        if row.label(len(row.figures)).lower().startswith("total"):
            group = ""
    return recs


def _dangles(text: str) -> bool:
    return bool(re.search(r"\b(of|and|the|to|for|in|on|by|from|with|at|&|-|–)$", text, re.I))


def spaced_tables(lines: list[Line], taken: set[int], with_header: bool) -> list[Table]:
    """``with_header``: tables under a column header; else label/figure lists only."""
    found: list[Table] = []
    k = 0
    while k < len(lines):
        if not _free(lines, taken, k) or lines[k].blank or spaced_row(lines[k].raw) is None:
            k += 1
            continue
        top, heads = _spaced_header(lines, k, taken) if with_header else (k, [])
        if with_header and not heads:
            k += 1
            continue
        recs = _spaced_block(lines, k, taken, loose=with_header)
        table = _spaced_table(lines, heads, recs, with_header)
        if table is not None and heads:
            table.first = top
        if table is None:
            k += 1
            continue
        found.append(claim(taken, table))
        k = table.last + 1
    return found


def _spaced_header(lines: list[Line], k: int, taken: set[int]) -> tuple[int, list[list[str]]]:
    """The header lines above row k, grouped by the blank lines between them, and the
    index of the first."""
    groups: list[list[str]] = [[]]
    j, gap, count, top = k - 1, 0, 0, k
    while _free(lines, taken, j) and count < 6:
        ln = lines[j]
        j -= 1
        if ln.blank:
            gap += 1
            if gap > 2 or (gap > 1 and count):
                break
            if groups[0]:
                groups.insert(0, [])
            continue
        gap = 0
        years = count == 0 and _year_row(ln.raw)
        if not years and (not _header_text(ln.text) or spaced_row(ln.raw)):
            break
        if ln.text.startswith(("-", "•")):
            break
        groups[0].insert(0, ln.text)
        count += 1
        top = ln.index
    return top, [g for g in groups if g]


def _year_row(raw: str) -> bool:
    """'Area 2021 2022 2023': years in order label columns; they are not counts."""
    row = spaced_row(raw)
    return row is not None and _years_in_order([row.body[s:e] for s, e in row.figures])


def _header_variants(groups: list[list[str]]) -> list[list[str]]:
    cells: list[str] = []
    for group in groups:
        cells.extend(c for c, _, _ in _spans(group[0]))
        for more in group[1:]:
            cells[-1] = f"{cells[-1]} {more}"
    split = [p for c in cells for p in split_periods(c)]
    return [cells, split]


def _spaced_table(
    lines: list[Line], heads: list[list[str]], recs: list[_Rec], with_header: bool
) -> Table | None:
    if not recs:
        return None
    counts = Counter(len(r.row.figures) for r in recs)
    mode = max(counts, key=lambda c: (counts[c], c))
    shape = _columns(heads, recs, mode) if with_header else None
    if with_header and shape is None:
        return None
    if shape is None:
        if mode != 1 or any(r.wrapped or r.group for r in recs):
            return None
        values = [r.row.values(1)[0] for r in recs]
        if not (len(recs) >= 3 or all(unit_of(v) in ("%", "£", "rank") for v in values)):
            return None
        if len(recs) < 2 and not lead_in_or_caption(lines, recs[0].first):
            return None
        shape = (1, [])
    width, names = shape
    recs = _same_kind(recs, width)
    table = Table("spaced", recs[0].first, recs[-1].last)
    trusted = all(r.row.trailing == 1 for r in recs if len(r.row.figures) >= width)
    for rec in recs:
        row = _spaced_cells(rec, width, names, trusted, with_header)
        if row:
            table.rows.append(Row(row[0], row[1], *printed(lines, rec.first, rec.last)))
    return table if table.rows else None


def _same_kind(recs: list[_Rec], width: int) -> list[_Rec]:
    """The rows up to the first whose figures are of a kind the full rows never print
    (a list of counts after a table of £ amounts is not part of it)."""
    kinds = {unit_of(v) for r in recs if len(r.row.figures) >= width for v in r.row.values(width)}
    for n, rec in enumerate(recs):
        values = rec.row.values(min(len(rec.row.figures), width))
        if n and not {unit_of(v) for v in values} <= kinds:
            return recs[:n]
    return recs


def _columns(heads: list[list[str]], recs: list[_Rec], mode: int) -> tuple[int, list[str]] | None:
    """(number of value columns, their names) from the header, or None if it does not fit."""
    if not heads:
        return None
    labels = {r.row.label(mode) for r in recs if len(r.row.figures) >= mode}
    same = len(labels) == 1 and len(recs) >= 2
    for cells in _header_variants(heads):
        names = [clean_label(c) for c in cells]
        if not all(map(_column_label, names)):
            continue
        if len(names) == mode + 1 and not same:
            return mode, names[1:]
        if len(names) == mode and same and mode >= 2:
            return mode - 1, names[1:]
        if len(names) == mode and is_period(names[0]):
            return mode, names
    return None


def _column_label(name: str) -> bool:
    return (name[:1].isupper() or name[:1].isdigit() or name == "%") and "," not in name


def _spaced_cells(
    rec: _Rec, width: int, names: list[str], trusted: bool, with_header: bool
) -> tuple[str, list[tuple[str, str]]] | None:
    row = rec.row
    n = len(row.figures)
    take = min(n, width)
    label = " ".join(p for p in (rec.wrapped, row.label(take)) if p)
    label = clean_label(label)
    if not label or not label_ok(label, strict=True) and not rec.wrapped:
        return None
    values = row.values(take)
    if not with_header:
        cols = [unit_column(v) for v in values]
    elif take == width:
        cols = names
    elif trusted and 0 < row.trailing <= width - take + 1:
        end = width - (row.trailing - 1)  # pypdf prints a blank for each empty cell
        cols = names[end - take : end]
    else:
        cols = [" or ".join(names)] * take
    if rec.group:
        label = f"{rec.group} › {label}"
    return label, [(c, v) for c, v in zip(cols, values)]
