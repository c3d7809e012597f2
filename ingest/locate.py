"""Where an offset of a file falls: its part, innermost section, page and date."""

from __future__ import annotations

from ingest.types import LoadedFile, Part, Section, Where


def part_at(parts: list[Part], offset: int) -> Part | None:
    for part in parts:
        if part.start <= offset <= part.end:
            return part
    return parts[-1] if parts and offset > parts[-1].end else None


def section_at(part: Part, offset: int) -> Section | None:
    inside = [s for s in part.sections if s.start <= offset <= s.end]
    return max(inside, key=lambda s: (s.level, s.start)) if inside else None


def locate(doc: LoadedFile, parts: list[Part], offset: int) -> Where:
    part = part_at(parts, offset)
    if part is None:
        return Where(doc.name, "", "", doc.page_at(offset), None, "", "", offset)
    section = section_at(part, offset)
    return Where(
        source=doc.name,
        part=part.title,
        section=section.path if section else "",
        page=doc.page_at(offset),
        date=part.date,
        partnership=part.partnership,
        doc_type=part.doc_type,
        start=offset,
    )
