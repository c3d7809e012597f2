"""Register entries from every reader, as the typed entries of `ingest.types`, with their
state, rating, reference and partnership; then later papers' updates joined to what they
report on, within one partnership only.

Joining (actions and recommendations): an entry of a later-dated paper of the same
partnership reports on an earlier entry when

- both print their own reference and it is the same ("CSP/24/07" in the minutes and in the
  action log; a minute's number is not an entry's own reference, so "43" of one meeting is
  never "43" of another), or
- it is the same action in other words: the earlier entry has no reference of its own, the
  owners are the same people (in any order: "R. Bakshi and F. Trelawney" and
  "F. Trelawney / R. Bakshi") and the two share enough of their words.

The earlier entry keeps its words, owner and reference; its status, state and update are
the latest paper's, and its history holds every step oldest first, each citing its paper.
Entries of two partnerships never join, whatever their references.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from ingest import register_conventions
from ingest.dates import MONTHS
from ingest.register_conventions import RegisterConventions, status_form
from ingest.register_lines import Found
from ingest.register_tables import Row
from ingest.register_text import content_words, word_overlap
from ingest.types import Action, Decision, HistoryStep, Recommendation, Where

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))


def due_date(due: str) -> str | None:
    """The due date as ISO where it parses: "30 June 2024", "30/06/2024", "31 Jul 2024";
    a month alone ("Mar 2025", "the end of July 2024") is its last day."""
    text = due.strip().lower()
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?\s+(\d{{4}})\b", text)
    try:
        if m:
            return date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))).isoformat()
        m = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b", text)
        if m:
            year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
            return date(year, int(m.group(2)), int(m.group(1))).isoformat()
        m = re.search(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", text)
        if m:
            year, month = int(m.group(2)), MONTHS[m.group(1)]
            return date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    except ValueError:
        return None
    return None


_DASH = re.compile(r"[-–—]+")


def _blank(cell: str) -> bool:
    """A cell that fills in nothing: a dash, or an empty value of the conventions ("n/a",
    "none", "not applicable")."""
    return bool(_DASH.fullmatch(cell)) or register_conventions.current().is_empty(cell)


def clean_owner(owner: str) -> str:
    """The owner as printed, without a leading "the"; a dash or "n/a" is no one."""
    owner = re.sub(r"^[Tt]he\s+", "", re.sub(r"\s+", " ", owner).strip())
    return "" if _blank(owner) else owner


def clean_due(due: str) -> str:
    """The due as printed ("TBC" too); a dash or "n/a" is none."""
    due = re.sub(r"\s+", " ", due).strip()
    return "" if _blank(due) else due


@dataclass
class Built:
    """An entry with what joining needs: whether its reference is its own."""

    entry: Decision | Action | Recommendation
    own_reference: bool
    order: tuple  # (date, source, offset): oldest first
    fallback: bool = False  # from the last reader: the same words of the same date elsewhere win


def _step(e: Action | Recommendation) -> HistoryStep:
    return HistoryStep(e.where.date, e.status, e.state, e.reference, e.text, e.update, e.where)


def from_found(
    f: Found, where: Where, conv: RegisterConventions, year: str = "",
    own: dict[str, str] | None = None,
) -> Built:
    """A reader's entry typed, dated and placed; ``own`` is the paper's status key. A
    status that opens with a status word and carries on with commentary ("Implemented –
    the group met in May") is that word; the commentary is the update when none is printed."""
    if not f.status and f.update:
        f.status, f.update = _status_opening(f.update, conv, own)
    status, update = _status_apart(f.status, f.update, conv, own)
    f.update = update
    state = conv.state_of(status, f.update, own)
    # the rating where one is printed: a RAG column's word (beside a Status column), else
    # the status when it is a rating; the state comes from the status alone (issue 10)
    rag = conv.rag_of(f.rag) or conv.rag_of(status)
    common = dict(
        due_date=due_date(f.due),
        state=state,
        rag=rag,
        reference=f.reference,
        partnership=where.partnership,
    )
    if f.kind == "decision":
        entry: Decision | Action | Recommendation = Decision(
            where.date, f.item, f.item_title, f.text, where,
            owner=f.owner, due=f.due, status=status, update=f.update, **common,
        )
    elif f.kind == "action":
        entry = Action(
            f.owner, f.text, where.date, f.item, f.due, status, f.update, where,
            update=f.update, **common,
        )
    else:
        number = re.search(r"(\d+)\D*$", f.reference)
        entry = Recommendation(
            year, int(number.group(1)) if number else 0, f.text, f.update, status, where,
            owner=f.owner, due=f.due, **common,
        )
    return Built(entry, f.own_reference, (where.date or "", where.source, where.start),
                 f.fallback)


def _status_apart(
    status: str, update: str, conv: RegisterConventions, own: dict[str, str] | None
) -> tuple[str, str]:
    word = conv.status_word(status, own) if status else ""
    if not word or word == re.sub(r"\s+", " ", status).strip():
        return status, update
    rest = re.sub(r"^[\s–—:;,.(-]+", "", re.sub(r"\s+", " ", status).strip()[len(word):])
    return word, update or re.sub(r"[\s.)]+$", "", rest)


def _status_opening(
    update: str, conv: RegisterConventions, own: dict[str, str] | None
) -> tuple[str, str]:
    """(status, update) of an update printed with no status beside it that opens with one
    of the words the paper's own key defines, set off by a full stop, colon or dash ("Under
    way. The grant allocation has been drafted ..."): the word is the status, the rest the
    update. Words the key does not define are commentary ("Completed in August ...")."""
    if not own:
        return "", update
    text = re.sub(r"\s+", " ", update).strip()
    m = re.match(r"^(?P<word>[^–—:;,.(]{2,40}?)\s*(?:[.:;–—]|\s-\s)\s*(?P<rest>.*)$", text)
    if m and status_form(m.group("word")) in own:
        return m.group("word").strip(), m.group("rest").strip()
    return "", update


def from_row(row: Row) -> Found:
    c = row.cells
    return Found(
        row.kind,
        re.sub(r"[\s.;,]+$", "", c.get("text", "")),
        row.offset,
        owner=clean_owner(c.get("owner", "")),
        due=clean_due(c.get("due", "")),
        status="" if _DASH.fullmatch(c.get("status", "").strip()) else c.get("status", ""),
        update="" if _DASH.fullmatch(c.get("update", "").strip()) else re.sub(
            r"[\s.]+$", "", c.get("update", "")),  # a dash cell is no update
        reference=c.get("reference", "") or c.get("item", ""),
        item=c.get("item", ""),
        own_reference=bool(c.get("reference")),
        rag=c.get("rag", ""),
    )


def _people(owner: str) -> frozenset[str]:
    """The surnames (or words) of an owner: "R. Bakshi and F. Trelawney" → bakshi, trelawney."""
    return frozenset(
        w.lower()
        for w in re.findall(r"[A-Za-z][\w'’-]+", owner)
        if w.lower() not in {"and", "the", "of", "for"} and not re.fullmatch(r"[A-Z]", w)
    )


def _other_words(a: Action | Recommendation, b: Action | Recommendation) -> bool:
    pa, pb = _people(a.owner), _people(b.owner)
    if not pa or pa != pb:
        return False
    wa, wb = set(content_words(a.text)), set(content_words(b.text))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.4


def join_updates(built: list[Built]) -> tuple[list[Action | Recommendation], dict[int, str]]:
    """Entries with later papers' updates joined in (see the module's docstring), and for
    each joined entry (by id) how it was matched."""
    ordered = sorted(built, key=lambda b: b.order)
    kept: list[Built] = []
    matched: dict[int, str] = {}
    # What a later entry may join, in the order kept: by its own reference, and (actions
    # without one) by partnership, so no entry is compared with every other.
    referenced: dict[tuple, list[Built]] = {}
    unreferenced: dict[str, list[Built]] = {}
    for b in ordered:
        e = b.entry
        target, how = None, ""
        if b.own_reference:
            same = [
                k
                for k in referenced.get((e.kind, e.partnership, e.reference), ())
                if (k.entry.where.date or "") < (e.where.date or "")
            ]
            if same:  # the latest earlier paper's; of two there ("Minute 7" twice), the words'
                latest = max(k.entry.where.date or "" for k in same)
                pool = [k for k in reversed(same) if (k.entry.where.date or "") == latest]
                target = max(pool, key=lambda k: word_overlap(k.entry.text, e.text))
            how = "reference"
            if target is None:
                target = next(
                    (
                        k
                        for k in unreferenced.get(e.partnership, ())
                        if k.entry.kind == e.kind == "action"
                        and (k.entry.where.date or "") < (e.where.date or "")
                        and not k.entry.history[1:]
                        and _other_words(k.entry, e)
                    ),
                    None,
                )
                how = "other words"
        if target is None or not e.partnership:
            kept.append(b)
            if b.own_reference:
                referenced.setdefault((e.kind, e.partnership, e.reference), []).append(b)
            else:
                unreferenced.setdefault(e.partnership, []).append(b)
            continue
        old = target.entry
        steps = old.history or (_step(old),)
        joined = replace(
            old,
            status=e.status,
            state=e.state,
            rag=e.rag,
            update=e.update,
            history=(*steps, _step(e)),
        )
        if isinstance(joined, Action):
            joined = replace(joined, latest=e.update, latest_where=e.where)
        else:
            joined = replace(joined, update_where=e.where)
        target.entry = joined
        matched[id(joined)] = how
    return [k.entry for k in kept], matched
