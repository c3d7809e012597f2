"""Minutes printed as a table: "Item | Minute | Action by", a paragraph per row.

The minute number (and title) stands in the item column on a minute's first row only; the
rows under it are its paragraphs, and the owner column names who acts, beside the paragraph
that says what ("DR to arrange ... by 31 May 2025." | DR). So, minute by minute:

- a paragraph with someone in the owner column is an action: its text the paragraph, its
  owner the cell as printed, its due the date phrase in it;
- a paragraph with no owner beside it that says "X to ..." or "X agreed to ..." is an
  action of X;
- a resolution lead-in ("Resolved:", "RESOLVED that:", "Agreed:") and the numbered rows
  under it are decisions, one per item; an item that names who is to act ("(2) That the
  Chair write to ...") is an action as well;
- every entry's reference is its minute's number, without the dot, wherever the minute
  runs on (a minute continued on the next page keeps it).

The table may be a PDF's (cells told apart by position, `register_pdf.minute_grids`), a
pipe or tab table, or HTML: each gives a `Grid`. The minute column is named by its header
words (`[registers.columns] minute`) or, beside an owner column, is the column of
sentences when most of its rows have no owner (a tracker's rows all have one).
"""

from __future__ import annotations

import re

from ingest.register_actions import owner_of_resolution
from ingest.register_columns import column_roles
from ingest.register_conventions import RegisterConventions
from ingest.register_decisions import RESOLUTION, _resolutions, _tidy
from ingest.register_lines import Found, due_in, owner_to, tidy_text
from ingest.register_tables import Grid, strip_markup
from ingest.register_text import Line

_ITEM = re.compile(
    r"^(?:(?:Item|Minute|Min\.?)\s+)?(?P<ref>\d{1,3}(?:[./]\d{1,3})?[a-z]?)\.?(?:\s+|$)"
)
# Sentence-case lead-ins too: a table's row prints "Resolved:" as typed.
_LEAD_IN = re.compile(
    r"^(?:The\s+(?:[A-Z][\w-]*\s+){1,4})?(?:Resolved|Agreed|Decided)(?:\s*[:–-]+|\s+that\b|\s*$)\s*(?P<rest>.*)$"
)


def minute_roles(grid: Grid, conv: RegisterConventions) -> tuple[int, int, int | None] | None:
    """(minute column, owner column, item column) when the grid is minutes as a table."""
    body = [[strip_markup(c) for c in cells] for _, cells, _ in grid.rows]
    roles = column_roles(grid.headers, body, conv)
    if "owner" not in roles or {"status", "due"} & set(roles):
        return None
    owner = roles.index("owner")
    if "minute" in roles:
        minute = roles.index("minute")
    elif "text" in roles:
        minute = roles.index("text")
        rows = [r for r in body if minute < len(r) and r[minute]]
        owned = [r for r in rows if owner < len(r) and r[owner]]
        if not rows or len(owned) * 2 >= len(rows):  # a tracker: every row has its owner
            return None
    else:
        return None
    item = roles.index("reference") if "reference" in roles else None
    return minute, owner, item


def minute_entries(grids: list[Grid], conv: RegisterConventions) -> list[Found]:
    """The decisions and actions of minutes tables; ``grids`` in the order printed (a
    table continued on the next page is the next grid, and its minute carries on)."""
    out: list[Found] = []
    item, title = "", ""
    lines: list[Line] = []
    owners: list[str] = []
    refs: list[tuple[str, str]] = []

    def flush() -> None:
        out.extend(_entries(lines, owners, refs, conv))
        lines.clear()
        owners.clear()
        refs.clear()

    for grid in grids:
        cols = minute_roles(grid, conv)
        if cols is None:
            continue
        minute, owner, item_col = cols
        for _, cells, offsets in grid.rows:
            cells = [strip_markup(c) for c in cells] + [""] * len(grid.headers)
            if all(cells[c] == grid.headers[c] for c in (minute, owner) if cells[c]):
                continue  # the header row repeated
            m = _ITEM.match(cells[item_col]) if item_col is not None else None
            if m:
                flush()
                item = m.group("ref")
                title = cells[item_col][m.end():].strip()
                if not title and not re.search(r"[.;:!?]$", cells[minute].strip()):
                    title = cells[minute]
                    continue  # the row that carries the number prints the title
                # else the number stands beside the minute's first paragraph
            text = cells[minute]
            if not text:
                continue
            at = offsets[minute] if minute < len(offsets) else offsets[0]
            lines.append(Line(at, text))
            owners.append(cells[owner])
            refs.append((item, title))
    flush()
    return out


def _entries(
    lines: list[Line], owners: list[str], refs: list[tuple[str, str]], conv: RegisterConventions
) -> list[Found]:
    out: list[Found] = []
    taken: set[int] = set()
    for i, line in enumerate(lines):
        m = RESOLUTION.match(line.text)
        rest = (m.group(2) or "") if m else ""
        if not m:
            m2 = _LEAD_IN.match(line.text)
            if not m2:
                continue
            rest = m2.group("rest")
        for offset, text in _resolutions(lines, i, rest):
            k = next((n for n, ln in enumerate(lines) if ln.start == offset), None)
            if k is not None:
                taken.add(k)
            text = tidy_text(_tidy(text))
            if not text:
                continue
            item, title = refs[k if k is not None else i]
            common = dict(reference=item, item=item, item_title=title)
            who = owner_of_resolution(text)
            owner, due = (who[0], due_in(text, conv)) if who else ("", "")
            out.append(Found("decision", text, offset, owner=owner, due=due, **common))
            if who:
                out.append(Found("action", text, offset, owner=owner, due=due, **common))
        taken.add(i)
    for i, line in enumerate(lines):
        if i in taken:
            continue
        text = tidy_text(line.text)
        owner = owners[i] or owner_to(text) or _agreed_owner(text, conv)
        if not owner or not text or text.endswith(":"):
            continue
        item, title = refs[i]
        out.append(Found("action", text, line.start, owner=owner, due=due_in(text, conv),
                         reference=item, item=item, item_title=title))
    return sorted(out, key=lambda f: f.offset)


def _agreed_owner(text: str, conv: RegisterConventions) -> str:
    """The X of "X agreed to ..." (the verbs of the conventions)."""
    verbs = "|".join(re.escape(v) for v in conv.agreed_verbs)
    who = r"(?P<owner>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)"
    m = re.match(rf"^{who}\s+(?:{verbs})\s+to\s+[a-z]", text)
    return m.group("owner") if m else ""
