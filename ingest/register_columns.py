"""What each column of a register table holds, from its header words and, where they say
nothing, from what its cells hold; and which entry each column belongs to.

**Header words first** (`[registers.columns]` of the conventions): "Target date" is a due
column, "Lead agency" an owner column, "Minute" a minute column. A header that names no
role is read by its **content**, the cells under it:

- a column of references ("1", "DG24-03", "SA23-4": the `registers.reference` pattern) is
  the reference column ("Rec.", "#", "Item no");
- a column of status words (the states and ratings of the conventions) is the status;
- a column of dates ("30 June 2024", "Mar 2025", "30/06/2024") is the due column;
- a column of initials or short names ("JW", "PN / LO", "Insp. Drury") is the owner;
- when no header names the entry's words, the column whose cells are longest (sentences,
  not labels) holds them.

A table may hold **two entry columns**: a recommendation and the actions taken on it ("Rec.
| Recommendation | Scope | Action to take | Lead agency | Target date | Status"). Each field
column belongs to the nearest entry column on its left (a column left of every entry
column, the first one's), so the lead, date and status are the action's and the number
the recommendation's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.register_conventions import RegisterConventions, _key, decisions_as_text
from ingest.register_text import _ROLE_NOUN, NAME

_SHARE = 0.6  # of a column's non-empty cells that must agree for its content to name it
_INITIALS = re.compile(r"^[A-Z]{2,4}(?:\s*[/&,+]\s*[A-Z]{2,4}|\s+and\s+[A-Z]{2,4})*$")
_SHORT_NAME = re.compile(
    r"^(?:[A-Z][\w.'’()-]*|and|&|/|of|the|for)(?:\s+(?:[A-Z][\w.'’()-]*|and|&|/|of|the|for)){0,5}$"
)
_DATE = re.compile(
    r"^(?:(?:w/c|w/b|w/e|week\s+(?:commencing|beginning|ending)|end\s+of|start\s+of|"
    r"early|mid|late|by)[\s-]+)?"  # "w/c 3 March 2026", "End of June 2026"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?(?:\s+\d{2,4})?$|^\d{1,2}/\d{1,2}/\d{2,4}$|^Q[1-4](?:\s+\d{4}(?:/\d{2})?)?$",
    re.I,
)
_EMPTY = re.compile(r"^[-–—]*$")
# People as a cell names them: one, or two or more joined ("Dr A. Vance / Tobin Ashgrove").
_PEOPLE = re.compile(rf"{NAME}(?:\s*(?:/|&|,|and)\s*{NAME})*")


def _job_title(cell: str) -> bool:
    """A cell naming who by their job ("Neighbourhood Officer", "Head of Housing / Licensing
    Manager", "Analyst (Police)"): short capitalised words, one of them a role noun of the
    conventions (`[registers] role_nouns`)."""
    words = re.sub(r"\([^()]*\)", "", cell).replace("/", " ").split()
    return 0 < len(words) <= 10 and bool(_SHORT_NAME.match(re.sub(r"\s*/\s*", " / ", cell))) and (
        any(re.fullmatch(_ROLE_NOUN, w) for w in words)
    )


def _revised(header: str, conv: RegisterConventions) -> bool:
    """A header naming a later date than another of its role ("Revised target", "New due
    date"): one of `[registers] revised_words` in it."""
    return any(w in conv.revised_words for w in re.findall(r"[a-z]+", header.lower()))


def _cells(column: list[str]) -> list[str]:
    return [c for c in (re.sub(r"\s+", " ", x).strip() for x in column) if not _EMPTY.match(c)]


def _share(cells: list[str], test) -> float:  # noqa: ANN001
    return sum(bool(test(c)) for c in cells) / len(cells) if cells else 0.0


def _statuses(cells: list[str], conv: RegisterConventions, own: dict[str, str] | None) -> bool:
    """Most cells print a status word, whole or opening the cell ("Implemented – ...")."""
    return _share(cells, lambda c: conv.status_word(c, own)) >= _SHARE


def content_role(
    column: list[str], conv: RegisterConventions, own: dict[str, str] | None = None
) -> str | None:
    """The role a column's cells give it, or None (see the module's docstring); ``own`` is
    the paper's status key (its own status words)."""
    cells = _cells(column)
    if len(cells) < 2:
        return None
    if _share(cells, lambda c: len(c) <= 12 and conv.reference.match(c)) >= _SHARE:
        return "reference"
    if all(conv.rag_of(c) for c in cells):  # "R", "A", "G" or colour words only: a rating
        return "rag"
    if _statuses(cells, conv, own):
        return "status"
    if _share(cells, lambda c: _DATE.match(c) or _key(c) in conv.due_cells) >= _SHARE:
        return "due"
    if _share(cells, lambda c: _INITIALS.match(c) or (
        len(c) <= 40 and _SHORT_NAME.match(c) and not conv.is_status(c)
    )) >= _SHARE and _share(cells, _INITIALS.match) >= 0.3:
        return "owner"
    if _share(cells, lambda c: _job_title(c) and not conv.is_status(c)) >= _SHARE:
        return "owner"  # a column of job titles ("Neighbourhood Officer", "Head of Housing")
    bodies = {b.lower() for b in conv.recommendation_bodies}
    if _share(cells, lambda c: _PEOPLE.fullmatch(c) and c.split()[-1].lower() not in bodies
              ) >= _SHARE:
        return "owner"  # a column of people ("Sgt. Ilse Marwood"), not of bodies ("... Board")
    return None


def _status_by_cells(
    roles: list[str | None], by_header: list[str | None], columns: list[list[str]],
    conv: RegisterConventions, own: dict[str, str] | None,
) -> bool:
    """The status column is the one whose cells print status words: a column headed as
    the status that prints none (free text) gives way to one that does, whatever that
    one's header names (an update, a rating's neighbour, nothing); of two such columns
    ("Cabinet response" and "Progress") the later, which says where the entry stands now.
    Whether it moved."""
    said = [c for c, r in enumerate(roles) if r == "status"]
    if any(_statuses(_cells(columns[c]), conv, own) for c in said if by_header[c] == "status"):
        return False
    for c in reversed(range(len(roles))):  # of two such columns the later: the latest
        if roles[c] in (None, "update", "status", "raised", "decision") and len(
            _cells(columns[c])
        ) >= 2 and _statuses(_cells(columns[c]), conv, own) and not all(
            conv.rag_of(x) for x in _cells(columns[c])
        ):
            roles[c] = "status"
            for s in said:
                if s != c:
                    roles[s] = "update" if "update" not in roles and by_header[s] else None
            return c not in said
    return False


def _short_status(
    roles: list[str | None], headers: list[str], columns: list[list[str]],
    conv: RegisterConventions,
) -> None:
    """With no status column found, a column of short labels ("Tbc", "See note", "Lilac")
    that is no date, reference or owner, headed as an update or nothing, beside a column of
    the entries' words, holds each row's status as printed, even in words no key defines
    (their state is then "not stated"); an update column it displaced takes back its role."""
    for c, role in enumerate(roles):
        cells = _cells(columns[c])
        said = conv.column_role(headers[c])
        if role not in (None, "update") or said not in (None, "update", "rag"):
            continue
        if len(cells) < 2 or any(len(x) > 24 or len(x.split()) > 3 for x in cells):
            continue
        if _share(cells, _DATE.match) >= 0.3 or _share(
            cells, lambda x: conv.reference.match(x) or re.search(r"\d{2}", x)
        ) >= 0.3 or _share(cells, _INITIALS.match) >= 0.3 or _share(cells, _job_title) >= 0.3:
            continue
        if _share(cells, lambda x: len(x.split()) > 1 and all(
            w[:1].isupper() for w in x.split()
        )) >= 0.5:
            continue  # "Partnership Board", "Tobin Ashgrove": who, not where it stands
        roles[c] = "status"
        if role == "update":
            for d, header in enumerate(headers):
                if d != c and conv.column_role(header) == "update" and roles[d] is None:
                    roles[d] = "update"
                    break
        return


def _entry_words(
    column: list[str], conv: RegisterConventions, own: dict[str, str] | None
) -> bool:
    """A column whose cells are entries' words: phrases of several words (30 letters or
    more on average), not status words ("Agreed", "Accepted in part") - a decision column
    of those beside the entries' words is the body's response to them, no entry."""
    cells = [c for c in _cells(column) if not conv.is_empty(c)]
    return bool(cells) and _mean_length(cells) >= 30 and not _statuses(cells, conv, own)


def _mean_length(column: list[str]) -> float:
    cells = _cells(column)
    return sum(len(c) for c in cells) / len(cells) if cells else 0.0


@dataclass
class Entry:
    """One entry column and the field columns that belong to it (role → column index)."""

    column: int
    kind: str  # "action" or "recommendation"
    fields: dict[str, int] = field(default_factory=dict)
    named: bool = True  # the kind is what the header or the table's heading names


def column_roles(
    headers: list[str], body: list[list[str]], conv: RegisterConventions,
    own: dict[str, str] | None = None,
) -> list[str | None]:
    """Each column's role: from its header words, else from its cells. Several columns may
    hold entries' words ("text"); of the other roles the first column is kept. A column of
    status words is the status whatever its header says ("Executive response", "Progress",
    "Position"), unless a column headed as the status prints status words itself; ``own``
    is the paper's status key."""
    said = [conv.column_role(h) for h in headers]
    roles: list[str | None] = decisions_as_text(said)
    columns = [[row[c] if c < len(row) else "" for row in body] for c in range(len(headers))]
    for c, role in enumerate(said):  # "Decisions | Actions | Responsible officer | ..."
        if role == "decision" and roles[c] is None and _entry_words(columns[c], conv, own):
            roles[c] = "text"  # a column of decisions beside one of actions: entries too
    if "owner" not in roles:  # "Named officer", "Champion": a header naming a person's job
        for c, role in enumerate(roles):
            words = re.findall(r"[A-Za-z-]+", headers[c])
            if role is None and 0 < len(words) <= 3 and re.fullmatch(
                _ROLE_NOUN, words[-1][:1].upper() + words[-1][1:].lower()
            ):
                roles[c] = "owner"
                break
    by_header = list(roles)
    named: set[str] = set()
    for c, role in enumerate(roles):  # a second header of a role ("Ref" | ... | "Item")
        if role == "due" and role in named and _revised(headers[c], conv):
            first = roles.index("due")  # "Target date | Revised date": the revised is due
            roles[first] = by_header[first] = "raised"
        elif role in named and role != "text":  # is read by its cells
            roles[c] = None
        named.add(role or "")
    for c, role in enumerate(roles):  # a date's header over sentences ("Issue raised")
        cells = _cells(columns[c])
        if role in ("due", "raised") and cells and _mean_length(columns[c]) >= 30 and _share(
            cells, _DATE.match
        ) < 0.3:
            roles[c] = None
    for c, role in enumerate(roles):  # a role a header names is that column's
        if role is None and body:
            found = content_role(columns[c], conv, own)
            roles[c] = found if found not in named else None
    dated = [c for c, r in enumerate(roles) if r == "due" and by_header[c] is None]
    for c in dated[:-1]:  # of several date columns no header names, the last is the due:
        roles[c] = "raised"  # "Logged | Target | Revised" - the latest target, not the first
    if _status_by_cells(roles, by_header, columns, conv, own):
        for c, role in enumerate(by_header):  # a second update column ("Notes") is the update
            if role == "update" and roles[c] is None and "update" not in roles:
                roles[c] = "update"
    if "text" in roles and "minute" in roles and "reference" not in roles:
        # beside the entries' words, a "Minute" column of identifiers ("12/26", "15/26(b)")
        # is the minute each entry was agreed at: its reference
        c = roles.index("minute")
        cells = _cells(columns[c])
        if cells and all(
            len(x) <= 16 and (conv.reference.match(x) or (
                conv.item_reference is not None and conv.item_reference.match(x)))
            for x in cells
        ):
            roles[c] = "reference"
    if "text" not in roles and "minute" not in roles and body:
        free = [c for c, r in enumerate(roles) if r is None]
        longest = max(free, key=lambda c: _mean_length(columns[c]), default=None)
        if longest is not None and _mean_length(columns[longest]) >= 30:
            roles[longest] = "text"
    if "status" not in roles and "rag" not in roles and "text" in roles:
        _short_status(roles, headers, columns, conv)
    if "rag" in roles and "status" not in roles:  # the rating is the only status printed
        roles = ["status" if r == "rag" else r for r in roles]
    seen: set[str] = set()
    out: list[str | None] = []
    for role in roles:
        if role in seen and role != "text":
            out.append(None)
            continue
        if role:
            seen.add(role)
        out.append(role)
    return out


def named_kind(words: str, conv: RegisterConventions | None = None) -> str:
    """The one kind a header or heading names ("Recommendation (2023/24)" → recommendation,
    "Decision" / "Resolutions agreed" → decision, "Action" / "Actions arising" → action),
    or "" when it names none or two ("Decision and action log", "Description")."""
    h = words.lower()
    named = set()
    if "recommend" in h:
        named.add("recommendation")
    if re.search(r"\b(?:decisions?|resolutions?|resolved)\b", h):
        named.add("decision")
    if re.search(r"\bactions?\b", h):
        named.add("action")
    if conv is not None:  # the conventions' words of three letters or more
        named |= {conv.kinds[w] for w in re.findall(r"[a-z]{3,}", h) if w in conv.kinds}
    return named.pop() if len(named) == 1 else ""


def _entry_kind(header: str, heading_kind: str = "") -> str:
    """What a words column's entries are: what its header names; a header that names
    nothing ("Description", "Item") takes the table's heading's kind; else action."""
    return named_kind(header) or heading_kind or "action"


def entries(headers: list[str], roles: list[str | None], heading_kind: str = "") -> list[Entry]:
    """The entry columns, each with the field columns that belong to it; ``heading_kind``
    is the kind the table's heading names (a "Decisions" heading over "Ref | Detail")."""
    found = [
        Entry(c, _entry_kind(headers[c], heading_kind), named=bool(
            named_kind(headers[c]) or heading_kind))
        for c, r in enumerate(roles) if r == "text"
    ]
    if not found:
        return []
    shared = not any(e.kind == "recommendation" for e in found)
    for c, role in enumerate(roles):
        if not role or role == "text":
            continue
        if shared and c < found[0].column:  # "Item | Decision | Action | Lead": the row's
            for e in found:  # number is the decision's and the action's
                e.fields.setdefault(role, c)
            continue
        owner = next((e for e in reversed(found) if e.column < c), found[0])
        owner.fields.setdefault(role, c)
    if len(found) > 1:  # the one recommendation column a table of actions answers
        for e in found[1:]:
            if e.kind == found[0].kind == "recommendation":
                e.kind = "action"
    return found


def is_register(roles: list[str | None]) -> bool:
    """A register table: an entry column and at least two of reference, owner, due, status
    and update; or a numbered list of entries as a table of two columns, a reference and
    the entries' words ("No. | Recommendation")."""
    have = {r for r in roles if r}
    if roles == ["reference", "text"]:
        return True
    return "text" in have and len(have & {"reference", "owner", "due", "status", "update"}) >= 2


def is_minutes(roles: list[str | None]) -> bool:
    """Minutes printed as a table: a minute column (by its header words, or the column of
    sentences) beside an owner column ("Item | Minute | Action by")."""
    have = {r for r in roles if r}
    return "owner" in have and "minute" in have and not have & {"status", "due"}
