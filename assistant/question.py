"""Understand a question once: its kind and its slots.

Every source of answers (registers, tables, passages) reads the same `Question`: what kind
of answer is wanted (figure, list, decision, action, recommendation status, when, who,
definition, brief, or an open question), and the slots that narrow it: the subject, the
partnership it names, the periods, a ranking ("largest rise"), a role ("who chairs"), and
for a two-part question its parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.dates import MONTHS
from ingest.text import PERIOD as _PERIOD
from ingest.text import conventions, normalise_period

ACRONYM_Q = re.compile(
    r"\b(?:does|do|is|are)\s+(?:an?\s+|the\s+)?(?P<a>[A-Z][A-Za-z]{1,7})(?:\s+[a-z]{3,12})?"
    r"\s+(?:stand|mean)"  # ("what does the RISE panel stand for?")
    r"|(?i:meaning of|definition of|what is meant by)\s+(?:an?\s+|the\s+)?(?P<b>[A-Z]{2,8})\b"
    r"|(?i:what(?: is|'s| are)) (?:an?\s+|the\s+)?(?P<c>[A-Z]{2,8}s?)"
    r"(?:\s*\??\s*$|\s*,|\s+(?i:as|in|at|mentioned|discussed|referred)\b)"
)
BRIEF_Q = re.compile(
    r"\bbrief(ing)?\b|\bprepare\b.*\b(visit|meeting)\b|\bsummary for\b", re.I
)
# Words of a brief request that name no topic: "brief me for the PCC's visit".
_BRIEF_WORDS = (
    "brief briefing prepare preparing summary summarise me us a an the for on of chair chairs "
    "pcc pcc's commissioner commissioner's visit visiting meeting next upcoming "
    "partnership csp board i need please give write make"
)
RECOMMENDATION = re.compile(r"\brecommendations?\b", re.I)
NOT_DONE = re.compile(
    r"\b(outstanding|still open|open|remain\w*|pending|unresolved|incomplete|"
    r"not (?:yet )?(?:been )?(?:done|implemented|complete\w*|delivered|achieved|closed|met)|"
    r"(?:haven't|hasn't|have not|has not|yet to)\b.*|in progress|ongoing)\b",
    re.I,
)
DONE = re.compile(r"\b(completed?|done|implemented|achieved|delivered|closed|met)\b", re.I)
# "actions", not the name of a plan or group ("the ASB Action Plan", "Joint Action Group")
ACTIONS = re.compile(
    r"\bactions?\b(?!\s+(?:plans?|groups?|teams?|days?|weeks?|logs?|logging|trackers?)\b)", re.I
)
WHEN = re.compile(r"^\s*(when|what date|on what date|by when|by what date)\b", re.I)
DECISION = re.compile(
    r"\b(agreed?|decid\w*|decision|resolv\w*|resolution|approv\w*)\b", re.I
)
FIGURE = re.compile(
    r"\b(how (many|much)|number of|figures?|rate|percent\w*|change[ds]?|"
    r"increase[ds]?|decrease[ds]?|total|position|rank\w*|amount|fall|fell|rise|rose|"
    r"drop\w*|reduc\w*|went (up|down)|largest|biggest|highest|lowest|smallest|most|least|"
    r"count|sit|sat)\b",
    re.I,
)
# "Which option is Cabinet recommended to approve?", "what is the Board asked to agree?":
# what a report recommends, not what was decided.
RECOMMENDED = re.compile(r"\brecommend(?:s|ed|ing|ation|ations)?\b|\basked to\b", re.I)
# "Where's most of it happening?", "where is it worst?" ask for a place ("where does X sit
# in its family group?" asks for a position, a figure)
WHERE = re.compile(r"\s*where(?:'s|’s|\s+is|\s+are|\s+was|\s+were)\b", re.I)
WHO = re.compile(
    r"^\s*(who|which (officer|person|councillor|member|individual|police and crime "
    r"commissioner|commissioner|pcc|chair\w*|inspector|sergeant|manager))\b",
    re.I,
)
LIST = re.compile(
    r"\b(what|which|list)\b.*\b(recommendations|actions|priorities|items|"
    r"measures|decisions|objectives|aims|themes|criteria|principles|groups|areas|duties)\b",
    re.I,
)
# "..., and when ...?" / "... and what is ...?": the second part of a two-part question.
_SECOND_PART = re.compile(
    r"(?:,\s*|\s+)(?:and|also)\s+(?:if so,?\s+)?(?=(?:by when|by what date|what|when|how|who|"
    r"which|where|why|is|are|was|were|did|does|do|has|have|"
    r"(?:to|at|in|on|for|from|by|of|with)\s+(?:what|which|whom|where))\b)",
    re.I,
)


@dataclass(frozen=True)
class Question:
    text: str  # as asked
    kind: str
    subject: str  # the question without the partnership it names
    partnership: str | None = None
    periods: frozenset[str] = frozenset()
    ranking: str | None = None  # "high", "low", "rise", "fall"
    role: str | None = None  # "chair", "vice chair"
    acronym: str | None = None
    parts: tuple[str, ...] = field(default=())  # sub-questions, when there are two or more


def _name_words() -> set[str]:
    """Words of a partnership's name that are not its place ("safer", "partnership")."""
    c = conventions()
    return {*c.partnership_words, *c.not_places, "safer", "communities", "community", "safety"}


def place_words(partnership: str) -> list[str]:
    """The words of a partnership's name that name its place ("North West Westmere")."""
    generic = _name_words()
    return [w for w in re.findall(r"[A-Za-z]+", partnership) if w.lower() not in generic]


# The words after a place that make it the partnership's own name ("... Community Safety
# Partnership's", "... CSP", "... Safer Communities Partnership").
_OWN_NAME = (
    r"(?:\s+(?:Community|Safety|Safer|Communities|District|Borough|County))*"
    r"\s+(?:Partnership|CSP|Board|Council|Committee)(?:'s|’s)?\b"
)


def named_partnership(question: str, partnerships: list[str]) -> tuple[str | None, str]:
    """The partnership whose place the question names, and the question without it."""
    best: tuple[int, str | None, str] = (0, None, question)
    for name in partnerships:
        place = place_words(name)
        if not place:
            continue
        forms = [r"[\s-]+".join(map(re.escape, place))]
        if len(place) >= 3:  # "NWV" for North West Vale: the initials of its place
            forms.append("".join(w[0] for w in place))
        pattern = re.compile(r"\b(?:" + "|".join(forms) + r")(?:'s|’s)?\b", re.I)
        m = pattern.search(question)
        if m and len(place) > best[0]:
            rest = (question[: m.start()] + question[m.end() :]).strip()
            # "North Elderbrook" names a locality, not the partnership: keep it asked.
            after = question[m.end() :]
            own = re.match(_OWN_NAME, after, re.I)  # "Kestrel Bay Community Safety Partnership's"
            if own:  # its own words stay asked ("the Thornmere committee": "the committee")
                after = after[own.end() :]
            before = re.search(r"(^|\s)([A-Z][a-z]+)\s+$", question[: m.start()])
            if before and before.group(2).lower() in _name_words():  # "Safer North West ..."
                rest = (question[: before.start(2)] + question[m.end() :]).strip()
                before = None
            inside = bool(before) and before.start(2) > 0  # not the question's first word
            capital = re.match(r"\s+([A-Z][a-z]+)", after)  # "North Elderbrook Estate", not
            inside = inside or (  # "Brackwater's December 2014 table"
                not own and bool(capital) and capital.group(1).lower() not in MONTHS
            )
            best = (len(place), name, question if inside else re.sub(r"\s{2,}", " ", rest))
    return best[1], best[2]


_PRONOUN = re.compile(r"\b(that|it|its|this|they|them|these|those)\b", re.I)
# "... and to what level does it want to bring it back?": "it" is the first part's subject
# (report?" has its own subject; "its" belongs to a noun of its part)
_IT = re.compile(r"\b(it|them)\b", re.I)


def split_parts(text: str, partnerships: list[str] | None = None) -> tuple[str, ...]:
    """'When did X start, and what is the deadline for Y?' -> its two questions; a
    question with one part gives ()."""
    pieces = [p.strip(" ,?") for p in _SECOND_PART.split(text)]
    pieces = [p for p in pieces if len(p.split()) >= 2]
    if len(pieces) < 2:
        return ()
    first_periods = _PERIOD.findall(pieces[0])
    out = [pieces[0] + "?"]
    for p in pieces[1:]:  # "... in 2014 and how much was unallocated?": the year carries
        if not FIGURE.search(p):  # to a figure; "... and by when must it be spent?" has its own
            pass
        elif first_periods and not _PERIOD.search(p):
            p = f"{p} in {normalise_period(_PERIOD.search(pieces[0]).group(0))}"
        elif not _PERIOD.search(p) and (year := re.search(r"\b(19|20)\d{2}\b", pieces[0])):
            if not re.search(r"\b(19|20)\d{2}\b", p):
                p = f"{p} in {year.group(0)}"
        # "... and which ward has the highest?", "... and what would it include?": of what
        own = named_partnership(p, partnerships or [])[1]  # its partnership says no subject
        content = len(_content_words(own))  # ("... and when does the committee want its
        if content <= 1 or (_PRONOUN.search(p) and content <= 3) or _IT.search(p):
            extra = [w for w in _content_words(pieces[0]) if w.lower() not in p.lower()]
            p = f"{p} {' '.join(extra)}".strip()
        out.append(p + "?")
    return tuple(out)


def _content_words(text: str) -> list[str]:
    """The words of a question that say what it is about (not how it asks, or ranks)."""
    c = conventions()
    asking = c.stop | c.question | c.rank_high | c.rank_low | c.rank_rise | c.rank_fall
    asking = asking | c.partnership_words
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if w.lower() not in asking]


def without_preamble(text: str) -> str:
    """The question without a leading sentence or clause about the asker ("I'm new to
    the X partnership.", "As the new chair,"), from the conventions' ``preamble``."""
    for pattern in conventions().preamble:
        rest = pattern.sub("", text, count=1)
        if rest != text and len(rest.split()) >= 2:
            return rest[0].upper() + rest[1:]
    return text


def _ranking(text: str) -> str | None:
    c = conventions()
    for phrase in c.not_ranking:  # "the most similar family group" ranks nothing
        text = phrase.sub(" ", text)
    words = set(re.findall(r"[a-z]+", text.lower()))
    high, low = words & c.rank_high, words & c.rank_low
    if not high and not low:
        return None
    if words & c.rank_rise:
        return "rise" if high else "fall"
    if words & c.rank_fall:
        return "fall" if high else "rise"
    return "high" if high else "low"


def _role(text: str) -> str | None:
    c = conventions()
    lowered = text.lower()
    if any(r.lower() in lowered for r in c.vice_chair_roles):
        return "vice chair"
    if re.search(r"\bchair(s|ed|ing|man|person)?\b", lowered):
        return "chair"
    return None


def kind_of(text: str, acronym: str | None) -> str:
    if acronym:
        return "definition"
    if BRIEF_Q.search(text):
        plain = re.sub(r"(?i)\bpolice and crime commissioner(?:'s|’s)?", " ", text)
        rest = set(re.findall(r"[a-z']+", plain.lower())) - set(_BRIEF_WORDS.split())
        return "brief" if not rest else "topic brief"
    if RECOMMENDATION.search(text) and (NOT_DONE.search(text) or DONE.search(text)):
        return "recommendation status"
    if WHO.search(text):
        return "who"
    if ACTIONS.search(text) and not LIST.search(text.replace("actions", "")):
        return "action"
    if WHEN.search(text):
        return "when"
    if DECISION.search(text) and not re.search(r"^\s*how\b|\bhow (?:much|many)\b", text, re.I):
        return "decision"  # ("how does it make its decisions?" asks about a procedure;
        # "how much was approved?" asks for a figure)
    if LIST.search(text):
        return "list"
    if FIGURE.search(text) and not WHERE.match(text):  # "where's most of it happening?"
        return "figure"
    return "open"


def asking_sentence(text: str) -> str:
    """The sentence that asks, when statements lead up to it ("The DCN briefing summarises
    the plan. How much money is there to support it?"): its words say what kind of answer
    is wanted, not the statements' ("briefing")."""
    sentences = re.split(r"(?<=[.!])\s+(?=[A-Z])", text)
    if len(sentences) < 2 or not sentences[-1].rstrip().endswith("?"):
        return text
    return sentences[-1]


def understand(text: str, partnerships: list[str] | None = None) -> Question:
    text = re.sub(r"\s+", " ", text).strip()
    partnership, _ = named_partnership(text, partnerships or [])
    asked = without_preamble(text)  # what is searched: not "I'm new to the X partnership."
    _, subject = named_partnership(asked, partnerships or [])
    m = ACRONYM_Q.search(text)
    acronym = next((g for g in m.groups() if g), None) if m else None
    if acronym and not acronym.rstrip("s").isupper():
        acronym = None
    if acronym:
        acronym = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    kind = kind_of(asking_sentence(asked), acronym)  # (not "Chair preparing for the visit:")
    ranking = _ranking(asked)
    if ranking and kind in ("open", "list") and not WHERE.match(asking_sentence(asked)):
        # "which beat had the fewest crimes?" ("where is most of it happening?" asks where)
        kind = "figure"
    periods = frozenset(
        f"{p[0]}/{p[2]}" for p in _PERIOD.findall(normalise_period(text))
    )
    if kind == "topic brief":  # "Brief me on ASB in ...": the topic is what is searched
        words = set(_BRIEF_WORDS.split()) - {"and", "of"}
        subject = re.sub(r"(?i)\bpolice and crime commissioner(?:'s|’s)?", " ", subject)
        topic = " ".join(w for w in subject.split() if w.lower().strip("'’s?.,") not in words)
        subject = topic or subject
    return Question(
        text=text,
        kind=kind,
        subject=subject,
        partnership=partnership,
        periods=periods,
        ranking=ranking,
        role=_role(asked) if kind == "who" else None,
        acronym=acronym,
        parts=split_parts(asked, partnerships) if kind != "brief" else (),
    )


def wants_outstanding(text: str) -> bool | None:
    """True for 'still outstanding / not yet delivered', False for 'completed', None when
    the question asks neither (a negated 'done' word is outstanding)."""
    if NOT_DONE.search(text):
        return True
    if DONE.search(text):
        return False
    return None
