"""Actions: who is to do what, from the minutes.

Two sources, resolutions first:

- a resolution that names a person or role and gives them something to do ("That Andy
  Thomas contact Gurjit Samra-Rai to organise ..."; "... and that the Chair send a letter
  ..."); resolutions that only record the meeting's view ("That Members note ...", "That the
  information be noted", anything passive: "be amended") are not actions;
- sentences of the minutes: "X agreed to ...", "X stated that he would ...", "It was
  suggested that X attend ..." (the text then ends "(suggested)").

A sentence that says what a resolution of the same item already gives the same owner is
dropped. Each action's latest news is a sentence of a paper dated after the meeting that shares two
neighbouring words and half the words of the action: the most recent one that says it is
done (completed, adopted, ...: status "done"), else the most recent one (status "update in
later papers"); with no such sentence it stays "open".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ingest import register_conventions
from ingest.locate import locate
from ingest.register_lines import due_in
from ingest.register_text import (
    MONTH_NAMES,
    NAME,
    OWNER,
    content_words,
    norm,
    sentence_end,
    top_section,
    unwrap,
    upper_ratio,
    word_overlap,
)
from ingest.types import Action, Decision, LoadedFile, Part, Where

NOT_ACTIONS = frozenset(
    """be is are was were has have had note notes noted approve approves approved support
    supports agree agrees retain retains endorse endorses accept accepts welcome welcomes
    receive receives confirm confirms adopt adopts ratify thank thanks congratulate
    congratulates acknowledge acknowledges became become becomes remain remains continue
    continues would should could will may might must shall""".split()
)
_LEAD_IN = re.compile(
    r"^(?:It was (?:agreed|resolved|AGREED|RESOLVED) that\s+|[Tt]hat\s+"
    r"|(?:Agreed|Resolved|Decided|AGREED|RESOLVED|DECIDED)\s+that\s+)?"
    r"(?:(?:following|further to|in light of|in view of|given|subject to|after|before)\b"
    r"[^,]{0,160},\s*)?"
)
_CLAUSES = re.compile(r",?\s+and\s+that\s+")
# "the Head of Communities be authorised": the owner's "of ..." is part of the role.
_OWNER_VERB = re.compile(
    rf"^(?P<owner>{OWNER}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){{0,3}})?)"
    r"\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.S,
)

_AGREED_TO = re.compile(
    rf"(?P<owner>{NAME})\s+(?:agreed|undertook|offered|volunteered|promised)\s+to\s+(?=[a-z])"
)
# "YBR agreed to bring ...", "SNH and YBR agreed to ...": initials as the subject, read
# only where the paper prints those initials in brackets after a name ("Yaw Balogun-Reeve
# (YBR)"), so that they are known to name a person.
_INITIALS_AGREED_TO = re.compile(
    r"(?<![\w/(])(?P<owner>[A-Z]{2,4}(?:\s*(?:/|and|&)\s*[A-Z]{2,4})*)\s+"
    r"(?:agreed|undertook|offered|volunteered|promised)\s+to\s+(?=[a-z])"
)
_WOULD = re.compile(
    rf"(?P<owner>{OWNER})\s+(?:stated|said|confirmed|indicated|advised|explained|reported|"
    r"agreed)\s+that\s+(?:he|she|they)\s+would\s+(?=[a-z])"
)
_SUGGESTED = re.compile(
    r"\bIt\s+was\s+(?P<how>suggested|agreed|requested|proposed|recommended)\s+that\s+"
    rf"(?P<owner>{OWNER})\s+(?=(?P<verb>[a-z]+)\b)"
)
DUE = re.compile(
    r"\b(?:by|before|no later than)\s+(?:the\s+)?(?:(?:end|start|beginning|close)\s+of\s+)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTH_NAMES})(?:\s+\d{{4}})?|the\s+next\s+"
    r"meeting|next\s+meeting|\d{4}(?:/\d{2})?)\b"
)
DONE = re.compile(r"\b(?:completed|has been done|is done|adopted|implemented|achieved)\b", re.I)
NOT_DONE = re.compile(
    r"\b(?:not|yet to be|to be|will be|would be)\s+(?:\w+\s+)?"
    r"(?:completed|done|adopted|implemented|achieved)\b",
    re.I,
)


def says_done(text: str) -> bool:
    return bool(DONE.search(text)) and not NOT_DONE.search(text)


@dataclass
class _Candidate:
    owner: str
    text: str
    meeting_date: str | None
    item: str
    where: Where
    rank: int  # 0 resolution, 1 sentence


def _owner(raw: str) -> str:
    owner = re.sub(r"\s+", " ", raw).strip()
    owner = re.sub(r"^[Tt]he\s+", "", owner)
    return owner[:1].upper() + owner[1:]


def _preceded_by_capital(text: str, start: int) -> bool:
    """ "Violence Reduction Network agreed to": "Reduction Network" is not a person."""
    return bool(re.search(r"[A-Z][\w’'-]*\s+$", text[max(0, start - 40) : start]))


@lru_cache(maxsize=8)
def _asked(conv: register_conventions.RegisterConventions) -> re.Pattern[str] | None:
    """"... and asked the Community Safety Manager to submit it": one of the conventions'
    `asking_verbs`, who, then "to" and what they are to do."""
    if not conv.asking_verbs:
        return None
    verbs = "|".join(re.escape(v) for v in conv.asking_verbs)
    return re.compile(rf"\b(?:{verbs})\s+(?P<owner>{OWNER})\s+to\s+(?=[a-z])")


def owner_of_resolution(text: str) -> tuple[str, str] | None:
    """(owner, the clause from the owner on) of a resolution that names who is to act
    ("the Chair write to ..."), or None ("the report be noted", "a protocol be agreed").
    A decision that asks someone to act ("The Group endorsed the bid, and asked the
    Community Safety Manager to submit it by 5 December") names them too: the clause is
    then the whole decision."""
    clause = _LEAD_IN.sub("", text.strip(), count=1)
    m = _OWNER_VERB.match(clause)
    if m and m.group("verb") not in NOT_ACTIONS:
        return _owner(m.group("owner")), clause.strip().rstrip(".;, ")
    asked = _asked(register_conventions.current())
    found = asked.search(text) if asked else None
    if found:
        return _owner(found.group("owner")), text.strip().rstrip(".;, ")
    return None


def from_decision(d: Decision) -> list[_Candidate]:
    """A resolution naming who is to act is an action too, with the same words as printed
    ("That the Chair write to ..."; from the owner on for a clause "..., and that the
    Chair send a letter ...")."""
    out = []
    clauses = _CLAUSES.split(d.text)
    for clause in clauses:
        found = owner_of_resolution(clause)
        if not found:
            continue
        owner, text = found
        if len(clauses) == 1:
            text = d.text.strip().rstrip(".;, ")
        out.append(_Candidate(owner, text, d.meeting_date, d.item, d.where, 0))
    return out


def from_sentences(doc: LoadedFile, parts: list[Part], part: Part) -> list[_Candidate]:
    text, out = doc.text, []
    for pattern in (_AGREED_TO, _INITIALS_AGREED_TO, _WOULD, _SUGGESTED):
        for m in pattern.finditer(text, part.start, part.end):
            if pattern is not _SUGGESTED and _preceded_by_capital(text, m.start()):
                continue
            if pattern is _INITIALS_AGREED_TO and not all(
                f"({i})" in text for i in re.split(r"\s*(?:/|and|&)\s*", m.group("owner"))
            ):
                continue  # initials the paper defines nowhere
            if pattern is _SUGGESTED and m.group("verb") in NOT_ACTIONS:
                continue
            end = sentence_end(text, m.end(), part.end)
            said = unwrap(text[m.end() : end]).rstrip(".;, ")
            if pattern in (_AGREED_TO, _INITIALS_AGREED_TO):  # the sentence, its subject who
                said = unwrap(text[m.start() : end]).rstrip(".;, ")
            if pattern is _SUGGESTED and m.group("how") != "agreed":
                said = f"{said} ({m.group('how')})"
            item = top_section(part, m.start())
            out.append(
                _Candidate(
                    _owner(m.group("owner")),
                    said,
                    part.date,
                    item.number if item else "",
                    locate(doc, parts, m.start()),
                    1,
                )
            )
    return out


def _same(a: _Candidate, b: _Candidate) -> bool:
    return (
        a.meeting_date == b.meeting_date
        and a.item == b.item
        and norm(a.owner) == norm(b.owner)
        and word_overlap(a.text, b.text) >= 0.5
    )


def extract_actions(
    docs: dict[str, LoadedFile],
    parts: dict[str, list[Part]],
    minutes: list[tuple[str, Part]],
    decisions: list[Decision],
    sentences: list[_Candidate] | None = None,
    later: _Later | None = None,
) -> list[Action]:
    """The actions of the resolutions and of the minutes' sentences (``sentences``: those
    of `from_sentences` for each minutes part in ``minutes`` order, read here when not
    given), each with the latest news a later paper gives (``later``, built here when not
    given)."""
    found = [c for d in decisions for c in from_decision(d)]
    if sentences is None:
        sentences = [
            c for name, part in minutes for c in from_sentences(docs[name], parts[name], part)
        ]
    found.extend(sentences)
    kept: list[_Candidate] = []
    by_item: dict[tuple, list[_Candidate]] = {}  # (meeting, item): what _same compares first
    for c in sorted(found, key=lambda c: c.rank):  # stable: resolutions, then sentences
        same_item = by_item.setdefault((c.meeting_date, c.item), [])
        if not any(_same(k, c) for k in same_item):
            kept.append(c)
            same_item.append(c)
    kept.sort(key=lambda c: (c.meeting_date or "", c.where.source, c.where.start))
    later = later or _Later(docs, parts)
    actions = []
    conv = register_conventions.current()
    for c in kept:
        news = later.latest(c)
        state, latest, latest_where = "not stated", "", None
        if news:
            latest, latest_where = news
            state = "done" if says_done(latest) else "not stated"
        actions.append(
            Action(
                owner=c.owner,
                text=c.text,
                meeting_date=c.meeting_date,
                item=c.item,
                due=due_in(c.text, conv),
                status="",  # minutes print no status; a later paper's wording is `latest`
                latest=latest,
                where=c.where,
                latest_where=latest_where,
                state=state,
                reference=c.item,
                partnership=c.where.partnership,
            )
        )
    return actions


# --- What later papers say ---------------------------------------------------------------

_SPLIT = re.compile(
    r"\n\s*\n|\n\s*(?=[-•▪]\s|\d{1,2}[.)]\s|[ivx]{1,4}\.\s)|(?<=[.!?])\s+(?=[A-Z‘'\"(])|\t"
)


def _terms(text: str) -> set[str]:
    """Content words and pairs of neighbouring content words ("harm hope")."""
    ws = content_words(text)
    return set(ws) | {f"{a} {b}" for a, b in zip(ws, ws[1:])}


def sentences_of(name: str, doc: LoadedFile, parts: list[Part]) -> list[tuple]:
    """The sentences of a document's parts that a later paper's news may be: (date, name,
    offset, sentence, terms, partnership, normalised sentence); what `_Later` indexes."""
    text = doc.text
    out: list[tuple] = []
    for part in parts:
        pos = part.start
        for piece in _SPLIT.split(text[part.start : part.end]) + [""]:
            at = text.find(piece, pos, part.end) if piece else -1
            if at < 0:
                continue
            pos = at + len(piece)
            said = unwrap(piece)
            if len(said) < 20 or upper_ratio(said) > 0.6:  # too short, or a masthead
                continue
            out.append((part.date or "", name, at, said, _terms(said), part.partnership,
                        norm(said)))
    return out


def sentence_index(sentences: list[tuple]) -> tuple[dict, Counter]:
    """A document's sentences (`sentences_of`) indexed for `_Later`: partnership → pair of
    neighbouring words → the sentences holding it (their positions, in order); and how
    many of its distinct sentences hold each term."""
    pairs: dict[str, dict[str, list[int]]] = {}
    df: Counter[str] = Counter()
    seen: set[str] = set()
    for n, (_, _, _, _, terms, partnership, key) in enumerate(sentences):
        if key not in seen:
            seen.add(key)
            df.update(terms)
        index = pairs.setdefault(partnership, {})
        for t in terms:
            if " " in t:
                index.setdefault(t, []).append(n)
    return pairs, df


class _Idf(dict):
    """A term's inverse document frequency over every distinct sentence, counted when first
    asked: the documents' own counts summed, less the sentences filed in two documents."""

    def __init__(self, counts: list[Counter], twice: Counter, n: int) -> None:
        super().__init__()
        self.counts, self.twice, self.n = counts, twice, n

    def get(self, term: str, default: float = 0.0) -> float:
        if term not in self:
            c = sum(d.get(term, 0) for d in self.counts) - self.twice.get(term, 0)
            self[term] = math.log(self.n / c) if c > 0 else default
        return self[term]


class _Later:
    """Sentences of every dated part, to find what a later paper says of an action.

    Only a sentence of the action's partnership that shares a pair of neighbouring words
    with the action can report on it, so each document's sentences are indexed by
    partnership and, in each, by their pairs (`sentence_index`, kept with the document's
    register reading): an action reads the sentences holding one of its pairs in the
    documents of its partnership, not every sentence of the index, and nothing is built
    over the whole archive but the count of distinct sentences (the cost of adding a paper
    to a hundred partnerships' papers)."""

    def __init__(
        self,
        docs: dict[str, LoadedFile],
        parts: dict[str, list[Part]],
        read: dict[str, list[tuple]] | None = None,
        indexed: dict[str, tuple[dict, Counter]] | None = None,
    ) -> None:
        """``read``: each document's `sentences_of`; ``indexed``: its `sentence_index`
        (both read here for the documents not given)."""
        self.docs, self.parts = docs, parts
        self.names = sorted(docs)
        self.read: dict[str, list[tuple]] = {}
        self.indexed: dict[str, tuple[dict, Counter]] = {}
        self.of_partnership: dict[str, list[str]] = {}  # the documents with its sentences
        seen: set[str] = set()
        twice: Counter[str] = Counter()  # terms of sentences a document shares with another
        for name in self.names:
            got = (read or {}).get(name)
            if got is None:
                got = sentences_of(name, docs[name], parts.get(name, []))
            index = (indexed or {}).get(name) or sentence_index(got)
            self.read[name], self.indexed[name] = got, index
            for partnership in index[0]:
                self.of_partnership.setdefault(partnership, []).append(name)
            own: set[str] = set()
            for sentence in got:
                key = sentence[6]
                if key in own:
                    continue
                own.add(key)
                if key in seen:
                    twice.update(sentence[4])
                seen.add(key)
        self.idf = _Idf([self.indexed[n][1] for n in self.names], twice, max(1, len(seen)))

    @property
    def sentences(self) -> list[tuple]:
        """Every document's sentences, in order (what a full scan reads)."""
        return [s for name in self.names for s in self.read[name]]

    def latest(self, c: _Candidate) -> tuple[str, Where] | None:
        if not c.meeting_date:
            return None
        text = DUE.sub("", c.text)  # the deadline's month is no clue to what happened
        words = set(content_words(text))
        pairs = {t for t in _terms(text) if " " in t}
        best = None
        found = []
        for name in self.of_partnership.get(c.where.partnership, ()):
            index = self.indexed[name][0][c.where.partnership]
            got = sorted({i for t in pairs for i in index.get(t, ())})
            found += [self.read[name][i] for i in got]
        for date, name, at, said, terms, partnership, _ in found:
            if date <= c.meeting_date or partnership != c.where.partnership:
                continue  # only a later paper of the same partnership reports on it
            # Two of the action's words side by side and half its words (three or more):
            # "Harm to Hope" or "(Community Trigger) process" in a list of the partnership's
            # duties is a mention, not news of the action.
            shared = (words | pairs) & terms
            covered = words & terms
            if not shared & pairs or len(covered) < max(3, 0.5 * len(words)):
                continue
            score = sum(self.idf.get(t, 0) for t in shared)
            # The most recent sentence that says it is done, else the most recent mention:
            # the quote is the evidence for the status.
            key = (says_done(said), date, score)
            if best is None or key > best[0]:
                best = (key, name, at, said)
        if best is None:
            return None
        _, name, at, said = best
        return said, locate(self.docs[name], self.parts[name], at)
