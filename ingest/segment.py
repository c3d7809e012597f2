"""Split a file into its parts (the documents bound together in it) and each part into sections.

Everything comes from the text's own structure, so that a pack never seen before is
segmented too:

- a new part starts at an upper-case masthead ("WESTMERE COMMUNITY SAFETY PARTNERSHIP")
  followed by a date, "AGENDA", "FORWARD PROGRAMME" or "ITEM n"; at a title followed by a
  "Date:" line (a briefing); or where top-level numbering starts again at 1;
- each part is typed (agenda, minutes, plan, ...) from what its heading and body say;
- sections are the headings `ingest.headings` recognises; a heading whose label comes back
  later with no body of its own (a contents list) is folded into the text before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.conventions import current as conventions
from ingest.headings import Heading, clean, detect, is_upper_title, tidy_title
from ingest.types import LoadedFile, Part, Section

MASTHEAD = re.compile(
    r"^(?:[A-Z][A-Z&'’\-]*\s+){0,5}(?:PARTNERSHIP|COUNCIL|COMMITTEE|BOARD|CABINET)"
    r"(?:\s+(?:MEETING|AGENDA|MINUTES))?$"
    r"|^MINUTES OF (?:THE )?(?:[A-Z][A-Z&'’\-]*\s+){1,8}(?:HELD )?ON\b.*$"
)
DATE_FIELD = re.compile(r"^(?:Date|Date of meeting|Published)\s*:\s*(\S.*)$", re.IGNORECASE)
DOC_TITLE = re.compile(
    r"\b((?:[A-Z][\w&’'-]*\s+){1,6}(?:Plan|Strategy|Assessment|Framework|Briefing|Report))\b"
    r"(?:\s+(\d{4}\s*[-–/]\s*\d{2,4}))?"
)
# "Agenda item 9: Public space CCTV - future delivery options": the report of that item
HEAD_ITEM = re.compile(r"^(?:agenda\s+)?item\s+(\d{1,2}[a-z]?)\s*[:.\-–]\s*(\S.{3,})$", re.I)
# A line that only names a body ("Westholm Borough Council", "Safer Amberlow Partnership")
_BODY_ONLY = re.compile(
    r"^(?:[A-Z][\w&'’.-]*\s+){0,8}(?:Council|Partnership|Panel|Board|Police|Commissioner|"
    r"Constabulary|Committee|Cabinet|Group)(?:\s+for\s+[A-Z][\w\s]+)?$",
    re.I,
)
_WEEKDAY = re.compile(r"^(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b", re.I)
_DANGLING = re.compile(r"\b(of|and|the|to|for|in|on|by|from|with|at|&|-|–)$", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    raw: str

    @property
    def text(self) -> str:
        return clean(self.raw)


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def is_reflowed(lines: list[Line]) -> bool:
    """True when paragraphs sit on one line (Markdown), not wrapped as in PDF text."""
    sizes = [len(ln.raw) for ln in lines if ln.raw.strip()]
    return bool(sizes) and sum(s for s in sizes if s > 200) / sum(sizes) > 0.3


def segment(doc: LoadedFile) -> list[Part]:
    """The parts of ``doc``, each with its sections, typed and titled (dates come later)."""
    lines = split_lines(doc.text)
    reflowed = is_reflowed(lines)
    headings = _headings(lines, reflowed)
    starts = _part_starts(lines, headings)
    parts: list[Part] = []
    for n, (first, _) in enumerate(starts):
        last = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        start = lines[first].start if n else 0
        end = lines[last - 1].end if last > first else start
        if not doc.text[start:end].strip():
            continue
        part = _make_part(len(parts), lines[first:last], headings, doc.text[start:end], doc.name)
        part.start, part.end = start, end
        part.sections = _sections(part, lines, first, last, headings)
        parts.append(part)
    return parts


_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\.?\s*$")


def _split_item(lines: list[Line], i: int) -> Heading | None:
    """A committee page's item: its number alone on a line ("4."), its title in capitals
    on the next ("COMMUNITY SAFETY PLAN 2024-27")."""
    m = _BARE_NUMBER.match(lines[i].raw)
    nxt = _next_nonblank(lines, i) if m else None
    if nxt is None or nxt - i > 2:
        return None
    title = lines[nxt].text
    if not is_upper_title(title) or len(title) > 160 or "\t" in lines[nxt].raw:
        return None
    return Heading(m.group(1), tidy_title(title), 1, "item")


def _headings(lines: list[Line], reflowed: bool) -> dict[int, Heading]:
    found: dict[int, Heading] = {}
    for i, ln in enumerate(lines):
        prev_raw = lines[i - 1].raw if i else ""
        next_raw = lines[i + 1].raw if i + 1 < len(lines) else ""
        split = _split_item(lines, i)
        h = split or detect(ln.raw, prev_raw, next_raw, reflowed)
        if h is None:
            continue
        if h.level == 1 and h.title and not split:
            h = _join_wrapped_title(lines, i, h, reflowed)
        found[i] = h
    # A capitalised line alone is a heading only in a paper with no numbered headings (a
    # decision log's "MEETING OF 15 APRIL 2025"); where items are numbered it is a wrapped
    # title's second line, a masthead or a date.
    if any(h.kind in _NUMBERED_KINDS for h in found.values()):
        found = {i: h for i, h in found.items() if h.kind != "capitals"}
    return found


_NUMBERED_KINDS = {"item", "numbered", "decimal", "labelled"}


def _join_wrapped_title(lines: list[Line], i: int, h: Heading, reflowed: bool) -> Heading:
    """A title the PDF wrapped onto the next line: "4. Priority 1: ... from" / "Abuse and ..."."""
    nxt = _next_nonblank(lines, i)
    if nxt is None or reflowed:
        return h
    follow = lines[nxt].text
    heading = detect(lines[nxt].raw, "", "", False)
    if (heading and heading.kind != "capitals") or not follow or follow.endswith("."):
        return h
    dangling = _DANGLING.search(h.title) and nxt - i <= 3 and len(follow) <= 60
    upper = is_upper_title(h.title) and is_upper_title(follow) and nxt == i + 1
    titled = (
        not is_upper_title(h.title) and nxt == i + 1 and len(follow) <= 40 and follow[:1].isupper()
    )
    # "5. Priority 2: To reduce the harm caused by Youth" / (blank) / "ASB and Youth Crime"
    across_blank = (
        h.kind == "numbered"
        and nxt - i <= 2
        and len(follow) <= 40
        and follow[:1].isupper()
        and len(follow.split()) >= 2
        and not follow.endswith(("?", ":", "!"))
        and not re.search(r"\s{2,}|\t", lines[nxt].raw.strip())
    )
    if dangling or upper or titled or across_blank:
        return Heading(h.number, f"{h.title} {tidy_title(follow)}", h.level, h.kind)
    return h


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 12)):
        if lines[j].raw.strip():
            return j
    return None


def _head_block(lines: list[Line], i: int, size: int = 8) -> list[str]:
    block, j = [], i
    while j < len(lines) and len(block) < size:
        if lines[j].raw.strip():
            block.append(lines[j].text)
        j += 1
    return block


def _is_masthead(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if not MASTHEAD.match(text):
        return False
    following = " ".join(_head_block(lines, i, 6)).upper()
    return bool(
        re.search(r"\b(19|20)\d{2}\b", following)
        or re.search(r"\b(AGENDA|MINUTES|FORWARD PROGRAMME|ITEM\s+\d)", following)
    )


def _is_dated_title(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if not text or len(text) > 90 or not text[0].isupper() or DATE_FIELD.match(text):
        return False
    prev = next((lines[j].text for j in range(i - 1, max(-1, i - 3), -1) if lines[j].text), "")
    if re.match(r"(signed|signature)\b", prev, re.I):  # "Signed: ..." / "Chair ..." / "Date:"
        return False
    nxt = _next_nonblank(lines, i)
    return nxt is not None and nxt - i <= 4 and bool(DATE_FIELD.match(lines[nxt].text))


def _part_starts(lines: list[Line], headings: dict[int, Heading]) -> list[tuple[int, str]]:
    starts: list[tuple[int, str]] = [(0, "file")]
    top_number = 0
    for i, ln in enumerate(lines):
        if not ln.raw.strip():
            continue
        last = starts[-1][0]
        kind = None
        if _is_masthead(lines, i):
            kind = "masthead"
        elif _is_dated_title(lines, i):
            kind = "dated title"
        elif (h := headings.get(i)) and h.level == 1 and h.number == "1" and top_number >= 3:
            kind = "numbering restart"
        if kind and i - last > 3:
            starts.append((i, kind))
            top_number = 0
        elif kind and starts[-1][1] == "file" and not any(lines[j].raw.strip() for j in range(i)):
            starts[-1] = (i, kind)
        h = headings.get(i)
        if h and h.level == 1 and h.number.isdigit():
            top_number = max(top_number, int(h.number))
    return starts


_SMALL = {"and", "of", "the", "to", "for", "in", "on", "a", "an", "by", "with", "at"}
_ACRONYMS = {"csp", "pcc", "asb", "jag", "llr", "opcc", "cool", "bid", "nhs", "vrn"}


def _title_case(text: str) -> str:
    """'ANTI-SOCIAL BEHAVIOUR ACTION PLAN' -> 'Anti-Social Behaviour Action Plan'."""
    if not is_upper_title(text):
        return text

    def word(k: int, w: str) -> str:
        if w in _ACRONYMS:
            return w.upper()
        if k and w in _SMALL:
            return w
        return "-".join(p.capitalize() for p in w.split("-"))

    return " ".join(word(k, w) for k, w in enumerate(text.lower().split()))


def _dominant_title(text: str) -> str | None:
    counts: Counter[str] = Counter()
    for m in DOC_TITLE.finditer(re.sub(r"\s+", " ", text[:20000])):
        name = re.sub(r"^(The|Our|This|A|An)\s+", "", m.group(1).strip())
        if len(name.split()) < 2:
            continue
        key = f"{name} {m.group(2).replace(' ', '')}" if m.group(2) else name
        counts[key] += 10 if m.group(2) else 1
    return counts.most_common(1)[0][0] if counts else None


def _make_part(index: int, lines: list[Line], headings: dict, text: str, name: str) -> Part:
    head = _head_block(lines, 0, 8)
    head_upper = " ".join(head).upper()
    body = re.sub(r"\s+", " ", text)
    item = next(
        (
            h
            for h in (detect(ln, "", "", False) for ln in head)
            if h and h.kind == "item" and head_upper.find("ITEM") >= 0
        ),
        None,
    )
    is_minutes = bool(re.search(r"\bPRESENT\s*:", body[:4000], re.I)) and bool(
        re.search(r"\b(AGREED|RESOLVED)\b|\b(Decision|Action|Resolved)\s*:|\bresolved that\b", body)
        or re.search(r"\bminutes of the meeting held\b", " ".join(head), re.I)
    )
    title: str
    field_title = _cover_field_title(lines[:40])
    if is_minutes:
        doc_type, title = "minutes", "Minutes"
    elif field_title:  # a committee report's cover table: "Title of Report | SUBJECT"
        title = _title_case(field_title)
        doc_type = next((k for k in [_kind_in(title)] if k and k != "agenda"), "report")
    elif "FORWARD PROGRAMME" in head_upper:
        doc_type, title = "forward programme", "Forward Programme"
    elif item is not None:
        doc_type, title = "report", f"Item {item.number} {_title_case(item.title)}"
    elif head_item := next((m for ln in head if (m := HEAD_ITEM.match(ln))), None):
        doc_type, title = "report", f"Item {head_item.group(1)} {_title_case(head_item.group(2))}"
    elif any(re.match(r"AGENDA\b(?!\s+ITEM)", ln.upper()) for ln in head):
        doc_type, title = "agenda", "Agenda"  # (not "Report to ..., agenda item 6")
    else:
        first = head[0] if head else name
        if len(head) > 1 and re.fullmatch(r"\d{4}\s*[/-]\s*\d{2,4}", head[1]):
            first = f"{first} {head[1]}"
        if DATE_FIELD.match(head[1] if len(head) > 1 else "") or "briefing" in first.lower():
            title = first
        elif re.search(r"strategic assessment|plan|strategy|report|briefing", first, re.I):
            title = first
        else:  # an opening line naming the paper's kind; else the kind most often named
            title = _with_period(_head_title(lines[:40]), head) or _dominant_title(text) or first
        doc_type = _doc_type_of(title, body, name, " ".join(head))
    return Part(index=index, title=title.strip(), doc_type=doc_type, start=0, end=0)


_HEAD_PERIOD = re.compile(
    r"(?<![/\w])(?:(?:Quarter|Q)\s*[1-4]\s+)?(?:19|20)(\d{2})\s*[/-]\s*(\d{2})\b(?!/)"
    r"|\b(?:Quarter|Q)\s*[1-4]\b",
    re.I,
)


def _with_period(title: str | None, head: list[str]) -> str | None:
    """A title naming no period, with the period the line under it names ("Issue 14 ·
    Quarter 3 2025/26 · published ..."): which quarter's report this is."""
    if not title or _HEAD_PERIOD.search(title):
        return title
    after = head[head.index(title) + 1 : head.index(title) + 3] if title in head else head[:3]
    for line in after:
        for m in _HEAD_PERIOD.finditer(line):  # a financial year runs on one year ("2025/26")
            if not m.group(1) or (int(m.group(1)) + 1) % 100 == int(m.group(2)):
                return f"{title}, {m.group(0)}"
    return title


def _kind_in(text: str) -> str | None:
    lowered = f" {re.sub(r'[^a-z]+', ' ', text.lower())} "
    lowered = re.sub(r" agenda item ", " ", lowered)  # ("Council, 22 July, agenda item 11")
    for words, kind in conventions().kinds:
        if f" {words.strip()}{' ' if words.endswith(' ') else ''}" in lowered:
            return kind
    return None


def _head_title(lines: list[Line]) -> str | None:
    """The first of a paper's opening lines that names its kind ("Quarterly Performance
    Report", "Domestic Homicide Review: Executive Summary"), with a first line above it
    that goes with it ("Safer Streets Fund Round 5:" over "End-of-project evaluation
    summary"); None when no opening line does. Furniture (markings, navigation, fields)
    and a line naming only a body are passed over."""
    furniture = conventions().furniture
    seen: list[str] = []
    following = [ln.raw.strip() for ln in lines if ln.raw.strip()][1:] + [""]
    for ln, after in zip([ln for ln in lines if ln.raw.strip()], following):
        raw = ln.raw.strip()
        plain = not re.match(r"[#*_|]", raw)  # (a Markdown line is a line of its own)
        text = re.split(r"\s{3,}|\t", ln.text.strip(" *_#|"))[0].strip(" *_#|")
        if not text:
            continue
        if len(seen) >= 10:
            break
        if any(p.search(text) for p in furniture) or _FIELD.match(raw):
            seen.append("")
            continue
        if (
            _kind_in(text)
            and 3 <= len(text) <= 120
            and len(text.split()) <= 16
            and not re.search(r"[.;!?]\s|[.,;]$", text)  # (a sentence is no title)
            and not after[:1].islower()  # (nor a line of one that goes on)
        ):
            before = seen[-1] if seen else ""
            if (
                before
                and plain
                and len(seen) == 1
                and not _BODY_ONLY.match(before)
                and not _kind_in(before)
                and len(before) + len(text) <= 140
            ):
                return f"{before} {text}"  # a title wrapped onto a second line
            return text
        seen.append("" if not plain or _BODY_ONLY.match(text) or text.endswith(".") else text)
    return None


# A field of a paper's cover: "**Prepared by:** ...", "Reference:      PCC/DR/...",
# "Reference ........ PSP/25/014", "Status: Final" (a label of up to three words)
_FIELD = re.compile(
    r"^(?:\*\*[^*]{2,60}:\*\*|[\w ()/'’-]{2,60}(?::\s{2,}|:\s*$|\s?\.{3,})"
    r"|(?:[\w()/'’-]+\s){0,2}[\w()/'’-]+:\s)"
)


def _cover_field_title(lines: list[Line]) -> str | None:
    """The title a report's cover table gives in a field the conventions name ("Title of
    Report"), the value beside it on the same line or on the next one."""
    fields = conventions().title_fields
    if not fields:
        return None
    label = re.compile(
        r"^\s*(?:\|\s*)?(?:"
        + "|".join(map(re.escape, fields))
        + r")(?:\s*(?:[:|\t]|\s{2,})\s*(.*)|\s*)$",
        re.I,
    )
    for k, ln in enumerate(lines):
        m = label.match(ln.text)
        if not m:
            continue
        value = re.split(r"\t|\s\|\s|\s{2,}", (m.group(1) or "").strip(" |"))[0].strip()
        if not value and k + 1 < len(lines):
            value = lines[k + 1].text.strip(" |")
        elif _DANGLING.search(value) and k + 1 < len(lines):  # a value wrapped onto the next line
            value = f"{value} {lines[k + 1].text.strip(' |')}"
        if 3 <= len(value) <= 120:
            return value
    return None


def _doc_type_of(title: str, body: str, name: str, head: str = "") -> str:
    for text in (title, head):  # the title's kind word, else the first lines'
        if kind := _kind_in(text):
            return kind
    if "foreword" in body[:3000].lower() and "priorit" in body.lower():
        return "plan"
    for needle, kind in (
        ("minutes", "minutes"),
        ("agenda", "agenda"),
        ("strategic-assessment", "strategic assessment"),
        ("plan", "plan"),
    ):
        if needle in name.lower():
            return kind
    return "document"


def _sections(
    part: Part, lines: list[Line], first: int, last: int, headings: dict
) -> list[Section]:
    marks = [(i, headings[i]) for i in range(first, last) if i in headings]
    # A heading with no body whose label comes again later is a contents entry.
    labels = [h.number + h.title for _, h in marks]
    kept = []
    for k, (i, h) in enumerate(marks):
        nxt = marks[k + 1][0] if k + 1 < len(marks) else last
        body = "".join(lines[j].raw for j in range(i + 1, nxt)).strip()
        toc_like = h.kind == "labelled" and k + 1 < len(marks) and marks[k + 1][1].kind == h.kind
        short = len(lines[i].text) <= 80
        if not body and short and ((h.number + h.title) in labels[k + 1 :] or toc_like):
            continue
        kept.append((i, h))
    sections: list[Section] = []
    # Ends are exclusive: the opening stops before the newline that precedes the first
    # heading, or at the part's own end (a file's last character is text, not a newline).
    opening_end = lines[kept[0][0]].start - 1 if kept else part.end
    opening = "".join(ln.raw for ln in lines[first:last] if ln.end <= opening_end)
    if opening.strip():
        sections.append(Section("", part.title, part.start, max(part.start, opening_end), 0))
    stack: list[Section] = []  # the enclosing sections, outermost first
    for k, (i, h) in enumerate(kept):
        stop = kept[k + 1][0] if k + 1 < len(kept) else last
        end = lines[stop].start - 1 if k + 1 < len(kept) else part.end
        number = h.number
        top = next((s for s in stack if s.level == 1), None)
        if h.kind == "lettered" and top:
            number = f"{top.number}{h.number}"
        while stack and stack[-1].level >= h.level:
            stack.pop()
        parents = tuple(s.label for s in stack)
        table_last = _table_end(lines, i, stop) if h.number.startswith("Table") else None
        if table_last is None:
            sec = Section(
                number, h.title, lines[i].start, max(lines[i].start, end), h.level, parents
            )
            sections.append(sec)
            stack.append(sec)
            continue
        # A table caption covers its table; the text after it belongs to the section around.
        sections.append(
            Section(number, h.title, lines[i].start, lines[table_last].end, h.level, parents)
        )
        after = lines[table_last + 1].start
        outer = stack[-1] if stack else Section("", part.title, 0, 0, 0)
        sections.append(
            Section(outer.number, outer.title, after, max(after, end), outer.level, outer.parents)
        )
    return sections


def _is_table_line(raw: str) -> bool:
    return "\t" in raw or raw.lstrip().startswith("|")


def _table_end(lines: list[Line], i: int, stop: int) -> int | None:
    """The last line of the tab-separated or pipe table right under line ``i``, when text
    follows it before ``stop``; None otherwise."""
    j = i + 1
    while j < stop and not lines[j].raw.strip():
        j += 1
    if j >= stop or not _is_table_line(lines[j].raw):
        return None
    table_last, k = j, j + 1
    while k < stop:
        if _is_table_line(lines[k].raw):
            table_last = k
        elif lines[k].raw.strip() or k + 1 >= stop or not _is_table_line(lines[k + 1].raw):
            break
        k += 1
    rest = "".join(lines[x].raw for x in range(table_last + 1, stop)).strip()
    return table_last if rest else None
