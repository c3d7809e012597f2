"""Action lists: list items that print an action's words and then its fields, labelled.

    - **Minute 52** · Ask the parish councils for sites ... Lead: Cllr R. Pemberton-Yeo.
      By: 31 December 2024. **Closed** – three sites offered; ...
    - CSP/24/07 – Circulate the draft protocol (Owner: M. Adeyemi; Due: 30/06/2024; Status: Open)
    1. Review the protocol. Lead: Community Safety Manager. Due: March 2025. Status: Open
    * Share the hotspot map
      - Lead: Insp. Drury
      - Status: Complete

An item (a bullet, a number or a letter, with its wrapped and indented lines) is an action
when it prints its owner or its status, and one more of owner, due date, status and its
own reference. The field labels
are the header words of the register columns (`[registers.columns]`: "Lead", "Owner",
"By", "Due", "Status", "Update", ...), each followed by ':'. The status may also be printed
as a status word in bold, or as a status word opening the sentence after the last field;
what follows it (after a dash or colon) is the update. The item's reference is its bold
(or bracketed) opening holding a digit, or an opening that the reference patterns of the conventions
name (``registers.reference``, ``registers.list_references``), followed by a separator
(·, –, —, :, |); without one it is the enclosing minute or item.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.register_conventions import RegisterConventions
from ingest.register_tables import Row, strip_markup
from ingest.types import LoadedFile, Part

_MARKER = re.compile(
    r"^(?P<indent>\s*)(?:[-*•▪]|(?P<num>\d{1,2}(?:\.\d{1,2}){1,2})\.?|\d{1,3}[.)]"
    r"|\((?:[a-z]|\d{1,2})\))\s+"
)  # a decimal number ("1.1 ...") is the item's reference
_BULLET = re.compile(r"^\s*(?:[-*•▪]|\d{1,3}[.)]|\((?:[a-z]|\d{1,2})\))\s+")  # no number
_SEPARATOR = r"\s*(?:[·:|–—]|-(?=\s))\s*"
_BOLD = re.compile(r"\*\*(?P<inner>[^*]{1,60})\*\*")
# A status word set apart: in bold, or in brackets ("[Complete]", "(Open)").
_SET_APART = re.compile(
    r"\*\*(?P<inner>[^*]{1,60})\*\*|\[(?P<square>[^\]]{1,40})\]|\((?P<round>[^)]{1,40})\)"
)
_ROLES = ("text", "owner", "due", "status", "rag", "update", "reference")


@lru_cache(maxsize=8)
def _field_pattern(conv: RegisterConventions) -> re.Pattern[str]:
    words = sorted({w for r in _ROLES for w in conv.columns.get(r, ()) if w[:1].isalpha()},
                   key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(
        # in bold or italics: "**Lead:**", "*Lead:*", "_Due:_"
        rf"(?:(?<=\s)|(?<=\()|(?<=;)|^)(?:\*{{1,2}}|_{{1,2}})?(?P<label>{alts})(?:\*{{1,2}}|_{{1,2}})?"
        rf"\s*:(?:\*{{1,2}}|_{{1,2}})?\s*",
        re.I,
    )


@lru_cache(maxsize=8)
def _status_pattern(conv: RegisterConventions) -> re.Pattern[str]:
    words = sorted({*conv.states, *(w for w in conv.rag if len(w) > 2)}, key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(
        rf"(?:^|(?<=[.;]\s)|(?<=[–—|]\s)|(?<=\s-\s))(?P<status>(?i:{alts}))\b(?!\s*:)", re.M
    )


def _items(text: str, start: int, end: int) -> list[tuple[int, str, str]]:
    """(offset of the item's first line, the item's lines joined, its decimal number) for
    every list item. A line indented under an item carries it on, unless it opens with a
    decimal number ("1.1 ..." under "1. Priority ..."): a numbered sub-item of its own."""
    out: list[tuple[int, list[str], str]] = []
    indent = -1
    pos = start
    for raw in text[start:end].split("\n"):
        off, pos = pos, pos + len(raw) + 1
        m = _MARKER.match(raw)
        if not raw.strip():
            indent = -1
            continue
        if m and (indent < 0 or len(m.group("indent")) <= indent or m.group("num")):
            out.append((off + m.end(), [raw[m.end() :]], m.group("num") or ""))
            indent = len(m.group("indent"))
        elif indent >= 0 and out:
            out[-1][1].append(raw.strip())
    return [(o, " ".join(ls), n) for o, ls, n in out]


def _reference(body: str, conv: RegisterConventions, loose: bool = False) -> tuple[str, int]:
    """The item's own reference and where its words start; ``loose``: a reference may be
    followed by a space alone (a record's title line, "CSP/25/05 Deliver training")."""
    m = _BOLD.match(body) or re.match(r"[\[(](?P<inner>[^\])]{1,30})[\])]", body)
    if m and re.search(r"\d", m.group("inner")):
        sep = re.compile(_SEPARATOR).match(body, m.end())
        at = sep.end() if sep else m.end()
        return strip_markup(m.group("inner")), at + len(body[at:]) - len(body[at:].lstrip())
    for pattern in (*conv.list_references, conv.reference):
        raw = pattern.pattern.lstrip("^").rstrip("$")
        after = rf"{_SEPARATOR}|\.\s+" + (r"|\s+" if loose else "")
        m = re.match(rf"(?P<ref>{raw})(?:{after})", body)
        if m and re.search(r"\d", m.group("ref")):
            return m.group("ref"), m.end()
    return "", 0


def _split_status(value: str, conv: RegisterConventions) -> tuple[str, str]:
    """"Closed – three sites offered" → ("Closed", "three sites offered")."""
    m = re.match(r"(?P<head>[^–—:;(]+?)\s*(?:[–—:;]|\s-\s)\s*(?P<rest>.*)$", value)
    if m and conv.state_of(m.group("head")) != "not stated":
        return m.group("head"), m.group("rest")
    return value, ""


def _tidy(value: str) -> str:
    """A field's value without the punctuation that ends it ("Insp. Drury." → "Insp.
    Drury"), nor the bracket that encloses the fields ("(Owner: X; Due: Y)")."""
    value = re.sub(r"[\s.;,|–—-]+$", "", strip_markup(value)).strip()
    if value.endswith(")") and value.count(")") > value.count("("):
        value = value[:-1].rstrip(" .;,")
    if value.endswith("(") or (value.startswith("(") and value.count("(") > value.count(")")):
        value = value.strip("( ")
    return value


def parse_item(body: str, conv: RegisterConventions) -> dict[str, str] | None:
    """The cells of a list item by role, or None when it is no action."""
    reference, at = _reference(body, conv)
    marks = []  # (start, value start, role)
    for m in _field_pattern(conv).finditer(body, at):
        role = conv.column_role(m.group("label"))
        if role and m.group("label")[0].isupper():
            marks.append((m.start(), m.end(), role))
    if not marks:
        return None
    status_at = None
    for m in _SET_APART.finditer(body, marks[0][0]):
        inner = strip_markup(m.group("inner") or m.group("square") or m.group("round"))
        inside_field = any(s <= m.start() < v for s, v, _ in marks)
        if conv.state_of(inner) != "not stated" and not inside_field:
            status_at = (m.start(), m.end(), inner)
            break
    if status_at:
        marks.append((status_at[0], status_at[1], "bold status"))
        marks.sort()
    cells: dict[str, str] = {}
    text = body[at : marks[0][0]]
    for n, (_, v, role) in enumerate(marks):
        value = body[v : marks[n + 1][0] if n + 1 < len(marks) else len(body)]
        if role == "bold status":
            cells.setdefault("status", status_at[2])
            rest = re.sub(r"^[\s–—:;,-]+", "", value)
            if rest.strip():
                cells.setdefault("update", rest)
            continue
        if role == "status":
            value, rest = _split_status(strip_markup(value), conv)
            if rest:
                cells.setdefault("update", rest)
        if role == "text":
            text, value = value, ""
        elif value.strip():
            cells.setdefault(role, value)
    if "status" not in cells and marks[-1][2] != "status":
        last = marks[-1][2]
        value = cells.get(last, "")
        m = _status_pattern(conv).search(value)
        if m and m.start() > 0:
            cells[last] = value[: m.start()]
            status, rest = _split_status(value[m.start() :].strip(), conv)
            cells["status"] = status
            if rest:
                cells.setdefault("update", rest)
    cells = {r: _tidy(v) for r, v in cells.items() if _tidy(v)}
    if "rag" in cells and "status" not in cells:  # a rating printed alone is the status
        cells["status"] = cells.pop("rag")
    cells["text"] = _tidy(text)
    if reference:
        cells["reference"] = reference
    # An action names who does it or how it stands, and one more of its fields.
    fields = {"owner", "due", "status", "reference"} & set(cells)
    if not cells["text"] or not ({"owner", "status"} & fields) or len(fields) < 2:
        return None
    return cells


def list_rows(doc: LoadedFile, part: Part, conv: RegisterConventions) -> list[Row]:
    """Every action of an action list in the part, as a register table row."""
    out = []
    for offset, body, number in _items(doc.text, part.start, part.end):
        cells = parse_item(body, conv)
        if cells is None:
            continue
        if number and "reference" not in cells:
            cells["reference"] = number
        start = doc.text.find(cells["text"][:20], offset)
        out.append(Row(cells, start if start >= 0 else offset, "action"))
    return out


def title_of(line: str, conv: RegisterConventions) -> tuple[str, str]:
    """(reference, words) of the line above a record block: "CSP/25/05 Deliver training",
    "### A3. Install CCTV", "**Minute 7** · Clear the fly-tipping", or a reference alone
    ("Recommendation 1")."""
    body = _BULLET.sub("", re.sub(r"^\s*#{1,6}\s+", "", line).strip(), count=1)
    alone = strip_markup(body).strip(" .:")
    if conv.reference.match(alone):  # "Recommendation 1", "**A3**": a reference alone
        return alone, ""
    ref, at = _reference(body, conv, loose=True)
    return ref, _tidy(body[at:])
