"""Recommendations: "Recommendation N: text" in assessments and reports, and tables of an
earlier year's recommendations with their updates.

- A document that states its recommendations more than once (executive summary, body,
  conclusion) gives each once: same number and (nearly) the same words, citing the first.
- The year is the document's: its title ("... 2023/2024" → "2023/24"), else its opening
  lines, else the financial year (April to March) of its date.
- A tab-separated table whose header names a recommendations column and an updates
  column lists an earlier year's recommendations (the year from the caption above it):
  number, text, update (and a printed status, when there is one). An entry already read
  from that year's own document of the same partnership takes the update; otherwise the
  table row is the entry.
- Status: an earlier recommendation a later one of the same partnership repeats (nearly
  the same words) is "open
  (repeated as <year> Recommendation <n>)",
  its update noting "repeated as <year> Recommendation N"; otherwise the printed status or
  the update's wording decides ("adopted", "fully allocated", "completed", "now has" →
  "done"; "will be", "required", "in progress", "welcomes the decision to extend" → "in
  progress"; neither → ""); a recommendation no later paper reports on has no status
  printed, so its status is "" (state "not stated", which `--open` lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.dedupe import containment, jaccard, shingles
from ingest.locate import locate
from ingest.register_text import Line, clean, ends_sentence, lines_of, unwrap
from ingest.types import LoadedFile, Part, Recommendation, Where

RECOMMENDATION = re.compile(r"^(?:[-•▪*]\s*)?Recommendation\s+(\d{1,2})\s*[:.\-–]\s*(.*)$")
YEAR = re.compile(r"\b((?:19|20)\d{2})\s*[/-]\s*((?:19|20)?\d{2})\b")
IN_PROGRESS = re.compile(
    r"\b(?:will\s+be|will\s+(?:deliver|coordinate|continue|need)|required|requires|in\s+progress|"
    r"work\s+in\s+progress|ongoing|on-going|being\s+(?:developed|reviewed|scoped|considered)|"
    r"under\s*way|welcomes\s+the\s+decision\s+to\s+extend|review\s+date|not\s+yet|partially)\b",
    re.I,
)
DONE = re.compile(
    r"\b(?:adopted|fully\s+allocated|completed|complete|has\s+completed|"
    r"implemented|achieved|in\s+place|has\s+been\s+created|done|closed)\b",
    re.I,
)


def year_label(text: str) -> str:
    """The first one-year span printed: "2023/2024" → "2023/24"; "2023-2026" is skipped."""
    for m in YEAR.finditer(text):
        first, second = int(m.group(1)), m.group(2)
        last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
        if last == first + 1:
            return f"{first}/{str(last)[-2:]}"
    return ""


def _financial_year(date: str | None) -> str:
    if not date:
        return ""
    y, m = int(date[:4]), int(date[5:7])
    start = y if m >= 4 else y - 1
    return f"{start}/{str(start + 1)[-2:]}"


def _start(year: str) -> int:
    return int(year[:4]) if year[:4].isdigit() else 0


def status_of(update: str) -> str:
    if IN_PROGRESS.search(update):
        return "in progress"
    if DONE.search(update):
        return "done"
    return ""


def _same_text(a: str, b: str) -> bool:
    return _same_shingles(shingles(a), shingles(b))


def _same_shingles(sa: frozenset[str], sb: frozenset[str]) -> bool:
    return jaccard(sa, sb) >= 0.5 or containment(sa, sb) >= 0.7


@dataclass
class _Row:
    year: str
    number: int
    text: str
    update: str
    status: str  # as printed
    where: Where
    update_where: Where


def _collect(lines: list[Line], i: int, first: str) -> str:
    acc, j = [first], i + 1
    while j < len(lines):
        text = lines[j].text
        if not text:
            k = j
            while k < len(lines) and not lines[k].text:
                k += 1
            if k < len(lines) and not ends_sentence(acc[-1]) and lines[k].text[:1].islower():
                j = k
                continue
            break
        if RECOMMENDATION.match(text) or re.match(r"^[-•▪]\s", lines[j].raw.strip()):
            break
        acc.append(text)
        j += 1
    return unwrap("\n".join(acc))


def _prose(doc: LoadedFile, parts: list[Part], part: Part) -> list[Recommendation]:
    year = (
        year_label(part.title)
        or year_label(doc.text[part.start : part.start + 1500])
        or _financial_year(part.date)
    )
    lines = lines_of(doc.text, part.start, part.end)
    found: list[Recommendation] = []
    for i, line in enumerate(lines):
        if "\t" in line.raw:
            continue
        m = RECOMMENDATION.match(line.text)
        if not m or not m.group(2):
            continue
        number, text = int(m.group(1)), _collect(lines, i, m.group(2))
        if any(r.number == number and _same_text(r.text, text) for r in found):
            continue
        offset = line.start + len(line.raw) - len(line.raw.lstrip())
        found.append(Recommendation(year, number, text, "", "", locate(doc, parts, offset)))
    return found


def _cells(line: Line) -> list[tuple[int, str]]:
    """(offset, text) of each tab-separated cell of a line."""
    out, pos = [], line.start
    for cell in line.raw.split("\t"):
        out.append((pos, clean(cell)))
        pos += len(cell) + 1
    return out


def _tables(doc: LoadedFile, parts: list[Part], part: Part, own_year: str) -> list[_Row]:
    lines = lines_of(doc.text, part.start, part.end)
    rows: list[_Row] = []
    for i, line in enumerate(lines):
        if "\t" not in line.raw:
            continue
        head = [c.lower() for _, c in _cells(line)]
        rec = next((k for k, c in enumerate(head) if "recommendation" in c), None)
        upd = next((k for k, c in enumerate(head) if re.search(r"\bupdates?\b", c)), None)
        if rec is None or upd is None:
            continue
        status_col = next((k for k, c in enumerate(head) if c.startswith("status")), None)
        caption = next(
            (lines[k].text for k in range(i - 1, max(-1, i - 4), -1) if lines[k].text), ""
        )
        year = year_label(caption) or year_label(" ".join(head))
        if not year and own_year:
            first = _start(own_year) - 1
            year = f"{first}/{str(first + 1)[-2:]}"
        for row in lines[i + 1 :]:
            if not row.raw.strip():
                continue
            if "\t" not in row.raw:
                break
            cells = _cells(row)
            number = re.fullmatch(r"(\d{1,2})\.?", cells[0][1])
            if not number or len(cells) <= max(rec, upd):
                continue
            status = ""
            if status_col is not None and status_col < len(cells):
                status = cells[status_col][1]
            rows.append(
                _Row(
                    year,
                    int(number.group(1)),
                    unwrap(cells[rec][1]),
                    unwrap(cells[upd][1]),
                    status,
                    locate(doc, parts, row.start),
                    locate(doc, parts, cells[upd][0]),
                )
            )
    return rows


def document_recommendations(
    doc: LoadedFile, parts: list[Part]
) -> tuple[list[Recommendation], list[_Row]]:
    """A document's own recommendations and recommendation-update rows (what it prints,
    before any other paper is compared with it)."""
    recs: list[Recommendation] = []
    rows: list[_Row] = []
    for part in parts:
        if part.doc_type in ("minutes", "agenda"):
            continue
        found = _prose(doc, parts, part)
        recs.extend(found)
        own = found[0].year if found else year_label(part.title)
        rows.extend(_tables(doc, parts, part, own))
    return recs, rows


def extract_recommendations(
    docs: dict[str, LoadedFile],
    parts: dict[str, list[Part]],
    read: dict[str, tuple[list[Recommendation], list[_Row]]] | None = None,
) -> list[Recommendation]:
    """Every document's recommendations (``read``: its `document_recommendations`, read
    here when not given), the update rows joined to them, repeats marked."""
    recs: list[Recommendation] = []
    rows: list[_Row] = []
    for name in sorted(docs):
        got = (read or {}).get(name) or document_recommendations(docs[name], parts.get(name, []))
        recs.extend(got[0])
        rows.extend(got[1])
    # A row updates the recommendation of its own partnership with its year and number.
    numbered: dict[tuple, list[int]] = {}
    for k, r in enumerate(recs):
        numbered.setdefault((r.where.partnership, r.year, r.number), []).append(k)
    for row in rows:
        key = (row.where.partnership, row.year, row.number)
        k = next((k for k in numbered.get(key, ()) if _same_text(recs[k].text, row.text)), None)
        if k is None:
            recs.append(Recommendation(row.year, row.number, row.text, "", "", row.where))
            k = len(recs) - 1
            numbered.setdefault(key, []).append(k)
        recs[k] = replace(
            recs[k], update=row.update, status=row.status, update_where=row.update_where
        )
    # A later recommendation repeats an earlier one of the same partnership only.
    marks = [shingles(r.text) for r in recs]
    by_partnership: dict[str, list[int]] = {}
    for k, r in enumerate(recs):
        by_partnership.setdefault(r.where.partnership, []).append(k)
    out = []
    for n, r in enumerate(recs):
        later = next(
            (
                recs[k]
                for k in by_partnership[r.where.partnership]
                if _start(recs[k].year) > _start(r.year) and _same_shingles(marks[k], marks[n])
            ),
            None,
        )
        if later is not None:
            # The update stays verbatim (it is quoted); the repeat is said in the status.
            status = f"open (repeated as {later.year} Recommendation {later.number})"
            out.append(replace(r, status=status))
        elif r.update or r.status:
            out.append(replace(r, status=status_of(r.status) or status_of(r.update)))
        else:  # nothing printed: status "", state "not stated" (still open for --open)
            out.append(replace(r, status=""))
    return sorted(out, key=lambda r: (_start(r.year), r.year, r.number, r.where.source))
