"""Answers without an LLM: choose the sentences that answer, quote them, cite them.

The retrieved passages are cut into units (sentences, resolution lines, table rows, or a
whole short agenda item); each unit is scored on meaning (cosine with the question) and
on the question's distinctive words (IDF-weighted); the best few are quoted verbatim with
[n] markers tied to their passage. When the passages do not carry the question's
distinctive words and are not close in meaning, the answer says the documents don't
cover it, and shows nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from assistant.facts import carries, measure_words, paper_name
from assistant.question import (
    ACRONYM_Q,
    DECISION,
    FIGURE,
    LIST,
    RECOMMENDED,
    WHEN,
    asking_sentence,
)
from assistant.retrieve import Hit
from ingest.dates import DATE_RE, long_form, parse_dates
from ingest.embedding import Embedder
from ingest.register_conventions import current as register_conventions
from ingest.text import carries_period, conventions, period_forms, stems_of
from ingest.text import terms as text_terms
from ingest.types import Answer, Chunk, Citation

NOT_COVERED = "The documents don't cover this."
NOT_IN_DOCUMENTS = (
    "That figure is not in the documents: no table or passage gives a measure by that name."
)
NOT_YET = (
    "The documents don't report this: the passages that mention it speak of it as still to"
    " come."
)
# "What did the trial find?", "what were the results of ...": what has happened ...
RESULT_Q = re.compile(
    r"\b(?:what|which)\b.*\b(?:did|has|have|had)\b.*\b(?:find|found|show|shown|conclude|"
    r"concluded|reveal|revealed|learn|learnt|learned|achieve|achieved)\b"
    r"|\b(?:findings|results?|outcomes?|conclusions?) (?:of|from)\b",
    re.I,
)
# ... and a passage that only says it is still to come.
FUTURE = re.compile(
    r"\b(?:will|shall|is to be|are to be|to be (?:reported|presented|published|evaluated)|"
    r"is due to|are due to|(?:is|are|was|were) due (?:in|by|on|at|for)|plans? to|planned|"
    r"intends? to|once|following the outcome|with a view to|going forward|awaited|awaiting|"
    r"yet to|forward (?:plan|programme|work programme)|be (?:reported|presented|brought|"
    r"submitted|published|evaluated|considered|reviewed))\b",
    re.I,
)
MIN_COVERAGE = 0.6
# The best quote (with where it sits) must carry this share of the question's weighted words.
UNIT_SUPPORT = 0.2
# "When will the next assessment be published?", "when is it next due?": a date to come.
FUTURE_WHEN = re.compile(
    r"\s*(?:when|by when|by what date)\s+(?:will|shall|is|are|does|do)\b.*\b(?:next|will|due|"
    r"planned|expected|scheduled)\b|\s*when\s+will\b",
    re.I,
)


# "within two weeks of the Cabinet decision", "by the end of Q3", "at the next meeting":
# a when, though no day is printed.
RELATIVE_WHEN = re.compile(
    r"\b(?:within|in)\s+(?:\w+\s+){0,2}(?:days?|weeks?|months?|years?)\b"
    r"|\bby the (?:end|start|close) of\b|\b(?:at|to|by) the next (?:meeting|board)\b"
    r"|\bnext (?:week|month|year|quarter)\b|\bQ[1-4]\b|\bquarter [1-4]\b"
    r"|\b(?:early|late|mid|the end of|the spring|the summer|the autumn|the winter)"
    r"\s*[-–]?\s*(?:19|20)\d\d\b",
    re.I,
)


def _only_future(text: str, paper_date: str | None) -> bool:
    """Whether every day a passage names is after its paper's own date ("... presents a
    deep-dive to the Board on 10 April 2025" in a December 2024 report): what it speaks of
    has not happened yet."""
    days = _days(text)
    return bool(days and paper_date) and all(d > paper_date for d in days)


def _only_past(text: str, paper_date: str | None) -> bool:
    """Whether every day a passage names is on or before its paper's own date (what it
    reports has happened; it cannot say when something will)."""
    days = _days(text)
    return bool(days and paper_date) and all(d <= paper_date for d in days)


def _days(text: str) -> list[str]:
    return [d.isoformat() for _, d in parse_dates(text)]
# The best passage of the year a question names must score this share of the best of any
# year's, or the papers only mention that year beside what is asked.
PERIOD_FLOOR = 0.8
# A running header or footer a PDF's text leaves in a passage ("... Quarterly Performance
# Report, Quarter 3 2024/25 Page 1") is never an answer.
PAGE_FURNITURE = re.compile(r"^.{0,160}\bPage \d{1,3}(?: of \d{1,3})?\W*$", re.I | re.S)
# An agreement line answers for its passage's subject at this discount.
AGREED_IN_PASSAGE = 0.8
CONFIDENT_MEANING = 0.62
SHORT_PASSAGE = 360
LONG_UNIT = 350
ITEM_TITLE_WORDS = 10  # "(b) Drug dealing at Cordwainer Yard car park.": a title, not news
NARROW_FROM = 5  # cells after the label
FLOOR = 0.75  # a further unit must score this share of the best (0.82 measured no better)
BRIEF_UNITS, BRIEF_FLOOR = 6, 0.6  # a topic brief: up to six units, down to 60% of the best

LIST_Q = LIST  # what|which ... recommendations|priorities|criteria|...
_MONTH_YEAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(19|20)\d{2}\b"
)
_FULL_DATE = re.compile(
    r"\b\d{1,2}(st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+(19|20)\d{2}\b"
)
# "How much money / funding ...?", "what did it cost?": answered by a sum of money.
MONEY_Q = re.compile(
    r"\bhow much\b(?:\s+\w+){0,3}?\s+(?:money|funding|funds?|budget|grants?|cost|spend|spent)\b"
    r"|\bhow much (?:did|does|will|was|is)\b.*\b(?:cost|spend|spent|award|allocat\w*|fund\w*)\b"
    r"|\bwhat (?:did|does|will) .* cost\b",
    re.I,
)
_MONEY = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(?:k|m|million|thousand|pounds)\b", re.I)
COUNT_Q = re.compile(r"\s*(how (many|much)|what (number|percentage|proportion|share))\b", re.I)
# a count: not a year, not a reference ("R2")
_COUNT = re.compile(r"(?<![A-Za-z\d/])(?!(?:19|20)\d\d(?:/\d\d)?\b)\d[\d,.]*(?!\d)")
_NUMBERED = re.compile(
    r"\b(?:Table|Figure|Appendix|Section|Item|Priority|Aim|Objective|Recommendation|Minute)"
    r"\s+\d+[a-z]?\b",
    re.I,
)


def _unnumbered(text: str) -> str:
    """The text without the numbers that name a table or an item ("Table 3"): no counts."""
    return _NUMBERED.sub(" ", text)


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(‘'\"“])")


@dataclass(frozen=True)
class Unit:
    hit: int  # index into hits
    text: str  # verbatim from the passage
    shown: str  # what the answer shows (a table row with its column labels)
    named: bool = False  # a table row narrowed to the column the question names
    resolution: bool = False  # an "AGREED ..." block quoted whole
    listing: bool = False  # a lead-in with the items it introduces


class Scorer:
    """IDF weights over the whole index, for telling distinctive words from common ones."""

    def __init__(self, texts: list[str]) -> None:
        self.n = max(1, len(texts))
        self.df: Counter[str] = Counter()
        for text in texts:
            self.df.update(set(text_terms(text)))
        c = conventions()
        self.decision = stems_of(c.decision)
        self.asking = stems_of(
            {"what", "which", "who", "whom", "when", "where", "why", "how", "does", "do", "did"}
            | c.partnership_words
        )
        self.generic = stems_of(
            c.question | c.partnership_words | c.figure | c.decision
            | c.rank_high | c.rank_low | c.rank_rise | c.rank_fall
        )

    def idf(self, token: str) -> float:
        return math.log((self.n + 1) / (self.df.get(token, 0) + 0.5))

    def terms(self, question: str) -> dict[str, float]:
        generic = self.generic
        if WHEN.match(question):  # "when was X agreed?": the agreeing is what is asked
            generic = generic - self.decision
        tokens = [t for t in text_terms(question) if t not in generic]
        if not tokens:  # "Who does the partnership report to?": its asking words are all
            tokens = [t for t in text_terms(question) if t not in self.asking]
        return {t: self.idf(t) for t in dict.fromkeys(tokens)}

    def unknown_terms(self, question: str, known: set[str] | None = None) -> list[str]:
        """Distinctive words of the question that no passage contains (or none of the
        passages whose words are ``known``: one partnership's, say)."""
        return [
            t
            for t in self.terms(question)
            if not t.isdigit()
            and "/" not in t
            and (self.df.get(t, 0) == 0 if known is None else t not in known)
        ]

    @staticmethod
    def coverage(terms: dict[str, float], text: str) -> float:
        if not terms:
            return 0.0
        present = set(text_terms(text))
        return sum(w for t, w in terms.items() if t in present) / sum(terms.values())


def _pipe_to_tabs(line: str) -> str | None:
    """A Markdown table row as a tab-separated one ("| a | b |" -> "a\tb"); its rule line
    ("|---|---|") is dropped (None); any other line is returned as it is."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.count("|") >= 3):
        return line
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
        return None
    return "\t".join(c or " " for c in cells)


_BOLD_LINE = re.compile(r"(\*\*|__)[^*_\n]{3,120}\1")


def _caption_over_table(line: str, after: list[str]) -> bool:
    """A short line that names the table right under it ("**Progress on the 2024/25
    targets**", "Table 3: Funding"): bold, or a few words with no sentence's end."""
    text = line.strip()
    if _BOLD_LINE.fullmatch(text):
        return True
    return (
        bool(after) and "\t" in after[0] and 0 < len(text.split()) <= CAPTION_WORDS
        and not text.endswith((".", ":", ";", ",", "?"))
    )


CAPTION_WORDS = 12


def _bare_line(line: str) -> str:
    """A line without its Markdown emphasis ("**Table 3: Funding**" -> "Table 3: Funding")."""
    return re.sub(r"\*\*|__", "", line).strip()


def _table_header(lines: list[str], row: int) -> list[str] | None:
    """The first row of the run of tab-separated lines holding ``row``, if it is not ``row``."""
    k = row
    while k > 0 and "\t" in lines[k - 1]:
        k -= 1
    if k == row:
        return None
    cells = [c.strip() for c in lines[k].split("\t")]
    return cells if _header_like(cells) else None


def _header_like(cells: list[str]) -> bool:
    """Whether a table's first line is its header: a passage that starts inside a table
    starts with a row of data ("7.<tab>The CSP reviews ...<tab>The CSP now has ...")."""
    figures = sum(bool(re.fullmatch(r"[+\-−£]?\d[\d,.]*%?", c)) for c in cells)
    numbered = bool(re.fullmatch(r"\(?\d{1,3}[.)]?|[a-z][.)]", cells[0]))  # "7." starts a row
    return not (
        figures > 1
        or any(len(c) > 60 for c in cells)
        or (any(len(c) > 40 for c in cells) and (not figures or numbered))
    )


def _norm_label(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


_COMPARED = re.compile(
    r"\b(compar\w*|year before|previous year|prior year|last year|chang\w*|differ\w*|since)\b",
    re.I,
)
_CHANGE_HEAD = re.compile(r"\b(change|performance|diff\w*|variance|movement)\b|%|\+/-", re.I)


def _years_before(label: str) -> set[str]:
    """The financial year before each one a column label names ("2023/24" -> "2022/23")."""
    return {
        _norm_label(f"{int(a) - 1}/{int(b) - 1:02d}")
        for a, b in re.findall(r"\b((?:19|20)\d{2})\s*[/-]\s*(\d{2})\b", label)
    }


def _show_row(row: str, header: list[str] | None, question: str = "") -> str:
    """A table row with its column labels; only the columns the question names, if any."""
    cells = [c.strip() for c in row.split("\t")]
    if not header:
        return " | ".join(c for c in cells if c)
    pairs = [(h or "—", v) for h, v in zip(header[1:], cells[1:]) if v]
    asked = _norm_label(question)
    named = [(h, v) for h, v in pairs if len(_norm_label(h)) >= 4 and _norm_label(h) in asked]
    if named and _COMPARED.search(question):  # "... compare with the year before?": that
        years = {y for h, _ in named for y in _years_before(h)}  # year's column, the one
        named = [  # before it and the change
            (h, v) for h, v in pairs
            if (h, v) in named or _norm_label(h) in years or _CHANGE_HEAD.search(h)
        ]
    # The first column's label names what the rows are ("Burglary (Domestic)", "Ward"):
    # a row quoted alone keeps it.
    first = header[0].strip() if header else ""
    plain = first and not re.search(r"\d", first)
    plain = plain and not cells[0].lower().startswith(first.lower())  # not "Beat: Beat 64"
    label = f"{first}: {cells[0]}" if plain else cells[0]
    return f"{label} — " + "; ".join(f"{h}: {v}" for h, v in (named or pairs))


def _is_heading(text: str, section: str) -> bool:
    """A unit that only repeats a heading ("7.4: Community Triggers", a figure caption)."""
    flat = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    if text.rstrip().endswith((".", "!")) and len(text.split()) >= 6:
        return False  # a numbered paragraph ("6.2 The grant must be spent by ..."), not a title
    return len(text) <= 160 and any(
        flat and flat in re.sub(r"[^a-z0-9]+", " ", label.lower()) for label in section.split(" › ")
    )


def _place(c: Chunk) -> str:
    """The words that say where and when a passage was printed."""
    return f"{c.part} {long_form(c.date)} {c.section}"


def _section_title(c: Chunk) -> str:
    """The title of a passage's own section, not the part's name standing in for one."""
    return "" if c.section == c.part else c.section.split(" › ")[-1]


def _paper_terms(c: Chunk) -> frozenset[str]:
    """The words of a passage's paper's name: its file name and its part's title."""
    return _named_by(c.source, c.part)


@functools.lru_cache(maxsize=512)
def _named_by(source: str, part: str) -> frozenset[str]:
    return frozenset(text_terms(paper_name(source, part)))


def _context(c: Chunk) -> str:
    return f"{_place(c)} {c.text}"


def units_of(hits: list[Hit], question: str = "", next_text=None) -> list[Unit]:
    """The quotable units of the passages: not bare headings, not fragments of a few words."""
    return [
        u
        for u in _units(hits, question, next_text)
        if not _is_heading(u.text, hits[u.hit].chunk.section)
        and (len(u.text.split()) >= 4 or "\t" in u.text)
    ]


ROUTINE_RESOLUTION = re.compile(
    r"^(AGREED|RESOLVED)?\W*(\d+\.\s*)?that the (information|report|update)s? be noted\W*$",
    re.IGNORECASE,
)
AGREEMENT = re.compile(r"\b(agreed|resolved|decided|approved)\b", re.IGNORECASE)
RESOLUTION_LINE = re.compile(r"^(\d+\.\s*)?(that|agreed|resolved)\b", re.IGNORECASE)
RESOLUTION = re.compile(r"(?m)^(AGREED|RESOLVED)\b[\s\S]{0,700}")


MAX_ITEMS = 12
MAX_LIST_CHARS = 1200
_ITEM_MARK = re.compile(r"^\s*(?:[-•▪*·o\u007f]\s*|\(?[a-z0-9]{1,3}[.)]\s+|[ivx]{1,4}[.)]\s+)")
_NEW_SECTION = re.compile(r"^\s*\d+\.\d+(?:\.\d+)*\s+[A-Z]")


def list_after(lead: str, following: list[str]) -> list[str]:
    """The items a lead-in ("... on the following criteria:") introduces: the lines after
    it, up to a new numbered section, a paragraph, another lead-in or a limit."""
    items: list[str] = []
    marked = None
    for line in following:
        line = line.strip()
        if not line:
            continue
        if "\t" in line or _NEW_SECTION.match(line) or len(line) > 400:
            break
        is_marked = bool(_ITEM_MARK.match(line))
        if marked is None:
            marked = is_marked
        elif marked and not is_marked:
            break  # the bullets have ended: this is the next paragraph
        items.append(line)
        if line.endswith(":") or len(items) >= MAX_ITEMS or sum(map(len, items)) > MAX_LIST_CHARS:
            break
    return items


def _items_after(following: list[str], chunk: Chunk, next_text) -> list[str]:
    """The items after a lead-in, read on into the next passage of the section when the
    list runs to the end of this one (the overlap between passages is not repeated)."""
    items = list_after("", following)
    if len(items) == len([ln for ln in following if ln.strip()]) and next_text is not None:
        more = [ln for ln in next_text(chunk).split("\n") if ln.strip() not in items]
        items = list_after("", [*items, *more])
    return items


MAX_TABLE_ROWS = 14
# A row of a table printed as "label figure" lines (a PDF's columns run together).
_LABEL_FIGURE = re.compile(r"^([A-Za-z(][^\t]{1,80}?)\s+([£]?\d[\d,.]*%?)$")


def _table_after(following: list[str], chunk: Chunk, next_text) -> list[str]:
    """The rows of the table printed right after a paragraph (blank lines skipped), read on
    into the next passage of the section when the table runs to the end of this one. A
    short line without a tab inside the table is a wrapped cell and is kept with it."""
    def rows_of(lines: list[str]) -> tuple[list[str], bool]:
        rows: list[str] = []
        for k, line in enumerate(lines):
            line = line.rstrip()
            if not line.strip():
                if rows:
                    return rows, True
                continue
            if "\t" in line:
                rows.append(line)
            elif m := _LABEL_FIGURE.match(line.strip()):  # "Verbal Advice Given 556"
                rows.append(f"{m.group(1)}\t{m.group(2)}")
            elif rows and len(line) <= 40 and any("\t" in x for x in lines[k + 1 : k + 3]):
                rows[-1] = f"{rows[-1]} {line.strip()}"
            else:
                return rows, True
            if len(rows) >= MAX_TABLE_ROWS:
                return rows, True
        return rows, False

    rows, ended = rows_of(following)
    if not ended and next_text is not None:  # the passage ended inside or before the table
        more = [_pipe_to_tabs(ln) for ln in next_text(chunk).split("\n")]
        more = [ln for ln in more if ln is not None and ln.rstrip() not in rows]
        rows, _ = rows_of([*rows, *more])
    return rows


def _table_unit(n: int, lead: str, rows: list[str], question: str = "") -> Unit:
    """A sentence that introduces a table, with the table's rows (each with its labels);
    only the rows with a cell the question names, when some have ("which targets were
    missed?": the "Not achieved" rows)."""
    header = None
    first = [c.strip() for c in rows[0].split("\t")]
    if len(rows) > 1 and not any(re.fullmatch(r"[+\-−£]?\d[\d,.]*%?", c) for c in first):
        header, rows = first, rows[1:]
    named = [r for r in rows if question and _cell_named(question, _show_row(r, header))]
    rows = named or rows
    if header and len(header) == 2:  # a label and a value: "(Ward / Rate): A 2.7; B 11.4"
        cells = [[c.strip() for c in r.split("\t") if c.strip()] for r in rows]
        shown = f"({' / '.join(header)}): " + "; ".join(" ".join(c) for c in cells if c)
    else:
        shown = "; ".join(_show_row(r, header) for r in rows)
    body = "\n".join([lead, *rows])
    return Unit(n, body, f"{lead} {shown}", listing=True)


def _is_cover_label(line: str) -> bool:
    return line.strip() in conventions().cover_fields


def _cover_lines(lines: list[str]) -> list[str]:
    """A cover field's label run onto the end of the value before it ("... by March 2025.
    Wards affected") is put back on a line of its own, over its value."""
    out: list[str] = []
    for line in lines:
        for label in conventions().cover_fields:
            if line.endswith(f" {label}") and "\t" not in line:
                out += [line[: -len(label) - 1], label]
                break
        else:
            out.append(line)
    return out


def _inline(items: list[str]) -> str:
    """List items on one line: their markers dropped, each ended by ';' unless it ends
    with its own punctuation."""
    shown = [_ITEM_MARK.sub("", i).strip() for i in items]
    return " ".join(x if x.endswith((";", ".", ",", ":")) else f"{x};" for x in shown).rstrip(";")


_BACK_REFERENCE = re.compile(
    r"\b(?:this|these|those|such|that)\s+(?!(?:the|a|an|it|is|was|were|are|he|she|they|"
    r"there|we|this|these|those|had|has|have|would|will|could|should)\b)[a-z]{3,}\b"
)


def _continues(sentence: str) -> bool:
    """A sentence that carries on from the one before ("This is a 19.8% increase"), or
    points back at what it said ("The Group have approved that bid")."""
    first = re.match(r"[A-Za-z]+", sentence)
    if bool(first) and first.group(0).lower() in conventions().continues:
        return True
    return bool(_BACK_REFERENCE.search(sentence))


def _units(hits: list[Hit], question: str, next_text=None) -> list[Unit]:
    out: list[Unit] = []
    for n, hit in enumerate(hits):
        text = hit.chunk.text
        for m in RESOLUTION.finditer(text):
            block = re.split(r"\n(?=[A-Z][a-z]+ [a-z]+ )", m.group(0))[0].strip()
            out.append(Unit(n, block, block.replace("\n", " "), resolution=True))
        lines = _cover_lines([ln for ln in map(_pipe_to_tabs, text.split("\n")) if ln is not None])
        if len(text) <= SHORT_PASSAGE and "\t" not in text and not any(map(_is_cover_label, lines)):
            rows = [ln for ln in lines if "\t" in ln]
            if len(rows) >= 2:  # a short Markdown table: its rows with their labels, no rules
                lead = " ".join(_bare_line(ln) for ln in lines if "\t" not in ln and ln.strip())
                out.append(_table_unit(n, lead, rows, question))
                continue
            items = []
            if text.rstrip().endswith(":"):
                items = _items_after([], hit.chunk, next_text)
            whole = "\n".join([text, *items])
            listing = bool(items) or bool(re.search(r":\s*\n", text))
            out.append(Unit(n, whole, whole.replace("\n", " "), listing=listing))
            continue
        for k, line in enumerate(lines):
            if _is_cover_label(line) and k + 1 < len(lines) and lines[k + 1].strip():
                field = f"{line.strip()}: {lines[k + 1].strip()}"  # "Wards affected: All wards"
                out.append(Unit(n, f"{line}\n{lines[k + 1]}", field))
                continue
            if "\t" in line:
                header = _table_header(lines, k)
                is_header = (
                    header is None
                    and k + 1 < len(lines)
                    and "\t" in lines[k + 1]
                    and (k > 0 and "\t" not in lines[k - 1] or _header_like(line.split("\t")))
                )
                if not is_header:
                    full = _show_row(line, header)
                    # A wide row of figures is narrowed to the column the question names;
                    # a short row (an action: ref, action, owner, due, status) stays whole.
                    wide = line.count("\t") >= NARROW_FROM
                    shown = _show_row(line, header, question) if wide else full
                    out.append(Unit(n, line, shown, named=shown != full))
                continue
            if _caption_over_table(line, lines[k + 1 : k + 2]):  # "Progress on the targets"
                rows = _table_after(lines[k + 1 :], hit.chunk, next_text)
                if rows:  # quoted with its table's rows, never alone (a heading says nothing)
                    out.append(_table_unit(n, _bare_line(line), rows, question))
                continue
            sentences = [x.strip() for x in _SENTENCE.split(line)]
            intro = [x for x in sentences if any(p.search(x) for p in conventions().table_intro)]
            if intro:  # "The following table shows ...": the sentence with the table's rows
                rows = _table_after(lines[k + 1 :], hit.chunk, next_text)
                j = sentences.index(intro[-1])
                lead = intro[-1]
                if j and (len(lead) < 80 or _continues(lead)):  # "The breakdown of these ..."
                    lead = f"{sentences[j - 1]} {lead}"
                if rows:
                    out.append(_table_unit(n, lead, rows, question))
            for j, sentence in enumerate(sentences):
                if j == len(sentences) - 1 and (
                    sentence.endswith(":")  # a lead-in, or a heading that asks: "5.7: How
                    or (sentence.endswith("?") and _is_heading(line, hit.chunk.section))
                ):  # will we measure success?" over the measures
                    items = _items_after(lines[k + 1 :], hit.chunk, next_text)
                    if items:
                        lead = sentence if len(sentence) >= 40 or not j else (
                            f"{sentences[j - 1]} {sentence}"
                        )
                        body = "\n".join([lead, *items])
                        out.append(Unit(n, body, f"{lead} {_inline(items)}", listing=True))
                        continue
                if len(sentence) < 12:
                    continue
                if (  # "(b) Drug dealing at Cordwainer Yard car park. Two warrants ...":
                    not j  # an item's title says what, the sentences after it what happened
                    and len(sentences) > 1
                    and _ITEM_MARK.match(sentence)
                    and len(sentence.split()) <= ITEM_TITLE_WORDS
                    and len(line) <= 2 * LONG_UNIT
                ):
                    out.append(Unit(n, line, line))
                if j + 1 < len(sentences) and _continues(sentences[j + 1]):
                    if not sentences[j + 1].endswith(":"):
                        pair = f"{sentence} {sentences[j + 1]}"
                        out.append(Unit(n, pair, pair))
                out.append(Unit(n, sentence, sentence))
    return out


REFERENCE = re.compile(
    r"\b(Recommendation|Priority|Item|Action|Table|Appendix|Section|Beat|Aim|Objective|"
    r"Minute|Figure)\s+(\d{1,3}[a-z]?)\b",
    re.I,
)


def _reference_fit(question: str, where: str) -> float:
    """+1 when a unit (with its section) carries the numbered reference the question
    names ("Recommendation 2"), -1 when it carries only another number of that kind."""
    asked = {(n.lower(), k) for n, k in REFERENCE.findall(question)}
    if not asked:
        return 0.0
    there = {(n.lower(), k) for n, k in REFERENCE.findall(where)}
    if asked & there:
        return 1.0
    kinds = {n for n, _ in asked}
    return -1.0 if any(n in kinds for n, _ in there) else 0.0


_CELL = re.compile(r"(?:^|; |— )[^:;—]{1,40}: ([^;]{4,40}?)(?=;|$)")
_SHORT_CELL = re.compile(r"(?:^|; |— )[^:;—]{1,40}: ([^;]{1,12}?)(?=;|$)")


def _cell_named(question: str, shown: str) -> bool:
    """A table row (as shown, "Label — Column: value; ...") with a worded cell the
    question names whole ("Not achieved", "Delayed"): the rows it asks for."""
    if " — " not in shown:
        return False
    said = conventions().rewrite(question.lower())  # "missed" asks for "Not achieved"
    asked = f" {' '.join(re.findall(r'[a-z0-9]+', said))} "
    for value in _SHORT_CELL.findall(shown):  # "which workstream is rated red?": "R"
        rating = rating_of(value)
        if rating and f" {rating} " in asked and value.strip().lower() != rating:
            return True
    for value in _CELL.findall(shown):
        words = re.findall(r"[a-z0-9]+", value.lower())
        phrase = f" {' '.join(words)} "
        if not words or any(w.isdigit() for w in words) or phrase not in asked:
            continue
        if not re.search(rf"\b(?:not|never|t)\s*{re.escape(phrase.strip())}", asked):
            return True  # ("Achieved" is not what "was not achieved?" asks for)
    return False


def rating_of(value: str) -> str:
    """The rating ("red", "amber", "green") a status cell stands for in the conventions'
    rating words ("R", "🔴", "Amber/Red"), or ""."""
    return register_conventions().rag_of(value.strip())


def _boost(question: str, unit: Unit, acronym: str | None) -> float:
    boost = 0.25 if unit.named else 0.0
    listed = LIST_Q.search(question)
    if unit.listing and listed:  # "what are the priorities?": the list its lead-in names
        lead = unit.text.split("\n")[0]
        if set(text_terms(listed.group(2))) & set(text_terms(lead)):
            boost += 0.5
    if WHEN.match(question) and DATE_RE.search(unit.text):  # "when ...?" wants a date
        boost += 0.15
        if _FULL_DATE.search(unit.text):  # a day, not only a month
            boost += 0.1
    if unit.resolution and DECISION.search(question):
        boost += 0.3
    if DECISION.search(question) and re.match(
        r"^(\d+\.\s*)?(that|agreed|resolved)\b", unit.text, re.IGNORECASE
    ):
        boost += 0.2
    if FIGURE.search(question) and re.search(r"\d", unit.text):
        boost += 0.1
    if _cell_named(question, unit.shown):  # "which targets were not achieved?": that cell
        boost += 0.35
    if acronym and re.search(rf"(^|\s){re.escape(acronym)}\s{{1,}}[A-Z][a-z]", unit.text):
        boost += 0.5
    if acronym and re.search(rf"\(\s*{re.escape(acronym)}\s*\)", unit.text):
        boost += 0.3
    if points_elsewhere(unit.shown) and not unit.resolution:  # (a decision stands as made)
        boost -= POINTER_PENALTY
    return boost


POINTER_PENALTY = 0.3
_NUMBER = re.compile(r"\d")
_REFERENCE_TO = re.compile(
    r"\b(?:table|section|paragraph|para|appendix|annex|figure|chart|item|part)\s+[\w.]*\d[\w.]*",
    re.I,
)
_PERIOD_OR_DATE = re.compile(
    rf"{DATE_RE.pattern}|\b(?:19|20)\d\d(?:\s*[/\-–]\s*(?:19|20)?\d\d)?\b", re.I
)


def points_elsewhere(text: str) -> bool:
    """A quote that only says where the thing is printed ("The Partnership's funding for
    2024/25 is set out in Table 2."): a pointer of the conventions, and no figure beside
    its dates and the number it points to."""
    if not any(p.search(text) for p in conventions().pointers):
        return False
    rest = _REFERENCE_TO.sub(" ", text)  # "Table 2", "section 3", "paragraph 3.2"
    rest = _PERIOD_OR_DATE.sub(" ", rest)
    return not _NUMBER.search(re.sub(r"^\s*\(?[\da-z]{1,3}(?:\.\d+)*[.)]?\s", " ", rest))


def _lead(hit: Hit, before: tuple[str, str] | None = None) -> str:
    """Where a quote comes from ("The minutes of the 26 January 2023 meeting, 10 VIOLENCE
    REDUCTION NETWORK UPDATE"); after a quote from the same paper (``before``: its lead's
    paper and section) only the section, and nothing after one from the same section: the
    facts come sooner, and each citation still gives the whole place."""
    return _lead_of(_lead_parts(hit), before)


def _lead_of(parts: tuple[str, str], before: tuple[str, str] | None) -> str:
    doc, section = parts
    if before and before[0] == doc:
        return "" if section == before[1] else section
    return f"{doc}, {section}" if section else doc


def _lead_parts(hit: Hit) -> tuple[str, str]:
    c = hit.chunk
    when = long_form(c.date)
    if c.doc_type == "minutes":
        doc = f"The minutes of the {when} meeting" if when else "The minutes"
    elif c.doc_type == "agenda":
        doc = f"The agenda for {when}" if when else "The agenda"
    else:
        doc = f"{short_part(c)}" + (f" ({when})" if when else "")
    # A numbered paragraph's label is its opening words: the quote says them in full; of a
    # nested section the innermost heading is enough (the citation gives the whole path).
    path = [p for p in c.section.split(" › ") if p and not p.endswith(("…", ".")) and p != c.part]
    if path and _words_of(path[-1]) <= _words_of(doc):  # "Item 9 Funding Proposals" says
        return doc, ""  # all of "9 FUNDING PROPOSALS": the facts come sooner without it
    return doc, path[-1] if path else ""


def _words_of(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower())}


def short_part(c: Chunk) -> str:
    """A part's title without the partnership's name it opens with ("Westmere Community
    Safety Partnership Strategic Assessment 2023/2024" -> "Strategic Assessment 2023/2024")."""
    name = c.partnership or ""
    if name and c.part.lower().startswith(name.lower()) and len(c.part) > len(name) + 3:
        return c.part[len(name) :].strip(" -–:")
    # "Annual Scrutiny of the Westmere Community Safety Partnership 2023/24" -> "Annual
    # Scrutiny 2023/24": the question named the partnership; the citation keeps the title
    inner = re.sub(rf"\s+(?:of|for|by)\s+(?:the\s+)?{re.escape(name)}\b", "", c.part, flags=re.I)
    if name and inner != c.part and len(inner.split()) >= 2:
        return inner.strip(" -–:")
    return c.part


def compose(
    question: str,
    hits: list[Hit],
    embedder: Embedder,
    scorer: Scorer,
    *,
    context_only: bool = False,
    agreed_only: bool = False,
    wanted: int | None = None,
    figure: bool | None = None,
    next_text=None,
    brief: bool = False,
) -> Answer:
    """The quoted answer. ``context_only`` leaves out resolutions (for the discussion
    around a decision the registers already gave); ``agreed_only`` keeps only what records
    an agreement (for "what was agreed on X" when no resolution names X)."""
    if not hits:
        return Answer(NOT_COVERED, (), covered=False)
    units = [
        u
        for u in units_of(hits, question, next_text)
        if not PAGE_FURNITURE.search(u.text)
        and not (u.shown.rstrip().endswith(":") and not u.listing)  # a lead-in, its items lost
    ]
    if context_only:
        units = [u for u in units if not u.resolution and not RESOLUTION_LINE.match(u.text)]
    if agreed_only:  # what records an agreement about the question's subject, not routine
        topic = scorer.terms(question)
        units = [
            u
            for u in units
            if (u.resolution or AGREEMENT.search(u.text))
            and not ROUTINE_RESOLUTION.match(u.text)
            and max(  # the unit, or the passage it closes ("P-046 ... AGREED that ...")
                Scorer.coverage(topic, f"{_place(hits[u.hit].chunk)} {u.text}"),
                AGREED_IN_PASSAGE * Scorer.coverage(topic, hits[u.hit].chunk.text),
            )
            >= 0.5
        ]
    if figure is None:
        figure = bool(FIGURE.search(question))
    if figure:  # a figure must be for the measure asked, not a neighbour's
        wanted_words = measure_words(question)
        units = [
            u
            for u in units
            if carries(u.shown, _context(hits[u.hit].chunk), wanted_words, weight=scorer.idf)
            and (
                not COUNT_Q.match(asking_sentence(question))
                or _COUNT.search(_unnumbered(u.shown))
            )
            and (not MONEY_Q.search(question) or _MONEY.search(u.shown))
        ]
        if not units:  # ("how many ...?" is answered by a number, or not at all)
            return Answer(NOT_IN_DOCUMENTS, (), covered=False)
    if WHEN.match(question):  # "when ...?" is answered by what gives a date
        dated = [u for u in units if DATE_RE.search(u.text) or _MONTH_YEAR.search(u.text)
                 or RELATIVE_WHEN.search(u.text)]
        units = dated or units
        if FUTURE_WHEN.match(question):  # "when will ... next ...?": not a date gone by
            units = [u for u in units if not _only_past(u.text, hits[u.hit].chunk.date)]
            if not units:
                return Answer(NOT_COVERED, (), covered=False)
    if not units:
        return Answer(NOT_COVERED, (), covered=False)
    vectors = embedder.embed([question] + [u.shown for u in units])
    q = vectors[0]
    meaning = [sum(a * b for a, b in zip(q, v)) for v in vectors[1:]]
    terms = scorer.terms(question)
    # "rated red" of a table whose cells say "R": the rating is said, by its letter
    rated = {rating_of(v) for u in units if "\t" in u.text for v in _SHORT_CELL.findall(u.shown)}
    terms = {t: w for t, w in terms.items() if t not in rated - {""}}
    m = ACRONYM_Q.search(question)
    acronym = next((g for g in m.groups() if g), None) if m else None
    scores = []
    for k, unit in enumerate(units):
        passage = hits[unit.hit].chunk
        # (the words naming the paper say which paper, not what in it: "the X panel")
        own = {t: w for t, w in terms.items() if t not in _paper_terms(passage)} or terms
        words = (  # (a quote is shown under its section's title: "4 PRIORITIES FOR ...")
            Scorer.coverage(own, f"{_section_title(passage)} {unit.shown}") * 0.7
            + Scorer.coverage(own, f"{_place(passage)} {passage.text}") * 0.3
        )
        long = max(0, len(unit.shown) - LONG_UNIT) / LONG_UNIT  # a wall of text is no answer
        if unit.listing and (LIST_Q.search(question) or figure):  # a list or table is long
            long = 0.0
        long -= 0.4 * _reference_fit(question, f"{passage.section} {unit.text}") / 0.25
        if RECOMMENDED.search(question) and RECOMMENDED.search(passage.section):
            long -= 1.2  # what is recommended: the paper's recommendations section
        scores.append(
            0.45 * meaning[k] + 0.55 * words + _boost(question, unit, acronym) - 0.25 * long
        )
    top_passages = " ".join(f"{_place(h.chunk)} {h.chunk.text}" for h in hits[:3])
    asking = scorer.terms(asking_sentence(question))  # "X mentions Y. What is Z?": Z is asked
    covered = (
        max(Scorer.coverage(terms, top_passages), Scorer.coverage(asking, top_passages))
        >= MIN_COVERAGE
        or max(meaning) >= CONFIDENT_MEANING
    )
    if not covered or not terms:
        return Answer(NOT_COVERED, (), covered=False)
    wanted = wanted or (12 if LIST_Q.search(question) else 3)
    breadth = None
    if brief:  # "brief me on X": more of what the papers say of X, figures first
        wanted, breadth = BRIEF_UNITS, BRIEF_FLOOR
        scores = [
            sc
            + (0.1 if re.search(r"\d", u.text) else 0.0)
            + 0.3 * Scorer.coverage(terms, hits[u.hit].chunk.section)  # the topic's own section
            for sc, u in zip(scores, units)
        ]
    if period_forms(question):  # a question naming a year is answered from that year's
        # passages (or their section's: "5 Priorities": "5.1 ... for 2024/25", "5.2 These
        # priorities were agreed on ..."): the best of them, not the best of any year's
        of_year = {
            _topic_of(h.chunk)
            for h in hits
            if carries_period(question, f"{_place(h.chunk)} {h.chunk.text}")
        }
        dated = [k for k, u in enumerate(units) if _topic_of(hits[u.hit].chunk) in of_year]
        best_dated = max((scores[k] for k in dated), default=None)
        if best_dated is None or best_dated < PERIOD_FLOOR * max(scores):  # only a mention
            return Answer(NOT_IN_DOCUMENTS if figure else NOT_COVERED, (), covered=False)
        scores = [sc if k in dated else sc - 10.0 for k, sc in enumerate(scores)]
    # "which workstream is rated red?": of a table's rows, those with the cell asked
    asked_cell = ["\t" in u.text and _cell_named(question, u.shown) for u in units]
    named = {u.hit for u, yes in zip(units, asked_cell) if yes}
    scores = [
        sc - 10.0 if u.hit in named and "\t" in u.text and not yes else sc
        for sc, u, yes in zip(scores, units, asked_cell)
    ]
    chosen = _choose(units, scores, terms, wanted, breadth)
    chosen = [k for k in chosen if scores[k] > -5.0]
    said = [  # a quote that says none of what is asked is no answer, however it scored
        k for k in chosen
        if Scorer.coverage(terms, f"{_place(hits[units[k].hit].chunk)} {units[k].shown}")
        >= UNIT_SUPPORT
    ]
    if not said:
        return Answer(NOT_COVERED, (), covered=False)
    chosen = said
    if brief:  # the section the best passage is about is the topic: the rest of it too
        top = hits[units[chosen[0]].hit].chunk
        same = [
            k
            for k, u in enumerate(units)
            if k not in chosen
            and hits[u.hit].chunk.section == top.section
            and hits[u.hit].chunk.source == top.source
            and not any(u.shown in units[j].shown or units[j].shown in u.shown for j in chosen)
        ]
        chosen += same[: max(0, wanted - len(chosen))]
    # One answer speaks for one partnership: passages of another council's papers that
    # score nearly as well are left out, never mixed in.
    council = hits[units[chosen[0]].hit].chunk.partnership
    chosen = [k for k in chosen if hits[units[k].hit].chunk.partnership == council]
    # A figure question naming a year: what is quoted (or where it sits) must print it.
    said = " ".join(f"{_place(hits[units[k].hit].chunk)} {units[k].shown}" for k in chosen)
    if not carries_period(question, said):  # another year's figure or account is no answer
        return Answer(NOT_IN_DOCUMENTS if figure else NOT_COVERED, (), covered=False)
    if figure:  # and beside that year's figure, no other year's
        dated = [
            k for k in chosen
            if carries_period(question, f"{_place(hits[units[k].hit].chunk)} {units[k].shown}")
        ]
        chosen = dated or chosen
    shown: set[str] = set()  # a sentence printed in two passages is quoted once
    chosen = [k for k in chosen if not (units[k].shown in shown or shown.add(units[k].shown))]
    worded = [k for k in chosen if "\t" not in units[k].text]  # (a table row reports no finding)
    if RESULT_Q.search(question) and all(
        FUTURE.search(units[k].text) or _only_future(units[k].text, hits[units[k].hit].chunk.date)
        for k in worded or chosen
    ):
        return Answer(NOT_YET, (), covered=False)  # "what did the trial find?": "will report"
    return _render(hits, units, chosen)


def _choose(
    units: list[Unit],
    scores: list[float],
    terms: dict[str, float],
    wanted: int,
    breadth: float | None = None,
) -> list[int]:
    """The best unit, then units that score nearly as well or answer a part of the question
    the chosen ones leave open ("... and how much was unallocated?")."""
    order = sorted(range(len(units)), key=lambda k: -scores[k])
    best = order[0]
    wider = [  # the same words and what they go on to say (a lead-in with its list)
        k
        for k in order[1:]
        if units[best].shown in units[k].shown and scores[k] >= 0.85 * scores[best]
    ]
    if wider:
        order.remove(wider[0])
        order.insert(0, wider[0])
    floor = scores[order[0]] * (breadth or (0.8 if wanted > 3 else FLOOR))
    chosen = [order[0]]
    shown = {units[order[0]].shown}
    seen = set(text_terms(units[order[0]].shown))
    total = sum(terms.values()) or 1.0
    for k in order[1:]:
        if len(chosen) >= wanted:
            break
        if any(_same(units[k].shown, s) for s in shown):
            continue
        tokens = set(text_terms(units[k].shown))
        gain = sum(w for t, w in terms.items() if t in tokens and t not in seen) / total
        if scores[k] >= floor or (gain >= 0.15 and scores[k] >= 0.5 * scores[order[0]]):
            chosen.append(k)
            shown.add(units[k].shown)
            seen |= tokens
    return chosen


_MARKS = re.compile(r"\(\s*(?:[a-z]|[ivx]{1,4}|\d{1,2})\s*\)|[^\w£%]+", re.I)


def _same(a: str, b: str) -> bool:
    """Whether one quote holds the other, whatever their item marks and punctuation: a
    resolution printed once with "(a) … (b)" and once run together is one quote."""
    if a in b or b in a:
        return True
    x, y = _MARKS.sub(" ", a).lower().split(), _MARKS.sub(" ", b).lower().split()
    x, y = " ".join(x), " ".join(y)
    near = min(len(x), len(y)) >= 0.8 * max(len(x), len(y))  # not a title and its item
    return near and (x in y or y in x)


def _topic_of(c: Chunk) -> tuple[str, str]:
    """A passage's paper and top-level section: what its neighbours share."""
    return c.source, c.section.split(" › ")[0]


def _render(hits: list[Hit], units: list[Unit], chosen: list[int]) -> Answer:
    """The chosen units in the order they were chosen (the best first, so what answers
    stands in the opening lines), units of one passage in a row under one heading; a
    passage quoted again further down keeps its citation number."""
    blocks: list[tuple[int, list[Unit]]] = []
    for k in chosen:
        if blocks and blocks[-1][0] == units[k].hit:
            blocks[-1][1].append(units[k])
        else:
            blocks.append((units[k].hit, [units[k]]))
    number: dict[int, int] = {}
    quoted: dict[int, list[str]] = {}
    lines = []
    before: tuple[str, str] | None = None
    for h, picked in blocks:
        n = number.setdefault(h, len(number) + 1)
        quoted.setdefault(h, []).extend(u.text for u in picked)
        shown = [u.shown for u in picked]
        parts = _lead_parts(hits[h])
        lead = _lead_of(parts, before)
        doc, section = before = parts
        if lead and section and all(x.startswith(section) for x in shown):  # "Table 3: …"
            lead = doc if lead != section else ""  # (the quote opens with its caption)
        head = f"{lead}: " if lead else ""
        if len(shown) == 1:
            lines.append(f"{head}“{shown[0]}” [{n}]")
        else:
            items = "\n".join(f"- “{s}” [{n}]" for s in shown)
            lines.append(f"{head.rstrip()}\n{items}" if head else items)
    citations = [Citation.at(n, hits[h].chunk, " … ".join(quoted[h])) for h, n in number.items()]
    return Answer("\n\n".join(lines), tuple(citations), covered=True)


def combine(answers: list[Answer], parts: tuple[str, ...] = ()) -> Answer:
    """One answer to a question in parts: each answered part in turn, its citations
    renumbered after the ones before; then each part the documents don't cover, named."""
    texts: list[str] = []
    citations: list[Citation] = []
    missing: list[str] = []
    for k, answer in enumerate(answers):
        if answer.covered and citations:  # what an earlier part quoted is not quoted again
            answer = _without_repeats(answer, {(c.source, c.quote) for c in citations})
            if not answer.text:
                continue
        if not answer.covered:
            missing.append(parts[k] if k < len(parts) else "")
            continue
        offset = len(citations)
        text = re.sub(
            r"\[(\d+)\]", lambda m, off=offset: f"[{int(m.group(1)) + off}]", answer.text
        )
        texts.append(text)
        citations += [dataclasses.replace(c, n=c.n + offset) for c in answer.citations]
    if not texts:
        return Answer(answers[0].text, (), covered=False)
    # Each part's best passage first, so every part is answered in the opening lines;
    # then the rest of each part's passages.
    blocks = [t.split("\n\n") for t in texts]
    texts = [b[0] for b in blocks] + [x for b in blocks for x in b[1:]]
    texts += [f"On “{p.rstrip('?')}?”: {NOT_COVERED}" if p else NOT_COVERED for p in missing]
    return _numbered_in_order(Answer("\n\n".join(texts), tuple(citations), covered=True))


def _numbered_in_order(answer: Answer) -> Answer:
    """The answer with its citations renumbered in the order the text first cites them
    (from 1, without gaps); citations the text no longer cites are dropped."""
    order = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", answer.text)))
    new = {old: k for k, old in enumerate(order, start=1)}
    if all(old == k for old, k in new.items()) and len(new) == len(answer.citations):
        return answer
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{new.get(int(m.group(1)), m.group(1))}]", answer.text)
    citations = sorted(
        (dataclasses.replace(c, n=new[c.n]) for c in answer.citations if c.n in new),
        key=lambda c: c.n,
    )
    return Answer(text, tuple(citations), covered=answer.covered)


def _without_repeats(answer: Answer, quoted: set[tuple[str, str]]) -> Answer:
    """The answer without the quotations already given: a line (or a block of one line)
    citing only repeated quotes goes, and a heading left with no lines under it; the rest
    is renumbered from 1. An answer left with nothing is covered by what came before."""
    pieces = {(source, piece) for source, quote in quoted for piece in quote.split(" … ")}
    repeated = {
        c.n
        for c in answer.citations
        if all((c.source, piece) in pieces for piece in c.quote.split(" … "))
    }
    if not repeated:
        return answer
    cited = lambda line: {int(n) for n in re.findall(r"\[(\d+)\]", line)}  # noqa: E731
    blocks = []
    for block in answer.text.split("\n\n"):
        lines = [ln for ln in block.split("\n") if not (cited(ln) and cited(ln) <= repeated)]
        if lines and not (len(lines) == 1 and lines[0].rstrip().endswith(":")):
            blocks.append("\n".join(lines))
    text = "\n\n".join(blocks)
    if not cited(text):
        return Answer("", (), covered=True)
    return _numbered_in_order(Answer(text, answer.citations, covered=True))
