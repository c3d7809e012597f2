"""Registers: what the papers decided, who is to do what, the recommendations and their
updates, the forward programme, and the glossary, each entry citing where it was printed.

Everything comes from the structure of the text, never from a file's name or title:

- decisions: every AGREED / RESOLVED resolution of minutes (each numbered item its own
  decision, "That the information be noted." included: callers may filter), with the
  meeting date (the part's date) and the enclosing numbered item;
- actions: who is to do what, from resolutions that name a person or role ("That Andy
  Thomas contact ...") and from the minutes' sentences ("X agreed to ...", "X stated that he
  would ...", "It was suggested that X attend ..."); a later-dated paper that mentions the
  action's distinctive terms is quoted as its latest news;
- recommendations: "Recommendation N: ..." of assessments and reports, and tables of an
  earlier year's recommendations with an "Updates" column (see `register_recommendations`);
- forward programme: the ITEM / DETAIL / DATE / ACTION BY tables (see `register_forward`);
- glossary: glossary sections and inline "Full Name (ABC)" definitions.

The other readers (`_readers`) read every part whatever its kind: labels ("Decision:",
"Action (REF):"), notices and their sections, action lists, record blocks, and tables in
any form (tab, pipe, HTML, PDF by position) as one grid whose columns are named by header
words or by their cells (`register_columns`), minutes printed as tables
(`register_minute_tables`), and last the resolutions and "X to ..." lines no other reader
holds (`register_fallback`).

Minutes filed twice (bound into a pack and as a file of their own) give each decision and
action once: copies of one meeting are read cleanest first (the copy whose paragraphs sit
on one line, i.e. the longest mean line, rather than PDF text wrapped at the column width;
ties go to sorted file order), and an entry of a later copy with the same meeting date,
item (unless either copy lost its heading) and (nearly) the same words is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest import register_conventions
from ingest.dates import iso, parse_dates, squash
from ingest.dating import DATE_FIELD
from ingest.locate import locate
from ingest.register_actions import (
    _Later,
    extract_actions,
    from_sentences,
    owner_of_resolution,
    sentence_index,
    sentences_of,
)
from ingest.register_build import Built, due_date, from_found, from_row, join_updates
from ingest.register_cards import pdf_cards
from ingest.register_columns import named_kind
from ingest.register_conventions import RegisterConventions
from ingest.register_decisions import Found, is_minutes, part_decisions
from ingest.register_fallback import fallback_entries
from ingest.register_forward import document_forward, extract_forward
from ingest.register_glossary import document_glossary, extract_glossary
from ingest.register_keys import document_key, kind_key
from ingest.register_lines import Found as Listed
from ingest.register_lines import (
    Items,
    due_in,
    label_entries,
    labels_apart,
    owner_flags,
    report_recommendations,
    trailing_owner_entries,
    without_paragraph_numbers,
)
from ingest.register_lists import list_rows, title_of
from ingest.register_markers import marker_entries
from ingest.register_minute_tables import minute_entries
from ingest.register_notices import Notice, notice_at, notice_entries, notices
from ingest.register_pdf import _acting, minute_grids, pdf_tables
from ingest.register_recommendations import (
    document_recommendations,
    extract_recommendations,
    year_label,
)
from ingest.register_records import coded_lines, marked_records
from ingest.register_tables import (
    aligned_grids,
    csv_grids,
    grid_tables,
    html_grids,
    line_grids,
    record_blocks,
    register_rows,
)
from ingest.register_text import cleanliness, similar, top_section
from ingest.types import (
    Action,
    Decision,
    ForwardItem,
    GlossaryEntry,
    LoadedFile,
    Part,
    Recommendation,
)


@dataclass
class Registers:
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    forward: list[ForwardItem] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)


@dataclass
class DocumentReading:
    """What the readers find in one document read alone, before any other paper is
    compared with it: per minutes part its cleanliness, resolutions and sentence actions;
    the item headings of each part; the label, table and report readers' entries; its
    recommendations and update rows; the sentences a later paper's news may be; its
    forward-programme rows and glossary. It depends on the document's text and parts and
    the code alone, so an ingest keeps it per document (`ingest.pipeline`) and a paper
    added to an archive is the only one read again; what crosses papers (copies of one
    meeting, later papers' news, repeated recommendations, updates) is joined after."""

    minutes: list[tuple[Part, float, list[Found], list]] = field(default_factory=list)
    items: dict[int, Items] = field(default_factory=dict)
    decisions: list[Built] = field(default_factory=list)
    actions: list[Built] = field(default_factory=list)
    recommendations: list[Built] = field(default_factory=list)
    report_recommendations: tuple = ((), ())
    sentences: list[tuple] = field(default_factory=list)
    sentence_index: tuple = ({}, {})
    forward: list[tuple] = field(default_factory=list)
    glossary: tuple = ((), ())
    # (start, end) of each paragraph that ends with an owner flag ("... ACTION BY: DR"):
    # the flag reader's action, no other reader's
    flagged: list[tuple[int, int]] = field(default_factory=list)


def read_document(
    name: str, doc: LoadedFile, parts: list[Part], conv: RegisterConventions | None = None
) -> DocumentReading:
    """Every register reader over one document (see `DocumentReading`)."""
    conv = conv or register_conventions.current()
    reading = DocumentReading()
    for part in parts:
        reading.items[part.index] = Items(doc, part, conv)
    # the minutes' and labels' readers read numbered paragraphs without their numbers
    plain = labels_apart(without_paragraph_numbers(doc, list(reading.items.values())), conv)
    flags = [f for part in parts for f in owner_flags(plain, part, conv)]
    reading.flagged = [(f[0], f[2]) for f in flags]
    # the minutes' readers read a flagged paragraph without its flag
    unflagged = _blanked(plain, [(f[1], f[2]) for f in flags])
    for part in parts:
        if is_minutes(part, doc.text):
            reading.minutes.append((
                part,
                cleanliness(doc.text[part.start : part.end]),
                part_decisions(unflagged, parts, part),
                from_sentences(unflagged, parts, part),
            ))
    reading.decisions, reading.actions, reading.recommendations = _document_readers(
        name, doc, parts, conv, reading.items, plain
    )
    reading.report_recommendations = document_recommendations(doc, parts)
    reading.sentences = sentences_of(name, doc, parts)
    reading.sentence_index = sentence_index(reading.sentences)
    reading.forward = document_forward(name, doc, parts)
    reading.glossary = document_glossary(doc, parts)
    return reading


def _blanked(doc: LoadedFile, spans: list[tuple[int, int]]) -> LoadedFile:
    """The document with each span printed as spaces (offsets kept)."""
    if not spans:
        return doc
    chars = list(doc.text)
    for a, b in spans:
        chars[a:b] = [c if c == "\n" else " " for c in chars[a:b]]
    return replace(doc, text="".join(chars))


def _unflagged(entries: list, read: dict[str, DocumentReading]) -> list:
    """Entries not printed in a paragraph an owner flag ends (whose action is the flag
    reader's, with the flag's owner)."""
    return [
        e for e in entries
        if not any(a <= e.where.start < b for a, b in read[e.where.source].flagged)
    ]


def _readings(
    docs: dict[str, LoadedFile], parts: dict[str, list[Part]],
    read: dict[str, DocumentReading] | None, conv: RegisterConventions,
) -> dict[str, DocumentReading]:
    read = dict(read or {})
    for name in docs:
        if name not in read:
            read[name] = read_document(name, docs[name], parts.get(name, []), conv)
    return read


def minutes_parts(
    docs: dict[str, LoadedFile], parts: dict[str, list[Part]],
    read: dict[str, DocumentReading] | None = None,
) -> list[tuple[str, Part]]:
    """Every minutes part, the cleanest copy of a meeting first (then sorted file order)."""
    return [(name, part) for name, part, _ in _minutes(docs, parts, read)]


def _minutes(
    docs: dict[str, LoadedFile], parts: dict[str, list[Part]],
    read: dict[str, DocumentReading] | None = None,
) -> list[tuple[str, Part, tuple]]:
    """(name, part, its reading) of every minutes part, cleanest copy of a meeting first."""
    read = _readings(docs, parts, read, register_conventions.current())
    found = [(name, m[0], m) for name in sorted(docs) for m in read[name].minutes]
    order = {(name, part.index): n for n, (name, part, _) in enumerate(found)}
    return sorted(
        found,
        key=lambda npm: (npm[1].date or "", -round(npm[2][1]), order[(npm[0], npm[1].index)]),
    )


def extract_decisions(
    docs: dict[str, LoadedFile], parts: dict[str, list[Part]],
    read: dict[str, DocumentReading] | None = None,
) -> list[Decision]:
    kept: list[Found] = []
    # a copy is of the same meeting, so of the same date and partnership
    by_meeting: dict[tuple, list[Found]] = {}
    for _, _, minutes in _minutes(docs, parts, read):
        for f in minutes[2]:
            d = f.decision
            meeting = (d.meeting_date, d.where.partnership)
            if any(
                (k.decision.item == d.item or not k.decision.item or not d.item)
                and k.decision.where.source != d.where.source
                and similar(k.decision.text, d.text)
                for k in by_meeting.get(meeting, ())
            ):
                continue
            kept.append(f)
            by_meeting.setdefault(meeting, []).append(f)
    return [f.decision for f in kept]


def _document_readers(
    name: str, doc: LoadedFile, doc_parts: list[Part], conv: RegisterConventions,
    part_items: dict[int, Items], plain: LoadedFile | None = None,
) -> tuple[list[Built], list[Built], list[Built]]:
    """Decisions, actions and recommendations of the label, table and report readers
    (``plain``: the document without its paragraph numbers, which the label, notice and
    last readers read; tables, lists and report recommendations read the numbers)."""
    plain = plain or doc
    decisions: list[Built] = []
    actions: list[Built] = []
    recommendations: list[Built] = []
    own = document_key(doc, conv)
    titled = title_kind(doc, conv)
    pdf, pdf_spans = pdf_tables(doc, conv, own, titled)
    pdf += pdf_cards(doc, conv)
    pdf_minutes = minute_grids(doc, conv)
    kinds = kind_key(doc.text, conv)
    for part in doc_parts:
        items = part_items[part.index]
        grids = line_grids(doc.text, part.start, part.end)
        grids += grid_tables(doc.text, part.start, part.end)
        grids += html_grids(doc.text, part.start, part.end, conv)
        if doc.kind != "pdf":  # a PDF's columns are read by position
            grids += aligned_grids(doc.text, part.start, part.end, conv)
        grids += csv_grids(doc.text, part.start, part.end, conv)
        rows = [r for g in grids for r in register_rows(g, conv, skip_recommendations=True,
                                                        kinds=kinds, own=own,
                                                        title_kind=titled)]
        blocks = record_blocks(
            doc.text, part.start, part.end, conv, lambda line: title_of(line, conv)
        )
        marked = marked_records(doc.text, part.start, part.end, conv, own)
        paragraphs = [(r.offset, stop) for r, stop in marked]
        # a paragraph opened by a reference marker is one record, no block reader's
        blocks = [b for b in blocks if not _within(paragraphs, b.offset)] + [
            r for r, _ in marked]
        listed = [r for r in list_rows(doc, part, conv) if not _within(paragraphs, r.offset)]
        rows += listed + blocks  # a list item with nested fields is read as a list
        rows += [r for r in pdf if part.start <= r.offset < part.end]
        coded = [] if doc.kind == "pdf" else [  # a PDF's boxes are read by position
            a for r in coded_lines(doc.text, part.start, part.end, conv)
            if not any(abs(r.offset - x.offset) <= 40 for x in rows) for a in _acting(r, conv)]
        rows += coded
        spans = [(b.offset, b.offset + 2000) for b in (*blocks, *listed, *coded)]
        minutes = is_minutes(part, doc.text)
        records = notices(doc, part, conv)
        found = [
            f
            for f in (
                *label_entries(plain, part, conv, items, recommendations=not minutes),
                *trailing_owner_entries(plain, part, conv, items),
                *notice_entries(plain, part, conv, items, minutes, records),
                *marker_entries(plain, part, conv),
            )
            if not _in_any_block(doc.text, spans, f.offset) and not _within(pdf_spans, f.offset)
        ]
        found += [_in_item(from_row(r), items) for r in rows]
        in_part = [g for g in pdf_minutes if g.rows and part.start <= g.rows[0][0] < part.end]
        found += minute_entries(grids + in_part, conv)
        # Last, so that an entry another reader holds is that reader's (with its fields).
        found += [
            f for f in fallback_entries(plain, part, conv, items, minutes)
            if not _in_any_block(doc.text, spans, f.offset) and not _within(pdf_spans, f.offset)
        ]
        if not minutes:  # a record a marker opens is the record reader's
            found += [f for f in report_recommendations(doc, part, conv)
                      if not _within(paragraphs, f.offset)]
        # a status word alone ("Outcome: Fully implemented.", a key's word) is a status,
        # never an entry
        found = [f for f in found if not _status_alone(f.text, conv, own)]
        for f in found:
            _in_notice(f, notice_at(records, f.offset))
        year = year_label(part.title) or year_label(doc.text[part.start : part.start + 1500])
        dated = _meeting_date(doc, part, conv)
        for f in found:
            where = locate(doc, doc_parts, f.offset)
            if f.date or dated:
                where = replace(where, date=f.date or dated)
            row_year = next(
                (year_label(h) for r in rows if r.offset == f.offset for h in r.header.values()
                 if year_label(h)),
                "",
            )
            b = from_found(f, where, conv, row_year or year, own)
            {"decision": decisions, "action": actions}.get(f.kind, recommendations).append(b)
    return decisions, actions, recommendations


def _meeting_date(doc: LoadedFile, part: Part, conv: RegisterConventions) -> str:
    """The date a part's entries take when it is not the part's: "" unless the part was
    dated by a "... date: <date>" line that is a register's due field ("Target date: 31
    March 2026", which is when a record is due, not when the paper met); then the date its
    heading prints ("Tuesday 16 June 2026, 6.30 pm"), or "" when it prints none."""
    if getattr(part, "date_note", "") != "from its Date: line":
        return ""
    body = doc.text[part.start : part.end]
    flat = squash(body[:3000])
    m = DATE_FIELD.search(flat)
    if not m:
        return ""
    label = re.search(r"([A-Za-z]+)\s+(?:date|date of meeting|published)\s*:\s*$",
                      flat[: m.start(1)], re.I)
    if not label or conv.column_role(label.group(0).rstrip(": ")) != "due":
        return ""
    head = parse_dates("\n".join([ln for ln in body.split("\n") if ln.strip()][:8]))
    return iso(head[0][1]) if head else ""


def _status_alone(text: str, conv: RegisterConventions, own: dict[str, str]) -> bool:
    """An entry's words that are a status word whole, of the conventions or the paper's
    own key: what a line printed was a status ("Outcome: Partly implemented."), not what
    was decided or is to be done."""
    words = re.sub(r"[\s.;:,]+$", "", text or "").strip()
    if re.sub(r"^[\d.\s]+", "", words).lower() in conv.other_logs:
        return True  # the heading of a log of other things ("5. Risks")
    return bool(words) and len(words.split()) <= 4 and conv.is_status(words, own)


def title_kind(doc: LoadedFile, conv: RegisterConventions) -> str:
    """The one kind a paper's title names ("Scrutiny recommendations tracker" →
    recommendation; "Decisions and actions" names two, so none): its first lines of words,
    before any table."""
    lines = []
    for raw in doc.text[:800].split("\n"):
        line = raw.strip().strip("#*").strip()
        if "\t" in raw or "|" in raw or len(lines) >= 3 or re.search(r"[.:;]$", line) or (
            re.search(r"\S {2,}\S", line)
        ):
            break  # a table (its cells apart by tabs, bars or spaces), or a sentence or key
        if line:
            lines.append(line)
    return named_kind(" ".join(lines), conv)


def _in_item(f: Listed, items: Items) -> Listed:
    """A table row printing no reference of its own, under a minute's or item's heading,
    takes that minute's number (as any entry of the minute does)."""
    if not f.reference and items.heads:
        f.item, f.item_title = items.at(f.offset)
        f.reference = f.item
    return f


def _in_notice(f: Listed, notice: Notice | None) -> None:
    """An entry printed in a decision notice takes the notice's reference and item (unless
    it prints its own) and the notice's date."""
    if notice is None:
        return
    if not f.own_reference:
        f.reference = notice.reference or f.reference
        f.item = notice.item or f.item
        f.item_title = notice.subject or f.item_title
    f.date = notice.date or f.date


def _within(spans: list[tuple[int, int]], offset: int) -> bool:
    """Inside one of a PDF's register tables, whose rows hold what is printed there."""
    return any(a <= offset < b for a, b in spans)


def _in_any_block(text: str, spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset <= b and _in_block(text, a, offset) for a, b in spans)


def _in_block(text: str, start: int, offset: int) -> bool:
    """Whether ``offset`` is inside the record block that starts at ``start`` (no blank
    line between them)."""
    return "\n\n" not in text[start:offset]


def _legacy_state(status: str) -> str:
    if status.startswith("open (repeated"):
        return "open"
    return {"done": "done", "in progress": "in progress"}.get(status, "not stated")


def _placed(
    entries: list, parts: dict[str, list[Part]], read: dict[str, DocumentReading],
) -> list:
    """Entries of the corpus's readers with the fields every entry has: the item from the
    item headings when the segmenter found none, reference, partnership, state."""
    conv = register_conventions.current()
    out = []
    for e in entries:
        w = e.where
        part = next((p for p in parts.get(w.source, []) if p.start <= w.start < p.end), None)
        item = getattr(e, "item", "")
        title = getattr(e, "item_title", "")
        items = read[w.source].items.get(part.index) if part is not None else None
        if items is not None and hasattr(e, "item") and not item:
            item, title = items.at(w.start)
        elif items is not None and hasattr(e, "item"):
            # a minute heading the segmenter did not take ("6. Any other business") that is
            # nearer than the segmenter's section: the entry is that minute's
            head, section = items.head_at(w.start), top_section(part, w.start)
            if head and section and head[0] > section.start and head[1] != item:
                if getattr(e, "reference", "") == item:  # the minute's number, not its own
                    e = replace(e, reference="")
                item, title = head[1], head[2]
        para = items.paragraph_at(w.start) if items is not None else ""
        if para and getattr(e, "reference", "") in ("", getattr(e, "item", "")):
            item = para  # printed in a numbered paragraph: its number is the reference
            e = replace(e, reference="")
        extra: dict = {"partnership": w.partnership}
        if isinstance(e, Decision):
            extra.update(item=item, item_title=title, reference=e.reference or item,
                         state=e.state or "not stated")
            found = owner_of_resolution(e.text)
            if found and not e.owner:
                extra.update(owner=found[0], due=due_in(e.text, conv))
                extra["due_date"] = due_date(extra["due"])
        elif isinstance(e, Action):
            extra.update(item=item, reference=e.reference or item, due_date=due_date(e.due),
                         state=e.state or "not stated")
        elif isinstance(e, Recommendation):
            extra.update(reference=e.reference or f"Recommendation {e.number}",
                         state=e.state or _legacy_state(e.status))
        out.append(replace(e, **extra))
    return out


def _same_entry(a, b) -> bool:
    """One entry found by two readers: the same paper, place or words."""
    if a.where.source != b.where.source:
        return False
    if abs(a.where.start - b.where.start) <= 3:
        return True
    both_referenced = a.reference and b.reference and a.reference != b.reference
    return (
        not both_referenced and a.where.date == b.where.date and similar(a.text, b.text)
        and not _told_apart(a, b)
    )


def _told_apart(a, b) -> bool:  # noqa: ANN001 - two entries of any kind
    """Two entries of one paper in like words that are two: each prints its own owner, due
    or status and they differ (two rows of a log), or their words hold other numbers
    ("... on route 12" and "... on route 14"; a piece of the other's words is no other)."""
    for name in ("owner", "due", "status"):
        x, y = getattr(a, name, "") or "", getattr(b, name, "") or ""
        if x and y and x != y:
            return True
    numbers = re.compile(r"\d[\d/.,:]*")
    def found(text: str) -> set[str]:  # "2025/26." at a sentence's end is "2025/26"
        return {n.rstrip(".,:/") for n in numbers.findall(text)}

    mine, theirs = found(a.text), found(b.text)
    return bool(mine and theirs) and not (mine <= theirs or theirs <= mine)


def _merge(first: list, extra: list[Built]) -> list[Built]:
    """The corpus readers' entries, then each other reader's entry they do not hold (one
    entry is of the same paper; a copy, of the same date and partnership)."""
    out: list[Built] = []
    by_source: dict[str, list[Built]] = {}
    by_date: dict[tuple, list[Built]] = {}

    def keep(b: Built) -> None:
        out.append(b)
        by_source.setdefault(b.entry.where.source, []).append(b)
        by_date.setdefault((b.entry.where.date, b.entry.where.partnership), []).append(b)

    for e in first:
        keep(Built(e, False, (e.where.date or "", e.where.source, e.where.start)))
    for b in extra:
        w = b.entry.where
        if any(_same_entry(k.entry, b.entry) for k in by_source.get(w.source, ())):
            continue
        if b.fallback and any(
            _copy_of(k.entry, b.entry) for k in by_date.get((w.date, w.partnership), ())
        ):
            continue
        keep(b)
    return out


def _copy_of(a, b) -> bool:
    """The same entry in another copy of the same paper (minutes filed twice): not the
    same words again in another item of one paper (each item's "that the Manager report
    back by 30 June" is its own)."""
    return bool(a.where.date) and a.where.source != b.where.source and (
        a.where.date == b.where.date
    ) and (
        a.where.partnership == b.where.partnership
    ) and similar(a.text, b.text)


def extract_registers(
    docs: dict[str, LoadedFile],
    parts: dict[str, list[Part]],
    read: dict[str, DocumentReading] | None = None,
) -> Registers:
    """The five registers of ``docs``: each document's `read_document` (from ``read`` when
    given there, e.g. kept from an earlier ingest), then what crosses papers: copies of one
    meeting kept once, later papers' news and updates joined, repeats marked."""
    conv = register_conventions.current()
    read = _readings(docs, parts, read, conv)
    minutes = _minutes(docs, parts, read)
    resolutions = extract_decisions(docs, parts, read)
    sentences = [c for _, _, m in minutes for c in m[3]]
    later = _Later(docs, parts, {name: r.sentences for name, r in read.items()},
                   {name: r.sentence_index for name, r in read.items()})
    legacy_actions = extract_actions(
        docs, parts, [(n, p) for n, p, _ in minutes], resolutions, sentences, later
    )
    legacy_recs = extract_recommendations(
        docs, parts, {name: r.report_recommendations for name, r in read.items()}
    )
    new_decisions = [b for name in sorted(docs) for b in read[name].decisions]
    new_actions = [b for name in sorted(docs) for b in read[name].actions]
    new_recs = [b for name in sorted(docs) for b in read[name].recommendations]
    decisions = _merge(_placed(resolutions, parts, read), new_decisions)
    actions = _merge(_unflagged(_placed(legacy_actions, parts, read), read), new_actions)
    recs = _merge(_placed(legacy_recs, parts, read), new_recs)
    joined_actions, _ = join_updates(actions)
    joined_recs, _ = join_updates(recs)
    return Registers(
        decisions=[b.entry for b in sorted(decisions, key=lambda b: b.order)],
        actions=joined_actions,
        recommendations=joined_recs,
        forward=extract_forward(docs, parts, {name: r.forward for name, r in read.items()}),
        glossary=extract_glossary(docs, parts, {name: r.glossary for name, r in read.items()}),
    )
