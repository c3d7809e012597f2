"""A paper's own status key: the status words it defines and the state each one means.

Trackers and plans print a key or legend to their status words, in a few shapes:

- a line: ``Key: Embedded = complete and now routine; Parked = taken out of the plan``
  (the pairs split by ";", each word from its meaning by "=", ":" or a dash);
- a heading line (``Status key``, ``RAG key:``, ``Legend``) over one ``Word – meaning``
  line per word;
- a table under such a heading (``Colour | Status | Meaning``, tab, pipe or, in a PDF, the
  cells of each printed line): every cell but the last names the word, the last means it;
  so does such a table under any heading, told by its header row ("| Status | What it
  means |");
- running prose with no heading ("How to read the tracker ... Accepted: agreed in full and
  still to be delivered. Rejected: no further action will be taken."): sentences (or
  clauses after ";") that open with a word or three and ":" or "=" and its meaning, two
  or more close together whose meanings each give a state (one such sentence is no key).
  Weaker than a key under its own heading, it defines only words the conventions' states
  and ratings do not hold.

A meaning gives the state of the first state phrase it holds (`[registers.key_meanings]`
and the conventions' status words of two words or more, longest first), unless negated ("not yet
complete"). A word whose meaning holds none is left out. The key is used for the words the
conventions do not know (`RegisterConventions.state_of`), so a paper can say what its own
words mean; it never makes a RAG rating done.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.register_conventions import RegisterConventions, _key, status_form
from ingest.types import LoadedFile


@lru_cache(maxsize=8)
def _key_patterns(conv: RegisterConventions) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a key printed inline: "Position key. Embedded - ...", a key's heading line): "key"
    or "legend", after a word that heads a status, rating or progress column in the
    conventions ("Status key", "RAG key", "Progress key", "Position key")."""
    words = {w for role in ("status", "rag", "update") for w in conv.columns.get(role, ())
             if re.fullmatch(r"[a-z/]+", w)} | {"colour", "color"}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    head = rf"(?:(?:{alts})\s+)?(?:key|legend)(?:\s+to\s+\w+)?"
    return (
        re.compile(rf"^(?:\*\*)?{head}(?:\*\*)?\s*(?::|\.|[–—-])\s*(?P<body>\S.*)$", re.I),
        re.compile(rf"^(?:#{{1,6}}\s+)?(?:\*\*)?{head}(?:\*\*)?\s*:?\s*$", re.I),
    )
_PAIR = re.compile(
    # a word, after a symbol or not ("Open", "✓ Done"), or a symbol alone ("✓")
    r"^\s*(?:\*\*)?(?P<word>(?:[^\w\s*|=:]{1,2}\s*)?[A-Za-z][\w /'’&()-]{0,30}?"
    r"|[^\w\s*|=:;,.]{1,2})(?:\*\*)?\s*"
    r"(?:=|:|\s[–—-])\s*"
    r"(?P<meaning>\S.*?)\s*$"
)
_MEANING_HEADERS = {"meaning", "definition", "description", "what it means", "explanation"}
_WORD_HEADERS = {"status", "rating", "rag", "rag status", "colour", "color", "word", "key",
                 "status word", "progress", "position"}


def _key_table_header(line: str) -> bool:
    """A key table's header row anywhere ("| Status | What it means |", "Colour<TAB>Status
    <TAB>Meaning"): the word's column first, the meaning's last."""
    if "\t" not in line and "|" not in line:
        return False
    cells = [_key(c) for c in re.split(r"\t+|\|", line.strip().strip("|")) if c.strip()]
    return len(cells) >= 2 and cells[0] in _WORD_HEADERS and cells[-1] in _MEANING_HEADERS
_NEGATED = re.compile(r"\b(?:not|no|never|yet to be|nor)\s+(?:\w+\s+)?$", re.I)


@lru_cache(maxsize=8)
def _meanings(conv: RegisterConventions) -> tuple[tuple[re.Pattern[str], str], ...]:
    # The status words of two words or more, and the meanings' phrases: one word such as
    # "new" or "late" names a status but says little in a sentence ("with a new date").
    phrases = {w: s for w, s in conv.states.items() if " " in w} | conv.key_meanings
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        out.append((re.compile(rf"\b{re.escape(phrase)}\b", re.I), phrases[phrase]))
    return tuple(out)


def meaning_state(meaning: str, conv: RegisterConventions) -> str:
    """The state a key's meaning gives ("complete and now routine" → done), or ""."""
    whole = conv.states.get(meaning.strip(" .;,").lower())
    if whole:  # a meaning that is itself a status word ("O = open")
        return whole
    best: tuple[int, int, str] | None = None
    for pattern, state in _meanings(conv):
        for m in pattern.finditer(meaning):
            if not m.group(0).lower().startswith(("not ", "no ")) and _NEGATED.search(
                meaning[: m.start()]
            ):
                continue
            rank = (m.start(), -len(m.group(0)), state)
            if best is None or rank < best:
                best = rank
            break
    return best[2] if best else ""


def _pairs(body: str) -> list[tuple[str, str]]:
    out = []
    # pairs apart by ";", by a full stop before the next word and its "=", ":" or dash, or
    # by a comma before a short code and its "=" ("C = complete, O = open, CF = ...")
    for piece in re.split(
        r"\s*;\s*|\.\s+(?=[A-Z][\w /'’-]{0,30}?(?:\s*[=:]|\s[–—-]\s))"
        r"|,\s+(?=[A-Z][\w/'’-]{0,11}\s*=\s)",
        body,
    ):
        m = _PAIR.match(piece)
        if m and len(m.group("word").split()) <= 4:
            out.append((m.group("word"), m.group("meaning")))
    return out


_SYMBOL_PAIR = re.compile(
    r"(?P<word>[^\w\s*|=:;,.()'’-])\s*(?P<meaning>[A-Za-z][\w '’/-]*?)\s*(?=[^\w\s'’/-]|$)"
)


def _symbol_pairs(body: str) -> list[tuple[str, str]]:
    """A legend of symbols each printed before its meaning, with no separator ("Key: ✓
    Complete ◐ In progress ✗ Not needed"): two pairs or more."""
    pairs = [(m.group("word"), m.group("meaning")) for m in _SYMBOL_PAIR.finditer(body)]
    return pairs if len(pairs) >= 2 else []


def _add(key: dict[str, str], words: list[str], meaning: str, conv: RegisterConventions,
         figures: bool = False) -> None:
    """Each word with the state its meaning gives; a word printing figures only where
    ``figures`` (a phrase of a bulleted key: "Rolled into 2026/27")."""
    state = meaning_state(meaning, conv)
    for w in words:
        w = status_form(w)
        if state and w and w not in key and not conv.is_empty(w) and (
            not re.search(r"\d", w) or (figures and re.search(r"[a-z]{3,}", w))
        ):
            key[w] = state


def status_key(text: str, conv: RegisterConventions) -> dict[str, str]:
    """The status words a text's own key defines, each with its state."""
    key: dict[str, str] = {}
    lines = text.split("\n")
    _INLINE, _HEADING = _key_patterns(conv)  # noqa: N806 - the two patterns of the key
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        inline = _INLINE.match(line)
        if inline and not _HEADING.match(line):
            body = inline.group("body")
            j = i + 1  # a key wrapped over the next lines (a PDF's text): while they carry on
            while j < len(lines) and j <= i + 4 and lines[j].strip() and (
                lines[j].strip()[:1].islower() or " = " in lines[j]
                or lines[j].strip()[:2] == "= "  # "... Parked" / "= carried forward ..."
                or re.search(r"[;,]$|\s[–—-]$", lines[j - 1].strip())  # a pair runs on
                # the next pair opening the line: "Rolled over - moved into ..."
                or re.match(r"[A-Z][\w/'’-]*(?: [\w/'’-]+){0,3} [–—-] \S", lines[j].strip())
            ):
                body += " " + lines[j].strip()
                j += 1
            for word, meaning in _pairs(body) or _symbol_pairs(body):
                _add(key, [word], meaning, conv)
            i = j
            continue
        if _HEADING.match(line) or _key_table_header(line):
            j = i + 1
            while j < len(lines) and lines[j].strip():
                row = lines[j].strip()
                pair = _PAIR.match(row)
                if "\t" in row or "|" in row:  # a key table's row: the word cells, the meaning
                    cells = [c.strip() for c in re.split(r"\t+|\|", row.strip("|")) if c.strip()]
                    named = any(_key(c) in _MEANING_HEADERS for c in cells)
                    rule = all(set(c) <= set("-: ") for c in cells)
                    if len(cells) >= 2 and not named and not rule:
                        _add(key, cells[:-1], cells[-1], conv)
                elif pair:
                    _add(key, re.split(r"\s*/\s*", pair.group("word")), pair.group("meaning"),
                         conv)
                else:
                    break
                j += 1
            i = j
            continue
        bulleted, j = _bulleted_pairs(lines, i, conv)
        if bulleted:
            for word, meaning in bulleted:
                _add(key, [word], meaning, conv, figures=True)
            i = j
            continue
        aligned, j = _aligned_pairs(lines, i)
        if aligned:
            for word, meaning in aligned:
                _add(key, [word], meaning, conv)
            i = j
            continue
        i += 1
    return key


# A key printed as two aligned columns of plain text, the word then its meaning after a
# run of spaces ("   Under way          work has started and is not yet finished"); a
# meaning that wraps carries on, indented to the meaning's column, on the next line.
_ALIGNED_PAIR = re.compile(r"^(?P<indent>\s*)(?P<word>[A-Z][\w/'’&-]*(?: [\w/'’&-]+){0,3})"
                           r"(?P<gap> {2,})(?P<meaning>[a-z]\S.*)$")
_ALIGNED_MIN = 3  # lines of a key: fewer is a pair of labelled lines, not a key


def _aligned_pairs(lines: list[str], i: int) -> tuple[list[tuple[str, str]], int]:
    """The pairs of an aligned key starting at line ``i`` (each meaning at one column, three
    words or more, none a field's "Label:"), and the line after it; ([], i) when none."""
    pairs: list[tuple[str, str]] = []
    column = None
    j = i
    while j < len(lines):
        m = _ALIGNED_PAIR.match(lines[j].rstrip())
        at = m.start("meaning") if m else None
        if m and (column is None or at == column) and not m.group("word").endswith(":"):
            column = at
            pairs.append((m.group("word"), m.group("meaning")))
            j += 1
            continue
        line = lines[j].rstrip()
        if pairs and column is not None and line.strip() and (
            len(line) - len(line.lstrip()) == column
        ):
            word, meaning = pairs[-1]
            pairs[-1] = (word, f"{meaning} {line.strip()}")  # a wrapped meaning
            j += 1
            continue
        break
    if len(pairs) < _ALIGNED_MIN:
        return [], i
    return pairs, j


# A key printed as a bulleted list, one word or phrase and its meaning an item ("- *Fully
# implemented* – the recommendation has been carried out"), the phrase set in emphasis or
# not, a meaning that wraps carrying on, indented, on the next line.
_BULLET = re.compile(r"^\s*[-*•·]\s+(?P<item>\S.*)$")
_EMPHASIS = re.compile(r"^(?P<mark>\*{1,2}|_{1,2})(?P<word>[^*_]{1,40}?)(?P=mark)(?=\s)")


def _bulleted_pairs(
    lines: list[str], i: int, conv: RegisterConventions
) -> tuple[list[tuple[str, str]], int]:
    """The pairs of a bulleted key starting at line ``i``: three items or more in a run,
    each a word or phrase, a dash, colon or "=", and a meaning that gives a state (a list
    of "Action - owner" items is no key); ([], i) when none."""
    pairs: list[tuple[str, str]] = []
    j = i
    while j < len(lines):
        m = _BULLET.match(lines[j].rstrip())
        if m:
            item = _EMPHASIS.sub(lambda e: e.group("word"), m.group("item").strip(), count=1)
            pair = _PAIR.match(item)
            if not pair or len(pair.group("word").split()) > 4:
                break
            pairs.append((pair.group("word").strip(), pair.group("meaning")))
            j += 1
            continue
        line = lines[j]
        if pairs and line.strip() and line[:1].isspace() and not _BULLET.match(line):
            word, meaning = pairs[-1]
            pairs[-1] = (word, f"{meaning} {line.strip()}")  # a wrapped meaning
            j += 1
            continue
        break
    if len(pairs) < _ALIGNED_MIN or not all(meaning_state(m, conv) for _, m in pairs):
        return [], i
    return pairs, j


_PROSE_PAIR = re.compile(
    r"^(?:\*\*)?(?P<word>[A-Z][A-Za-z'’-]*(?:\s+[a-z][a-z'’-]*){0,2})(?:\*\*)?\s*[:=]\s+"
    r"(?P<meaning>\S.*)$"
)
_NEAR = 3  # sentences between two pairs of one key, at most


def prose_key(text: str, conv: RegisterConventions) -> dict[str, str]:
    """The status words a key printed as running prose defines (see the module's
    docstring): ``Word: meaning.`` sentences, two or more within a few sentences."""
    flat = re.sub(r"\s+", " ", text)
    pieces = re.split(r"(?<=[.;])\s+", flat)
    pairs: list[tuple[int, str, str]] = []
    for n, piece in enumerate(pieces):
        m = _PROSE_PAIR.match(piece.strip())
        if not m or conv.section_kind(m.group("word")) or conv.column_role(m.group("word")):
            continue  # "Action: ...", "Lead: ..." are labels and fields, not key words
        meaning = m.group("meaning").rstrip(" .;")
        if meaning_state(meaning, conv):
            pairs.append((n, m.group("word"), meaning))
    key: dict[str, str] = {}
    for k, (n, word, meaning) in enumerate(pairs):
        near = [p for j, p in enumerate(pairs) if j != k and abs(p[0] - n) <= _NEAR]
        if near:
            _add(key, [word], meaning, conv)
    return key


def document_key(doc: LoadedFile, conv: RegisterConventions) -> dict[str, str]:
    """A document's status key: from its text, and for a PDF also from its printed lines
    (a key table's cells, told apart by where they are drawn)."""
    key = status_key(doc.text, conv)
    for word, state in prose_key(doc.text, conv).items():  # words the tables do not know
        if not conv.is_status(word):
            key.setdefault(word, state)
    if doc.kind == "pdf":
        from ingest.register_pdf import printed_lines

        for word, state in status_key(printed_lines(doc), conv).items():
            key.setdefault(word, state)
    return key


_KIND_CODE = re.compile(
    r"(?<![\w/])(?P<code>[A-Z]{1,3})\s*(?:=|:|[–—]|\s-)\s*(?:an?\s+|the\s+)?"
    r"(?P<word>[A-Za-z]{3,}(?:\s+[a-z]+)?)"
)


def kind_key(text: str, conv: RegisterConventions) -> dict[str, str]:
    """The codes a paper defines for its rows' kinds ("D = decision of the Executive
    Group; A = action; R = recommendation to the Board"): code → decision, action or
    recommendation, by the first word(s) of its meaning in `[registers.kinds]`."""
    key: dict[str, str] = {}
    for m in _KIND_CODE.finditer(text):
        words = m.group("word").lower().split()
        kind = conv.kinds.get(" ".join(words)) or conv.kinds.get(words[0], "")
        code = _key(m.group("code"))
        if kind and code not in key and len(words[0]) > 2:
            key[code] = kind
    return key
