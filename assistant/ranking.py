"""'Which beat had the most crimes?', 'which crime type rose the most?': the row of a table
whose printed value ranks first. This is reading, not calculating: the values compared are
the ones printed in one column, and the answer quotes the winning row with the runner-up."""

from __future__ import annotations

import re

from assistant.facts import paper_name, tokens
from assistant.question import Question
from ingest.dates import MONTH_YEAR, MONTHS, long_form, months_named
from ingest.text import carries_period, conventions
from ingest.types import Answer, Citation, Fact

_RANK_COLUMN = re.compile(r"\b(rank\w*|position|order|ref\w*|no\.?)\b", re.I)
_PER = re.compile(r"\bper\s+(?:1,000|1000|10,000|100,000|head|capita)\b", re.I)  # a rate
_CHANGE_COLUMN = re.compile(r"\b(change|diff\w*|variance|\+/-|increase|decrease)\b|%", re.I)


def _is_total(row: str) -> bool:
    """A row that sums or averages the others ("Total", "All Crime", "Kestrel Bay
    district"): never the largest of them. Its words come from the conventions."""
    words = re.findall(r"[a-z]+", row.lower())
    total = conventions().total_rows
    return bool(words) and (words[0] in total or words[-1] in total)


def _tables(facts: list[Fact]) -> dict[tuple[str, str, str], list[Fact]]:
    out: dict[tuple[str, str, str], list[Fact]] = {}
    for f in facts:
        if f.unit and f.number is not None:
            out.setdefault((f.where.source, f.where.section, f.table), []).append(f)
    return out


_WHICH_ROWS = re.compile(
    r"\b(?:which|what)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+"
    r"(?:had|has|have|saw|was|were|is|are|did|showed|recorded|came|scored|got|ranked|"
    r"finished|performed|received)\b",
    re.I,
)


def _row_noun_text(text: str) -> str:
    m = _WHICH_ROWS.search(text)
    return m.group(1) if m else ""


def _row_noun(text: str) -> set[str]:
    """'Which police beat had ...' -> {'beat'}-like stems: what the rows are."""
    m = _WHICH_ROWS.search(text)
    generic = set(tokens(" ".join(conventions().row_generic))) | {"crime"}
    return set(tokens(m.group(1))) - generic if m else set()


def _rows_kind(rows: set[str]) -> str:
    """The word nearly every row opens with ("Beat" of "Beat 59", "Beat 62"): what kind of
    thing the rows are, when the table names it in each row; "" when they vary."""
    firsts = [tokens(r)[:1] for r in rows]
    firsts = [f[0] for f in firsts if f]
    if not firsts:
        return ""
    word = max(set(firsts), key=firsts.count)
    return word if firsts.count(word) >= 0.8 * len(rows) and word.isalpha() else ""


def _asked(q: Question) -> set[str]:
    c = conventions()
    ranking_words = c.rank_high | c.rank_low | c.rank_rise | c.rank_fall
    skip = set(
        tokens(" ".join([*ranking_words, *c.question, *c.figure, *c.partnership_words, *c.stop]))
    )
    subject = _WHICH_ROWS.sub(" ", q.subject)  # "which crime type saw": what the rows are
    words = {t for t in tokens(subject) if t not in skip and not t.isdigit() and "/" not in t}
    return words or set(tokens(_row_noun_text(q.subject))) - skip


def _phrases(text: str) -> set[tuple[str, str]]:
    """Pairs of neighbouring words, stop-words included ("all crime" is not "crime"),
    where one of the two says something."""
    stop = conventions().stop
    words = re.findall(r"[a-z0-9]+", text.lower().replace("-", " "))
    return {(a, b) for a, b in zip(words, words[1:]) if a not in stop or b not in stop}


def _head(q: Question) -> str:
    """The last word the question names its measure by: the head of "crime rate" is
    "rate", so a "Rate" column answers it before a "Recorded crimes" one."""
    asked = _asked(q)
    first = re.split(r",|\?|\band\b", q.subject)[0]
    named = [t for t in tokens(first) if t in asked]
    heads = [t for t in named if t in _measure_heads()]
    return (heads or named or [""])[-1]  # "the rate of ASB incidents": a rate


def _measure_heads() -> set[str]:
    """Stems of the words that are a measure by nature (rate, share: the conventions)."""
    return set(tokens(" ".join(conventions().measure_heads)))


def _is_change(column: str, cells: list[Fact]) -> bool:
    """A column of changes: so labelled, or printed with signs ("+19.6%", "-17")."""
    signed = sum(1 for f in cells if f.value.strip()[:1] in "+-−" or f.unit == "movement")
    return bool(_CHANGE_COLUMN.search(column)) or signed >= max(2, len(cells) // 2)


def _months(text: str) -> set[tuple[int, str]]:
    return {(MONTHS[m.lower()], y) for m, y in MONTH_YEAR.findall(text)}


def _same_month(question: str, column: str) -> bool:
    asked = _months(question)
    return bool(asked) and bool(asked & _months(column))


HEAD_MEASURE = 2.0  # above a period named (1.5): "lowest rate in 2023/24" is the rate


def _column_score(column: str, cells: list[Fact], q: Question) -> float:
    score = 0.0
    change = _is_change(column, cells)
    if q.ranking in ("rise", "fall"):
        score += 2.0 if change else -1.0  # a year's level shows no rise, though it names it
        if change and (cells[0].unit == "%" or "%" in cells[0].value):
            score += 0.3  # a rise is compared as printed in per cent where that is printed
    elif change:
        score -= 1.0
    if q.periods and any(p in column.replace("-", "/") for p in q.periods):
        score += 1.5
    if _same_month(q.text, column):  # "at 31 October 2023": the "31st October 2023" column
        score += 1.5
    asked_months = months_named(q.text)
    if len(asked_months) >= 2 and (spans := months_named(column)):
        score += 1.5 if spans <= asked_months else -1.0  # "July to September": "Jul-Sep"
    named = set(tokens(column)) & _asked(q)  # "the highest rate": the "Rate per 1,000" column
    head = _head(q)
    if _PER.search(q.subject) and _PER.search(column):  # "worst per head of population":
        score += HEAD_MEASURE  # a rate, not the population column the words name
    if head in named:  # a rate asked is read from a rate column, whatever year another names
        score += HEAD_MEASURE if head in _measure_heads() else 0.5
    score += 0.5 * len(named)
    if _RANK_COLUMN.search(column) and not _RANK_COLUMN.search(q.subject):
        score -= 1.5  # a rank or position is not the value ranked ("Rank 2023/24": 1 is top)
    return score


def answer_ranked(q: Question, facts: list[Fact]) -> Answer | None:
    """The top row of the table the question is about, in the column it asks of."""
    asked = _asked(q)
    if not asked and q.ranking not in ("rise", "fall"):
        return None  # (a rise with no measure named: "which measure went up the most?")
    wanted_rows = _row_noun(q.subject)
    if wanted_rows and not any(  # a noun no table's rows are named by asks nothing of them
        wanted_rows <= set(tokens(f"{t} {sec} {' '.join({f.row for f in cells})}"))
        for (_, sec, t), cells in _tables(facts).items()
    ):
        wanted_rows = set()
    # "which option came bottom?": when some table's rows are options, only such a table
    # answers, not one whose columns are ("Criterion | Option 1 | Option 2 ...")
    rows_named = bool(wanted_rows) and any(  # (nearly every row opens "Option n")
        _rows_kind({f.row for f in cells}) in wanted_rows for cells in _tables(facts).values()
    )
    head = _head(q)
    if head not in _measure_heads():
        head = ""  # only a rate, a share ... must be printed as such
    best: tuple[float, list[Fact], str, list[Fact]] | None = None
    phrases = _phrases(q.subject)
    for (_, section, table), cells in _tables(facts).items():
        rows = {f.row for f in cells}
        if len(rows) < 3:  # a ranking needs rows to rank
            continue
        columns: dict[str, list[Fact]] = {}
        for f in cells:
            if not _is_total(f.row):
                columns.setdefault(f.column, []).append(f)
        about = set(tokens(f"{table} {section} {' '.join(columns)}"))
        row_words = set(tokens(" ".join(rows)))
        # (the words naming the paper say where, not what: "in the X panel's figures")
        paper = paper_name(cells[0].where.source, cells[0].where.part)
        measure = (asked - set(tokens(paper))) or asked
        fit = len(measure & (about | row_words)) / len(measure) if measure else 1.0
        if fit < 0.5:
            continue
        # "Which beat / ward / locality ...": the rows are of that kind.
        noun = 1.0 if wanted_rows and wanted_rows <= (row_words | about) else 0.0
        if wanted_rows and not noun:
            continue  # "which beat ...": a table of crime types cannot say
        if rows_named and _rows_kind(rows) not in wanted_rows:
            continue
        kind = _rows_kind(rows)
        if kind and kind not in set(tokens(q.text)):
            continue  # rows that are all "Beat n" cannot say which crime type
        for column, column_cells in columns.items():
            if len(column_cells) < 3:
                continue
            if q.ranking in ("rise", "fall") and not _is_change(column, column_cells):
                continue  # a year's level shows no rise: only a printed change is read
            if head and head not in about | row_words and not _PER.search(f"{table} {column}"):
                continue  # "the highest rate per 1,000": a table of counts cannot say
            if q.ranking == "rise" and not any((f.number or 0) > 0 for f in column_cells):
                continue  # nothing rose in this column: it cannot name the largest rise
            if q.ranking == "fall" and not any((f.number or 0) < 0 for f in column_cells):
                continue
            score = fit * 2 + noun + _column_score(column, column_cells, q)
            score += 0.5 * len(phrases & _phrases(f"{table} {section} {column}"))
            score += 0.001 * len(column_cells)
            if best is None or score > best[0]:
                best = (score, column_cells, column, cells)
    if best is None:
        return None
    _, cells, column, all_cells = best
    columns_printed = " ".join(dict.fromkeys(f"{f.column} {f.period}" for f in all_cells))
    if q.periods and not carries_period(  # "which ward was top in 2022/23?": a table of
        q.text, f"{columns_printed} {cells[0].table} {cells[0].where.section}"  # that year
    ):
        return None
    high = q.ranking in ("high", "rise")
    if cells[0].unit == "rank" and q.ranking in ("high", "low"):  # a position: 1 is the top
        high = bool(set(re.findall(r"[a-z]+", q.text.lower())) & conventions().position_worst)
    ranked = sorted(cells, key=lambda f: f.number or 0.0, reverse=high)
    top = ranked[0]
    word = {"high": "highest", "low": "lowest", "rise": "largest rise", "fall": "largest fall"}
    when = f" (as published {long_form(top.where.date)})" if top.where.date else ""
    row = [f for f in all_cells if f.row == top.row and f.column != column]
    rest = "; ".join(f"{f.column}: {f.value}" for f in row)
    lines = [
        f"{top.row} has the {word[q.ranking or 'high']} in “{column}”: {top.value} [1]"
        + (f" ({rest})" if rest else "")
        + f" — from {top.table}, {top.where.part}{when}."
    ]
    citations = [Citation.at(1, top.where, top.quote or f"{top.row} {top.value}")]
    if len(ranked) > 1:
        nxt = ranked[1]
        lines.append(f"Next: {nxt.row}, {nxt.value} [2].")
        citations.append(Citation.at(2, nxt.where, nxt.quote or f"{nxt.row} {nxt.value}"))
    return Answer(" ".join(lines), tuple(citations), covered=True)
