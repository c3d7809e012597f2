"""Register entries printed as lines: "Decision:" and "Action:" labels, the minute or item
they fall under, who is to act and by when, and a report's numbered recommendations.

- ``Decision: That the report be noted.`` is a decision; ``Action (CSP/24/07): M. Adeyemi
  to circulate ... by 30 June 2024.`` an action with its own reference, its owner the "X"
  of "X to ...", its due date the date phrase after "by" / "before" (without it). An empty
  label ("Decision: None required.", "Action: none.") is nothing.
- The reference of an entry without its own is the number of the minute or item it is
  printed under, from the item heading patterns of the conventions
  (``**24/31  Night-time economy**``, ``43.<TAB>Anti-social behaviour``).
- A report's recommendations: numbered paragraphs ("2.1 That the Panel notes ...") under
  a recommendations heading, or opening "That the <body>"; and bold markers (``**R1.**``)
  under a heading that names recommendations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ingest.register_conventions import RegisterConventions
from ingest.register_lists import parse_item
from ingest.register_text import MONTH_NAMES, OWNER, clean, sentence_end, top_section, unwrap
from ingest.types import LoadedFile, Part


@dataclass
class Found:
    """An entry as a reader finds it, before it is dated, placed and given its state."""

    kind: str
    text: str
    offset: int
    owner: str = ""
    due: str = ""
    status: str = ""
    update: str = ""
    reference: str = ""
    item: str = ""  # the enclosing minute or item number
    item_title: str = ""
    own_reference: bool = False  # printed with the entry itself (not its minute's number)
    date: str = ""  # ISO: the date of the notice it is printed in, when that has one
    fallback: bool = False  # found by the last reader: any copy of it elsewhere is the one
    rag: str = ""  # a rating column's cell, when the table prints one beside its status


def tidy_text(text: str) -> str:
    """Whitespace collapsed; the trailing '.', ';' or ',' (and a '; and' / '; or') dropped."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*;\s*(?:and|or)$", "", text)
    return text.rstrip(" .;,")


@lru_cache(maxsize=8)
def _due_pattern(conv: RegisterConventions) -> re.Pattern[str]:
    preps = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in conv.due_prepositions)
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in conv.due_words)
    date = (
        rf"(?:(?:w/c|w/b|w/e|week\s+(?:commencing|beginning|ending))\s+)?"  # "w/c 3 March"
        rf"(?:the\s+)?(?:(?:end|start|beginning|close|middle)\s+of\s+)?"
        # "the end of the financial year", "the end of the summer term"
        rf"(?:(?:the\s+)?(?:[a-z]+\s+){{0,2}}(?:year|quarter|month|term|holidays?)\b"
        rf"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"  # "Friday, 6 February"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:(?:mid|early|late|end)[-\s])?"  # "mid-March"
        rf"(?:{MONTH_NAMES})(?:,?\s+\d{{4}})?"
        rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"
        rf"|(?:Q|Quarter\s+)[1-4](?:\s+(?:19|20)\d{{2}}(?:/\d{{2}})?)?"  # "Q3 2024/25"
        rf"|(?:19|20)\d{{2}}(?:/\d{{2}})?)"
    )
    # "by next meeting", "before the next Board meeting"
    meeting = r"(?:the\s+)?next\s+(?:[A-Z]\w+\s+)?meeting"
    return re.compile(
        rf"\b(?:(?:{preps})\s+(?P<due>{date}|{words}|{meeting})"
        rf"|in\s+(?P<month>(?:{MONTH_NAMES})\s+\d{{4}}"  # "in May 2025", "in Q1 2026/27"
        rf"|(?:Q|Quarter\s+)[1-4]\s+(?:19|20)\d{{2}}(?:/\d{{2}})?)"
        rf"|on\s+(?P<day>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"  # "on 17 March"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})(?:,?\s+\d{{4}})?)"
        rf"|(?:at|for)\s+(?P<meeting>{meeting}))\b"  # "report back at the next meeting"
    )


@lru_cache(maxsize=8)
def _event_pattern(conv: RegisterConventions) -> re.Pattern[str]:
    preps = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in conv.due_event_prepositions)
    return re.compile(
        # "before the festival", "before the Christmas party season", "before the bonfire
        # period next year": the last word in lower case (not "before the Board")
        rf"\b(?:{preps})\s+(?P<event>the\s+(?:[A-Za-z][\w'’-]*\s+){{0,3}}[a-z][\w'’-]*)\W*$"
    )


def due_in(text: str, conv: RegisterConventions) -> str:
    """The due date phrase of a sentence, as printed, without its preposition: a date, a
    named time ("the next meeting"), or an event the sentence ends on ("before the
    festival")."""
    found = list(_due_pattern(conv).finditer(text))
    m = found[-1] if found else None  # the last one: "by the Chair ... by 30 June" → the date
    if not m:
        event = _event_pattern(conv).search(text) if conv.due_event_prepositions else None
        return re.sub(r"\s+", " ", event.group("event")) if event else ""
    due = m.group("due") or m.group("month") or m.group("meeting") or m.group("day")
    return re.sub(r"\s+", " ", due + _due_goes_on(due, text[m.end():]))


_NAMED_MONTH = re.compile(rf"^the\s+(?:{MONTH_NAMES})$", re.I)
_HYPHENED = re.compile(r"^[-‑][a-z][\w'’]*(?:[-‑][a-z][\w'’]*)*")
_NOUN = re.compile(
    r"^\s+(?!(?:and|or|of|to|for|with|by|in|on|at|so|as|if|but|when|where|the|a|an)\b)"
    r"[a-z][\w'’]*(?:[-‑][a-z][\w'’]*)*"
)


def _due_goes_on(due: str, after: str) -> str:
    """What a due printed whole carries on with: a word joined by a hyphen is never cut
    ("mid-March"), and "the October" is the name of what follows it ("the October
    half-term", "the September meeting")."""
    joined = _HYPHENED.match(after)
    if joined:
        return joined.group(0)
    noun = _NOUN.match(after) if _NAMED_MONTH.match(due.strip()) else None
    return noun.group(0) if noun else ""


_X_TO = re.compile(
    r"^(?:[Tt]he\s+)?(?P<owner>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’()-]*|and|&|/|of|for|the))*?)"
    r"\s+to\s+(?=[a-z])"
)


# "All partners to ...", "Each partner to ...", "All member agencies to ..." (not "to be")
_GROUP_TO = re.compile(
    r"^(?P<owner>(?:All|Each|Every)(?:\s+[a-z][\w'’-]*){1,3})\s+to\s+(?!be\b)(?=[a-z])"
)


def owner_to(text: str) -> str:
    """The X of "X to do something" ("M. Adeyemi", "R. Bakshi and F. Trelawney", "All
    partners", "Each partner")."""
    m = _X_TO.match(text) or _GROUP_TO.match(text)
    if not m or len(m.group("owner")) > 80:
        return ""
    return m.group("owner")


_APART = re.compile(r"\s+[–—-]\s+")
_OWNER_WORD = re.compile(
    r"^(?:[A-Z][\w.'’()/-]*|\(?[A-Z][\w.'’-]*\)?|and|&|/|of|for|the|[A-Z]{2,5})$"
)
_OWNER_COLON = re.compile(r"^(?P<owner>[A-Z][^:]{1,60}?)\s*:\s+(?P<text>[a-z]{2,}\b.*)$")
_BRACKETED = re.compile(r"^(?P<text>.+?)\s*\((?P<owner>[^()]{2,60})\)$")
# The bracket of who, then the due after a dash or comma: "... (JR) - by 9 March 2026",
# "... (AB/JR), due end of March".
_BRACKET_THEN_DUE = re.compile(
    r"^(?P<text>.+?)\s*\((?P<owner>[^()]{2,60})\)\s*[-–—,;]\s*(?P<due>\S.{1,60}?)[.;]?$"
)


def _is_owner(part: str, conv: RegisterConventions | None = None) -> bool:
    """A part that names who, not what: capitalised words ("Community Safety Manager",
    "R. Okafor", "Housing and Parks Lead"), at most eight, and the conventions' lower-case
    owner words ("All partners")."""
    words = part.split()
    extra = conv.owner_words if conv is not None else frozenset()
    return 0 < len(words) <= 8 and part[:1].isupper() and all(
        _OWNER_WORD.match(w) or w.lower() in extra for w in words
    )


@lru_cache(maxsize=8)
def _owner_line(conv: RegisterConventions) -> re.Pattern[str]:
    """A line of an owner column's label and who ("Action by: Inspector Dale Rook", "Lead:
    Trading Standards Manager"), which names who does what the paragraph above says."""
    owners = sorted((w for w in conv.columns.get("owner", ()) if w[:1].isalpha()),
                    key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in owners)
    return re.compile(
        rf"^(?:[-*•]\s*)?(?:\*\*)?(?i:{alts})(?:\*\*)?\s*:(?:\*\*)?\s*(?P<owner>\S.*)$"
    )


@lru_cache(maxsize=8)
def _bare_owner(conv: RegisterConventions) -> re.Pattern[str]:
    """A bullet of an action label and a person or role with nothing between them
    ("• Action Harriet Mbeki"): the owner of the paragraph above."""
    alts = "|".join(re.escape(x) for x in sorted(conv.action_labels, key=len, reverse=True))
    return re.compile(rf"^[-*•]\s*(?:\*\*)?(?:{alts})(?:\*\*)?\s+(?P<owner>{OWNER}"
                      rf"(?:\s+and\s+{OWNER})*)\s*$")


def owner_apart(text: str, conv: RegisterConventions) -> tuple[str, str, str] | None:
    """(text, owner, due) of an action whose owner is printed apart from its words, by a
    dash, in brackets at the end or before a colon: "Community Safety Manager – circulate
    the protocol – by 30 June 2025", "Review the lighting survey – Highways Officer",
    "Circulate the dashboard (JW)", "Cohesion Officer: circulate the list". None when the
    line has no such owner."""
    bracket = _BRACKETED.match(text)
    if bracket and _is_owner(bracket.group("owner")):  # "Circulate the dashboard (JW)"
        words = tidy_text(bracket.group("text"))
        return words, bracket.group("owner"), due_in(words, conv)
    then = _BRACKET_THEN_DUE.match(text)  # "Circulate the plan (JR) - by 9 March 2026"
    if then and _is_owner(then.group("owner")):
        due = due_in(then.group("due"), conv)
        if due:
            return tidy_text(then.group("text")), then.group("owner"), due
    colon = _OWNER_COLON.match(text)
    if colon and _is_owner(colon.group("owner"), conv):  # "Cohesion Officer: circulate ..."
        return tidy_text(colon.group("text")), colon.group("owner"), due_in(text, conv)
    parts = _APART.split(text)
    if not 2 <= len(parts) <= 3:
        return None
    due = ""
    rest = []
    for part in parts:
        found = due_in(part, conv)
        if found and not due and len(part.split()) <= len(found.split()) + 2:
            due = found  # "by 30 June 2025": the part is its due and nothing else
        else:
            rest.append(part)
    owners = [p for p in rest if _is_owner(p, conv)]
    words = [p for p in rest if not _is_owner(p, conv)]
    if len(owners) != 1 or len(words) != 1:
        return None
    return tidy_text(words[0]), owners[0], due


# --- Items ---------------------------------------------------------------------------------


class Items:
    """The minute or item each offset of a part falls under: a line an item heading pattern
    matches, or one that opens with a minute's identifier in any printed form and reads as
    a heading or a margin (`_opens_minute`)."""

    def __init__(self, doc: LoadedFile, part: Part, conv: RegisterConventions) -> None:
        self.part = part
        self.heads: list[tuple[int, str, str]] = []  # offset, number, title
        self.paragraphs: list[tuple[int, str]] = []  # offset, number: numbered paragraphs
        self.marks: list[tuple[int, int]] = []  # where each paragraph's number is printed
        self._opening = conv.paragraph_opening
        pos = part.start
        lines = doc.text[part.start : part.end].split("\n")
        bare: list[tuple[int, str, str]] = []  # numbers printed alone over a title
        for n, raw in enumerate(lines):
            line = raw.strip()
            para = self._opening.match(line) if self._opening and line else None
            if para and (_sentence_like(para.group("rest")) or _wrapped_sentence(
                para.group("rest"), lines[n + 1 :], self._opening
            )):
                lead = len(raw) - len(raw.lstrip())
                self.paragraphs.append((pos, para.group("ref")))
                self.marks.append((pos + lead, pos + lead + para.start("rest")))
                pos += len(raw) + 1
                continue
            for pattern in conv.item_headings:
                m = pattern.match(line)
                if m:
                    title = clean(line[m.end("ref") :]).strip(" .\t")
                    title = re.sub(r"\s+PDF\s+\d+\s*KB$", "", title)
                    self.heads.append((pos, m.group("ref"), title))
                    break
            else:
                m = conv.item_opening.match(line) if conv.item_opening and line else None
                if m and _opens_minute(m, lines[n - 1] if n else "",
                                       lines[n + 1] if n + 1 < len(lines) else "",
                                       doc.kind == "pdf"):
                    title = clean(m.group("rest")).strip(" .\t*")
                    self.heads.append((pos, m.group("ref"), title if _title_like(title) else ""))
            if not line or (self.heads and self.heads[-1][0] == pos):
                pos += len(raw) + 1
                continue
            alone = _ALONE.match(line)
            if alone and n + 1 < len(lines) and _cell_title(lines[n + 1]):
                ref = alone.group("worded") or alone.group("dotted")
                bare.append((pos, ref, clean(lines[n + 1]).strip(" :-–")))
            first = _first_cell_minute(line)
            if first:
                bare.append((pos, *first))
            pos += len(raw) + 1
        if len(self.paragraphs) < 2:  # one numbered line is no convention of the paper's
            self.paragraphs, self.marks = [], []
        self._add_numbers_alone(bare)
        taken = {h[0] for h in self.heads}
        learnt = [h for h in learnt_heads(lines, part.start) if h[0] not in taken]
        if learnt:
            self.heads = sorted(self.heads + learnt)

    def _add_numbers_alone(self, bare: list[tuple[int, str, str]]) -> None:
        """A minute's number printed on a line of its own over its title (the left cell of
        a table of minutes, in a PDF's text: "40." / "Anti-social behaviour") heads the
        minute when the paper numbers several minutes so, in rising order; one such line
        is no convention of the paper's."""
        numbers = [int(re.sub(r"\D", "", r) or 0) for _, r, _ in bare]
        if len(bare) < 2 or numbers != sorted(numbers) or len(set(numbers)) < len(numbers):
            return
        self.heads = sorted(self.heads + bare)

    def head_at(self, offset: int) -> tuple[int, str, str] | None:
        """(offset, number, title) of the last minute heading before ``offset``."""
        return next((h for h in reversed(self.heads) if h[0] <= offset), None)

    def paragraph_at(self, offset: int) -> str:
        """The number of the numbered paragraph ``offset`` is in (or printed under), "" when
        it is in none or a minute's heading comes between."""
        para = next((p for p in reversed(self.paragraphs) if p[0] <= offset), None)
        head = next((h for h in reversed(self.heads) if h[0] <= offset), None)
        return para[1] if para and (head is None or para[0] > head[0]) else ""
    def at(self, offset: int) -> tuple[str, str]:
        """(number, title) of what ``offset`` falls under: the numbered paragraph it is in
        (or printed under, as a bullet is), else its minute or item."""
        before = [h for h in self.heads if h[0] <= offset]
        head = before[-1] if before else None
        para = next((p for p in reversed(self.paragraphs) if p[0] <= offset), None)
        if para and (head is None or para[0] > head[0]):
            return para[1], head[2] if head else ""
        if head:
            return head[1], head[2]
        if self.heads:
            return "", ""
        section = top_section(self.part, offset)
        return (section.number, section.title) if section else ("", "")

    def words(self, text: str) -> str:
        """An entry's words without the paragraph number opening them ("1.3 The review ..."
        → "The review ..."), when the paper numbers its paragraphs."""
        m = self._opening.match(text) if self._opening and self.paragraphs else None
        return m.group("rest") if m else text


# A line that may head an item with an identifier of the paper's own: a short code of
# letters and figures ("CSPB.42", "SG-7", "TCG 12/3"), a margin, then a title.
_CODED_LINE = re.compile(
    r"^(?:\*\*|#{1,6}\s+)?(?P<ref>[A-Za-z]{1,8}[ ./-]?\d{1,4}(?:[./-]\d{1,4})?[a-z]?)\.?"
    r"(?:\*\*)?(?P<gap>\t+|\s{2,})(?:\*\*)?(?P<rest>\S.*)$"
)
LEARNT_REPEATS = 3  # how many headed items make an identifier's shape the paper's own


def learnt_heads(lines: list[str], start: int) -> list[tuple[int, str, str]]:
    """Item headings whose identifier's shape the paper itself teaches: a code of letters
    and figures that opens at least three lines, each beside a title (a margin, then a
    short line that is no sentence), each standing apart (a blank line or an underline
    beside it), the same letters and stops each time and the numbers rising
    ("CSPB.38  APOLOGIES", "CSPB.39  DECLARATIONS ..."). What the conventions' patterns
    do not name is then learnt from the one paper, not added to them."""
    by_shape: dict[str, list[tuple[int, str, str, int]]] = {}
    pos = start
    for n, raw in enumerate(lines):
        line = raw.strip()
        m = _CODED_LINE.match(line) if line else None
        if m and _title_like(clean(m.group("rest")).strip(" .*")) and not re.search(
            r"\S\s{3,}\S|\||\t", m.group("rest")
        ):
            before = lines[n - 1] if n else ""
            after = lines[n + 1] if n + 1 < len(lines) else ""
            if not before.strip() or not after.strip() or _UNDERLINE.match(after):
                ref = m.group("ref")
                shape = re.sub(r"\d+", "9", ref)
                number = int(re.findall(r"\d+", ref)[-1])
                title = clean(m.group("rest")).strip(" .*\t")
                by_shape.setdefault(shape, []).append((pos, ref, title, number))
        pos += len(raw) + 1
    out: list[tuple[int, str, str]] = []
    for found in by_shape.values():
        refs = [f[1] for f in found]
        numbers = [f[3] for f in found]
        if len(found) >= LEARNT_REPEATS and len(set(refs)) == len(refs) and (
            numbers == sorted(numbers)
        ):
            out += [(f[0], f[1], f[2]) for f in found]
    return out


def without_paragraph_numbers(doc: LoadedFile, items: list[Items]) -> LoadedFile:
    """The document with each numbered paragraph's number printed as spaces (offsets kept):
    what the label, resolution and sentence readers read, so that "12.2 RESOLVED that ..."
    is a resolution and "1.3 The review ..." an entry's words without its number."""
    marks = sorted(m for i in items for m in i.marks)
    if not marks:
        return doc
    out, pos = [], 0
    for a, b in marks:
        out += [doc.text[pos:a], " " * (b - a)]
        pos = b
    out.append(doc.text[pos:])
    return replace(doc, text="".join(out))


# A minute's number alone on its line: "40.", "Minute 40", "Item 4", "Min. 12".
_ALONE = re.compile(
    r"^(?:\*\*)?(?:(?:Minute|Min\.?|Item|Agenda item)\s+(?P<worded>\d{1,3}(?:/\d{2,4})?)\.?"
    r"|(?P<dotted>\d{1,3})\.)(?:\*\*)?$"
)


_CELL_MINUTE = re.compile(
    r"^(?:\*\*)?(?:(?:Minute|Min\.?|Item)\s+)?(?P<ref>\d{1,3}(?:/\d{2,4})?)\.?(?:\*\*)?"
    r"(?:\s+(?:\*\*)?(?P<title>[A-Z][^.!?]{0,80}?)(?:\*\*)?)?$"
)


def _first_cell_minute(line: str) -> tuple[str, str] | None:
    """(number, title) of a table row of minutes whose first cell is the minute's number
    and title ("| 7. Shop theft | TY reported ... |", "40.<TAB>Night-time economy<TAB>...")
    and whose next cell holds its sentences."""
    if line.startswith("|"):
        cells = [c.strip() for c in line.strip("|").split("|")]
    elif "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
    else:
        return None
    if len(cells) < 2 or not re.search(r"[a-z]{2,}[.!?]", cells[1]):
        return None
    m = _CELL_MINUTE.match(cells[0])
    return (m.group("ref"), clean(m.group("title") or "")) if m else None


def _cell_title(raw: str) -> bool:
    """The first line of a title in a narrow cell: a capital, a few words, no sentence."""
    line = clean(raw)
    return (line[:1].isupper() and 0 < len(line.split()) <= 8
            and not re.search(r"[.!?;,]$", line))


@lru_cache(maxsize=8)
def _inline_label(conv: RegisterConventions) -> re.Pattern[str]:
    """A decision or action label opening a sentence inside a paragraph ("... on 4
    November. ACTION: BP and OFO to ...", "... allotments. DECISION: The Group agreed
    ..."): capitalised, after a sentence's end, with a colon."""
    labels = sorted({*conv.decision_labels, *conv.action_labels}, key=len, reverse=True)
    alts = "|".join(re.escape(x) for x in labels)
    words = "|".join(re.escape(w) for w in sorted(conv.resolution_words, key=len, reverse=True))
    resolution = rf"|(?P<word>{words})(?=(?:\*\*)?(?::|\s+that\b|\s*[–—-]\s))" if words else ""
    return re.compile(rf"(?<=[.!?)])(?P<gap>[ \t]+)(?:\*\*)?(?:(?=(?i:{alts})(?:\*\*)?:[ \t]*\S)"
                      rf"(?P<label>[A-Z][A-Za-z ]*?)(?:\*\*)?:{resolution})")


def _inside_paragraph(text: str, off: int) -> bool:
    """Whether the line at ``off`` carries on a paragraph whose line above ends a sentence
    (a label printed inside the paragraph, as `labels_apart` leaves it): its words are then
    the label's sentence, not the rest of the paragraph."""
    above = text[max(0, off - 400) : max(0, off - 1)].rsplit("\n", 1)[-1].rstrip()
    return bool(above) and above[-1:] in ".!?)"


def labels_apart(doc: LoadedFile, conv: RegisterConventions) -> LoadedFile:
    """The document with each label printed inside a paragraph moved to a line of its own
    (the space before it a line break, offsets kept), so the label readers read it as
    they read a label opening a line; its words run to the end of their sentence. A label
    whose words are only who acts ("... by June. ACTION: JW") stays: the paragraph before
    it is the action (`trailing_owner_entries`)."""
    pattern = _inline_label(conv)
    text = doc.text
    cuts = []
    for m in pattern.finditer(text):
        if m.groupdict().get("word"):  # "... discussed. RESOLVED that ...": a resolution
            cuts.append(m.start("gap"))
            continue
        if not conv.section_kind(m.group("label")):
            continue
        after = " ".join(text[m.end() : m.end() + 160].split("\n\n", 1)[0].split())
        words = re.split(r"(?<=[a-z]{2})\.(?:\s|$)", after, maxsplit=1)[0].strip(" .")
        if _is_owner(words, conv) and len(words.split()) <= 6 and " to " not in words:
            continue
        cuts.append(m.start("gap"))
    if not cuts:
        return doc
    chars = list(text)
    for at in cuts:
        chars[at] = "\n"
    return replace(doc, text="".join(chars))


def _sentence_like(rest: str) -> bool:
    """A numbered paragraph's words, not a heading's: a sentence, or more than 14 words."""
    return bool(re.search(r"[.!?:;]$", rest.strip())) or len(rest.split()) > 14


def _wrapped_sentence(rest: str, after: list[str], opening: re.Pattern[str]) -> bool:
    """A numbered paragraph hard-wrapped at a column ("1.1 In September the Panel's task
    group on the" / "night-time economy reported ..."): its first line holds several words
    and runs on, without a blank line, into lines that end a sentence."""
    if len(rest.split()) < 6:
        return False  # "2.1 Background" over its paragraph is a heading
    acc = [rest]
    for raw in after[:12]:
        line = raw.strip()
        if not line or opening.match(line):
            break
        acc.append(line)
    return len(acc) > 1 and _sentence_like(" ".join(acc))


_UNDERLINE = re.compile(r"^\s*([=~_*-])\1{2,}\s*$")


def _title_like(text: str) -> bool:
    """A heading's words: short, opening with a capital or a figure, not a sentence."""
    words = text.split()
    return 0 < len(words) <= 14 and (text[:1].isupper() or text[:1].isdigit() or text[:1] in
                                     "\"'‘“") and not re.search(r"[.;,:]$", text)


_LIST_NUMBER = re.compile(r"^\s*\(?\d{1,3}[.)]\s")


def _numbered_title(before: str, after: str) -> bool:
    """In a PDF's text (no blank lines), "6. Any other business" heads a minute when it
    stands between prose, not in a numbered list: neither neighbour is a numbered line and
    the next line opens a sentence."""
    return (
        not _LIST_NUMBER.match(before) and not _LIST_NUMBER.match(after)
        and after.strip()[:1].isupper()
    )


def _opens_minute(m: re.Match[str], before: str, after: str, pdf: bool = False) -> bool:
    """Whether a line opening with an identifier heads a minute: a title beside it (after a
    word such as "Item", a margin, a dash, or a space when the line stands apart from its
    neighbours, or in a PDF's text, which has no blank lines, when the identifier has a
    stroke or is a dotted number between prose), or, after a margin, the minute's first
    paragraph when the identifier is a code or has a stroke ("14/24(2)    The Board
    received ..."). A line with a second margin or a cell mark is a table's row; a bare
    number beside a sentence is a numbered paragraph."""
    rest, gap, ref = m.group("rest"), m.group("gap"), m.group("ref")
    if "|" in rest or "\t" in rest or re.search(r"\S\s{3,}\S", rest):
        return False
    margin = "\t" in gap or len(gap) >= 2 and not gap.strip()
    coded = bool(re.search(r"[A-Za-z/(]", ref))
    dotted = m.group(0)[m.end("ref") - m.start(0) :].startswith(".")  # "6. Title"
    if dotted and not m.group("word") and (_LIST_NUMBER.match(before)
                                          or before.rstrip().endswith(":")):
        return False  # an item of a numbered list ("Actions arising:" / "1. ..." / "2. ...")
    if _title_like(rest) and (m.group("word") or margin or gap.strip() or coded or dotted):
        apart = not before.strip() or not after.strip() or bool(_UNDERLINE.match(after))
        apart = apart or (pdf and "/" in ref) or (pdf and dotted and _numbered_title(before, after))
        return bool(margin or gap.strip() or m.group("word") or apart)
    return margin and coded and rest[:1].isupper()


# --- Labels --------------------------------------------------------------------------------


# A reference printed after a label without brackets ("Action No. 7:", "Action 12:",
# "Action A/24/03:").
_BARE_REF = r"(?:(?:No\.?|Number)\s*)?\d{1,3}[a-z]?(?:[./]\d{1,3})?|[A-Z]{1,5}[/-]?\d{2}[/-]\d{1,3}"


def _label_pattern(labels: tuple[str, ...], margin: bool = True) -> re.Pattern[str]:
    """A label line: the label, a reference, then a colon, or (``margin``) a margin."""
    alts = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    gap = r"|(?=\s{2}|\t)" if margin else ""
    return re.compile(
        rf"^(?:[-*•]\s*)?(?:\*\*)?(?P<label>{alts})(?:\s*\((?P<ref>[^)]{{1,30}})\))?(?:\*\*)?"
        # a colon after the label, a dash ("Action – owner – text"), or a margin: "ACTION
        # X to ..." (a label column)
        rf"(?:\s*:{gap}|\s+[–—]\s+|\s+-\s+(?=[A-Z])"
        # "Action No. 7:", "AP1:", "Action point 3 – ...": a reference after the label
        # (a dash a gap of spaces apart is a column rule of a table's row: "AP2     -     ")
        rf"|(?:\s+|(?<=[A-Z]))(?P<bare>{_BARE_REF})(?:\*\*)?(?:\s*:|\s?[–—]\s(?!\s)"
        rf"|\s?-\s(?!\s)))"
        rf"\s*(?:\*\*)?\s*(?P<rest>.*)$",
        re.I,
    )


def _header_row(raw: str, conv: RegisterConventions) -> bool:
    """A table's header row: three cells or more (tabs, pipes, or columns two spaces or
    more apart), most naming columns."""
    if "\t" not in raw and raw.count("|") < 3 and not re.search(r"\S {2,}\S", raw):
        return False
    cells = [
        c.strip(" *") for c in re.split(r"\t+|\||\s{2,}", raw.strip().strip("|")) if c.strip()
    ]
    named = sum(bool(conv.column_role(c)) for c in cells)
    return len(cells) >= 3 and 2 * named > len(cells)


_NEW_ENTRY = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:\*\*)?(?:[A-Z][A-Za-z ]{0,30}:|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s"
    r"|(?:RESOLVED|AGREED|DECIDED)\b)"
)


def _paragraph(
    doc: LoadedFile, start: int, end: int, labels: tuple[re.Pattern[str], ...] = ()
) -> tuple[str, int]:
    """The text from ``start`` to the end of its paragraph: a blank line, a line that opens
    another label (one entry per label line), or ``end``; in a PDF's text, which has no
    blank lines, also a line that opens another item or resolution, or a line after one
    that ends a sentence when it opens with a capital."""
    stop = doc.text.find("\n\n", start, end)
    stop = end if stop < 0 else stop
    pos = doc.text.find("\n", start, stop)
    while labels and 0 <= pos < stop:
        nxt = doc.text.find("\n", pos + 1, stop)
        line = doc.text[pos + 1 : nxt if nxt >= 0 else stop].strip()
        if any((m := p.match(line)) and m.group("label")[:1].isupper() for p in labels):
            stop = pos
            break
        pos = nxt
    if doc.kind == "pdf":
        pos = doc.text.find("\n", start, stop)
        while 0 <= pos < stop:
            nxt = doc.text.find("\n", pos + 1, stop)
            line = doc.text[pos + 1 : nxt if nxt >= 0 else stop]
            before = doc.text[start:pos].rstrip()
            if _NEW_ENTRY.match(line) or _ALONE.match(line.strip()) or (
                re.search(r"[.!?]$", before) and line[:1].isupper()
            ):
                stop = pos
                break
            pos = nxt
    return doc.text[start:stop], stop


def _paragraph_before(doc: LoadedFile, start: int, end: int) -> tuple[int, str] | None:
    """(offset, text) of the paragraph that ends just before ``end`` (after a blank line),
    when it is a sentence, not a heading or a label."""
    body = doc.text[start:end].rstrip()
    if not body:
        return None
    cut = body.rfind("\n\n")
    at = start + (cut + 2 if cut >= 0 else 0)
    raw = doc.text[at : start + len(body)]
    at += len(raw) - len(raw.lstrip())
    text = unwrap(raw)
    if len(text) < 20 or not re.search(r"[.!?]$", text) or ":" in text[:30]:
        return None
    return at, text


@lru_cache(maxsize=8)
def _trailing(conv: RegisterConventions) -> re.Pattern[str]:
    """A paragraph ending with who acts: "... ACTION: JW/SM", or an owner column's label
    and a colon ("... Lead: Business Crime Manager", "Owner: Inspector Kay Moss")."""
    owners = sorted((w for w in conv.columns.get("owner", ()) if w[:1].isalpha()),
                    key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in owners)
    return re.compile(
        r"^(?P<text>.+?)[.;]?\s+\(?(?:(?:ACTION|Action)(?:\s+(?:by|BY))?\s*[:–-]"
        rf"|(?i:{alts})\s*:)\s*(?P<owner>[^.()]{{1,40}}?)\)?\.?$",
        re.S,
    )


def trailing_owner_entries(
    doc: LoadedFile, part: Part, conv: RegisterConventions, items: Items
) -> list[Found]:
    """Paragraphs that end with who acts: "... by 30 June 2025. ACTION: JW/SM". The action
    is the paragraph's words before the label; its owner what follows the label."""
    out: list[Found] = []
    for at, _, _, text, owner in owner_flags(doc, part, conv):
        text = tidy_text(items.words(text))
        if len(text) < 20:
            continue
        item, title = items.at(at)
        out.append(Found("action", text, at, owner=owner, due=due_in(text, conv),
                         reference=item, item=item, item_title=title))
    return out


def owner_flags(
    doc: LoadedFile, part: Part, conv: RegisterConventions
) -> list[tuple[int, int, int, str, str]]:
    """Paragraphs of ``part`` that end with who acts, as a labelled field (an owner
    column's header from the conventions, "ACTION BY:", "Lead:", "Owner:", or "ACTION:"),
    however far the flag stands to the right and however the paragraph is indented:
    (paragraph's offset, the flag's offset, the paragraph's end, the words before the
    flag, the owner as printed). The flag, not the paragraph's own words, names the owner
    ("DR and PH to map ...   ACTION BY: DR / PH" → "DR / PH")."""
    out = []
    body = doc.text[part.start : part.end]
    for m in re.finditer(r"(?:^|\n[ \t]*\n)[ \t]*(?P<para>\S(?:.|\n(?![ \t]*\n))*)", body):
        para = unwrap(m.group("para"))
        t = _trailing(conv).match(para)
        if not t or not _is_owner(t.group("owner"), conv) or len(t.group("owner").split()) > 6:
            continue
        if conv.is_empty(t.group("owner")):
            continue  # "... ACTION: None.": an empty label names nobody
        if _label_pattern(conv.action_labels).match(para):
            continue  # "Action: X to ..." is a label's line
        at = part.start + m.start("para")
        end = part.start + m.end("para")
        raw = doc.text[at:end]
        # where the flag starts in the printed paragraph: its label's last occurrence
        label = para[len(t.group("text")):].lstrip(" .;(")[:6]
        flag = raw.rfind(label.split()[0]) if label.split() else -1
        out.append((at, at + flag if flag >= 0 else end, end, t.group("text"),
                    t.group("owner").strip()))
    return out


def label_entries(
    doc: LoadedFile, part: Part, conv: RegisterConventions, items: Items,
    recommendations: bool = False,
) -> list[Found]:
    """The entries of "Decision:" and "Action:" lines (and, with ``recommendations``, of a
    report's "Recommendation:" lines)."""
    kinds = [("decision", _label_pattern(conv.decision_labels)),
             ("action", _label_pattern(conv.action_labels))]
    if recommendations and conv.recommendation_labels:
        # with a colon: "Recommendations<TAB>That ..." is a report's cover-table field
        kinds.append(("recommendation", _label_pattern(conv.recommendation_labels, False)))
    patterns = tuple(p for _, p in kinds)
    out: list[Found] = []
    pos = part.start
    for raw in doc.text[part.start : part.end].split("\n"):
        off, pos = pos, pos + len(raw) + 1
        line = raw.strip()
        bare = _bare_owner(conv).match(line) if line[:1] in "-*•" else None
        if not bare and line and doc.text[:off].rstrip(" \t").endswith("\n\n"):
            bare = _owner_line(conv).match(line)  # "Action by: X" standing under a paragraph
            if bare and not (_is_owner(bare.group("owner").rstrip(". "), conv)
                             and len(bare.group("owner").split()) <= 6):
                bare = None
        if bare:  # "• Action Harriet Mbeki" under a paragraph: the paragraph is the action
            above = _paragraph_before(doc, part.start, off)
            if above is not None:
                text = tidy_text(items.words(unwrap(above[1])))
                item, _ = items.at(off)
                out.append(Found("action", text, above[0], owner=bare.group("owner").rstrip(". "),
                                 due=due_in(text, conv), reference=item, item=item,
                                 item_title=items.at(off)[1]))
            continue
        if _header_row(raw, conv):
            continue  # "Action<TAB>Owner<TAB>Due": a table's header row, not a label
        if sum(bool(c.strip()) for c in raw.split("\t")) >= 3:
            continue  # "AP2<TAB>-<TAB>Queued<TAB>...": a tab-separated table's row
        for kind, pattern in kinds:
            m = pattern.match(line)
            if not m or not m.group("rest").strip():
                continue
            if m.group("label")[0].islower():  # "action:" inside a sentence is no label
                continue
            start = off + (len(raw) - len(raw.lstrip())) + m.start("rest")
            text, _ = _paragraph(doc, start, part.end, patterns)
            if _inside_paragraph(doc.text, off):  # "... November. ACTION: ... (BP). WS said"
                text = doc.text[start : sentence_end(doc.text, start, start + len(text))]
            text = tidy_text(unwrap(text))
            if not text or conv.is_empty(text):
                break
            if kind == "action" and _is_owner(text, conv) and len(text.split()) <= 6:
                # "Action: SM" under a paragraph: SM does what the paragraph says
                above = _paragraph_before(doc, part.start, off)
                if above is None:
                    break
                start, owner = above[0], text
                text = tidy_text(items.words(unwrap(above[1])))
                item, title = items.at(off)
                out.append(Found("action", text, start, owner=owner, due=due_in(text, conv),
                                 reference=item, item=item, item_title=title))
                break
            item, title = items.at(off)
            ref = (m.group("ref") or "").strip()
            bare = (m.group("bare") or "").strip()
            if bare:  # "Action No. 7" is the reference as "Minute 45" is; a code is itself
                numbered = bare[:1].isdigit() or bare[:1] == "N"
                printed = line[m.start("label") : m.start("bare") + len(bare)]
                ref = re.sub(r"\*\*", "", printed) if numbered else bare  # "AP1", "Action 12"
            named = ""  # "ACTION (KM): circulate ...": a bracket of initials or a name is who
            if kind == "action" and ref and not re.search(r"\d", ref) and _is_owner(ref, conv):
                named, ref = ref, ""
            owner, due = (owner_to(text), due_in(text, conv)) if kind == "action" else ("", "")
            owner = owner or named
            bracket = _BRACKETED.match(text) if kind == "action" else None
            if bracket and _is_owner(bracket.group("owner"), conv):
                owner = ""  # "Write to the operator (Forum Clerk)": the bracket names who
            status = ""
            fields = parse_item(text, conv) if kind == "action" else None
            if fields:  # "Action: Circulate the plan. Owner: JW. Due: 30 June 2025."
                text, owner = fields["text"], fields.get("owner", owner_to(fields["text"]))
                due, status = fields.get("due", ""), fields.get("status", "")
                ref = ref or fields.get("reference", "")
            elif kind == "action" and not owner:
                split = owner_apart(text, conv)
                if split:
                    text, owner, due = split
            kinds_found = [kind]
            if kind == "decision":  # "DECISION: ... and asked the Manager to submit it"
                from ingest.register_actions import owner_of_resolution

                who = owner_of_resolution(text)
                if who:
                    owner, due = who[0], due_in(text, conv)
                    kinds_found.append("action")  # a decision naming who acts: an action too
            out.extend(
                Found(
                    k,
                    text,
                    start,
                    owner=owner,
                    due=due,
                    status=status,
                    reference=ref or item,
                    item=item,
                    item_title=title,
                    own_reference=bool(ref),
                )
                for k in kinds_found
            )
            break
    return out


# --- A report's recommendations ------------------------------------------------------------

_NUMBERED = re.compile(r"^(?P<ref>\d{1,2}\.\d{1,2})\.?\s+(?P<text>\S.*)$")
# "1. That the Panel notes ...": a number alone, read under a recommendations heading only.
_SINGLE = re.compile(
    r"^(?:(?P<ref>\d{1,2})[.)]|(?P<lettered>\((?:[a-z]|[ivx]{1,5})\)|(?:[a-z]|[ivx]{1,5})\)))"
    r"\s+(?P<text>\S.*)$"
)  # "1. That ...", "(a) That ...", "ii) That ..."
_HEADING = re.compile(r"^(?:#{1,6}\s+|\d{1,2}\.?\s+(?=[A-Z][A-Z &/,'’()-]{3,}$))(?P<title>.+)$")
# "**R1.** The Partnership should ...", "R1. ...", "R2 – ...": read under a heading that
# names recommendations.
_MARKER = re.compile(
    r"^(?:\*\*)?(?P<ref>[A-Z]{1,3}\d{1,2})(?:[.:)]|\s+[–—-])?(?:\*\*)?[.:]?\s+(?P<text>\S.*)$"
)
# A lead-in over a report's lettered or numbered recommendations, with or without its
# paragraph number: "2.1 It is recommended that the Board:", "The Panel is recommended to:",
# "Members are asked to:", "That the Board:"
_RECOMMEND_LEAD = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?(?:It\s+is\s+recommended\s+that\s+|RECOMMENDED\s+that\s+)?"
    r"(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:is|are)\s+(?:recommended|asked)\s+to\s*:$"
    r"|^(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?(?:It\s+is\s+recommended\s+that|That)\s+(?:the\s+)?"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s*:$"
    # "The task group recommends that:", "The Panel recommends:"
    r"|^(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?The\s+(?:[\w-]+\s+){1,4}recommends?(?:\s+that)?\s*:$"
)
# A heading printed as a short line of its own that names recommendations
# ("Recommendations of the review").
_BARE_HEADING = re.compile(r"^(?=.*\brecommendations?\b)[A-Z][\w ,'’()/&-]{2,70}$", re.I)


def _heading_names_recommendations(title: str, conv: RegisterConventions) -> str:
    """"exact" for a recommendations heading ("2. RECOMMENDATIONS"), "named" for one that
    names them ("Recommendations for 2024/25"), "" otherwise."""
    key = re.sub(r"^[\d.\s]+", "", clean(title)).strip().lower()
    if key in conv.recommendation_headings:
        return "exact"
    return "named" if "recommendation" in key else ""


def report_recommendations(doc: LoadedFile, part: Part, conv: RegisterConventions) -> list[Found]:
    bodies = "|".join(re.escape(b) for b in conv.recommendation_bodies)
    that_body = re.compile(rf"^That\s+(?:the\s+)?(?:{bodies})\b")
    lines: list[tuple[int, str]] = []
    pos = part.start
    for raw in doc.text[part.start : part.end].split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    out: list[Found] = []
    under = ""
    led = False  # after "It is recommended that the Board:": its lettered items recommend
    parent = ""  # the lead-in's paragraph number
    led_style = ""  # how the lead-in's first item is marked
    i = 0
    while i < len(lines):
        off, raw = lines[i]
        line = raw.strip()
        wrapped = (  # a lead-in wrapped onto a second line, as a PDF's text prints it
            f"{line} {lines[i + 1][1].strip()}" if i + 1 < len(lines) else line
        )
        if line and (_RECOMMEND_LEAD.match(line) or (
            wrapped.endswith(":") and not line.endswith(":") and _RECOMMEND_LEAD.match(wrapped)
        )):
            led, i, led_style = True, i + (1 if line.endswith(":") else 2), ""
            # "2.1 The Board is recommended to:": its lettered items are 2.1's, a letter
            # being no reference of its own
            number = re.match(r"(\d{1,2}(?:\.\d{1,2})?)\.?\s", line)
            parent = number.group(1) if number else ""
            continue
        if led and line and not _SINGLE.match(line):
            led = False
        if led and line:  # the lead-in's items are marked one way: "(a)" ... or "1." ...
            style = "lettered" if _SINGLE.match(line).group("lettered") else "numbered"
            led_style = led_style or style
            if style != led_style:
                led = False  # "3. The year in numbers" after "(c) ...": the next section
        if line and _BARE_HEADING.match(line) and len(line.split()) <= 8:
            boxed = _boxed_recommendations(lines, i + 1, conv, that_body)
            if boxed:  # "Recommendations" over "R1" / "That the Board ..." rows
                out += boxed[0]
                i = boxed[1]
                continue
        h = _HEADING.match(line)
        alone = i + 1 >= len(lines) or not lines[i + 1][1].strip()
        if not h and alone and line[:1].isupper() and _BARE_HEADING.match(line) and (
            len(line.split()) <= 8
        ):
            h = re.match(r"(?P<title>.+)", line)  # a short line alone, naming recommendations
        if h and not _NUMBERED.match(line):
            under = _heading_names_recommendations(h.group("title"), conv)
            i += 1
            continue
        single = _SINGLE.match(line) if under == "exact" or led else None
        if single and not (that_body.match(single.group("text")) or " should " in line or led):
            single = None  # a numbered list under the heading that recommends nothing
        numbered = _NUMBERED.match(line) or single
        m = numbered or (_MARKER.match(line) if under else None)
        if not m and under == "exact" and that_body.match(line):
            m = re.match(r"(?P<ref>)(?P<text>.+)", line)  # "That the Committee notes ...": one
        if m and (not numbered or under == "exact" or led or that_body.match(m.group("text"))):
            acc = [m.group("text")]
            j = i + 1
            while j < len(lines):
                nxt = lines[j][1].strip()
                if not nxt or _NUMBERED.match(nxt) or _HEADING.match(nxt) or _MARKER.match(nxt):
                    break
                if (under == "exact" or led) and _SINGLE.match(nxt):
                    break
                acc.append(nxt)
                j += 1
            text = tidy_text(unwrap("\n".join(acc)))
            start = off + len(raw) - len(raw.lstrip()) + m.start("text")
            lettered = m.groupdict().get("lettered") or ""
            ref = m.group("ref") or (parent if led and lettered and parent else lettered)
            if text and not text.endswith(":"):
                out.append(
                    Found("recommendation", text, start, reference=ref, own_reference=bool(ref))
                )
            i = j
            continue
        i += 1
    return out


def _lone_reference(line: str, conv: RegisterConventions) -> bool:
    return 2 <= len(line) <= 12 and bool(re.search(r"\d", line)) and bool(
        conv.reference.match(line))


def _boxed_recommendations(
    lines: list[tuple[int, str]], i: int, conv: RegisterConventions, that_body: re.Pattern[str]
) -> tuple[list[Found], int] | None:
    """The rows of a boxed table of recommendations under its heading row, as a PDF's text
    prints them with no blank lines: each reference alone on a line ("R1"), then the
    recommendation ("That the Board notes ...") to the end of its sentence. (the entries,
    the line after them), or None when no such row follows the heading."""
    out: list[Found] = []
    while i + 1 < len(lines):
        ref = lines[i][1].strip()
        off, first = lines[i + 1]
        if not _lone_reference(ref, conv) or not that_body.match(first.strip()):
            break
        acc = [first.strip()]
        j = i + 2
        while not re.search(r"[.;]$", acc[-1]) and j < len(lines):
            nxt = lines[j][1].strip()
            if not nxt or _lone_reference(nxt, conv):
                break
            acc.append(nxt)
            j += 1
        text = tidy_text(unwrap("\n".join(acc)))
        start = off + len(first) - len(first.lstrip())
        out.append(Found("recommendation", text, start, reference=ref, own_reference=True))
        i = j
    return (out, i) if out else None

