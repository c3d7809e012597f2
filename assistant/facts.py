"""Figure look-ups over the facts tables give, tolerant of wording, and answers built from them.

"theft of motor vehicles" finds "Theft of Vehicles", "2021-22" finds "2021/22". An answer
shows the value exactly as printed, with its column, the table and the period it gives;
nothing is calculated unless the answer says so and from which cited figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.dates import DATE_RE, MONTHS, long_form, months_named
from ingest.text import PERIOD, carries_period, conventions, normalise_period, stem, words
from ingest.types import Answer, Citation, Fact

_MINOR = {"the", "and", "for", "to", "in", "on", "a", "an", "by", "at", "as", "per"}
# Words a question may leave out of a row's label ("how much was unallocated" still names
# "Total unallocated funding"); prepositions that tell rows apart must agree.
_FILLERS = {"total", "number", "of", "count", "amount", "record", "report", "overal", "level"}
_PREPOSITIONS = {"of", "from", "with", "without"}


def tokens(text: str) -> list[str]:
    """Stems of every word but the few that never tell two measures apart; prepositions
    are kept ("Theft from Vehicles" is not "Theft of Vehicles")."""
    return [stem(w) for w in words(text) if w not in _MINOR]


def periods_in(text: str) -> set[str]:
    return {f"{m.group(1)}/{m.group(3)}" for m in PERIOD.finditer(text)}


_YEAR_BEFORE = re.compile(
    r"\b(?:the year before|(?:the )?previous year|(?:the )?prior year|(?:the )?preceding year|"
    r"a year earlier|the year earlier)\b",
    re.I,
)


def asked_periods(text: str) -> set[str]:
    """The financial years a question asks for: those it names, and the one before each
    when it asks "... and what was it the year before?"."""
    named = periods_in(normalise_period(text))
    if not _YEAR_BEFORE.search(text):
        return named
    return named | {f"{int(p[:4]) - 1}/{int(p[5:]) - 1:02d}" for p in named}


def label_match(label: str, question_tokens: set[str]) -> float:
    """The best of the whole label, its last part ("Crime Reduction › Street Pastors") and
    its bracketed part ("LCDG (Beat 62)")."""
    variants = [label]
    if " › " in label:
        variants.append(label.rsplit(" › ", 1)[1])
    if m := _CODE.match(label):  # "I26 Project management and administration": the words
        variants.append(label[m.end() :])  # name the row; its reference need not be asked
    for v in list(variants):
        if m := re.search(r"\(([^)]+)\)", v):
            variants.append((v[: m.start()] + v[m.end() :]).strip())
            if len(tokens(m.group(1))) >= 2:  # "LCDG (Beat 62)"; not "Stalking (domestic)"
                variants.append(m.group(1))
    scores = [_label_match(v, question_tokens) - (0.001 if v != label else 0) for v in variants]
    return max(scores)


_CODE = re.compile(r"^[A-Z]{1,3}\d{1,3}[a-z]?\s+(?=\S)")  # a row's reference: "E3", "I26"


def _label_match(label: str, question_tokens: set[str]) -> float:
    """Share of the label's words the question holds (1.0: all of them, or all but words a
    question may leave out); 0 when the label's preposition contradicts the question's
    ("Theft from Vehicles" is not "theft of vehicles")."""
    want = tokens(label)
    if not want or all(t.isdigit() or "/" in t or t in _FILLERS for t in want):
        return 0.0  # a row labelled "2023/24" or "Total" names no measure of its own
    label_preps = set(want) & _PREPOSITIONS
    asked_preps = question_tokens & _PREPOSITIONS
    if label_preps and asked_preps and not label_preps & asked_preps:
        return 0.0
    missing = [t for t in want if t not in question_tokens]
    if missing and all(t in _FILLERS for t in missing) and len(want) - len(missing) >= 2:
        return 0.99
    return (len(want) - len(missing)) / len(want)


@dataclass(frozen=True)
class FactRow:
    """The cells of one printed row, as found by a look-up."""

    facts: tuple[Fact, ...]
    score: float

    @property
    def first(self) -> Fact:
        return self.facts[0]


def find_facts(
    facts: list[Fact],
    measure: str,
    period: str = "",
    partnership: str = "",
    source: str = "",
) -> list[FactRow]:
    """Rows whose label the ``measure`` names, best first; cells limited to ``period``'s
    column when a column names it. Identical rows printed twice in a document count once."""
    asked = set(tokens(measure))
    wanted_periods = asked_periods(f"{measure} {period}")
    wanted_months = months_named(measure)
    groups: dict[tuple[str, str, str, str], list[Fact]] = {}
    for f in facts:
        if partnership and partnership.lower() not in f.where.partnership.lower():
            continue
        if source and f.where.source != source:
            continue
        groups.setdefault((f.where.source, f.where.section, f.table, f.row), []).append(f)
    rows: list[FactRow] = []
    seen: set[tuple] = set()
    for cells in groups.values():
        cells = [c for c in cells if c.unit]  # figures only, not word cells
        if not cells:
            continue
        score = label_match(cells[0].row, asked)
        size = len(tokens(cells[0].row))
        if score < 0.99 and (_total_of(cells[0], asked) or _total_of_columns(cells, asked)):
            score, size = 1.0, 9  # "the total funding": the Total row of the funding table
        if score < 0.99:
            continue
        if wanted_periods:  # that year's columns and those of no year (a change, a rank)
            named = [c for c in cells if periods_in(normalise_period(c.column)) & wanted_periods]
            if named and len(named) < len(cells):
                cells = [
                    c
                    for c in cells
                    if c in named or not periods_in(normalise_period(c.column))
                ]
        if len(wanted_months) >= 2:  # "July to September": the "Jul-Sep" columns
            spans = [c for c in cells if (m := months_named(c.column)) and m <= wanted_months]
            if spans and len(spans) < len(cells):
                cells = [c for c in cells if c in spans or not months_named(c.column)]
        key = (cells[0].where.source, cells[0].row, tuple((c.column, c.value) for c in cells))
        if key in seen:
            continue
        seen.add(key)
        captioned = 0.02 if re.match(r"(Table|Figure)\s+\d", cells[0].table) else 0.0
        rows.append(FactRow(tuple(cells), score + 0.01 * size + captioned + 0.002 * len(cells)))
    if wanted_periods:  # the question names a year: rows printed for that year only
        dated = [
            r
            for r in rows
            if any(periods_in(normalise_period(c.column)) & wanted_periods for c in r.facts)
        ]
        rows = dated or rows
    return sorted(rows, key=lambda r: -r.score)


def _total_asked(cell: Fact, asked: set[str]) -> bool:
    """A total is asked and the cell's row is a Total row ("Total", "Grand total")."""
    label = set(tokens(cell.row))
    return "total" in asked and "total" in label and not label - {"total", "grand", "overal"}


def _total_of(cell: Fact, asked: set[str]) -> bool:
    """A table's Total row asked for by the table's own words ("What is the total
    community safety funding?" of "Table 2: Community safety funding 2024/25")."""
    if not _total_asked(cell, asked):
        return False  # (a "District average" row is no total the question names)
    named = {
        t for t in tokens(re.sub(r"^(?:Table|Figure)\s+\d+[a-z]?\s*[:.\-–]?", "", cell.table))
        if not t.isdigit() and "/" not in t and t not in _question_words()
    }
    return bool(named) and len(named & asked) / len(named) >= MEASURE_SHARE


def _total_of_columns(cells: list[Fact], asked: set[str]) -> bool:
    """A Total row asked for by a column's measure ("the total ASB incidents" of a table
    whose columns are "ASB Apr-Jun", "ASB Jul-Sep")."""
    if not _total_asked(cells[0], asked):
        return False
    months = set(tokens(" ".join(MONTHS)))
    named = {
        t
        for c in cells
        for t in tokens(c.column)
        if not t.isdigit() and "/" not in t and t not in months | _question_words()
    }
    return bool(named & asked)


def paper_name(source: str, part: str) -> str:
    """The words that name a paper: its file's name and its part's title. A question's
    words among them say which paper, not what in it ("per the X panel notes")."""
    return f"{re.sub(r'[-_.]', ' ', source)} {part}"


def describe(row: FactRow) -> str:
    cells = "; ".join(f"{c.column}: {c.value}" for c in row.facts)
    return f"{row.first.row} — {cells}"


_VERBS = set(
    tokens(
        "provide provided receive received give given spend spent get got have has had see seen "
        "is are was were be been being "
        "record recorded report reported log logged make made show shown deliver delivered"
    )
)
def _question_words() -> set[str]:
    """Words of a figure question that name no measure: asking words, the partnership's
    own words, and figure words ("how many", "compared with last year"), from the
    conventions, plus a few pronouns."""
    c = conventions()
    ranks = [*c.rank_high, *c.rank_low, *c.rank_rise, *c.rank_fall]
    listed = " ".join([*c.question, *c.partnership_words, *c.figure, *c.stop, *ranks])
    return set(tokens(f"{listed} is are was were it its this that these those their they s"))


def answer_figures(
    question: str, facts: list[Fact], limit: int = 3, context=None
) -> Answer | None:
    """The rows that answer a figure question, or None when the tables do not carry the
    question's words (a row label alone, "ASB › Total", is not an answer to "ASB complaints
    logged on Sentinel")."""
    rows = find_facts(facts, question)
    if not rows:
        return None
    best = rows[0].score
    kept: list[FactRow] = []
    for r in rows:  # a bullet repeating a table's figure adds nothing
        values = {(c.where.source, c.value) for c in r.facts}
        if r.score >= best - 0.35 and not any(
            values <= {(c.where.source, c.value) for c in k.facts} for k in kept
        ):
            kept.append(r)
    captioned = [r for r in kept if re.match(r"(Table|Figure)\s+\d", r.first.table)]
    if captioned:  # a one-figure bullet beside a captioned table is a neighbour, not the answer
        kept = [r for r in kept if r in captioned or len({c.column for c in r.facts}) >= 2]
    rows = kept[:limit]
    # A question naming a year is answered for that year or not at all (another year's
    # figure is the wrong answer, not a near one): the rows, or the text they sit in.
    printed = " ".join(
        f"{c.column} {c.period} {c.table} {c.where.section} {c.row}" for r in rows for c in r.facts
    )
    if not carries_period(question, printed) and (
        periods_in(normalise_period(printed))  # the rows print another year: not an answer
        or not (context and carries_period(question, context(rows[0].first.where)))
    ):
        return None
    # Every word naming the measure must be carried by the rows, columns or table: "cycle
    # thefts on Beat 58" is not answered by Beat 58's all-crime figure.
    counted = set(tokens(" ".join(conventions().count_nouns)))  # "how many shoplifting
    undated = _DAY_MONTH.sub(" ", DATE_RE.sub(" ", question))  # (dates say when, not what)
    # words of a name in capitals ("did the ASB Joint Action Group deliver"): the table's
    # own section may print them; a measure's common words must be in the table itself
    named = {t for m in _NAME_RUN.finditer(undated) for t in tokens(m.group(0))}
    asked = {  # offences": the row "Shoplifting" counts them, whatever the table calls it
        t
        for t in tokens(undated)
        if t not in _question_words() | _FILLERS | _VERBS | counted
        and not t.isdigit()
        and "/" not in t
    }

    def carried(row: FactRow) -> bool:
        """Every word naming the measure is carried by the row's label, columns, table or
        section: "cycle thefts on Beat 58" is not answered by Beat 58's all-crime figure,
        nor ASB interventions by a funding table's "ASB › Total"."""
        measure = asked - set(tokens(row.first.row))
        shown = set(tokens(" ".join(f"{c.column} {c.table} {c.where.section}" for c in row.facts)))
        # (the words naming the paper say where, not what: "per the X panel notes")
        paper = paper_name(row.first.where.source, row.first.where.part)
        shown |= set(tokens(paper)) & (asked - set(tokens(" ".join(conventions().count_nouns))))
        if context and measure & named - shown:
            shown |= named & set(tokens(context(row.first.where)))
        return not measure or len(measure & shown) / len(measure) >= MEASURE_SHARE

    rows = [r for r in rows if carried(r)]  # (a funding table's "ASB › Total" is no count
    if not rows:  # of ASB interventions)
        return None
    lines, citations = [], []
    for n, row in enumerate(rows, start=1):
        f = row.first
        when = f" (as published {long_form(f.where.date)})" if f.where.date else ""
        period = f", period: {f.period}" if f.period and f.period not in describe(row) else ""
        lines.append(
            f"{describe(row)} [{n}] — from {f.table or f.where.section}{period}, "
            f"{f.where.part}{when}."
        )
        quote = " / ".join(dict.fromkeys(c.quote for c in row.facts if c.quote))
        citations.append(Citation.at(n, f.where, quote or describe(row)))
    return Answer("\n".join(lines), tuple(citations), covered=True)


# A name in capitals of two words or more ("ASB Joint Action Group").
_NAME_RUN = re.compile(r"\b(?:[A-Z][\w'’-]*\s+)+[A-Z][\w'’-]*")
_DAY_MONTH = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{'|'.join(MONTHS)})\b(?:\s+\d{{4}})?", re.I
)


def measure_words(question: str) -> set[str]:
    """The words of a figure question that name what is measured, and the numbers that
    pick a row out ("Beat 58"): an answer must carry all of them."""
    words = set()
    question = _DAY_MONTH.sub(" ", DATE_RE.sub(" ", question))  # dates say when, not what
    for t in tokens(question):
        if t in _question_words() | _FILLERS | _VERBS or "/" in t:
            continue
        if t.isdigit() and not (2 <= len(t) <= 3):
            continue
        words.add(t)
    return words


MEASURE_SHARE = 0.6


def carries(
    unit: str,
    passage: str,
    words: set[str],
    share: float = MEASURE_SHARE,
    weight: Callable[[str], float] | None = None,
) -> bool:
    """Whether a quoted unit answers for these measure words: the numbers that pick a row
    ("58" of "Beat 58") in the unit itself, and most words in its passage or section. With
    ``weight`` (a word's rarity), "most" is by weight: "knife crime offences" is not
    answered by a count of all crime offences, though two of its three words are there."""
    numbers = {w for w in words if w.isdigit()}
    names = words - numbers
    if not numbers <= set(tokens(unit)):
        return False
    if not names:
        return True
    said = set(tokens(f"{unit} {passage}"))
    if weight is None:
        return len(names & said) / len(names) >= share
    # by weight, a word is there in any form ("hear" in "heard"): a rare word is weighed
    # heavily, and a stem the papers print differently must not sink the measure
    heads = {t[:4] for t in said if len(t) >= 4}
    present = {n for n in names if n in said or (len(n) >= 4 and n[:4] in heads)}
    return sum(map(weight, present)) / (sum(map(weight, names)) or 1.0) >= share


def topic_tokens(question: str) -> set[str]:
    """The words of a question that say what it is about."""
    return {t for t in tokens(question) if t not in _question_words() | _VERBS | _ASKING}


_ASKING = set(
    tokens(
        "when where who will would next upcoming coming up schedule scheduled "
        "planned plan going to happen meeting"
    )
)
