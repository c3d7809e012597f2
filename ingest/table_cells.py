"""The words to read any table with, and the lines and tables the finders share.

`is_figure`, `parse_number`, `unit_of`, `clean_label`, `label_ok`, periods and captions
say what a cell is; `Line`, `Row` and `Table` are what the finders in
`ingest.table_aligned` and `ingest.table_lines` return, and `claim` marks lines as taken.
A sentence that holds numbers is not a row: a label is short, does not end in a
preposition and holds no calendar date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.conventions import current

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


_MOVEMENT = re.compile(r"([a-z]+)\s+(\d{1,3})")


def movement(value: str) -> float | None:
    """A change printed in words: 'up 3' is +3, 'down 1' is -1, 'no change' 0 (the words
    are the conventions' rise, fall and no-change words); None for anything else."""
    text = value.strip().lower()
    c = current()
    if text in c.no_change:
        return 0.0
    m = _MOVEMENT.fullmatch(text)
    if m and m.group(1) in c.rank_rise:
        return float(m.group(2))
    if m and m.group(1) in c.rank_fall:
        return -float(m.group(2))
    return None


def parse_number(value: str) -> float | None:
    text = re.sub(r"[↔↑↓▲▼]", "", value).strip()
    if m := RANK.fullmatch(text):
        return float(m.group(1))
    if not FIGURE.fullmatch(text):
        return movement(value)  # "up 3", "no change": no figure, but a change
    text = re.sub(r"[£%,+\s]", "", text).replace("−", "-")
    try:
        return float(text)
    except ValueError:
        return None


def unit_of(value: str) -> str:
    if not is_figure(value):
        return "movement" if movement(value) is not None else ""
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
    label_header: str = ""  # the header over the row labels ("All Crime", "Ward")
    # Every column's name, the labels' first, when the reader knows them all (a table laid
    # out in columns): what a passage prints as the table's header row.
    columns: tuple[str, ...] = ()


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


_CELL = re.compile(r"\S+(?: \S+)*")


def _spans(raw: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _CELL.finditer(raw.replace("\t", "  "))]


def _header_text(text: str) -> bool:
    return len(text) <= 140 and not re.search(r"[.:;,]$", text) and not CAPTION.match(text)
