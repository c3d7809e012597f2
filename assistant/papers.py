"""'... from the September 2024 board minutes', '... at the meeting on 20 April 2023': a
question that names one paper, by its kind and its date, is answered from that paper.

The kinds a question may name are the document kinds the ingest gives papers (minutes,
agenda, plan, strategic assessment, report, forward programme); the date is a day or a
month. The narrowing is kept only when some passage passes it, so a question naming a
paper the index lacks is answered as before (and its other checks decide)."""

from __future__ import annotations

import calendar
import dataclasses
import re
from typing import Iterable

from assistant.retrieve import Filters
from ingest.catalogue import Paper
from ingest.dates import MONTH_YEAR, MONTHS, parse_dates
from ingest.types import Chunk

_KINDS: dict[str, str | None] = {
    "minutes": "minutes",
    "agenda": "agenda",
    "agenda pack": None,  # the whole pack: its minutes, plan and briefings, not one part
    "strategic assessment": "strategic assessment",
    "plan": "plan",
    "report": "report",
    "forward programme": "forward programme",
}
_KIND = re.compile(r"\b(" + "|".join(sorted(_KINDS, key=len, reverse=True)) + r")\b", re.I)
_MEETING = re.compile(r"\b(?:meeting|minutes|agenda)\b", re.I)
# "from the September 2024 board minutes": the words that name the paper, not the subject.
_REFERENCE = re.compile(
    rf"\s*\b(?:from|in|at|of)\s+(?:(?:the|its)\s+)?(?:[\w'’]+\s+){{0,3}}?"
    rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\s+(?:19|20)\d\d\s+"
    rf"(?:\w+\s+){{0,3}}?(?:{'|'.join(sorted(_KINDS, key=len, reverse=True))})\b",
    re.I,
)


def _named_kind(question: str) -> re.Match[str] | None:
    """The kind of paper named beside a month ("the ASB Action Plan briefing in the April
    2023 agenda pack" names an agenda pack, not a plan), else the first kind named."""
    reference = _REFERENCE.search(question)
    return _KIND.search(reference.group(0)) if reference else _KIND.search(question)


def names_pack(question: str) -> bool:
    """Whether the question names a whole pack ("the April 2023 agenda pack"): a kind of
    paper that is no one part's kind."""
    kind = _named_kind(question)
    return bool(kind) and _KINDS[kind.group(1).lower()] is None


def without_reference(question: str) -> str:
    """The question without the words naming the paper ("... from the September 2024
    board minutes"): what it asks about."""
    return _REFERENCE.sub("", question).strip()


def paper_filters(question: str, filters: Filters, papers: Iterable[Chunk | Paper]) -> Filters:
    """``filters`` narrowed to the paper the question names by kind and date, when it names
    one and some passage is of it; otherwise ``filters`` unchanged. ``papers``: the
    passages, or each kind, date and partnership they have (the index's catalogue)."""
    if filters.since or filters.until:
        return filters
    days = [d for _, d in parse_dates(question)]
    month = MONTH_YEAR.search(question)
    kind = _named_kind(question)
    if len(days) == 1 and _MEETING.search(question):  # "the meeting on 20 April 2023"
        since = until = days[0].isoformat()
        narrowed = dataclasses.replace(filters, since=since, until=until)
    elif month and kind and not days:  # "the September 2024 board minutes"
        year, number = int(month.group(2)), MONTHS[month.group(1).lower()]
        last = calendar.monthrange(year, number)[1]
        narrowed = dataclasses.replace(
            filters,
            doc_type=filters.doc_type or _KINDS[kind.group(1).lower()],
            since=f"{year}-{number:02d}-01",
            until=f"{year}-{number:02d}-{last:02d}",
        )
    else:
        return filters
    papers = list(papers)
    if kind and not days and _KINDS[kind.group(1).lower()] is None and not filters.doc_type:
        # "the April 2023 agenda pack": every part of the pack whose agenda is of that
        # month, though a report in it is dated in March
        agenda = dataclasses.replace(narrowed, doc_type="agenda")
        packs = tuple(
            sorted({p.source for p in papers if isinstance(p, Chunk) and agenda.admits(p)})
        )
        if packs:
            return dataclasses.replace(filters, sources=packs)
    return narrowed if any(narrowed.admits(p) for p in papers) else filters
