"""Record-style papers (decision notices, decision records) and the sections that a
decision or action label heads on a line of its own.

A **notice** opens with a header of three or more ``Field:<TAB>value`` lines in a row
("Decision Maker:", "Decision Reference:", "Agenda Item:", "Subject:"), none of them a
register table's text field (that would be a tracker's record block). It runs to the next
header or a rule line (``-----``). The field names of `[registers.notices]` say which field
is the notice's reference (the reference of every entry in it), its item and its subject.

A **section** is headed by a decision or action label alone on its line ("DECISION:",
"**Actions arising**", "### Decisions") and runs to the next heading: a line ending in ':'
with nothing after it, a line in capitals, a Markdown heading, a rule, a notice header.

- In a decision section: a resolution lead-in ("The Executive Group RESOLVED:",
  "RESOLVED that:", a bare "That") and its numbered or lettered items, each item a
  decision; or numbered items straight under the label; or, in a notice, each paragraph
  that is a sentence ("The Executive Group noted the Quarter 3 performance report.").
- In an action section: the list items (or "X to ..." lines) straight under the label,
  each an action, its owner the "X" and its due the date phrase.
- In a notice outside minutes, a resolution lead-in with its items is read where it stands,
  with or without a section label over it (minutes' resolutions have a reader of their own).

A resolution that names who is to act ("That the Community Safety Officer report ... in
April 2026") is an action as well, with the same text, owner and due; one whose subject is
a thing or that only authorises ("be authorised to") is a decision only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.dates import iso, parse_dates
from ingest.register_actions import owner_of_resolution
from ingest.register_conventions import RegisterConventions
from ingest.register_decisions import LEAD_IN, NUMBERED, RESOLUTION, _resolutions, _tidy
from ingest.register_lines import Found, Items, due_in, owner_apart, owner_to, tidy_text
from ingest.register_lists import _reference
from ingest.register_text import Line, clean, ends_sentence, lines_of, unwrap
from ingest.types import LoadedFile, Part

_FIELD_LINE = re.compile(
    r"^(?:[-*•]\s+)?(?:\*\*)?(?P<name>[A-Z][A-Za-z][\w ()/'’.&-]{0,40}?)(?:\*\*)?\s*:"
    r"(?:\*\*)?(?:\t+|\s+)(?P<value>\S.*)$"
)
_TAB_FIELD = re.compile(r"^(?P<name>[A-Z][\w ()/'’.&-]{1,40}?)(?:\t+| {2,})(?P<value>\S.*)$")
# "Resolved:" / "Agreed –" in sentence case, over a notice's items (minutes print RESOLVED).
_RESOLVED = re.compile(
    r"^(?:The\s+(?:[A-Z][\w-]*\s+){1,4})?(?:Resolved|Agreed)(?:\s*[:–-]+|\s+that\b|\s*$)\s*(.*)$",
)
_PIPE_FIELD = re.compile(r"^\|\s*(?P<name>[^|]{2,40}?)\s*:?\s*\|\s*(?P<value>[^|]*\S)\s*\|\s*$")
_RULE = re.compile(r"^(?:[-=_*]\s*){5,}$")
_BULLET = re.compile(r"^(?:[-*•▪]|\d{1,2}[.)]|\(?(?:[a-z]|[ivx]{1,4})\))\s+(?P<text>\S.*)$")


@dataclass
class Notice:
    reference: str = ""
    item: str = ""
    subject: str = ""
    maker: str = ""  # who decided ("Decision Maker:"), as printed
    date: str = ""  # ISO, from the notice's own date field


def _field(raw: str, conv: RegisterConventions) -> tuple[str, str] | None:
    """(name, value) of a header line: "Field:<TAB>value", "| Field | value |", or a known
    field name and a tab ("Decision Reference<TAB>QCSP/DN/2025/01")."""
    line = raw.strip()
    m = _FIELD_LINE.match(line) or _PIPE_FIELD.match(line)
    if not m:
        m = _TAB_FIELD.match(line)
        if not m or not conv.notice_field(m.group("name")):
            return None
    name = clean(m.group("name")).strip(" *:")
    if re.fullmatch(r"[-: ]+", name):  # a pipe table's separator row
        return None
    return name, clean(m.group("value"))


def _header(lines: list[Line], i: int, conv: RegisterConventions) -> tuple[Notice, int] | None:
    """The notice whose header starts on line ``i``, and the line after the header (a pipe
    table's separator row and one blank line between fields are part of it)."""
    j, fields = i, []
    while j < len(lines):
        got = _field(lines[j].raw, conv)
        name = lines[j].text.rstrip(":").strip()
        if got is None and conv.notice_field(name) and j + 1 < len(lines) and lines[j + 1].text:
            # a boxed header as a PDF prints it: the field's name on a line, its value below
            if not _field(lines[j + 1].raw, conv) and not conv.notice_field(lines[j + 1].text):
                fields.append((name, lines[j + 1].text))
                j += 2
                continue
        if got is None and re.fullmatch(r"\|?[\s|:-]+\|?", lines[j].raw.strip() or "x"):
            j += 1  # | --- | --- |
            continue
        if got is None and not lines[j].text and j + 1 < len(lines) and fields:
            nxt = _field(lines[j + 1].raw, conv)
            if nxt and conv.notice_field(nxt[0]):
                j += 1
                continue
        if got is None:
            break
        fields.append(got)
        j += 1
    tracker = {"text", "owner", "status", "update"}  # a tracker's record block, not a notice
    if len(fields) < 3 or any(conv.column_role(name) in tracker for name, _ in fields):
        return None
    notice, known = Notice(), False
    for name, value in fields:
        role = conv.notice_field(name)
        if role == "date":
            found = parse_dates(value)
            if found and not notice.date:
                notice.date = iso(found[0][1]) or ""
            known = True
        elif role and not getattr(notice, role):
            setattr(notice, role, value)
            known = True
    return (notice, j) if known else None


def _may_open(line: Line, conv: RegisterConventions) -> bool:
    """Whether a header could start on the line: a field and its value ("Name:<TAB>value",
    "| Name | value |", "Name<TAB>value") or a field's name alone (a PDF's boxed header)."""
    raw = line.raw
    return bool(line.text) and (
        ":" in raw or "\t" in raw or "|" in raw or "  " in raw.strip()
        or conv.notice_field(line.text.rstrip(":").strip()) is not None
    )


def notices(
    doc: LoadedFile, part: Part, conv: RegisterConventions
) -> list[tuple[int, int, Notice]]:
    """(start, end, notice) of every notice in the part: from its header to the next
    header, a rule line or the part's end."""
    lines = lines_of(doc.text, part.start, part.end)
    out: list[tuple[int, int, Notice]] = []
    i = 0
    while i < len(lines):
        head = _header(lines, i, conv) if _may_open(lines[i], conv) else None
        if head:
            if out and out[-1][1] == part.end:
                out[-1] = (out[-1][0], lines[i].start, out[-1][2])
            out.append((lines[i].start, part.end, head[0]))
            i = head[1]
            continue
        if _RULE.match(lines[i].raw.strip()) and out and out[-1][1] == part.end:
            out[-1] = (out[-1][0], lines[i].start, out[-1][2])
        i += 1
    return out


def notice_at(spans: list[tuple[int, int, Notice]], offset: int) -> Notice | None:
    return next((n for a, b, n in spans if a <= offset < b), None)


def _label(text: str) -> str | None:
    """The words of a heading line ("DECISION:", "## Actions arising", "**Outcome**"),
    or None for a line that is no heading."""
    t = text.strip()
    hashes = t.startswith("#")
    t = clean(t.lstrip("#")).strip()
    if not t or len(t) > 70:
        return None
    if t.endswith(":"):
        t = t[:-1].strip()
        return t if t and not re.search(r"[.;!?]", t) else None
    if re.search(r"[.;:!?,]$", t):
        return None
    if hashes or _capitals(t):
        return t
    if text.strip().startswith("**") and text.strip().endswith("**"):
        return t
    return None


def _is_heading(
    line: Line, lines: list[Line], k: int, conv: RegisterConventions, in_notice: bool
) -> bool:
    text = line.text
    if _RULE.match(line.raw.strip()) or _header(lines, k, conv):
        return True
    if RESOLUTION.match(text) or _RESOLVED.match(text) or NUMBERED.match(text):
        return False
    if _BULLET.match(text):
        return False
    if _label(line.raw) is not None:
        return True
    if conv.section_kind(text) and _bullets_next(lines, k + 1):
        return True  # a plain "Actions" line over a list
    # In a notice as a PDF prints it, a heading is a short line in sentence case after the
    # end of a sentence ("Reasons", "Alternative options considered").
    before = lines[k - 1].text if k > 0 else ""
    return (
        in_notice
        and len(text.split()) <= 6
        and text[:1].isupper()
        and not re.search(r"[.;:,!?]$", text)
        and (not before or ends_sentence(before) or _label(lines[k - 1].raw) is not None)
    )


def _section_end(lines: list[Line], start: int, conv: RegisterConventions, in_notice: bool) -> int:
    k = start
    while k < len(lines):
        if lines[k].text and _is_heading(lines[k], lines, k, conv, in_notice):
            return k
        k += 1
    return k


def _first(lines: list[Line], k: int) -> int | None:
    while k < len(lines) and not lines[k].text:
        k += 1
    return k if k < len(lines) else None


def _paragraphs(lines: list[Line]) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph: lines up to a blank line, or up to a line that
    ends a sentence when the next opens one (PDF text has no blank lines)."""
    out: list[tuple[int, str]] = []
    acc: list[Line] = []
    for line in [*lines, Line(0, "")]:
        if line.text:
            if acc and ends_sentence(acc[-1].text) and line.text[:1].isupper():
                out.append(_joined(acc))
                acc = []
            acc.append(line)
            continue
        if acc:
            out.append(_joined(acc))
        acc = []
    return out


def _joined(acc: list[Line]) -> tuple[int, str]:
    first = acc[0]
    return first.start + len(first.raw) - len(first.raw.lstrip()), "\n".join(a.raw for a in acc)


def _decisions(
    lines: list[Line], k: int, notice: Notice | None, conv: RegisterConventions, minutes: bool
) -> list[tuple[int, str]]:
    """(offset, text) of the decisions from line ``k`` on (``lines`` ends with the section)."""
    first = _first(lines, k)
    if first is None:
        return []
    m = RESOLUTION.match(lines[first].text)
    if m:
        return _resolutions(lines, first, clean(m.group(2) or ""))
    m = _RESOLVED.match(lines[first].text) if notice is not None else None
    if m:
        return _resolutions(lines, first, clean(m.group(1)))
    if minutes and not NUMBERED.match(lines[first].text) and not _BULLET.match(lines[first].text):
        return []  # modern.gov's "Decision:" over an item: the summary of its resolution
    found = _resolutions(lines, k - 1, "") if k > 0 else []
    if not found and k > 0:  # bullets straight under the label: "- That the order be renewed."
        found = _items(lines, k, conv, owned=False)
    if found or notice is None:
        return found
    out = []
    for offset, text in _paragraphs(lines[k:]):
        said = unwrap(text)
        if ends_sentence(said) and not said.endswith(":") and not conv.is_empty(said):
            if not _FIELD_LINE.match(said):
                out.append((offset, said))
    return out


def _items(
    lines: list[Line], k: int, conv: RegisterConventions, owned: bool
) -> list[tuple[int, str]]:
    """(offset, text) of the list items straight under a label (and, when ``owned``, of
    "X to ..." lines without a marker), each with its wrapped lines."""
    out: list[tuple[int, str]] = []
    j = _first(lines, k)
    while j is not None and j < len(lines):
        line = lines[j]
        m = _BULLET.match(line.text)
        body = m.group("text") if m else line.text
        if not m and not (owned and owner_to(body)):
            break
        if m and _capitals(body):
            break  # "7. BACKGROUND PAPERS": the next numbered heading, not an item
        acc = [body]
        j += 1
        while j < len(lines) and lines[j].text and not _BULLET.match(lines[j].text):
            acc.append(lines[j].text)
            j += 1
        text = tidy_text(unwrap("\n".join(acc)))
        if text and not conv.is_empty(text):
            col = line.raw.find(body[:20])
            out.append((line.start + max(col, 0), text))
        j = _first(lines, j)
    return out


def _capitals(text: str) -> bool:
    """Words in capitals alone, as a heading prints them."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 2 and all(c.isupper() for c in letters)


def _bullets_next(lines: list[Line], k: int) -> bool:
    """Whether the first line of words from ``k`` on is a list item."""
    first = _first(lines, k)
    return first is not None and bool(_BULLET.match(lines[first].text))


def notice_entries(
    doc: LoadedFile,
    part: Part,
    conv: RegisterConventions,
    items: Items,
    minutes: bool,
    spans: list[tuple[int, int, Notice]],
) -> list[Found]:
    """The entries of the sections that labels head, and of a notice's resolutions."""
    lines = lines_of(doc.text, part.start, part.end)
    out: list[Found] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        notice = notice_at(spans, line.start)
        label = _label(line.raw) if line.text else None
        if label is None and conv.section_kind(line.text) and (
            notice is not None or _bullets_next(lines, i + 1)
        ):
            # "Decision" on a line of its own, as a PDF prints a heading, or a plain
            # "Decisions" / "Actions" line over a bulleted list
            label = line.text
        kind = conv.section_kind(label) if label else None
        if kind is None and _action_lead_in(line.text, conv) and _bullets_next(lines, i + 1):
            kind = "action"  # "... The following actions were agreed:" over its list
        resolution = (
            notice is not None
            and not minutes
            and kind is None
            and (RESOLUTION.match(line.text) or _RESOLVED.match(line.text))
        )
        if not kind and not resolution:
            i += 1
            continue
        start = i + 1 if kind else i
        end = _section_end(lines, start, conv, notice is not None)
        section = lines[:end]
        if kind == "action":
            found = [("action", o, t) for o, t in _items(section, start, conv, owned=True)]
        else:
            found = [
                ("decision", o, _tidy(t))
                for o, t in _decisions(section, start, notice, conv, minutes)
            ]
        for what, offset, text in found:
            out.extend(_entries(what, offset, tidy_text(text), items, conv))
        i = max(end, i + 1)
    return out


def _action_lead_in(text: str, conv: RegisterConventions) -> bool:
    """A line ending with a sentence that introduces a list of actions
    (`[registers] action_lead_ins`)."""
    return text.rstrip().endswith(":") and any(p.search(text) for p in conv.action_lead_ins)


def _entries(
    kind: str, offset: int, text: str, items: Items, conv: RegisterConventions
) -> list[Found]:
    if not text or text.endswith(":") or LEAD_IN.fullmatch(text):
        return []
    item, title = items.at(offset)
    common: dict = dict(reference=item, item=item, item_title=title)
    if kind == "action":
        ref, at = _reference(text, conv)  # "[A1] Highways Officer to order ..."
        if ref:
            text, offset = text[at:], offset + at
            common.update(reference=ref, own_reference=True)
        owner, due = owner_to(text), due_in(text, conv)
        apart = owner_apart(text, conv) if not owner else None
        if apart:  # "Circulate the dashboard (JW)", "owner – text – by date"
            text, owner, due = apart
        return [Found("action", text, offset, owner=owner, due=due, **common)]
    who = owner_of_resolution(text)
    owner, due = (who[0], due_in(text, conv)) if who else ("", "")
    decision = Found("decision", text, offset, owner=owner, due=due, **common)
    if not who:
        return [decision]
    return [decision, Found("action", text, offset, owner=owner, due=due, **common)]
