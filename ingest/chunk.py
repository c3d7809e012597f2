"""Cut sections into passages for the index, keeping where each came from."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.tables import laid_out
from ingest.types import Chunk, LoadedFile, Part

MIN_CHUNK_CHARS = 30
_BULLET = re.compile(r"^\s*(?:[-•▪o]\s+|\(?[a-z0-9]{1,3}[.)]\s+)")
_MARKUP = re.compile(r"\*\*|</?u>|</?p>|</?b>|</?i>|^#+\s+", re.M)


def tidy(raw: str) -> str:
    """Readable text from PDF extraction: wrapped lines joined, paragraphs, bullets and
    table rows kept on lines of their own."""
    raw = _MARKUP.sub("", raw.replace("\r", ""))
    short = _short_line(raw)
    out: list[str] = []
    for para in re.split(r"\n\s*\n", raw):
        lines = [ln.rstrip() for ln in para.split("\n") if ln.strip()]
        current, last = "", ""
        for ln in lines:
            row = "\t" in ln or ln.lstrip().startswith("|")  # a table row keeps its line
            starts_new = row or _BULLET.match(ln) or not current or "\t" in current
            starts_new = starts_new or current.lstrip().startswith("|")
            # a line back out at a smaller indent opens the next entry of a list whose
            # entries' second lines are indented ("Name" over "    Role, Agency")
            outdent = _indent(last) >= 2 and _indent(ln) < _indent(last) - 1
            starts_new = starts_new or outdent
            # a cover block's fields keep their lines: "Chair:        Councillor A. Name"
            # over "Vice-chair:   Supt B. Name" (spaced after the label, or under another)
            field = _FIELD_LINE.match(ln)
            starts_new = starts_new or bool(
                field and (field.group(1) or (last and _FIELD_LINE.match(last)))
            )
            # A line that stopped well short of the margin ended there (a heading, a
            # cell of a ruled table, a name in a list), unless the next goes on in lower case.
            ended = len(last.strip()) < short and not last.rstrip().endswith(("-", ","))
            starts_new = starts_new or (ended and not ln.strip()[:1].islower())
            last = ln
            if starts_new:
                if current:
                    out.append(current)
                current = ln.strip() if "\t" not in ln else ln.strip("\n ")
            else:
                glue = "" if current.endswith("-") and not current.endswith(" -") else " "
                current = f"{current}{glue}{ln.strip()}"
        if current:
            out.append(current)
    merged: list[str] = []
    for ln in out:  # a sentence the PDF broke across a blank line: "... ASB and" / "violent ..."
        prev = merged[-1] if merged else ""
        if (
            prev
            and (ln[:1].islower() or (_ends_mid_sentence(prev) and not _BULLET.match(ln)))
            and "\t" not in ln + prev
            and not prev.endswith((".", ":", ";", "!", "?"))
        ):
            merged[-1] = f"{prev} {ln}"
        else:
            merged.append(ln)
    text = "\n".join(re.sub(r"[ \u00a0]{2,}", " ", ln) if "\t" not in ln else ln for ln in merged)
    return text.strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# A label of up to four words, its colon, then the value: a cover block's field line
_FIELD_LINE = re.compile(r"^\s*[A-Z][\w()/'’&-]*(?: [\w()/'’&-]+){0,3}:(?:(\s{2,})|\s)?\S")
SHORT_LINE = 0.6  # of the usual full line: shorter, and the line ended where it stops
# Words no sentence ends on: a line ending in one goes on after the blank line, whatever
# the next line opens with ("... the relevant authorities forming the" / "Community ...").
_MID_SENTENCE = frozenset(
    "the a an of to in on at by for with from and or than as into onto that which whose "
    "whom its their our your this these those".split()
)


def _ends_mid_sentence(line: str) -> bool:
    """("(c) notes the plan; and" ends an item of a list, not mid-sentence.)"""
    words = line.rstrip().split()
    listed = len(words) >= 2 and words[-2].endswith((";", ","))
    return len(words) >= 4 and words[-1].lower() in _MID_SENTENCE and not listed


def _short_line(raw: str) -> int:
    """How short a line must be to have ended early: a share of the section's usual full
    width (its longer lines); nothing counts as short in text of one line a paragraph."""
    sizes = sorted(len(ln.strip()) for ln in raw.split("\n") if ln.strip())
    if len(sizes) < 4:
        return 0
    full = sizes[int(len(sizes) * 0.9) - 1]
    return int(full * SHORT_LINE) if 40 <= full <= 200 else 0


def _masthead_only(text: str) -> bool:
    """ "WESTMERE COMMUNITY SAFETY PARTNERSHIP 18TH DECEMBER 2014": a heading, not content."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(text) < 120 and bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.9
    )


def chunk_id(source: str, location: str, text: str) -> str:
    return hashlib.sha1(f"{source}\x00{location}\x00{text}".encode()).hexdigest()[:24]


def raw_offset(raw: str, piece: str, after: int) -> int:
    """Where ``piece`` (tidied text) begins in ``raw``, at or after ``after``: its first
    words with any punctuation, markup or line breaks between them."""
    words = re.findall(r"\w+", piece)[:8]
    if not words:
        return after
    found = re.compile(r"\W+".join(map(re.escape, words))).search(raw, after)
    return found.start() if found else after


def _with_tables(text: str, start: int, end: int, tables: list) -> tuple[str, Callable]:
    """The section ``text[start:end]`` with each table read by its columns inside it printed
    a row a line, cells between tabs (a ruled PDF table's plain text gives one cell a line;
    a text file's wraps its cells), and a map from an offset in it to the file's text."""
    inside = sorted(t for t in tables if start <= t[0] and t[1] <= end)
    if not inside:
        return text[start:end], lambda at: start + at
    pieces: list[str] = []
    marks: list[tuple[int, int, bool]] = []  # (offset here, offset in the file, runs on)
    pos, length = start, 0

    def put(piece: str, offset: int, runs_on: bool) -> None:
        nonlocal length
        marks.append((length, offset, runs_on))
        pieces.append(piece)
        length += len(piece)

    for first, last, lines in inside:
        if first < pos:  # (tables do not overlap; a second reading of one is skipped)
            continue
        put(text[pos:first], pos, True)
        for offset, line in lines:
            put(f"\n{line}", offset, False)  # a printed row: at its row's offset
        put("\n", last, False)
        pos = last
    put(text[pos:end], pos, True)

    def origin(at: int) -> int:
        here, there, runs_on = max((m for m in marks if m[0] <= at), default=marks[0])
        return there + (at - here) if runs_on else there

    return "".join(pieces), origin


def chunk(doc: LoadedFile, parts: list[Part], size: int, overlap: int) -> list[Chunk]:
    """Each section's text, unwrapped first (so a sentence the PDF broke across a blank line
    stays whole), then split; offsets point back into the file's own text."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size, chunk_overlap=overlap, separators=["\n", ". ", " ", ""]
    )
    tables = laid_out(doc)
    chunks: list[Chunk] = []
    for part in parts:
        for section in part.sections:
            raw, origin = _with_tables(doc.text, section.start, section.end, tables)
            cursor = 0
            for text in splitter.split_text(tidy(raw)):
                at = raw_offset(raw, text, cursor)
                cursor = at + 1
                if len(text) < MIN_CHUNK_CHARS or _masthead_only(text):
                    continue
                start = origin(at)
                end = min(section.end, start + len(text))
                location = f"{part.index}|{section.path}"
                # No date here: dates can still change (manifest, a duplicate's date) and
                # the id does not cover the header; the keyword index carries the date.
                header = f"{part.title} ({part.doc_type}) — {section.path}"
                cid = chunk_id(doc.name, location, text)
                chunks.append(
                    Chunk(
                        id=cid,
                        text=text,
                        embed_text=f"{header}\n{text}",
                        source=doc.name,
                        part=part.title,
                        part_index=part.index,
                        doc_type=part.doc_type,
                        section=section.path,
                        page=doc.page_at(start),
                        date=part.date,
                        partnership=part.partnership,
                        start=start,
                        end=end,
                        dup_group=cid,
                    )
                )
    return chunks
