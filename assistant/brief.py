"""A brief for the chair (before the Police and Crime Commissioner's visit, say): the
priorities, the latest figures with their direction as printed, open recommendations,
recent decisions, open actions and what is coming up — each line cited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.registers import ROUTINE, is_open
from ingest.dates import long_form
from ingest.knowledge import Knowledge
from ingest.types import Answer, Chunk, Citation, Fact, Where

BRIEF_Q = re.compile(r"\bbrief(ing)?\b|\bprepare\b.*\b(visit|meeting)\b|\bsummary for\b", re.I)
PRIORITY_LABEL = re.compile(r"\bPriority\s+\d+\b[:.]?\s*(.*)", re.I)
MAX_DECISIONS = 8


@dataclass
class _Brief:
    lines: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def cite(self, place: Chunk | Where, quote: str) -> int:
        n = len(self.citations) + 1
        self.citations.append(Citation.at(n, place, quote))
        return n

    def heading(self, text: str) -> None:
        self.lines.append(f"\n**{text}**")


def _priorities(brief: _Brief, chunks: list[Chunk]) -> None:
    plans = [c for c in chunks if c.doc_type == "plan" and c.date]
    if not plans:
        return
    latest = max(c.date for c in plans)
    seen: set[str] = set()
    for c in sorted((c for c in plans if c.date == latest), key=lambda c: c.start):
        label = c.section.split(" › ")[0]
        m = PRIORITY_LABEL.search(label)
        if not m or label in seen:
            continue
        seen.add(label)
        first = c.text.split("\n")[0]
        brief.lines.append(f"- {label} [{brief.cite(c, first)}]")
    if seen:
        brief.lines.insert(len(brief.lines) - len(seen), f"From {plans[0].part}:")


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


def _figures(brief: _Brief, facts: list[Fact]) -> None:
    rows = _latest_table(facts)
    if not rows:
        return
    first = rows[0][0]
    brief.lines.append(
        f"From {first.table} ({first.where.part}, {long_form(first.where.date)}),"
        " values and directions as printed:"
    )
    for cells in rows:
        shown = "; ".join(f"{c.column}: {c.value}" for c in cells)
        quote = cells[0].quote or shown
        brief.lines.append(f"- {cells[0].row} — {shown} [{brief.cite(cells[0].where, quote)}]")


def _recommendations(brief: _Brief, knowledge: Knowledge) -> None:
    open_recs = [r for r in knowledge.recommendations if r.status.startswith(("open", "in prog"))]
    for r in sorted(open_recs, key=lambda r: (r.year, r.number), reverse=True)[:12]:
        n = brief.cite(r.where, r.text)
        brief.lines.append(f"- {r.year} Recommendation {r.number} ({r.status}): {r.text} [{n}]")


def _decisions(brief: _Brief, knowledge: Knowledge) -> None:
    dated = [d for d in knowledge.decisions if d.meeting_date and not ROUTINE.match(d.text)]
    if not dated:
        return
    latest = max(d.meeting_date for d in dated)
    for d in [d for d in dated if d.meeting_date == latest][:MAX_DECISIONS]:
        n = brief.cite(d.where, d.text)
        brief.lines.append(
            f"- {long_form(d.meeting_date)}, item {d.item} {d.item_title}: “{d.text}” [{n}]"
        )


def _actions(brief: _Brief, knowledge: Knowledge) -> None:
    for a in [a for a in knowledge.actions if is_open(a)][-8:]:
        n = brief.cite(a.where, a.text)
        brief.lines.append(f"- {a.owner}: {a.text} ({long_form(a.meeting_date)}; {a.status}) [{n}]")


def _coming_up(brief: _Brief, knowledge: Knowledge) -> None:
    dated = [f for f in knowledge.forward if f.where.date]
    if not dated:
        return
    latest = max(f.where.date for f in dated)
    for f in [f for f in dated if f.where.date == latest][:10]:
        quote = " ".join(x for x in (f.item, f.detail, f.date, f.action_by) if x)
        who = f" ({f.action_by})" if f.action_by else ""
        brief.lines.append(f"- {f.item} — {f.date}{who} [{brief.cite(f.where, quote)}]")


def build_brief(knowledge: Knowledge, chunks: list[Chunk]) -> Answer:
    brief = _Brief(["Brief from the partnership's papers; every line cites its source."])
    for title, fill in (
        ("Priorities", lambda: _priorities(brief, chunks)),
        ("Latest figures", lambda: _figures(brief, knowledge.facts)),
        ("Open recommendations", lambda: _recommendations(brief, knowledge)),
        ("Recent decisions", lambda: _decisions(brief, knowledge)),
        ("Open actions", lambda: _actions(brief, knowledge)),
        ("Coming up", lambda: _coming_up(brief, knowledge)),
    ):
        before = len(brief.lines)
        brief.heading(title)
        fill()
        if len(brief.lines) == before + 1:  # nothing under it: say so rather than invent
            brief.lines.append("- The documents give nothing for this.")
    return Answer("\n".join(brief.lines).strip(), tuple(brief.citations), covered=True)
