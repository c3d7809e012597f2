"""Text helpers shared by the registers: lines with offsets, undoing PDF line-wrapping,
sentences, names of people and roles, word overlap."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ingest.conventions import data_for
from ingest.dedupe import containment, jaccard, shingles
from ingest.types import Part, Section

MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)

# A person as minutes name them: "Andy Thomas", "James O'Connell", "W. Brown",
# "Insp D. Stokes", "Gurjit Samra-Rai", "Inspector N. Kirk".
# A title may have a word before it ("Detective Inspector", "Station Manager", "Chief
# Constable"): a person, where "Violence Reduction Network" names none.
_TITLES = (
    r"(?:(?:[A-Z][a-z]+\s+)?(?:Inspector|Sergeant|Constable|Superintendent|Manager|Officer|"
    r"Commander)|Insp|Sgt|DCI|DI|DS|PC|Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof)\.?"
)
_SURNAME = r"(?:[A-Z][’']?[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?)"
_FIRST = r"(?:[A-Z][a-z]+|[A-Z]\.)"
_NOT_A_NAME = (
    r"(?!(?:The|This|That|These|Those|There|It|In|On|At|As|A|An|If|When|While|During|"
    r"Following|Members|Partners|Officers|Police|Council)\b)"
)
NAME = rf"(?:{_TITLES}\s+)?{_NOT_A_NAME}{_FIRST}(?:\s+[A-Z]\.)?\s+{_SURNAME}"
# A role: "the Chair", "the Community Safety Manager", "officers", "partners".
# The nouns a job title ends with: `[registers] role_nouns` of the conventions file.
_ROLE_NOUN = "(?:" + "|".join(
    re.escape(w) for w in sorted(
        data_for().get("registers", {}).get("role_nouns", ()) or ("Chair", "Manager", "Officer"),
        key=len, reverse=True,
    )
) + ")"
ROLE = rf"(?:[Tt]he\s+(?:[A-Z][\w-]*\s+){{0,4}}{_ROLE_NOUN}|officers|partners)"
OWNER = rf"(?:{NAME}|{ROLE})"

STOP = frozenset(
    """a an and the of to in on at by for from with as is are was were be been being it its
    that this these those which who whom whose what when where there their they them he she
    his her him we our us you your i not no or but if so than then into onto out over under
    about above after before between during through up down off any all each every some more
    most other such only own same too very can could should would will may might must shall
    have has had do does did also further outside within upon via per including include
    ensure make made look looking consider take taken give given provide provided""".split()
)


@dataclass(frozen=True)
class Line:
    start: int  # offset of the line's first character in the file
    raw: str

    @cached_property
    def text(self) -> str:  # read many times by the readers: cleaned once
        return clean(self.raw)


def lines_of(text: str, start: int, end: int) -> list[Line]:
    out, pos = [], start
    for raw in text[start:end].split("\n"):
        out.append(Line(pos, raw))
        pos += len(raw) + 1
    return out


_MD = re.compile(r"\*\*|__|</?(?:u|b|i|p|br)\s*/?>|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def clean(line: str) -> str:
    """A line without Markdown emphasis, links or surrounding space."""
    if not any(c in line for c in "*_<["):  # most lines: nothing to take out
        return line.strip()
    return _MD.sub("", _LINK.sub(r"\1", line)).strip()


def unwrap(text: str) -> str:
    """PDF line-wrapping undone: lines joined with one space ("anti-\\nsocial" keeps its
    hyphen and loses the break), Markdown emphasis dropped, spaces collapsed."""
    parts = [clean(ln) for ln in text.split("\n")]
    out = ""
    for p in parts:
        if not p:
            continue
        if out.endswith("-") and re.search(r"[A-Za-z]-$", out) and p[:1].islower():
            out += p
        else:
            out = f"{out} {p}" if out else p
    return re.sub(r"\s+", " ", out).strip()


PAGE_NUMBER = re.compile(r"^[-–]?\s*\d{1,3}\s*[-–]?$")
_ABBREV_END = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Insp|Cllr|Sgt|Dr|Mr|Mrs|Ms|St|No|e\.g|i\.e|etc|approx)\.)$"
)


def ends_sentence(text: str) -> bool:
    text = text.rstrip(" )’'\"")
    return bool(text) and text[-1] in ".;:!?" and not _ABBREV_END.search(text)


def sentence_end(text: str, pos: int, limit: int) -> int:
    """Offset just after the sentence that runs from ``pos`` (never past ``limit``)."""
    for m in re.finditer(r"[.!?](?=[’'\")]?(?:\*\*|__)?(?:\s|$))", text[pos:limit]):
        end = pos + m.end()
        before = text[pos:end]
        if _ABBREV_END.search(before):
            continue
        return end
    blank = re.search(r"\n\s*\n\s*(?:\d+\.?\s+[A-Z]{3}|[ivx]+\.\s)", text[pos:limit])
    return pos + blank.start() if blank else limit


def words(text: str) -> list[str]:
    return [w.strip("'’-") for w in re.findall(r"[a-z0-9][a-z0-9'’-]*", text.lower())]


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOP and len(w) > 2]


def word_overlap(a: str, b: str) -> float:
    """Share of the smaller text's content words the other holds."""
    x, y = set(content_words(a)), set(content_words(b))
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    """The same wording, allowing small differences (typos, a changed tense, a dropped word)."""
    sa, sb = shingles(a), shingles(b)
    return jaccard(sa, sb) >= threshold or containment(sa, sb) >= 0.8 or norm(a) == norm(b)


def norm(text: str) -> str:
    return " ".join(words(text.replace("’", "'")))


def top_section(part: Part, offset: int) -> Section | None:
    """The numbered item (level 1) an offset falls in: the last one that starts before it
    (a lettered sub-item ends its parent's span, so spans alone would miss it)."""
    before = [s for s in part.sections if s.level == 1 and s.start <= offset <= part.end]
    return max(before, key=lambda s: s.start) if before else None


def cleanliness(text: str) -> float:
    """Mean length of the non-blank lines: text with a paragraph per line (a clean extraction)
    scores high, PDF text wrapped at the column width scores low."""
    sizes = [len(ln.strip()) for ln in text.split("\n") if ln.strip()]
    return sum(sizes) / len(sizes) if sizes else 0.0


def upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
