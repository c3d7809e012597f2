"""Registers: what the papers decided, who is to do what, the recommendations and their
updates, the forward programme, and the glossary, each entry citing where it was printed.

Everything comes from the structure of the text, never from a file's name or title:

- decisions: every AGREED / RESOLVED resolution of minutes (each numbered item its own
  decision, "That the information be noted." included: callers may filter), with the
  meeting date (the part's date) and the enclosing numbered item;
- actions: who is to do what, from resolutions that name a person or role ("That Andy
  Thomas contact ...") and from the minutes' sentences ("X agreed to ...", "X stated that he
  would ...", "It was suggested that X attend ..."); a later-dated paper that mentions the
  action's distinctive terms is quoted as its latest news;
- recommendations: "Recommendation N: ..." of assessments and reports, and tables of an
  earlier year's recommendations with an "Updates" column (see `register_recommendations`);
- forward programme: the ITEM / DETAIL / DATE / ACTION BY tables (see `register_forward`);
- glossary: glossary sections and inline "Full Name (ABC)" definitions.

Minutes filed twice (bound into a pack and as a file of their own) give each decision and
action once: copies of one meeting are read cleanest first (the copy whose paragraphs sit
on one line, i.e. the longest mean line, rather than PDF text wrapped at the column width;
ties go to sorted file order), and an entry of a later copy with the same meeting date,
item (unless either copy lost its heading) and (nearly) the same words is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.register_actions import extract_actions
from ingest.register_decisions import Found, is_minutes, part_decisions
from ingest.register_forward import extract_forward
from ingest.register_glossary import extract_glossary
from ingest.register_recommendations import extract_recommendations
from ingest.register_text import cleanliness, similar
from ingest.types import (
    Action,
    Decision,
    ForwardItem,
    GlossaryEntry,
    LoadedFile,
    Part,
    Recommendation,
)


@dataclass
class Registers:
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    forward: list[ForwardItem] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)


def minutes_parts(
    docs: dict[str, LoadedFile], parts: dict[str, list[Part]]
) -> list[tuple[str, Part]]:
    """Every minutes part, the cleanest copy of a meeting first (then sorted file order)."""
    found = [
        (name, part)
        for name in sorted(docs)
        for part in parts.get(name, [])
        if is_minutes(part, docs[name].text)
    ]
    score = {
        (name, part.index): cleanliness(docs[name].text[part.start : part.end])
        for name, part in found
    }
    order = {key: n for n, key in enumerate((name, part.index) for name, part in found)}
    return sorted(
        found,
        key=lambda np: (
            np[1].date or "",
            -round(score[(np[0], np[1].index)]),
            order[(np[0], np[1].index)],
        ),
    )


def extract_decisions(docs: dict[str, LoadedFile], parts: dict[str, list[Part]]) -> list[Decision]:
    kept: list[Found] = []
    for name, part in minutes_parts(docs, parts):
        for f in part_decisions(docs[name], parts[name], part):
            d = f.decision
            if any(
                k.decision.meeting_date == d.meeting_date
                and (k.decision.item == d.item or not k.decision.item or not d.item)
                and k.decision.where.source != d.where.source
                and similar(k.decision.text, d.text)
                for k in kept
            ):
                continue
            kept.append(f)
    return [f.decision for f in kept]


def extract_registers(docs: dict[str, LoadedFile], parts: dict[str, list[Part]]) -> Registers:
    decisions = extract_decisions(docs, parts)
    return Registers(
        decisions=decisions,
        actions=extract_actions(docs, parts, minutes_parts(docs, parts), decisions),
        recommendations=extract_recommendations(docs, parts),
        forward=extract_forward(docs, parts),
        glossary=extract_glossary(docs, parts),
    )
