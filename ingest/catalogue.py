"""What the answering side knows of the indexed passages without reading them.

A register or figure answer needs to understand the question (the partnerships, the place
names only one partnership prints, the papers by kind and date a question may name) and
to weigh its words (in how many passages each word is printed). Reading every passage
from Chroma for that costs seconds at ten times the corpus, so the same figures are
counted once, when the keyword index is built from the same chunks, and written beside it
(``catalogue.json`` in the keyword index's folder, swapped in with it: the two always
describe the same passages).

A catalogue is used only when it was counted with the same conventions and the same
word-cutting code (``fingerprint``); otherwise, or when an index built by an older version
has none, the answering side counts the same figures from the chunks (``build``), so an
answer never depends on whether a catalogue was there.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ingest import text as text_module
from ingest.text import conventions
from ingest.text import terms as text_terms
from ingest.types import Chunk

VERSION = 1  # bump when what is counted, or how, changes
FILE_NAME = "catalogue.json"
# A run of capitalised words is a place name of one partnership when only that
# partnership's papers print it, in at least this many passages.
MIN_MENTIONS = 2

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|on|upon|in|le|de))*(?:[ -][A-Z][a-z]+)?\b")


def names(text: str) -> set[str]:
    """Capitalised words and their runs of up to three ("Warwick Way", "Hythe Common")."""
    out: set[str] = set()
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        for n in range(1, min(3, len(words)) + 1):
            for k in range(len(words) - n + 1):
                out.add(" ".join(words[k : k + n]))
    return out


def place_names(passages: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each name only one partnership's passages print (in ``MIN_MENTIONS`` or more of
    them), and that partnership; ``passages`` are (partnership, text)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for partnership, passage in passages:
        if partnership:
            for run in names(passage):
                seen[run][partnership] += 1
    return _decisive(seen)


def _decisive(seen: dict[str, Counter[str]]) -> dict[str, str]:
    """From how many passages of each partnership print each name: the names one
    partnership alone prints, often enough."""
    out: dict[str, str] = {}
    for run, where in seen.items():
        if len(where) == 1:
            ((partnership, mentions),) = where.items()
            if mentions >= MIN_MENTIONS:
                out[run] = partnership
    return out


@dataclass(frozen=True)
class Paper:
    """What a filter sees of a passage: its kind, date ("" when undated) and partnership."""

    doc_type: str
    date: str
    partnership: str


@dataclass
class Catalogue:
    chunks: int
    sources: dict[str, str]  # source -> its partnership
    papers: list[Paper]  # each (kind, date, partnership) some passage has
    # partnership -> term -> how many of its passages' texts print it
    terms: dict[str, dict[str, int]]
    # partnership -> the terms of its keyword texts (where, when, section and text) that its
    # texts lack, and those its texts have that its keyword texts lack
    keyword_only: dict[str, list[str]]
    text_only: dict[str, list[str]]
    places: dict[str, str]  # a name only one partnership prints -> that partnership
    fingerprint: str = ""
    _frequencies: Counter[str] | None = field(default=None, repr=False, compare=False)

    @property
    def partnerships(self) -> list[str]:
        return sorted({p.partnership for p in self.papers if p.partnership})

    def frequencies(self) -> Counter[str]:
        """How many passages print each term, over the whole index."""
        if self._frequencies is None:
            total: Counter[str] = Counter()
            for counts in self.terms.values():
                total.update(counts)
            self._frequencies = total
        return self._frequencies

    def words_of(self, partnership: str) -> set[str]:
        """Every term of the keyword texts of one partnership's passages."""
        words = set(self.terms.get(partnership, ())) - set(self.text_only.get(partnership, ()))
        return words | set(self.keyword_only.get(partnership, ()))

    def as_json(self) -> dict:
        return {
            "version": VERSION,
            "fingerprint": self.fingerprint,
            "chunks": self.chunks,
            "sources": self.sources,
            "papers": sorted([p.doc_type, p.date, p.partnership] for p in self.papers),
            "terms": self.terms,
            "keyword_only": self.keyword_only,
            "text_only": self.text_only,
            "places": self.places,
        }


def fingerprint() -> str:
    """What cutting text into terms depends on (the conventions' stop-words and synonyms,
    the code of ``ingest.text``): a catalogue counted under others would weigh words
    differently from the chunks themselves."""
    c = conventions()
    h = hashlib.sha256(f"v{VERSION}\0".encode())
    h.update(json.dumps(sorted(c.stop)).encode())
    h.update(json.dumps([(p.pattern, p.flags, common) for p, common in c.synonyms]).encode())
    h.update(Path(text_module.__file__).read_bytes())
    return h.hexdigest()[:16]


def _counted(chunks: list[Chunk], keyword_texts: list[str]) -> dict:
    """One paper's passages counted (JSON-able, so it can be kept for the next build)."""
    terms: Counter[str] = Counter()
    keyword: set[str] = set()
    mentions: Counter[str] = Counter()
    papers: set[tuple[str, str]] = set()
    for c, keyword_text in zip(chunks, keyword_texts, strict=True):
        terms.update(set(text_terms(c.text)))
        keyword.update(text_terms(keyword_text))
        mentions.update(names(c.text))
        papers.add((c.doc_type or "", c.date or ""))
    return {
        "terms": dict(terms),
        "keyword": sorted(keyword),
        "names": dict(mentions),
        "papers": sorted(papers),
    }


_FIELDS = {"terms", "keyword", "names", "papers"}


def _key(chunks: list[Chunk], keyword_texts: list[str], code: str) -> str:
    """What one paper's counts depend on: its passages as the keyword index reads them,
    their kinds, and the counting code and conventions."""
    h = hashlib.sha256(code.encode())
    for c, keyword_text in sorted(zip(chunks, keyword_texts), key=lambda pair: pair[0].id):
        h.update(f"{c.id}\0{c.doc_type}\0{keyword_text}\0".encode())
    return h.hexdigest()


def build(
    chunks: list[Chunk], keyword_texts: list[str], kept: dict[str, dict] | None = None
) -> tuple[Catalogue, dict[str, dict]]:
    """The catalogue of ``chunks`` (``keyword_texts``: what the keyword index reads of each,
    ``ingest.store.keyword_text``), and each paper's counts by what they depend on, for the
    next build: a paper found in ``kept`` (the last build's) is not counted again."""
    code = fingerprint() + hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    groups: dict[tuple[str, str], tuple[list[Chunk], list[str]]] = {}
    sources: dict[str, str] = {}
    for c, keyword_text in zip(chunks, keyword_texts, strict=True):
        group = groups.setdefault((c.source, c.partnership or ""), ([], []))
        group[0].append(c)
        group[1].append(keyword_text)
        sources.setdefault(c.source, c.partnership)
    terms: dict[str, Counter[str]] = defaultdict(Counter)
    keyword_words: dict[str, set[str]] = defaultdict(set)
    seen: dict[str, Counter[str]] = defaultdict(Counter)  # name -> partnership -> passages
    papers: set[Paper] = set()
    counts: dict[str, dict] = {}
    for (_, partnership), (group_chunks, group_texts) in groups.items():
        key = _key(group_chunks, group_texts, code)
        counted = (kept or {}).get(key)
        if not (isinstance(counted, dict) and _FIELDS <= counted.keys()):  # none, or damaged
            counted = _counted(group_chunks, group_texts)
        counts[key] = counted
        terms[partnership].update(counted["terms"])
        keyword_words[partnership].update(counted["keyword"])
        if partnership:
            for run, mentions in counted["names"].items():
                seen[run][partnership] += mentions
        papers.update(Paper(doc_type, date, partnership) for doc_type, date in counted["papers"])
    catalogue = Catalogue(
        chunks=len(chunks),
        sources=sources,
        papers=sorted(papers, key=lambda p: (p.doc_type, p.date, p.partnership)),
        terms={p: dict(c) for p, c in terms.items()},
        keyword_only={p: sorted(w - set(terms[p])) for p, w in keyword_words.items()},
        text_only={p: sorted(set(terms[p]) - keyword_words[p]) for p in terms},
        places=_decisive(seen),
        fingerprint=fingerprint(),
    )
    return catalogue, counts


def read_counts(path: Path) -> dict[str, dict]:
    """The counts a build kept (``build``'s second result), or none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_counts(path: Path, counts: dict[str, dict]) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(counts, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def write(folder: Path, catalogue: Catalogue) -> None:
    path = folder / FILE_NAME
    tmp = path.with_name(f"{FILE_NAME}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(catalogue.as_json(), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def read(folder: Path) -> Catalogue | None:
    """The catalogue in ``folder``, or None when there is none, it is unreadable, or it
    was counted by another version or under other conventions."""
    try:
        data = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    if data.get("fingerprint") != fingerprint():
        return None
    try:
        return Catalogue(
            chunks=int(data["chunks"]),
            sources=dict(data["sources"]),
            papers=[Paper(*p) for p in data["papers"]],
            terms=data["terms"],
            keyword_only=data["keyword_only"],
            text_only=data["text_only"],
            places=data["places"],
            fingerprint=data["fingerprint"],
        )
    except (KeyError, TypeError, ValueError):
        return None
