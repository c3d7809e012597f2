"""Questions that ask for a list: "What recommendations does the assessment make?",
"What are the strategic priorities?". Every numbered item of that kind in the part the
best passage comes from, once each and in order; or the bullets of the passage whose
section names them. Each item is quoted."""

from __future__ import annotations

import re

from assistant.answer import LIST_Q, short_part
from assistant.retrieve import Hit
from ingest.dates import long_form
from ingest.types import Answer, Chunk, Citation


def list_items(question: str, hits: list[Hit], store) -> Answer | None:
    """ "What recommendations does X make?": every numbered item of that kind in the part the
    best passage comes from, once each, in order, each quoted."""
    m = LIST_Q.search(question)
    if not m or not hits:
        return None
    kind = (
        m.group(2).lower().removesuffix("ies") + "y"
        if m.group(2).lower().endswith("ies")
        else m.group(2).lower().rstrip("s")
    )
    pattern = re.compile(rf"\b({kind}\s+\d+)\b", re.IGNORECASE)
    items: dict[str, Chunk] = {}
    seen_parts: list[tuple[str, int]] = []
    for hit in hits[:3]:
        where = (hit.chunk.source, hit.chunk.part_index)
        if where in seen_parts:
            continue
        seen_parts.append(where)
        top = hit.chunk
        items = {}
        chunks = store.where({"$and": [{"source": where[0]}, {"part_index": where[1]}]})
        for c in chunks:
            found = pattern.search(c.section.split(" › ")[-1])
            if found and found.group(1).title() not in items:
                items[found.group(1).title()] = c
        if len(items) >= 2:
            break
    if len(items) < 2:
        return _bullets(m.group(2), hits)

    def number(label: str) -> tuple[int, str]:
        digits = re.search(r"\d+", label)
        return (int(digits.group()) if digits else 0, label)

    ordered = sorted(items.items(), key=lambda kv: number(kv[0]))
    when = long_form(top.date)
    part = short_part(top)
    head = f"{part}" + (f" ({when})" if when else "") + f" lists {len(ordered)}:"
    if len(ordered) > 4:
        noun = f"{m.group(2).lower()}" if m else "items"
        head = f"{len(ordered)} {noun} in {part}" + (f" ({when})" if when else "") + ":"
    lines, citations = [head], []
    # A long list is shown in short, each item's opening words, so the reader sees all of
    # it at once; each citation quotes its item whole.
    width = SHORT_ITEM if len(ordered) > 4 else None
    for n, (label, c) in enumerate(ordered, start=1):
        first = _heading_line(c)
        text = re.sub(rf"^[-•▪\s]*{re.escape(label)}\s*[:.\-–]?\s*", "", first, flags=re.I)
        shown = re.sub(r"^\D+", "", label) + "." if width else f"{label}:"
        lines.append(f"- {shown} “{clip(text, width)}” [{n}]")
        citations.append(Citation.at(n, c, first))
    return Answer("\n".join(lines), tuple(citations), covered=True)


SHORT_ITEM = 48
_DANGLING = re.compile(r"\b(?:from|and|of|to|the|for|with|in|on|by|&|a|an)\s*$", re.I)


def _heading_line(c: Chunk) -> str:
    """The passage's first line, and the next one when the title wraps onto it ("4.
    Priority 1: Safeguarding Communities from" / "Abuse and Violent Offences")."""
    lines = [ln.strip() for ln in c.text.split("\n")]
    first = lines[0]
    rest = [ln for ln in lines[1:3] if ln]
    if not rest or len(rest[0]) > 60 or rest[0].endswith("."):
        return first
    title = re.findall(r"\w+", c.section.split(" › ")[-1].lower())
    joined = re.findall(r"\w+", f"{first} {rest[0]}".lower())
    # the section's title (the ingest joined a wrapped title) ends with the next line
    wrapped = len(title) >= 2 and joined[-len(title):] == title
    if _DANGLING.search(first) or wrapped:
        return f"{first} {rest[0]}"
    return first


_NAME_RUN = re.compile(
    r"(?<=\s)(?:[A-Z][\w'’-]*(?:\s+(?:of|and|&|the|for)\s+|\s+)){1,6}[A-Z][\w'’-]*"
)


def clip(text: str, width: int | None) -> str:
    """``text`` cut at a word boundary near ``width`` characters, with '…' if cut; kept on
    to the end of the first name it holds ("... a partnership Hate Action Plan …")."""
    if width is None or len(text) <= width + 8:
        return text
    runs = [  # names after the opening words, not the subject that opens the item
        r for r in _NAME_RUN.finditer(text) if re.search(r"\b[a-z]{3,}\b", text[: r.start()])
    ]
    end = runs[0].end() if runs and runs[0].end() <= width * 1.8 else width
    cut = text[:end] if end > width // 2 else text[:width]
    if len(cut) == width:
        cut = cut.rsplit(" ", 1)[0]
    return f"{cut.rstrip(',;:')} …"


_BULLET_LINE = re.compile(r"^\s*(?:[-•▪]|o\s)\s*(\S.*)$")


def _bullets(noun: str, hits: list[Hit]) -> Answer | None:
    """'What are the strategic priorities?' when they are a bulleted list: the bullets of
    the best passage whose section names them, quoted."""
    stem = noun.lower()[:6]  # "priorities" -> "priori", "actions" -> "action"
    for hit in hits[:3]:
        c = hit.chunk
        bullets = [
            m.group(1).strip() for line in c.text.split("\n") if (m := _BULLET_LINE.match(line))
        ]
        if len(bullets) >= 2 and stem in c.section.lower():
            when = long_form(c.date)
            head = f"{c.part}" + (f" ({when})" if when else "") + f", {c.section}:"
            lines = [head] + [f"- “{b}” [1]" for b in bullets[:12]]
            return Answer(
                "\n".join(lines), (Citation.at(1, c, " … ".join(bullets[:12])),), covered=True
            )
    return None
