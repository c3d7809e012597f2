"""What the index holds, one row per document: its parts, types, dates, passages, table
facts and register entries (for the web app's Documents tab)."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from ingest.knowledge import Knowledge
from ingest.types import Skipped

COLUMNS = ("document", "parts", "types", "dates", "passages", "facts", "register entries")


def indexed_documents(metadata: dict[str, dict], knowledge: Knowledge) -> list[dict]:
    """``metadata`` is the store's (chunk id -> Chroma metadata)."""
    parts: dict[str, set[int]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, set[str]] = defaultdict(set)
    chunks: Counter[str] = Counter()
    for meta in metadata.values():
        source = str(meta.get("source", ""))
        chunks[source] += 1
        parts[source].add(int(meta.get("part_index", 0)))
        if meta.get("doc_type"):
            types[source].add(str(meta["doc_type"]))
        if meta.get("date"):
            dates[source].add(str(meta["date"]))
    facts = Counter(f.where.source for f in knowledge.facts)
    entries: Counter[str] = Counter()
    for field in dataclasses.fields(knowledge):
        if field.name == "facts":
            continue
        entries.update(e.where.source for e in getattr(knowledge, field.name))
    rows = []
    for source in sorted(chunks):
        span = sorted(dates[source])
        rows.append(
            {
                "document": source,
                "parts": len(parts[source]),
                "types": ", ".join(sorted(types[source])),
                "dates": " to ".join(dict.fromkeys([span[0], span[-1]])) if span else "undated",
                "passages": chunks[source],
                "facts": facts[source],
                "register entries": entries[source],
            }
        )
    return rows


def skipped_rows(skipped: list[Skipped]) -> list[dict]:
    return [{"file": s.name, "reason": s.reason} for s in skipped]


@dataclasses.dataclass(frozen=True)
class Passage:
    """One indexed passage of a document, with where it is (for the source page)."""

    source: str
    part: str
    section: str
    page: int | None
    date: str | None
    text: str


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def passage_at(chunks, source: str, at: int | None = None, mark: str = "") -> Passage | None:
    """The passage of ``source`` that holds what a citation points at: the one printing
    ``mark`` (whitespace and case aside) nearest offset ``at`` of the file's text, else
    the one nearest ``at`` (the middle of it best: passages overlap), else the first.
    None when no indexed document is called ``source``."""
    own = [c for c in chunks if c.source == source]
    if not own:
        return None
    wanted = _words(mark)
    where = at if at is not None else 0

    def rank(c) -> tuple:
        inside = c.start <= where < c.end
        distance = 0 if inside else min(abs(c.start - where), abs(c.end - where))
        middle = min(where - c.start, c.end - where) if inside else 0
        return (bool(wanted) and wanted in _words(c.text), -distance, middle, -c.start)

    best = max(own, key=rank)
    return Passage(best.source, best.part, best.section, best.page, best.date, best.text)
