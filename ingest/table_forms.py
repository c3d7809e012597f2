"""Tables printed as text without tab or pipe separators, and the words to read any table.

The cell vocabulary (`is_figure`, `parse_number`, `unit_of`, `clean_label`, `label_ok`,
periods and captions) is shared with `ingest.tables`. The finders here each take the
file's lines and the set of line numbers already claimed by another table, and return
`Table`s of rows of (column label, value exactly as printed):

- `aligned_tables`: cells split by two or more spaces (pypdf's layout mode), two or more
  figure columns or a header line above; header cells are placed by where they sit;
- `one_per_line_tables`: k header lines, then groups of k lines (label, figures...);
- `spaced_tables`: "Roadshows £500 £500" rows (pypdf's plain mode) under a header that
  may be wrapped over several lines, with sub-headings ("ASB") and wrapped labels;
- `label_figure_tables`: "Beat 62: 2,183 recorded crimes, which equates to 21% of All
  Crime", "Verbal Advice Given      556", "Police and Crime Commissioner  - £50,200".

A sentence that holds numbers is not a row: a label is short, does not end in a
preposition and holds no calendar date; words after a figure must be a few lower-case
words ("recorded offences"), never a verb phrase; a lone line needs a lead-in or caption.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

# --- cell vocabulary -----------------------------------------------------------------------

_NUM = r"(?:\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\d+)?"
_ARROW = r"(?:\s?[↔↑↓▲▼])?"
FIGURE = re.compile(rf"[+\-−]?\s?£?{_NUM}\s?%?{_ARROW}")
RANK = re.compile(rf"(\d{{1,3}})\s?/\s?(\d{{1,3}}){_ARROW}")
YEAR = re.compile(r"(?:19|20)\d{2}")
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
CALENDAR = re.compile(rf"\b\d{{1,2}}\s?(?:st|nd|rd|th)?\s+{MONTH}\b|\b{MONTH}\s+(?:19|20)\d{{2}}\b")
FISCAL = re.compile(r"(?:19|20)\d{2}\s?[/\-–]\s?(?:19|20)?\d{2}")
CAPTION = re.compile(
    r"^(?:Table|Figure|Fig\.?|Chart|Graph)\s+\d+[a-z]?(?:\s*[:.\-–]\s*|\s+)[A-Z0-9‘'\"]"
)
PLACEHOLDERS = {"-", "–", "—", "n/a", "na", "*", "..", "…", "x"}
_STOP_END = set(
    "the a an of to in on at by for with from and or than as per into if when was were is are "
    "be been had has have there which that about around approximately over under nearly "
    "almost some only just least more less fewer rose fell increased decreased dropped grew "
    "declined reduced up down totalled reached represents saw".split()
)
_BULLET = re.compile(r"^\s*(?:[-–•▪*·◦o]\s+)")
_TAGS = re.compile(r"</?\w+>|\*\*|__|`")


def is_figure(text: str) -> bool:
    """'-6.1%', '10,195', '£11,861.15', '12/15 ↔', '+221', '1, 641'; not '2021/22'."""
    text = text.strip()
    if m := RANK.fullmatch(text):
        return 0 < int(m.group(1)) <= int(m.group(2))
    return bool(FIGURE.fullmatch(text))


def is_year(text: str) -> bool:
    return bool(YEAR.fullmatch(text.strip()))


def is_period(text: str) -> bool:
    text = text.strip()
    return bool(YEAR.fullmatch(text) or FISCAL.fullmatch(text))


def is_placeholder(text: str) -> bool:
    return text.strip().lower() in PLACEHOLDERS


def is_header_cell(text: str) -> bool:
    """A column label: words, a year or a period, '%' - anything but a figure."""
    return not is_figure(text) or is_year(text)


def parse_number(value: str) -> float | None:
    text = re.sub(r"[↔↑↓▲▼]", "", value).strip()
    if m := RANK.fullmatch(text):
        return float(m.group(1))
    if not FIGURE.fullmatch(text):
        return None
    text = re.sub(r"[£%,+\s]", "", text).replace("−", "-")
    try:
        return float(text)
    except ValueError:
        return None


def unit_of(value: str) -> str:
    if not is_figure(value):
        return ""
    if "%" in value:
        return "%"
    if "£" in value:
        return "£"
    return "rank" if RANK.fullmatch(value.strip()) else "count"


def unit_column(value: str) -> str:
    """The column of a figure printed with no column label: named after its unit."""
    names = {"%": "percentage", "£": "amount", "rank": "position", "count": "count"}
    return names.get(unit_of(value), "value")


def clean_label(text: str) -> str:
    """Markup, bullets, '5 th' and trailing colons or dashes off a printed label."""
    text = _BULLET.sub("", _TAGS.sub("", text))
    text = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(":-–—").strip()


def label_ok(label: str, strict: bool = False) -> bool:
    """A row label, not the start of a sentence. ``strict``: capitalised and comma-free."""
    words = label.split()
    if not 1 <= len(words) <= 10 or len(label) > 80:
        return False
    if not (label[0].isalnum() or label[0] in "(‘'\""):
        return False
    if strict and (not (label[0].isupper() or label[0].isdigit()) or "," in label):
        return False
    if re.search(r"[.;!?]\s", label) or label[-1] in ",;(" or CALENDAR.search(label):
        return False
    return words[-1].lower() not in _STOP_END


def _years_in_order(cells: list[str]) -> bool:
    years = [c.strip() for c in cells]
    return len(years) >= 2 and all(map(is_year, years)) and years == sorted(set(years))


def split_periods(cell: str) -> list[str]:
    """'Beat 2018/19 2019/20 Performance to date' -> ['Beat', '2018/19', '2019/20', ...]."""
    out: list[str] = []
    words: list[str] = []
    tokens = re.findall(r"(?:Q[1-4]\s+)?\S+", cell)  # 'Q1 2023' is one period
    for tok in tokens:
        if is_period(tok.split()[-1]) or tok == "%":
            if words:
                out.append(" ".join(words))
            out.append(tok)
            words = []
        else:
            words.extend(tok.split())
    if words:
        out.append(" ".join(words))
    return out


# --- lines and the tables found in them ----------------------------------------------------


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the line's first character in the file's text
    raw: str

    @property
    def text(self) -> str:
        return self.raw.strip()

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    @property
    def text_start(self) -> int:
        return self.start + len(self.raw) - len(self.raw.lstrip())


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for n, raw in enumerate(text.split("\n")):
        lines.append(Line(n, pos, raw))
        pos += len(raw) + 1
    return lines


@dataclass
class Row:
    label: str
    cells: list[tuple[str, str]]  # (column label, value as printed)
    start: int  # offset of the printed row in the file's text
    quote: str  # the printed row (lines first..last of it), as it stands in the text


@dataclass
class Table:
    form: str
    first: int  # index of the table's first line (its header, when it has one)
    last: int  # index of its last line
    rows: list[Row] = field(default_factory=list)
    row_hint: str = ""  # a one-cell line above the header: the label of label-less rows


def printed(lines: list[Line], first: int, last: int) -> tuple[int, str]:
    """Offset and text of lines first..last, trimmed: the printed row."""
    text = "\n".join(ln.raw for ln in lines[first : last + 1])
    lead = len(text) - len(text.lstrip())
    return lines[first].start + lead, text.strip()


def kept(value: str) -> bool:
    return bool(value.strip()) and not is_placeholder(value)


def claim(taken: set[int], table: Table) -> Table:
    taken.update(range(table.first, table.last + 1))
    return table


def _free(lines: list[Line], taken: set[int], k: int) -> bool:
    return 0 <= k < len(lines) and k not in taken


# --- column-aligned text (two or more spaces between cells) --------------------------------

_CELL = re.compile(r"\S+(?: \S+)*")


def _spans(raw: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _CELL.finditer(raw.replace("\t", "  "))]


def _aligned_row(ln: Line) -> list[tuple[str, int, int]] | None:
    cells = _spans(ln.raw)
    if len(cells) < 2 or is_figure(cells[0][0]) or not label_ok(clean_label(cells[0][0])):
        return None
    rest = [c for c, _, _ in cells[1:]]
    if all(is_figure(c) or is_placeholder(c) for c in rest) and any(map(is_figure, rest)):
        return cells
    return None


def _row_run(
    lines: list[Line], taken: set[int], k: int, is_row: Callable[[Line], bool], max_gap: int
) -> list[int]:
    """Line ``k`` and the rows after it, with at most ``max_gap`` blank lines between."""
    run, j, gap = [k], k + 1, 0
    while _free(lines, taken, j) and gap <= max_gap:
        if lines[j].blank:
            gap += 1
        elif is_row(lines[j]):
            run.append(j)
            gap = 0
        else:
            break
        j += 1
    return run


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


def _header_text(text: str) -> bool:
    return len(text) <= 140 and not re.search(r"[.:;,]$", text) and not CAPTION.match(text)


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
    """The first header of k lines followed by two or more groups of k cells."""
    for s in range(len(items) - 5):
        best: tuple[int, int] | None = None  # (groups, k)
        for k in range(2, min(11, (len(items) - s) // 3 + 1)):
            head = [ln.text for ln in items[s : s + k]]
            if is_figure(head[0]) or not all(map(is_header_cell, head)):
                continue
            groups = 0
            while s + k * (groups + 2) <= len(items) and _group(items, s + k * (groups + 1), k):
                groups += 1
            if groups >= 2 and (best is None or groups * k > best[0] * best[1]):
                best = (groups, k)
        if best:
            groups, k = best
            return _one_per_line_table(lines, items, s, k, groups), s + k * (groups + 1)
    return None, 0


def _group(items: list[Line], at: int, k: int) -> bool:
    cells = [ln.text for ln in items[at : at + k]]
    if is_figure(cells[0]) or not label_ok(clean_label(cells[0])):
        return False
    rest = cells[1:]
    return all(is_figure(c) or is_placeholder(c) for c in rest) and any(map(is_figure, rest))


def _one_per_line_table(lines: list[Line], items: list[Line], s: int, k: int, n: int) -> Table:
    names = [clean_label(ln.text) for ln in items[s + 1 : s + k]]
    table = Table("one per line", items[s].index, items[s + k * (n + 1) - 1].index)
    for g in range(n):
        cells = items[s + k * (g + 1) : s + k * (g + 2)]
        values = [(name, c.text) for name, c in zip(names, cells[1:]) if kept(c.text)]
        start, quote = printed(lines, cells[0].index, cells[-1].index)
        table.rows.append(Row(clean_label(cells[0].text), values, start, quote))
    return table


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
