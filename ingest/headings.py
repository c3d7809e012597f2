"""Recognise the headings a reader sees, from the text's own conventions.

Numbered agenda and minute items ("8 PARTNERSHIP STRATEGIC ASSESSMENT", "ITEM 5(a) ..."),
plan sections ("4.5: What will we aim to achieve?"), labelled headings ("Section 3:",
"Appendix B", "Recommendation 4:", "Table 2:"), lettered sub-items ("(a) ...") and, in
text whose paragraphs sit on one line, short unnumbered headings between blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MD_NOISE = re.compile(r"\*\*|__|</?u>|</?b>|</?i>|^#+\s*|^\s*[-•▪]\s+(?=\*\*)")
_MINUTES_TAIL = re.compile(r"\s*\d+(?:\s*-\s*\d+)?\s*mins?\.?\s*$", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)")
_SMALL_WORDS = {"of", "and", "the", "to", "for", "in", "on", "a", "an", "by", "from", "with", "at"}

RECOMMENDATION = re.compile(r"^(?:[-•▪]\s*)?Recommendation\s+(\d{1,2})\s*[:.\-–]\s*(.*)$")
LABELLED = re.compile(
    r"^(Section|Appendix|Annex|Part|Chapter)\s+([A-Z]|\d{1,2})\b(?:\s*[:.\-–]\s*(.*))?$"
)
CAPTION = re.compile(r"^(Table|Figure)\s+(\d{1,2})\s*[:.\-–]?\s+([A-Z'‘].*)$")
ITEM = re.compile(r"^ITEM\s+(\d{1,2}(?:\s?\([a-z]\))?)\s+(.+)$")
DECIMAL = re.compile(r"^(\d{1,2})[.,](\d{1,2})[:.]?\s+(\S.*)$")
NUMBERED = re.compile(r"^(\d{1,2})(\.?)\s+(\S.*)$")
LETTERED = re.compile(r"^\(([a-z])\)\s+(.{2,60})$")
AIM = re.compile(r"^(Aim|Priority|Objective)\s+(\d{1,2})\b\s*[:.\-–]?\s*(.*)$")


# "Appendix B: Proposed PSPO map, item 4 PDF 1 MB": a link to an attachment, not a heading.
_ATTACHMENT = re.compile(r"\b(PDF|DOCX?|XLSX?|HTML)\s+\d+(\.\d+)?\s*[KM]B\b", re.I)

# "30.<tab>Partnership Locality Fund 2024/25: bids for approval  PDF 152 KB": a minute's
# number and title as a web page saved as text prints them (one tab, links after).
TAB_ITEM = re.compile(r"^\s*(\d{1,3})\.\t([^\t]{3,160})$")

RESOLUTION_WORDS = {"AGREED", "RESOLVED", "NOTED", "DECISION", "RECOMMENDED"}


def _plain_line(raw: str) -> bool:
    """Not indented, not a bullet or footnote, not a note: a candidate for a bare heading."""
    return not re.match(r"^(\s|[-•▪*]|o\s|Note\b|Source\b|Produced by\b)", raw)


@dataclass(frozen=True)
class Heading:
    number: str
    title: str
    level: int
    kind: str  # "item", "numbered", "decimal", "labelled", "caption", "recommendation", ...


def clean(line: str) -> str:
    """A line without Markdown emphasis, bullets before bold, or surrounding space."""
    return _MD_NOISE.sub("", line.strip()).strip().strip("*").strip()


def upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def is_upper_title(text: str) -> bool:
    """'2022/23 PERFORMANCE (Insp Dave Stokes) 15 mins' is an upper-case item title."""
    core = _PARENS.sub("", _MINUTES_TAIL.sub("", text))
    letters = [c for c in core if c.isalpha()]
    return len(letters) >= 3 and upper_ratio(core) >= 0.85


def tidy_title(text: str) -> str:
    """Drop the agenda's time allowance and trailing punctuation; keep who presents it."""
    text = _MINUTES_TAIL.sub("", text).strip().rstrip(":").strip()
    return re.sub(r"\s+", " ", text)


def short_title(text: str, words: int = 9) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def looks_like_title(text: str, max_len: int = 70, capitals: float = 0.5) -> bool:
    if not text or len(text) > max_len or text[0].islower() or text.endswith((".", ",", ";")):
        return False
    if text.startswith(("That ", "that ")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    capital = sum(w[0].isupper() for w in words)
    return capital / len(words) >= capitals and len(words) <= 10


def detect(line: str, prev_raw: str, next_raw: str, reflowed: bool) -> Heading | None:
    """The heading on ``line``, if it is one. ``prev_raw``/``next_raw`` are the lines
    immediately around it (empty when blank)."""
    if m := TAB_ITEM.match(line):  # a web page's item: "30.<tab>Locality Fund bids  PDF 152 KB"
        title = _ATTACHMENT.split(clean(m.group(2)))[0].strip()
        alone = not TAB_ITEM.match(prev_raw) and not TAB_ITEM.match(next_raw)
        if alone and title[:1].isupper() and len(title) <= 120 and not title.endswith("."):
            return Heading(m.group(1), tidy_title(title), 1, "item")
    if "\t" in line or not line.strip():
        return None
    text = clean(line)
    if m := RECOMMENDATION.match(text):
        return Heading(f"Recommendation {m.group(1)}", "", 3, "recommendation")
    if not text or len(text) > 200:
        return None
    if m := LABELLED.match(text):
        if len(text) <= 100 and not _ATTACHMENT.search(text):
            level = 1
            return Heading(
                f"{m.group(1)} {m.group(2)}", tidy_title(m.group(3) or ""), level, "labelled"
            )
    if m := CAPTION.match(text):
        if len(text) <= 160:
            return Heading(f"{m.group(1)} {m.group(2)}", tidy_title(m.group(3)), 3, "caption")
    if m := ITEM.match(text):
        return Heading(m.group(1).replace(" ", ""), tidy_title(m.group(2)), 1, "item")
    if (m := DECIMAL.match(text)) and not (m.group(1) == "0" or m.group(3)[:1].islower()):
        rest = m.group(3)  # (not a table cell's "3.2 km" or "0.5 FTE")
        title = (
            tidy_title(rest) if looks_like_title(rest, 80) or len(rest) <= 60 else short_title(rest)
        )
        return Heading(f"{m.group(1)}.{m.group(2)}", title, 2, "decimal")
    if (m := NUMBERED.match(text)) and re.match(r"^\s*#{1,6}\s", line):
        number, _, rest = m.groups()  # "## 1. Welcome and apologies": Markdown says heading
        return Heading(number, tidy_title(rest), 1, "numbered")
    if m := NUMBERED.match(text):
        number, dot, rest = m.groups()
        if is_upper_title(rest):
            return Heading(number, tidy_title(rest), 1, "item")
        neighbours_are_list = NUMBERED.match(clean(next_raw)) or NUMBERED.match(clean(prev_raw))
        next_continues = next_raw.strip()[:1].islower()
        titled = looks_like_title(rest, capitals=0.4)
        # "3. What was delivered" over "3.1 Table 2 lists ...": its own first paragraph
        follows = clean(next_raw)  # (or over a table's caption)
        opens = (re.match(rf"{number}\.1\s", follows) or CAPTION.match(follows)) and (
            looks_like_title(rest, 60, 0)
        )
        if dot and opens:
            return Heading(number, tidy_title(rest), 1, "numbered")
        if dot and titled and not neighbours_are_list and not next_continues:
            return Heading(number, tidy_title(rest), 1, "numbered")
        return None
    if m := LETTERED.match(text):
        if looks_like_title(m.group(2), 60) and not next_raw.strip()[:1].islower():
            return Heading(f"({m.group(1)})", tidy_title(m.group(2)), 2, "lettered")
    if m := AIM.match(text):
        if len(text) <= 100:
            return Heading(f"{m.group(1)} {m.group(2)}", tidy_title(m.group(3)), 2, "aim")
    if reflowed and not prev_raw.strip() and not next_raw.strip() and _plain_line(line):
        if looks_like_title(text.rstrip(":"), 70) and text not in RESOLUTION_WORDS:
            return Heading("", tidy_title(text), 2, "subheading")
    if (  # a wrapped text's capitalised line standing alone: "MEETING OF 15 APRIL 2025"
        not reflowed
        and not prev_raw.strip()
        and not next_raw.strip()
        and _plain_line(line)
        and is_upper_title(text)
        and 4 <= len(text) <= 80
        and text.rstrip(":.") not in RESOLUTION_WORDS
        and not re.search(r"[.;]$", text)
    ):
        return Heading("", tidy_title(text), 2, "capitals")
    return None
