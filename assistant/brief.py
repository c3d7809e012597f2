"""A brief for the chair (before a meeting, or the Police and Crime Commissioner's visit):
the priorities, the newest figures with their direction as printed, open recommendations
and actions (stale ones marked with their age), recent decisions and what is coming up.

Every line carries exactly one citation, no citation is given twice and no line repeats.
The brief is built once as a `Brief` (sections of cited lines) and rendered as plain text
that is also Markdown (`render`), as an `Answer` for the chat, or as DOCX
(`assistant.brief_docx`)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from assistant.registers import NOT_STATED, ROUTINE, query
from ingest.dates import long_form
from ingest.knowledge import Knowledge
from ingest.types import Answer, Chunk, Citation, Fact, Where

BRIEF_Q = re.compile(r"\bbrief(ing)?\b|\bprepare\b.*\b(visit|meeting)\b|\bsummary for\b", re.I)
PRIORITY_LABEL = re.compile(r"\bPriority\s+\d+\b[:.]?\s*(.*)", re.I)
MAX_DECISIONS = 8
MAX_ACTIONS = 12
MAX_RECOMMENDATIONS = 15
MAX_COMING_UP = 10
STALE_DAYS = 365  # an open item raised this long before the newest paper is marked stale
NOTHING = "(The papers give nothing for this.)"

PRIORITIES = "Priorities"
FIGURES = "Latest figures"
RECOMMENDATIONS = "Open recommendations"
ACTIONS = "Open actions"
DECISIONS = "Recent decisions"
COMING_UP = "Coming up"

# What each kind of brief leads with; every kind has every section.
AUDIENCES = {
    "pcc-visit": (
        "Brief for the Police and Crime Commissioner's visit",
        (PRIORITIES, FIGURES, RECOMMENDATIONS, ACTIONS, DECISIONS, COMING_UP),
    ),
    "meeting": (
        "Brief for the next partnership meeting",
        (COMING_UP, ACTIONS, DECISIONS, RECOMMENDATIONS, FIGURES, PRIORITIES),
    ),
}
DEFAULT_AUDIENCE = "pcc-visit"


@dataclass(frozen=True)
class Line:
    """One cited line of a brief; ``indent`` 1 for a line that belongs to the one above."""

    text: str
    citation: Citation
    indent: int = 0


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Brief:
    title: str
    as_of: str | None  # the newest paper's date: what "stale" is measured against
    sections: list[Section] = field(default_factory=list)

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(ln.citation for s in self.sections for ln in s.lines)


_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_LEAD_WORDS = 6  # words of a register's text that find the sentence it was read from


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w'’%£/.-]+", text.lower()))


class _Builder:
    """Numbers citations in the order lines are added and refuses a line whose citation
    (place and quote) or text was already given: the same thing is never said twice.

    A register entry's text can be worded by the reader ("... (suggested)"); its citation
    quotes the sentence of its section that it was read from, as printed."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.given: set[tuple] = set()
        self.texts: set[str] = set()
        self.n = 0
        self.sections: dict[tuple[str, str], list[str]] = {}
        for c in chunks:
            self.sections.setdefault((c.source, c.section), []).append(c.text)

    def printed(self, place: Chunk | Where, quote: str) -> str:
        passages = self.sections.get((place.source, place.section), [])
        flat = [" ".join(p.split()) for p in passages]
        if any(quote in p for p in flat) or not passages:
            return quote
        lead = " ".join(_words(quote).split()[:_LEAD_WORDS])
        for passage in passages:
            for sentence in _SENTENCE.split(passage):
                if lead and lead in _words(sentence):
                    return " ".join(sentence.split()).lstrip("-•* ")
        return quote

    def line(self, section: Section, text: str, place: Chunk | Where, quote: str, indent=0):
        quote = self.printed(place, " ".join(quote.split()))
        key = (place.source, place.part, place.section, place.page, quote)
        said = " ".join(text.lower().split())
        if not quote or key in self.given or said in self.texts:
            return False
        self.given.add(key)
        self.texts.add(said)
        self.n += 1
        section.lines.append(Line(text, Citation.at(self.n, place, quote), indent))
        return True


def _priorities(b: _Builder, out: Section, chunks: list[Chunk]) -> None:
    plans = [c for c in chunks if c.doc_type == "plan" and c.date]
    if not plans:
        return
    latest = max(c.date for c in plans)
    seen: set[str] = set()
    for c in sorted((c for c in plans if c.date == latest), key=lambda c: (c.source, c.start)):
        label = c.section.split(" › ")[0]
        if not PRIORITY_LABEL.search(label) or label in seen:
            continue
        seen.add(label)
        first = c.text.split("\n")[0]
        b.line(out, f"{label} ({c.part})", c, first)


def _latest_table(facts: list[Fact]) -> list[list[Fact]]:
    """The rows of the most recent table whose rows carry a % change: the headline figures."""
    tables: dict[tuple[str, str, str], dict[str, list[Fact]]] = {}
    for f in facts:
        if f.unit:
            tables.setdefault((f.where.date or "", f.where.source, f.table), {}).setdefault(
                f.row, []
            ).append(f)
    candidates = [
        (key, rows)
        for key, rows in tables.items()
        if len(rows) >= 3
        and sum(any(c.unit == "%" for c in r) for r in rows.values()) >= 3
        and all(len(r) >= 2 for r in rows.values())
    ]
    if not candidates:
        return []

    def headline(kv: tuple) -> tuple:  # newest; then most kinds of figure (count, %, rank)
        (when, _, _), rows = kv
        return when, len({c.unit for r in rows.values() for c in r}), len(rows)

    _, rows = max(candidates, key=headline)
    return list(rows.values())


def _figures(b: _Builder, out: Section, facts: list[Fact]) -> None:
    rows = _latest_table(facts)
    if not rows:
        return
    first = rows[0][0]
    when = long_form(first.where.date) if first.where.date else "undated"
    out.title = f"{FIGURES}: {first.table} ({first.where.part}, {when}), as printed"
    for cells in rows:
        shown = "; ".join(f"{c.column} {c.value}" for c in cells)
        b.line(out, f"{cells[0].row}: {shown}", cells[0].where, cells[0].quote or shown)


def _age(raised: str | None, as_of: str | None) -> str:
    """' (stale: raised 16 October 2014, 9 years before the newest paper)', or ''."""
    if not raised or not as_of:
        return ""
    try:
        days = (date.fromisoformat(as_of) - date.fromisoformat(raised)).days
    except ValueError:
        return ""
    if days < STALE_DAYS:
        return ""
    years = days // 365
    age = f"{years} year{'s' if years != 1 else ''}" if years else f"{days // 30} months"
    return f" (stale: raised {long_form(raised)}, {age} before the newest paper)"


def _same(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _recommendations(b: _Builder, out: Section, knowledge: Knowledge, as_of: str | None):
    """Every recommendation not reported done (status not stated counts, as it does for
    `register --open`), newest year first; one made again in a later year is listed once,
    under its latest year."""
    entries = query(knowledge, "recommendations", open_only=True)
    entries = sorted(entries, key=lambda r: (r.year, -r.number), reverse=True)
    listed: set[str] = set()
    for r in entries:
        if _same(r.text) in listed:
            continue
        listed.add(_same(r.text))
        status = r.status or NOT_STATED
        earlier = [
            e
            for e in knowledge.recommendations
            if _same(e.text) == _same(r.text) and e.year != r.year
        ]
        also = "".join(f"; first made as {e.year} Recommendation {e.number}" for e in earlier)
        text = f"{r.year} Recommendation {r.number} ({status}{also}): {r.text}"
        if not b.line(out, text + _age(r.where.date, as_of), r.where, r.text):
            continue
        if r.update and r.update_where is not None:
            b.line(out, f"Latest update: “{r.update}”", r.update_where, r.update, indent=1)
        if len(listed) >= MAX_RECOMMENDATIONS:
            return


def _actions(b: _Builder, out: Section, knowledge: Knowledge, as_of: str | None) -> None:
    entries = query(knowledge, "actions", open_only=True)
    entries = sorted(entries, key=lambda a: a.meeting_date or "", reverse=True)[:MAX_ACTIONS]
    for a in entries:
        when = long_form(a.meeting_date) if a.meeting_date else "undated meeting"
        due = f"; due {a.due}" if a.due else ""
        text = f"{a.owner}: {a.text} (meeting of {when}{due}; {a.status or a.state or NOT_STATED})"
        b.line(out, text + _age(a.meeting_date, as_of), a.where, a.text)


def _decisions(b: _Builder, out: Section, knowledge: Knowledge) -> None:
    dated = [d for d in knowledge.decisions if d.meeting_date and not ROUTINE.match(d.text)]
    if not dated:
        return
    latest = max(d.meeting_date for d in dated)
    out.title = f"{DECISIONS}: the meeting of {long_form(latest)}"
    # A resolution that set an open action is listed there, with its owner and status.
    actions = [_same(a.text) for a in query(knowledge, "actions", open_only=True)]
    for d in [d for d in dated if d.meeting_date == latest][:MAX_DECISIONS]:
        if any(a and a in _same(d.text) for a in actions):
            continue
        b.line(out, f"Item {d.item} {d.item_title}: “{d.text}”", d.where, d.text)


def _coming_up(b: _Builder, out: Section, knowledge: Knowledge) -> None:
    dated = [f for f in knowledge.forward if f.where.date]
    if not dated:
        return
    latest = max(f.where.date for f in dated)
    out.title = f"{COMING_UP}: the forward programme of {long_form(latest)}"
    for f in [f for f in dated if f.where.date == latest][:MAX_COMING_UP]:
        quote = " ".join(x for x in (f.item, f.detail, f.date, f.action_by) if x)
        who = f" ({f.action_by})" if f.action_by else ""
        b.line(out, f"{f.item}: {f.date or 'date not given'}{who}", f.where, quote)


def newest_date(knowledge: Knowledge, chunks: list[Chunk]) -> str | None:
    dates = [c.date for c in chunks if c.date]
    dates += [e.where.date for name in ("decisions", "recommendations", "actions")
              for e in getattr(knowledge, name) if e.where.date]  # fmt: skip
    return max(dates, default=None)


def one_partnership(
    knowledge: Knowledge, chunks: list[Chunk], partnership: str | None = None
) -> tuple[Knowledge, list[Chunk], str]:
    """A brief speaks for one partnership: the one asked for, or else the one most of the
    papers are of. Its facts, registers and passages only; never another council's."""
    counts = Counter(c.partnership for c in chunks if c.partnership)
    if partnership is None and len(counts) > 1:
        partnership = counts.most_common(1)[0][0]
    if not partnership:
        return knowledge, chunks, next(iter(counts), "")
    kept = Knowledge(
        **{
            f.name: [e for e in getattr(knowledge, f.name) if e.where.partnership == partnership]
            for f in dataclasses.fields(Knowledge)
        }
    )
    return kept, [c for c in chunks if c.partnership == partnership], partnership


def make_brief(
    knowledge: Knowledge,
    chunks: list[Chunk],
    audience: str = DEFAULT_AUDIENCE,
    partnership: str | None = None,
) -> Brief:
    """The brief for ``audience`` (a key of AUDIENCES) from the knowledge base and passages,
    for one partnership (see `one_partnership`)."""
    knowledge, chunks, partnership = one_partnership(knowledge, chunks, partnership)
    title, order = AUDIENCES[audience]
    title = f"{title}: {partnership}" if partnership else title
    as_of = newest_date(knowledge, chunks)
    b = _Builder(chunks)
    fill = {
        PRIORITIES: lambda s: _priorities(b, s, chunks),
        FIGURES: lambda s: _figures(b, s, knowledge.facts),
        RECOMMENDATIONS: lambda s: _recommendations(b, s, knowledge, as_of),
        ACTIONS: lambda s: _actions(b, s, knowledge, as_of),
        DECISIONS: lambda s: _decisions(b, s, knowledge),
        COMING_UP: lambda s: _coming_up(b, s, knowledge),
    }
    brief = Brief(title, as_of)
    for name in order:
        section = Section(name)
        fill[name](section)
        brief.sections.append(section)
    return brief


def _heading(text: str, level: int) -> list[str]:
    """A setext heading: plain text in a terminal, a heading in Markdown."""
    return [text, ("=" if level == 1 else "-") * min(len(text), 78)]


def source_line(c: Citation) -> str:
    where = " — ".join(
        x
        for x in (c.source, c.part, c.section, f"p. {c.page}" if c.page else "", c.date or "")
        if x
    )
    return f"[{c.n}] {where}: “{c.quote}”"


def render(brief: Brief, sources: bool = True) -> str:
    """The brief as plain text that is also Markdown: no emphasis marks, one citation per
    line, then (with ``sources``) the numbered sources with their quotes."""
    out = _heading(brief.title, 1)
    out.append("")
    as_of = f" Newest paper: {long_form(brief.as_of)}." if brief.as_of else ""
    out.append(f"From the partnership's papers; every line cites its source.{as_of}")
    for section in brief.sections:
        out += ["", *_heading(section.title, 2), ""]
        if not section.lines:
            out.append(NOTHING)
        for ln in section.lines:
            out.append(f"{'    ' * ln.indent}- {ln.text} [{ln.citation.n}]")
    if sources and brief.citations:
        out += ["", *_heading("Sources", 2), ""]
        out += [f"{source_line(c)}  " for c in brief.citations]
    return "\n".join(out).rstrip() + "\n"


def build_brief(
    knowledge: Knowledge, chunks: list[Chunk], audience: str = DEFAULT_AUDIENCE
) -> Answer:
    """The brief as an answer: its text (without the sources list) and its citations."""
    brief = make_brief(knowledge, chunks, audience)
    return Answer(render(brief, sources=False).strip(), brief.citations, covered=True)
