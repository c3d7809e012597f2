"""Glossary: the lines of glossary sections ("JAG  Joint Action Group") and inline
definitions ("Most Similar Family Group (MSFG)", "DASH (Domestic Abuse Stalking &
Harassment)") whose initials match the abbreviation. One entry per term: a glossary line
wins over an inline definition; otherwise the first in sorted file order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.locate import locate
from ingest.register_text import lines_of, unwrap
from ingest.types import GlossaryEntry, LoadedFile, Part

GLOSSARY_TITLE = re.compile(r"\b(glossary|abbreviations|acronyms|terms used)\b", re.I)
GLOSSARY_LINE = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:Glossary|Abbreviations|Acronyms|Glossary of terms)\s*:?$", re.I
)
# "ASB  Anti-Social Behaviour", "DV / DA Domestic Violence / Domestic Abuse", "IQuanta The ..."
TERM_LINE = re.compile(
    r"^(?P<term>[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*(?:\s*/\s*[A-Z][A-Za-z&]*[A-Z])?)"
    r"(?:\s*[:–-]\s*|\s+)(?P<meaning>[A-Z(‘'\"].{2,})$"
)
_CONNECTORS = {"of", "and", "for", "the", "to", "in", "on", "&", "a", "an", "at", "by", "with"}
_WORD = r"[A-Z][\w’'&/-]*"
INLINE = re.compile(
    rf"((?:{_WORD},?\s+(?:(?:of|and|for|the|&|to|in|on|at|by|with)\s+){{0,2}}){{1,8}})"
    r"\(\s*([A-Z][A-Za-z]{1,9}?)(s?)\s*\)"
)
REVERSE = re.compile(r"\b([A-Z]{2,8})\s*\(\s*([A-Z][^()\n]{3,90}?)\s*\)")


def initials(words: list[str], split_hyphens: bool) -> str:
    out = []
    for w in words:
        pieces = re.split(r"[-/]", w) if split_hyphens else [w]
        for p in pieces:
            p = p.strip("’'")
            if p and p.lower() not in _CONNECTORS and p[0].isalpha():
                out.append(p[0].upper())
    return "".join(out)


def _matches(term: str, words: list[str]) -> bool:
    target = term.upper()
    return any(initials(words, split) == target for split in (False, True))


@dataclass
class _Open:
    term: str
    offset: int
    lines: list[str]


def _glossary_entries(doc: LoadedFile, parts: list[Part], part: Part) -> list[GlossaryEntry]:
    spans = [(s.start, s.end) for s in part.sections if GLOSSARY_TITLE.search(s.title)]
    if GLOSSARY_TITLE.search(part.title) and not spans:
        spans = [(part.start, part.end)]
    # A "Glossary" line the segmenter did not make a section of.
    for line in lines_of(doc.text, part.start, part.end):
        if GLOSSARY_LINE.match(line.text) and not any(a <= line.start <= b for a, b in spans):
            spans.append((line.start, part.end))
    found: list[_Open] = []
    for start, end in spans:
        current: _Open | None = None
        misses = 0
        for line in lines_of(doc.text, start, end)[1:]:  # the first line is the heading
            text = line.text
            if not text:
                continue
            m = TERM_LINE.match(text)
            if m and not (current and text[:1].islower()):
                offset = line.start + len(line.raw) - len(line.raw.lstrip())
                current = _Open(re.sub(r"\s+", " ", m.group("term")), offset, [text])
                found.append(current)
                misses = 0
            elif current and (not text[:1].isupper() or len(text) > 40):
                current.lines.append(text)  # a meaning wrapped onto the next line
            else:
                current = None
                misses += 1
                if misses >= 2:  # the glossary is over
                    break
    out = []
    for f in found:
        quote = unwrap(" ".join(f.lines))
        meaning = quote[len(f.term) :].strip(" :–-") if quote.startswith(f.term) else quote
        out.append(GlossaryEntry(f.term, meaning, locate(doc, parts, f.offset), quote))
    return out


def _inline_entries(doc: LoadedFile, parts: list[Part], part: Part) -> list[GlossaryEntry]:
    text, out = doc.text, []
    for m in INLINE.finditer(text, part.start, part.end):
        term = m.group(2) if not m.group(3) or m.group(2).isupper() else m.group(2) + m.group(3)
        if not re.search(r"[A-Z].*[A-Z]", term):
            continue
        tokens = list(re.finditer(r"\S+", m.group(1)))
        words = [t.group(0).strip(",") for t in tokens]
        for k in range(len(words)):
            if words[k].lower() in _CONNECTORS:
                continue
            if _matches(term, words[k:]):
                start = m.start(1) + tokens[k].start()
                meaning = unwrap(text[start : m.end(1)]).strip("’'\"‘ ,")
                quote = unwrap(text[start : m.end()])
                out.append(GlossaryEntry(term, meaning, locate(doc, parts, start), quote))
                break
    for m in REVERSE.finditer(text, part.start, part.end):
        term, words = m.group(1), m.group(2).split()
        if _matches(term, [w.strip(",") for w in words]):
            quote = unwrap(m.group(0))
            out.append(
                GlossaryEntry(term, unwrap(m.group(2)), locate(doc, parts, m.start()), quote)
            )
    return out


def document_glossary(
    doc: LoadedFile, parts: list[Part]
) -> tuple[list[GlossaryEntry], list[GlossaryEntry]]:
    """A document's glossary entries and its inline "Full Name (ABC)" definitions."""
    listed: list[GlossaryEntry] = []
    inline: list[GlossaryEntry] = []
    for part in parts:
        listed.extend(_glossary_entries(doc, parts, part))
        inline.extend(_inline_entries(doc, parts, part))
    return listed, inline


def extract_glossary(
    docs: dict[str, LoadedFile],
    parts: dict[str, list[Part]],
    read: dict[str, tuple[list[GlossaryEntry], list[GlossaryEntry]]] | None = None,
) -> list[GlossaryEntry]:
    """Every document's terms (``read``: its `document_glossary`, read here when not
    given); a glossary's definition of a term before an inline one."""
    listed: list[GlossaryEntry] = []
    inline: list[GlossaryEntry] = []
    for name in sorted(docs):
        got = (read or {}).get(name) or document_glossary(docs[name], parts.get(name, []))
        listed.extend(got[0])
        inline.extend(got[1])
    seen: dict[str, GlossaryEntry] = {}
    for entry in listed + sorted(inline, key=lambda e: (e.where.source, e.where.start)):
        seen.setdefault(entry.term.upper(), entry)
    return sorted(seen.values(), key=lambda e: e.term.upper())
