"""Forward programme: the rows of ITEM / DETAIL / DATE / ACTION BY tables.

PDF text gives such a table row by row, each cell wrapped over several lines, cells
separated by blank lines (and blank lines inside cells too), sometimes two cells on one
line ("April 2023 R. Matthews", "To review plan annually. April each"). The cells are told
apart by their shapes, in the order the columns come:

- item: short title-case lines (the column is narrow), the first lines of a row;
- detail: what follows the item: sentences, lists;
- date: after a blank line, words of dates only (month names, years, "each year",
  "(Annual)", "TBC", "First meeting of the new civic year") with at least one anchor;
- action by: initials and surnames ("A. Fadesco / T. McCabe", "Insp D. Stokes/A.
  Fadesco"), roles ("Committee Clerk", "Chair"), or TBC after a date.

A row needs an item and a date to be kept (precision over recall): stray lines (notes,
"Future CSP Meetings" lists) are dropped. A tab-separated table with the same header is
read cell by cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.locate import locate
from ingest.register_text import MONTH_NAMES, PAGE_NUMBER, clean, lines_of, norm
from ingest.types import ForwardItem, LoadedFile, Part

HEADER = re.compile(
    r"^ITEM\s+(?:DETAILS?|DESCRIPTION)\s+(?:DATE|MEETING)\s+"
    r"(?:ACTION(?:\s+BY)?|LEAD|OFFICER|RESPONSIBLE)$",
    re.I,
)
_DATE_WORDS = set(
    (
        MONTH_NAMES.lower().replace("|", " ")
        + " jan feb mar apr jun jul aug sep sept oct nov dec each every year years yearly"
        " annual annually tbc tba first last next meeting meetings of the new civic council"
        " municipal quarterly monthly biannual report reported submitted considered received"
        " in and or to be confirmed start end st nd rd th"
    ).split()
)
_ANCHOR = re.compile(
    rf"\b(?:{MONTH_NAMES}|(?:19|20)\d\d|TBC|TBA|annual(?:ly)?|yearly|quarterly|monthly|"
    r"(?:each|every|civic)\s+year)\b",
    re.I,
)
_TITLE = r"(?:Insp|Inspector|Sgt|DCI|Cllr|Councillor|Dr|Mr|Mrs|Ms)\.?\s+"
_SURNAME = r"[A-Z][a-z]*(?:[’'][A-Z])?[a-zA-Z]*(?:-[A-Z][a-z]+)?"
_PERSON = rf"(?:{_TITLE})?(?:[A-Z]\.?\s?){{1,2}}\s?{_SURNAME}"
_ROLE = (
    r"(?:[A-Z][a-z]+\s+){0,3}(?:Chair|Vice[- ][Cc]hair|Clerk|Manager|Officer|Officers|Lead|"
    r"Director|Head|Secretary|Coordinator|Analyst)|TBC|TBA|All partners|Partners"
)
_PIECE = rf"(?:{_PERSON}|{_ROLE})"
ACTION = re.compile(rf"^{_PIECE}(?:\s*(?:/|,|&|\band\b)?\s*{_PIECE})*$")
_DATE_THEN_ACTION = re.compile(
    rf"^(?P<date>(?:{MONTH_NAMES})(?:\s+(?:\d{{4}}|each\s+year))?|TBC|TBA|Quarterly|Monthly|"
    r"Annual(?:ly)?|Yearly|(?:Each|Every)\s+(?:year|meeting))\s+(?P<action>\S.*)$"
)
_DETAIL_THEN_DATE = re.compile(rf"^(?P<detail>.*[.;:])\s+(?P<date>(?:{MONTH_NAMES}|TBC|TBA)\b.*)$")
_ITEM_THEN_DETAIL = re.compile(
    r"^(?P<item>(?:[A-Z][\w’'&/-]*\s+){1,4}?)(?P<detail>(?:An?|The|To)\s+[a-z].*)$"
)
ITEM_WIDTH = 22  # an item cell's lines are short: the column is narrow


@dataclass
class _Line:
    start: int
    text: str
    after_blank: bool


@dataclass
class _Row:
    start: int
    item: list[str] = field(default_factory=list)
    detail: list[str] = field(default_factory=list)
    date: list[str] = field(default_factory=list)
    action: list[str] = field(default_factory=list)


def _action_start(text: str) -> bool:
    """An action-by cell, or its first line ("A. Fadesco / T.", "L. Brennan /")."""
    return bool(ACTION.match(text) or ACTION.match(_PARTIAL_TAIL.sub("", text)))


_PARTIAL_TAIL = re.compile(r"(?:\s*/\s*(?:[A-Z]\.)?|\s+[A-Z]\.)\s*$")


def _date_words(text: str) -> bool:
    tokens = re.findall(r"[A-Za-z]+|\d+", text)
    return bool(tokens) and all(t.lower() in _DATE_WORDS or t.isdigit() for t in tokens)


def _join_action(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if not out:
            out = line
        elif (
            out.endswith("/")
            or line.startswith("/")
            or re.search(r"\b[A-Z]\.$", out)
            or not ACTION.match(out.split(",")[-1].strip())
        ):
            out = f"{out} {line}"
        else:
            out = f"{out}, {line}"
    return re.sub(r"\s+", " ", out).strip()


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out.endswith("-") and line[:1].islower():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return re.sub(r"\s+", " ", out).strip()


class _Table:
    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.rows: list[_Row] = []

    def _date_start(self, i: int) -> bool:
        """Line ``i`` begins a date cell: date words (over blank lines) up to an anchor."""
        run = []
        for ln in self.lines[i : i + 6]:
            if not _date_words(ln.text) or HEADER.match(ln.text):
                break
            run.append(ln.text)
            if _ANCHOR.search(" ".join(run)):
                return True
        return False

    def _action_at(self, i: int) -> int:
        """How many lines from ``i`` make an action-by cell (0: none)."""
        best, joined = 0, []
        for n, ln in enumerate(self.lines[i : i + 4], start=1):
            if HEADER.match(ln.text):
                break
            joined.append(ln.text)
            if ACTION.match(_join(joined)):
                best = n
        return best

    def parse(self) -> list[_Row]:
        row: _Row | None = None
        col = None
        i = 0
        while i < len(self.lines):
            ln = self.lines[i]
            t, blank = ln.text, ln.after_blank
            if HEADER.match(t) or t.upper() == "BY":
                self._finish(row)
                row, col = None, None
                i += 1
                continue
            if (
                col == "action"
                and not blank
                and (
                    t.startswith("/")
                    or row.action[-1].endswith("/")
                    or re.search(r"\b[A-Z]\.$", row.action[-1])
                    or ACTION.match(t)
                )
            ):
                row.action.append(t)
                i += 1
                continue
            if col in ("action", "date+") and t.startswith("(") and _date_words(t):
                row.date.append(t)
                col = "date+"
                i += 1
                continue
            if col == "date+" and _date_words(t):
                row.date.append(t)
                i += 1
                continue
            if col in (None, "action", "date+"):
                self._finish(row)
                row, col = self._start(ln)
                i += 1
                continue
            if col == "item":
                if not blank and len(t) <= ITEM_WIDTH and not t.endswith("."):
                    row.item.append(t)
                    i += 1
                    continue
                col = "detail"
                if blank and self._date_start(i):
                    col = "date"
            if col == "detail":
                m = _DATE_THEN_ACTION.match(t)
                if blank and m and _action_start(m.group("action")):
                    row.date.append(m.group("date"))
                    row.action.append(m.group("action"))
                    col = "action"
                elif blank and self._date_start(i):
                    col = "date"
                elif (m := _DETAIL_THEN_DATE.match(t)) and _date_words(m.group("date")):
                    row.detail.append(m.group("detail"))
                    row.date.append(m.group("date"))
                    col = "date"
                else:
                    row.detail.append(t)
                if col != "date" or row.date:
                    i += 1
                    continue
            if col == "date":
                anchored = bool(_ANCHOR.search(" ".join(row.date)))
                m = _DATE_THEN_ACTION.match(t)
                if not row.date and m and _action_start(m.group("action")):
                    row.date.append(m.group("date"))
                    row.action.append(m.group("action"))
                    col = "action"
                    i += 1
                    continue
                if _date_words(t) and not (blank and anchored and ACTION.match(t)):
                    row.date.append(t)
                    i += 1
                    continue
                n = self._action_at(i) if row.date else 0
                if n:
                    row.action.extend(ln.text for ln in self.lines[i : i + n])
                    col = "action"
                    i += n
                    continue
                self._finish(row)
                row, col = None, None
                continue  # the line starts the next row
        self._finish(row)
        self._split_wide_items()
        return self.rows

    def _split_wide_items(self) -> None:
        """A first item line wider than the item column holds the item and the start of the
        detail ("Twenty Twenty Monitoring Reports – regular"): split it at the column width
        (the widest line of the items wrapped over several lines), before a capital."""
        widths = [len(t) for r in self.rows if len(r.item) > 1 for t in r.item]
        width = max(widths) if widths else ITEM_WIDTH
        for r in self.rows:
            if len(r.item) > 1 and r.detail or len(r.item[0]) <= width + 3:
                continue
            cut = [m.start() for m in re.finditer(r" (?=[A-Z])", r.item[0]) if m.start() <= width]
            if cut:
                first = r.item[0]
                r.detail = [first[cut[-1] + 1 :], *r.item[1:], *r.detail]
                r.item = [first[: cut[-1]]]

    def _start(self, ln: _Line) -> tuple[_Row | None, str | None]:
        t = ln.text
        if len(t) > 45 or not (t[:1].isupper() or t[:1].isdigit()) or PAGE_NUMBER.match(t):
            return None, None
        row = _Row(ln.start)
        m = _ITEM_THEN_DETAIL.match(t)
        if m:
            row.item.append(m.group("item").strip())
            row.detail.append(m.group("detail"))
            return row, "detail"
        if t.endswith("."):
            return None, None
        row.item.append(t)
        return row, "item"

    def _finish(self, row: _Row | None) -> None:
        if row is not None and row.item and row.date and _ANCHOR.search(" ".join(row.date)):
            self.rows.append(row)


def _regions(doc: LoadedFile, part: Part) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for ln in lines_of(doc.text, part.start, part.end):
        if not HEADER.match(re.sub(r"\s+", " ", clean(ln.raw))):
            continue
        if any(s <= ln.start < e for s, e in found):
            continue
        inside = [s for s in part.sections if s.level >= 1 and s.start <= ln.start <= s.end]
        end = min((s.end for s in inside), default=part.end)
        found.append((ln.start, end))
    return found


def _tab_rows(doc: LoadedFile, start: int, end: int) -> list[_Row]:
    rows = []
    for ln in lines_of(doc.text, start, end)[1:]:
        cells = [clean(c) for c in ln.raw.split("\t")]
        if len(cells) < 3:
            if ln.raw.strip():
                break
            continue
        cells += [""] * (4 - len(cells))
        row = _Row(ln.start, [cells[0]], [cells[1]], [cells[2]], [cells[3]] if cells[3] else [])
        if row.item[0] and row.date[0]:
            rows.append(row)
    return rows


def document_forward(name: str, doc: LoadedFile, parts: list[Part]) -> list[tuple]:
    """A document's forward-programme rows: (the part's date, the item)."""
    out: list[tuple] = []
    for part in parts:
        for start, end in _regions(doc, part):
            line_end = doc.text.find("\n", start, end)
            if "\t" in doc.text[start : line_end if line_end >= 0 else end]:
                rows = _tab_rows(doc, start, end)
            else:
                lines, blank = [], False
                for ln in lines_of(doc.text, start, end):
                    text = re.sub(r"\s+", " ", clean(ln.raw))
                    if not text:
                        blank = True
                        continue
                    lines.append(_Line(ln.start + len(ln.raw) - len(ln.raw.lstrip()), text, blank))
                    blank = False
                rows = _Table(lines).parse()
            for row in rows:
                entry = ForwardItem(
                    item=_join(row.item),
                    detail=_join(row.detail),
                    date=_join(row.date),
                    action_by=_join_action(row.action),
                    where=locate(doc, parts, row.start),
                )
                out.append((part.date, entry))
    return out


def extract_forward(
    docs: dict[str, LoadedFile],
    parts: dict[str, list[Part]],
    read: dict[str, list[tuple]] | None = None,
) -> list[ForwardItem]:
    """Every document's forward-programme items (``read``: its `document_forward`, read
    here when not given), an item of one meeting's date printed twice kept once."""
    out: list[ForwardItem] = []
    seen: set[tuple] = set()
    for name in sorted(docs):
        got = (read or {}).get(name)
        if got is None:
            got = document_forward(name, docs[name], parts.get(name, []))
        for date, entry in got:
            key = (date, norm(entry.item), norm(entry.date))
            if key in seen:
                continue
            seen.add(key)
            out.append(entry)
    return out
