"""The registers (decisions, actions, recommendations, forward programme, glossary):
filtered look-ups, flat rows for JSON/CSV, and answers for the questions they settle."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from assistant.facts import tokens, topic_tokens
from assistant.question import Question, wants_outstanding
from ingest.dates import MONTHS, long_form
from ingest.knowledge import Knowledge
from ingest.register_conventions import OPEN_STATES
from ingest.text import conventions
from ingest.types import Answer, Citation

NAMES = ("decisions", "actions", "recommendations", "forward", "glossary")
_GLUE = set(tokens("of from with without about regarding"))  # a topic's words, not its glue
OPEN_STATUSES = {"open", "in progress", "update in later papers", ""}  # not reported done
NOT_STATED = "status not stated"
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(
    rf"\b(?:in|at|on)?\s*(?:the\s+)?({_MONTHS})\s+(\d{{4}})\b(?:\s+meeting)?", re.I
)
# "That the report be noted", "the information be noted" ("RESOLVED that" is the label).
ROUTINE = re.compile(r"^(?:that )?the (information|report|update)s? be noted\.?$", re.I)


def _text_of(entry: Any) -> str:
    parts = [
        str(v)
        for k, v in dataclasses.asdict(entry).items()
        if isinstance(v, str) and k not in ("status",)
    ]
    return " ".join(parts)


def matches(entry: Any, query: str) -> float:
    want = set(tokens(query)) - _GLUE
    if not want:
        return 1.0
    have = set(tokens(_text_of(entry)))
    return len(want & have) / len(want)


def is_open(entry: Any) -> bool:
    """Not reported done or dropped: open, in progress, carried forward or not stated
    (an entry without a normalised state falls back on its status)."""
    state = getattr(entry, "state", "")
    if state:
        return state in OPEN_STATES
    status = getattr(entry, "status", "open")
    return status in OPEN_STATUSES or status.startswith("open")


def _partnership(entry: Any) -> str:
    return getattr(entry, "partnership", "") or entry.where.partnership


def same_partnership(entry: Any, wanted: str) -> bool:
    """The entry is of the partnership named (ignoring case and a leading "the")."""
    norm = lambda s: re.sub(r"^the\s+", "", " ".join(s.lower().split()))  # noqa: E731
    return norm(_partnership(entry)) == norm(wanted)


def query(
    knowledge: Knowledge,
    name: str,
    text: str = "",
    open_only: bool = False,
    threshold: float = 0.99,
    partnership: str | None = None,
    since: str | None = None,
) -> list[Any]:
    """A register's entries: only open ones, of one partnership, dated on or after
    ``since`` (the meeting or document date), mentioning ``text``."""
    entries = list(getattr(knowledge, name))
    if partnership:
        entries = [e for e in entries if same_partnership(e, partnership)]
    if since:
        entries = [e for e in entries if (e.where.date or "") >= since]
    if open_only:
        entries = [e for e in entries if is_open(e)]
    if text:
        scored = [(matches(e, text), k, e) for k, e in enumerate(entries)]
        entries = [e for s, k, e in sorted(scored, key=lambda t: (-t[0], t[1])) if s >= threshold]
    return entries


def flat(entry: Any) -> dict[str, Any]:
    """One register entry as a flat row: its fields, then where it was printed."""
    row: dict[str, Any] = {}
    for key, value in dataclasses.asdict(entry).items():
        if key == "history":
            row[key] = [
                {
                    **{k: v for k, v in step.items() if k != "where"},
                    **{k: step["where"].get(k) for k in ("source", "part", "section", "page")},
                }
                for step in value
            ]
        elif isinstance(value, dict):
            prefix = "" if key == "where" else f"{key}_"
            for k in ("source", "part", "section", "page", "date"):
                row[f"{prefix}{k}"] = value.get(k)
        elif value is None and key.endswith("where"):
            continue
        elif key == "status" and not value:
            row[key] = NOT_STATED
        else:
            row[key] = value
    return row


DECISION_Q = re.compile(
    r"\b(?:what\s+(?:[\w'’]+\s+){0,4}?"  # "what was", "what did the board", "what X"
    r"|^\s*did\s+(?:[\w'’]+\s+){0,3}?)"
    r"(?:agreed|decided|resolved|approved|agree|decide|resolve|approve)\b"
    r"(?:\s+(?:on|about|regarding|for|to|in respect of|with))?\s*(?P<topic>.+?)\??$",
    re.I,
)
MEETING_Q = re.compile(
    r"\b(?:agreed|decided|decisions?|resolutions?|resolved)\b.*?\b(?:at|in|on)\s+the\s+"
    rf"(?:meeting\s+(?:of|on|in)\s+)?(?:(\d{{1,2}})\w*\s+)?({_MONTHS})\s+(\d{{4}})",
    re.I,
)
ACTIONS_Q = re.compile(
    r"(?i:\b(?:what\s+)?actions?\b.*?\b(?:does|do|has|have|for|on|of|assigned to|by))\s+"
    r"(?P<owner>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)"
)


MONTH_MATCH = 0.4  # share of a topic's words a decision of the month named must print


def meeting_month(question: str) -> str | None:
    """'What was agreed at the January 2023 meeting?' -> '2023-01'."""
    m = MEETING_Q.search(question)
    if not m:
        return None
    return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}"


_MEETING_NAMED = re.compile(  # "at the (meeting of) (26) January 2023 (meeting) (of the CSP)"
    rf"\b(?:at|in|on)\s+(?:the|its)\s+(?:meeting\s+(?:of|on|in)\s+)?(?:\d{{1,2}}\w*\s+)?"
    rf"(?:{_MONTHS})\s+\d{{4}}(?:\s+meeting)?(?:\s+of\s+the\s+\w+)?",
    re.I,
)


def _topic_beside_meeting(question: str) -> bool:
    """Whether a question naming a meeting names a subject too ("what was agreed about the
    Terms of Reference at the January 2023 meeting?"): then the meeting's decisions on
    that subject answer it, not all of them."""
    m = DECISION_Q.search(question)
    if not m:
        return False
    rest = _MEETING_NAMED.sub(" ", m.group("topic"))
    return bool(topic_tokens(rest) - set(tokens(" ".join(conventions().partnership_words))))


def answer_decisions(question: str, knowledge: Knowledge) -> Answer | None:
    month = meeting_month(question)
    if month and knowledge.decisions and not _topic_beside_meeting(question):
        # "what was agreed at the January 2023 meeting?": everything of substance it agreed
        found = [
            d
            for d in knowledge.decisions
            if (d.meeting_date or "").startswith(month) and not ROUTINE.match(d.text.strip())
        ]
        return _decision_answer(found[:12]) if found else None
    m = DECISION_Q.search(question)
    if not m or not knowledge.decisions:
        return None
    topic = re.sub(
        r"^(the\s+)?(partnership|csp)\s+(agree|decide)\w*\s+(on|about)\s+",
        "",
        m.group("topic"),
        flags=re.I,
    )
    # "... in January 2023": the month names the meeting, not the subject.
    month = _MONTH_YEAR.search(topic)
    topic = _MONTH_YEAR.sub(" ", topic) if month else topic
    pool = knowledge
    if month:
        wanted = f"{month.group(2)}-{MONTHS[month.group(1).lower()]:02d}"
        pool = dataclasses.replace(
            knowledge,
            decisions=[d for d in knowledge.decisions if (d.meeting_date or "").startswith(wanted)],
        )
    if month:  # one meeting's decisions: the ones closest to the topic, if near enough
        scored = [
            (matches(d, topic), d) for d in pool.decisions if not ROUTINE.match(d.text.strip())
        ]
        best = max((sc for sc, _ in scored), default=0.0)
        found = [d for sc, d in scored if sc >= MONTH_MATCH and sc >= 0.8 * best]
    else:
        found = [
            d
            for d in query(pool, "decisions", topic, threshold=0.99)
            if not ROUTINE.match(d.text.strip())
        ]
    if not found:
        return None
    found = sorted(found, key=lambda d: d.meeting_date or "", reverse=True)[:5]
    return _decision_answer(found)


def _decision_answer(found: list) -> Answer:
    lines, citations = [], []
    for n, d in enumerate(found, start=1):
        when = long_form(d.meeting_date) or "an undated meeting"
        lines.append(
            f"At the meeting of {when}, item {d.item} {d.item_title}, it was AGREED: "
            f"“{d.text}” [{n}]"
        )
        citations.append(Citation.at(n, d.where, d.text))
    return Answer("\n\n".join(lines), tuple(citations), covered=True)


def answer_actions(question: str, knowledge: Knowledge) -> Answer | None:
    """'What actions does X have?' (X's actions), and 'which actions are still open?'
    (every open action of the register given, which the caller has filtered to the
    partnership the question names: none of another partnership's)."""
    if not knowledge.actions:
        return None
    status = _status_named(question, knowledge.actions)
    if status:  # "which actions are delayed?": the entries printed with that status
        found = [a for a in knowledge.actions if _printed_status(a) == status]
        head = (
            f"{len(found)} action{'s' if len(found) != 1 else ''} with the status "
            f"“{found[0].status}” in the register (as printed):"
        )
        return _actions_answer(found, head, limit=None)
    outstanding = wants_outstanding(question)
    m = ACTIONS_Q.search(question)
    if m and not re.fullmatch(r"(?i)the|partnership|csp", m.group("owner")):
        owner = m.group("owner")
        found = [a for a in knowledge.actions if set(tokens(owner)) <= set(tokens(a.owner))]
        if outstanding:
            found = [a for a in found if is_open(a)]
        head = f"Actions for {owner}:"
    elif outstanding is not None:
        found = [a for a in knowledge.actions if is_open(a) == outstanding]
        partnerships = sorted({_partnership(a) for a in found if _partnership(a)})
        whose = f" of the {partnerships[0]}" if len(partnerships) == 1 else ""
        label = "still open" if outstanding else "reported done"
        head = (
            f"{len(found)} action{'s' if len(found) != 1 else ''}{whose} {label} in the "
            "register (each with its latest status, as printed):"
        )
        return _actions_answer(found, head, limit=None) if found else None
    else:
        return None
    return _actions_answer(found, head) if found else None


_GENERIC_STATUSES = {"open", "outstanding", "pending", "closed", ""}


def _printed_status(entry) -> str:
    return re.sub(r"\s+", " ", (entry.status or "")).strip().lower()


def _status_named(question: str, entries: list) -> str | None:
    """A status the register prints (its own words, "Delayed", "Not started") that the
    question names; the generic ones ("open", "outstanding") are the open/done question's."""
    asked = f" {' '.join(re.findall(r'[a-z0-9/-]+', question.lower()))} "
    printed = {_printed_status(e) for e in entries} - _GENERIC_STATUSES
    named = [p for p in printed if len(p) > 3 and f" {p} " in asked]
    return max(named, key=len) if named else None


def _actions_answer(found: list, head: str, limit: int | None = 12) -> Answer:
    lines, citations = [], []
    for n, a in enumerate(found[:limit], start=1):
        when = long_form(a.meeting_date) or "undated"
        ref = a.reference or a.item
        status = a.status or (a.state if a.state and a.state != "not stated" else "")
        status = f" Status: {status}." if status else " Status: not stated."
        due = f" Due: {a.due}." if a.due else ""
        who = f"{a.owner}: " if a.owner else ""
        lines.append(f"- {who}{a.text} ({ref}, {when}).{due}{status} [{n}]")
        place = a.history[-1].where if a.history else a.where
        citations.append(Citation.at(n, place, a.update or a.text if a.history else a.text))
    return Answer(head + "\n" + "\n".join(lines), tuple(citations), covered=True)


WHEN_Q = re.compile(r"^\s*when\b|\bforward programme\b|\bnext (meeting|time)\b", re.I)


def answer_outstanding(q: Question, knowledge: Knowledge) -> Answer | None:
    """'Which recommendations are still outstanding?' / '... have been completed?' /
    '... haven't been delivered yet?', for the year the question names if it names one."""
    status = _status_named(q.text, knowledge.recommendations)
    if status:  # "which has not yet started?": those printed with that status
        found = [r for r in knowledge.recommendations if _printed_status(r) == status]
        return _recommendation_answer(found, f"have the status “{found[0].status}”")
    outstanding = wants_outstanding(q.text)
    if outstanding is None:
        return None
    if outstanding:
        label = "not reported done"
    else:
        label = "reported done"
    years = q.periods
    # "Has the recommendation to create a pool of officers been achieved?": that one, with
    # its update, whatever its status.
    named = _about(q, knowledge.recommendations)
    if named:
        return _recommendation_answer(named, "match the question")
    found = [
        r
        for r in knowledge.recommendations
        if (is_open(r) if outstanding else (r.state or r.status) == "done")
        and (not years or r.year in years)
    ]
    if not found:
        return None
    return _recommendation_answer(found, f"are {label} in the latest papers")


_STATUS_WORDS = set(
    tokens(
        "recommendation recommendations outstanding open still remain remaining pending "
        "unresolved incomplete done completed complete implemented achieved delivered closed "
        "met yet been not has have haven't hasn't status progress ongoing which what is are"
    )
)


def _about(q: Question, recommendations: list) -> list:
    """The recommendations a question names by their own words (most of its topic words
    in the recommendation's text), for the year it names if any."""
    topic = {t for t in topic_tokens(q.subject) if t not in _STATUS_WORDS and "/" not in t}
    if len(topic) < 2:
        return []
    scored = []
    for r in recommendations:
        if q.periods and r.year not in q.periods:
            continue
        have = set(tokens(r.text))
        share = len(topic & have) / len(topic)
        if share >= 0.6:
            scored.append((share, r))
    best = max((s for s, _ in scored), default=0)
    return [r for s, r in scored if s >= best - 0.1][:3]


def _recommendation_answer(found: list, label: str) -> Answer:
    lines, citations = [], []
    for n, r in enumerate(found, start=1):
        update = f" Latest: “{r.update}”" if r.update else ""
        status = r.status or NOT_STATED
        name = r.reference if r.reference and not r.reference.startswith("Recommendation") else (
            f"Recommendation {r.number}" if r.number else "Recommendation"
        )
        lines.append(f"- {r.year} {name} ({status}): “{r.text}”{update} [{n}]")
        citations.append(Citation.at(n, r.update_where or r.where, r.update or r.text))
    head = (
        f"{len(found)} recommendation{'s' if len(found) != 1 else ''} {label} "
        "(status read from the wording of each update, which is quoted):"
    )
    if label.startswith("match"):
        head = "From the register of recommendations (the update quoted as printed):"
    return Answer(head + "\n" + "\n".join(lines), tuple(citations), covered=True)


def answer_forward(question: str, knowledge: Knowledge) -> Answer | None:
    """'When is the PCC visiting?': the forward-programme items the question is about."""
    if not WHEN_Q.search(question) or not knowledge.forward:
        return None
    # "... in the April 2023 forward programme": words naming the programme, not the item.
    papers = {f"{f.where.part} {long_form(f.where.date)}" for f in knowledge.forward}
    topic = topic_tokens(question) - set(tokens(" ".join(papers)))
    if not topic:
        return None
    scored = [
        (len(topic & set(tokens(_text_of(f)))) / len(topic), k, f)
        for k, f in enumerate(knowledge.forward)
    ]
    found = [f for s, k, f in sorted(scored, key=lambda t: (-t[0], t[1])) if s >= 0.6][:5]
    if not found:
        return None
    lines, citations = [], []
    for n, f in enumerate(found, start=1):
        who = f" Action by: {f.action_by}." if f.action_by else ""
        lines.append(f"- {f.item}: {f.detail} — {f.date}.{who} [{n}]")
        quote = " ".join(x for x in (f.item, f.detail, f.date, f.action_by) if x)
        citations.append(Citation.at(n, f.where, quote))
    head = f"The forward programme ({found[0].where.part}, {long_form(found[0].where.date)}):"
    return Answer(head + "\n" + "\n".join(lines), tuple(citations), covered=True)


def answer_glossary(acronym: str, knowledge: Knowledge) -> Answer | None:
    found = [g for g in knowledge.glossary if g.term.upper() == acronym.upper()]
    if not found:
        return None
    g = found[0]
    quote = g.quote or f"{g.term} {g.meaning}"
    when = f" ({long_form(g.where.date)})" if g.where.date else ""
    text = (
        f"{g.term} stands for {g.meaning}. {g.where.part}{when}, {g.where.section}: “{quote}” [1]"
    )
    return Answer(text, (Citation.at(1, g.where, quote),), covered=True)
