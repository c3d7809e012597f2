"""Decisions: the AGREED / RESOLVED resolutions of minutes.

A resolution is either one line ("AGREED that the information be noted.") or a heading
word followed by numbered, lettered or bulleted items ("AGREED" / "1. That ..." / "2. That
...", "- to note ...;"), each item its own decision. Wrapped lines are joined; page
numbers and running headers that a PDF puts between two items are skipped. "It was agreed
that ..." sentences count as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest import register_conventions
from ingest.locate import locate
from ingest.register_conventions import RegisterConventions
from ingest.register_text import (
    PAGE_NUMBER,
    Line,
    clean,
    ends_sentence,
    lines_of,
    sentence_end,
    top_section,
    unwrap,
)
from ingest.types import Decision, LoadedFile, Part

RESOLUTION = re.compile(
    r"^(?:[-•]\s*)?(?:The\s+(?:[A-Z][\w-]*\s+){1,4})?(AGREED|RESOLVED)\b[\s:.–-]*(.*)$"
    r"|^(That):?$"  # a bare "That" line over lettered items
)
# "that:" / "that" / ":" between the resolution word and what was resolved.
_THAT = re.compile(r"^(?:that\b\s*:?|:)\s*", re.I)
# Inline items: "(a) the report be noted; (b) ...; and (c) ...".
INLINE_ITEM = re.compile(r"(?:^|(?<=\s))\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+")
NUMBERED = re.compile(r"^\(?(\d{1,2}|[a-h]|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x))[.)]\s+(\S.*)$")
_BULLET = re.compile(r"^([-*•▪])\s+(\S.*)$")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
PAGE_FURNITURE = re.compile(r"\f|\bPage\s+\d{1,3}\s+of\s+\d{1,3}\b", re.I)
HEADING = re.compile(r"^\d{1,2}\.?\s+[A-Z][A-Z/&'’ ,-]{3,}$")
LEAD_IN = re.compile(r"^(?:that|as follows)?\s*[:\-–]?\s*$|^.{0,60}:\s*$", re.I)
IT_WAS_AGREED = re.compile(r"\bIt was (?:agreed|resolved|AGREED|RESOLVED)\s+that\b")


@dataclass(frozen=True)
class Found:
    """A decision with the offset where its text starts (for citing it)."""

    decision: Decision
    offset: int


def is_minutes(part: Part, text: str) -> bool:
    """Minutes as typed by the segmenter, or a part with a Present list and resolutions
    (the segmenter only looks for "AGREED"), or with decision or action labels in capitals
    ("DECISION: ...", "... on 4 November. ACTION: BP to ..."): a meeting's notes."""
    if part.doc_type == "minutes":
        return True
    body = text[part.start : part.end]
    return bool(
        re.search(r"\bpresent\s*:|^\s*Minutes\s*:", body[:4000] + body[-20000:], re.I | re.M)
        and (re.search(r"(?m)^\W*(AGREED|RESOLVED)\b", body)
             or re.search(r"(?m)(?:^|[.!?]\s)\W*(?:DECISION|ACTION)S?:\s", body))
    )


def _next_nonblank(lines: list[Line], j: int) -> int | None:
    while j < len(lines) and not lines[j].text:
        j += 1
    return j if j < len(lines) else None


def _collect(lines: list[Line], i: int, first: str) -> tuple[str, int]:
    """The text of one resolution starting on line ``i`` (whose text is ``first``), and the
    index of the first line after it."""
    acc = [first]
    j = i + 1
    while j < len(lines):
        text = lines[j].text
        joined = acc[-1]
        if not text:
            k = _next_nonblank(lines, j)
            if k is None or ends_sentence(joined):
                return "\n".join(acc), j
            nxt = lines[k].text
            while PAGE_NUMBER.match(nxt):  # a page number inside a wrapped item
                k = _next_nonblank(lines, k + 1)
                if k is None:
                    return "\n".join(acc), j
                nxt = lines[k].text
            if (NUMBERED.match(nxt) or HEADING.match(nxt) or RESOLUTION.match(nxt)
                    or _BULLET.match(nxt)):
                return "\n".join(acc), j
            j = k
            continue
        if NUMBERED.match(text) or HEADING.match(text) or RESOLUTION.match(text):
            break
        if _BULLET.match(text):
            break
        if ends_sentence(joined) and (text[:1].isupper() or text[:1].isdigit()):
            break
        acc.append(text)
        j += 1
    return "\n".join(acc), j


def _is_noise(text: str) -> bool:
    """A page number, a page footer ("Page 2 of 3", a form feed) or a running header
    between two numbered items, or between a lead-in and its first item."""
    return bool(PAGE_NUMBER.match(text) or PAGE_FURNITURE.search(text)) or (
        len(text) <= 45 and not ends_sentence(text) and not text[:1].islower()
    )


def _inline(lines: list[Line], i: int, rest: str) -> list[tuple[int, str]] | None:
    """(offset, text) of each inline item of "RESOLVED that: (a) ...; (b) ...", or None."""
    text, _ = _collect(lines, i, rest)
    marks = list(INLINE_ITEM.finditer(text))
    if not marks or marks[0].start() != 0 or len(marks) < 2:
        return None
    raw = lines[i].raw
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        item = text[m.end() : end]
        col = raw.find(item[:20])
        out.append((lines[i].start + max(col, 0), item))
    return out


def _resolutions(
    lines: list[Line], i: int, rest: str, apart: bool = False
) -> list[tuple[int, str]]:
    """(offset, text) of each resolution of the AGREED/RESOLVED on line ``i``. ``apart``:
    a dash or colon stands between the word and what follows ("RESOLVED – That ..."), so
    a capital "That" there opens the resolution, as after a "Decision:" label; in
    "RESOLVED that ..." and "Resolved:- that ..." the "that" is the label's."""
    # "RESOLVED (unanimously) that ...", not an item's mark ("Resolved – (1) that ...")
    rest = re.sub(r"^\((?!(?:\d{1,2}|[a-z]|[ivx]{1,4})\))[^()]{1,40}\)\s*", "", rest)
    if LEAD_IN.match(rest):  # "RESOLVED that:" introduces lettered items; it is none itself
        rest = ""
    first = NUMBERED.match(rest)
    if first and first.group(1) in ("1", "a", "i") and not _inline(lines, i, rest):
        # "RESOLVED – (1) That ...; and" with "(2) That ..." on the lines under it: the
        # first item shares the word's line, the others follow as a list's items do
        col = lines[i].raw.find(first.group(2)[:20])
        body, j = _collect(lines, i, first.group(2))
        return [(lines[i].start + max(col, 0), body),
                *_items(lines, j, _next_label(first.group(1)), _shape(rest))]
    keep = apart and rest.startswith("That ")
    bare = rest if keep else _THAT.sub("", rest, count=1)  # "that" is the label's
    if bare:
        inline = _inline(lines, i, bare)
        if inline:
            return inline
        text, _ = _collect(lines, i, bare)
        if i and lines[i - 1].text[-1:] in (".", "!", "?", ")"):
            # printed inside a paragraph ("... shop theft. RESOLVED that the report be
            # noted. Members then ..."): the resolution is its sentence
            text = text[: sentence_end(text, 0, len(text))]
        col = lines[i].raw.find(bare[:20])
        return [(lines[i].start + max(col, 0), text)]
    return _items(lines, i + 1)


def _items(
    lines: list[Line], j: int, expected: str | None = None, style: str | None = None
) -> list[tuple[int, str]]:
    """(offset, text) of the numbered, lettered or bulleted items from line ``j`` on
    (``expected``: the next item's number when the first was read already)."""
    out: list[tuple[int, str]] = []
    skipped = 0
    while j < len(lines):
        text = lines[j].text
        if not text:
            j += 1
            continue
        if HEADING.match(text) or RESOLUTION.match(text):
            break
        m = NUMBERED.match(text)
        shape = _shape(text)
        if (
            m
            and (style is None or shape == style)
            and (m.group(1) == expected or (expected is None and m.group(1) in ("1", "a", "i")))
        ):
            style = shape
            start = lines[j].start + len(lines[j].raw) - len(lines[j].raw.lstrip())
            body, j = _collect(lines, j, m.group(2))
            out.append((start, body))
            expected = _next_label(m.group(1))
            skipped = 0
            continue
        if expected is None and not out and skipped < 5 and (
            PAGE_NUMBER.match(text) or PAGE_FURNITURE.search(text)
        ):
            skipped += 1  # a page break between the lead-in and its first item
            j += 1
            continue
        bullet = _BULLET.match(text) if expected is None else None
        if bullet and (style is None or style == bullet.group(1)):
            style = bullet.group(1)  # "- to note ...;" / "• That ...": bulleted items
            start = lines[j].start + len(lines[j].raw) - len(lines[j].raw.lstrip())
            body, j = _collect(lines, j, bullet.group(2))
            out.append((start + len(text) - len(bullet.group(2)), body))
            skipped = 0
            continue
        if expected is None and not out:
            # "AGREED" then an unnumbered resolution on the next line.
            if text[:4].lower() == "that":
                body, _ = _collect(lines, j, text)
                return [(lines[j].start + len(lines[j].raw) - len(lines[j].raw.lstrip()), body)]
            return out
        if _is_noise(text) and skipped < 5:
            skipped += 1
            j += 1
            continue
        break
    return out


def _shape(text: str) -> str:
    """How an item is numbered: "(1)", "1)" or "1."."""
    return "(" if text.startswith("(") else text[len(text.split()[0]) - 1]


def _next_label(label: str) -> str:
    if label.isdigit():
        return str(int(label) + 1)
    if label in _ROMAN and label != "x":
        return _ROMAN[_ROMAN.index(label) + 1]
    return chr(ord(label) + 1)


def _tidy(text: str) -> str:
    """The resolution as printed (a lower-case "that" stays lower-case), without the
    trailing ';', ',' or '; and'."""
    return re.sub(r"\s*;\s*(?:and|or)$", "", unwrap(text).rstrip(" ;,")).rstrip(" ;,")


def part_decisions(doc: LoadedFile, parts: list[Part], part: Part) -> list[Found]:
    lines = lines_of(doc.text, part.start, part.end)
    found: list[Found] = []
    for i, line in enumerate(lines):
        m = RESOLUTION.match(line.text)
        if not m:
            continue
        apart = bool(m.group(1)) and bool(re.search(r"[:–—-]", line.text[m.end(1) : m.start(2)]))
        for offset, text in _resolutions(lines, i, clean(m.group(2) or ""), apart):
            text = _tidy(text)
            if text:
                found.append(_decision(doc, parts, part, offset, text))
    for m in IT_WAS_AGREED.finditer(doc.text, part.start, part.end):
        end = sentence_end(doc.text, m.start(), part.end)
        text = unwrap(doc.text[m.start() : end]).rstrip(" .")
        found.append(_decision(doc, parts, part, m.start(), text))
    if doc.kind != "pdf":  # a PDF's text has no blank lines to stand a paragraph apart
        for offset, text in body_decisions(doc.text, part.start, part.end):
            found.append(_decision(doc, parts, part, offset, text))
    found.sort(key=lambda f: f.offset)
    return found


@lru_cache(maxsize=8)
def _body_decision(conv: RegisterConventions) -> re.Pattern[str] | None:
    """"The Board endorsed the annual report.": the body (`recommendation_bodies`, after
    up to three capitalised words: "The Partnership Board") and one of the conventions'
    `decision_verbs`, then what was decided, one sentence."""
    if not conv.decision_verbs or not conv.recommendation_bodies:
        return None
    bodies = "|".join(re.escape(b) for b in conv.recommendation_bodies)
    verbs = "|".join(re.escape(v) for v in conv.decision_verbs)
    return re.compile(
        rf"^(?:The\s+)?(?:[A-Z][\w-]*\s+){{0,3}}(?:{bodies})\s+(?:unanimously\s+)?"
        rf"(?:{verbs})\s+(?!that\s+(?:the\s+)?(?:figures|data|numbers|there|it)\b)\S[^\n]*$"
    )


def body_decisions(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """A body's decision printed as a paragraph of its own, one sentence ("The Board
    endorsed the annual report.", "The Group approved the plan and asked ..."), in
    minutes; a sentence inside a narrative paragraph is the narrative's."""
    pattern = _body_decision(register_conventions.current())
    if pattern is None:
        return []
    out = []
    for m in re.finditer(r"(?:^|\n[ \t]*\n)(?P<para>[ \t]*\S(?:.|\n(?![ \t]*\n))*)",
                         text[start:end]):
        raw = m.group("para")
        para = unwrap(raw).strip()
        if not pattern.match(para) or not para.endswith("."):
            continue
        at = start + m.start("para") + len(raw) - len(raw.lstrip())
        if sentence_end(text, at, start + m.end("para")) < start + m.end("para") - 1:
            continue  # two sentences or more: narrative
        out.append((at, para.rstrip(" .")))
    return out


def _decision(doc: LoadedFile, parts: list[Part], part: Part, offset: int, text: str) -> Found:
    item = top_section(part, offset)
    return Found(
        Decision(
            meeting_date=part.date,
            item=item.number if item else "",
            item_title=item.title if item else "",
            text=text,
            where=locate(doc, parts, offset),
        ),
        offset,
    )
