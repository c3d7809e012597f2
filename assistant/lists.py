"""Questions that ask for a list: "What recommendations does the assessment make?",
"What are the strategic priorities?". Every numbered item of that kind in the part the
best passage comes from, once each and in order; or the bullets of the passage whose
section names them. Each item is quoted."""

from __future__ import annotations

import re

from assistant.answer import LIST_Q
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
    head = f"{top.part}" + (f" ({when})" if when else "") + f" lists {len(ordered)}:"
    lines, citations = [head], []
    for n, (label, c) in enumerate(ordered, start=1):
        first = c.text.split("\n")[0]
        text = re.sub(rf"^[-•▪\s]*{re.escape(label)}\s*[:.\-–]?\s*", "", first, flags=re.I)
        lines.append(f"- {label}: “{text}” [{n}]")
        citations.append(Citation.at(n, c, first))
    return Answer("\n".join(lines), tuple(citations), covered=True)


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
