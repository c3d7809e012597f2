"""'Who chairs the partnership?', 'who took the minutes?': the holder of a role, read where
papers print the two together: "Cllr D. Snartt (Chair)" in an attendance list, a name over
its role in a signature block, "chaired by ..." in a sentence. The line is quoted as
printed, so the reader sees the name and the role side by side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.question import Question
from ingest.dates import MONTH_YEAR, MONTHS, long_form, parse_dates
from ingest.text import PERIOD, carries_period, conventions, period_forms
from ingest.text import terms as _words
from ingest.types import Answer, Chunk, Citation

_VERB_ROLES = (  # a verb in the question and the role it names
    (re.compile(r"\bvice[- ]?chair", re.I), "vice chair"),
    (re.compile(r"\bchair(s|ed|ing|man|person)?\b", re.I), "chair"),
    (re.compile(r"\b(took|take|takes|taking) (the )?minutes\b|\bminute[- ]taker\b", re.I),
     "minutes"),
    (re.compile(r"\bpresent(ed|s|ing)?\b|\bbringing\b", re.I), "presented by"),
)
_ROLE_PHRASE = re.compile(
    r"^\s*who\s+(?:is|was|are|were)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’]+\s+){0,3}?"
    r"(?P<role>(?:[A-Z][\w-]*\s+){0,4}(?:Manager|Officer|Lead|Director|Head|Clerk|Secretary|"
    r"Coordinator|Co-ordinator|Commissioner|Commander|Analyst|Inspector|Leader|Member|"
    r"Champion|Chief Executive|Constable|Superintendent|Commissioner)"
    r"(?:\s+for\s+(?-i:[A-Z])[\w\s]+?)?)\b",
    re.I,
)




def role_of(q: Question) -> str | None:
    """The role a 'who' question asks for: 'chair', 'minutes', or a title it names."""
    for pattern, role in _VERB_ROLES[:2]:  # "who is going to chair ... once Inspector X
        if pattern.search(q.text):  # moves on?": the chair, not an inspector
            return role
    if m := _ROLE_PHRASE.search(q.text):
        return m.group("role").strip()
    for pattern, role in _VERB_ROLES:
        if pattern.search(q.text):
            return role
    return None


def _name_pattern() -> re.Pattern[str]:
    titles = "|".join(map(re.escape, conventions().person_titles))
    stop = "|".join(w.title() for w in sorted(conventions().stop | _NOT_NAMES))
    given = rf"(?!(?:{stop})\b)[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
    return re.compile(  # two names, or initials and a name, or a title and a name
        rf"(?:(?:{titles})\.?\s+)?{given}(?:\s+[A-Z]\.)?(?:\s+{given})+"
        rf"|(?:(?:{titles})\.?\s+)?(?:[A-Z]\.\s*)+{given}"
        rf"|(?:{titles})\.?\s+{given}"
    )


_NOT_NAMES = {"chair", "vice", "partnership", "council", "committee", "board", "minutes"}


def _person_start() -> re.Pattern[str]:
    """Where the next person of a list begins: a title, or initials, before a name."""
    titles = "|".join(map(re.escape, conventions().person_titles))
    return re.compile(rf"\b(?:(?:{titles})\.?\s+[A-Z]|[A-Z]\.\s*[A-Z][a-z])")


@dataclass(frozen=True)
class Holder:
    quote: str
    chunk: Chunk
    strength: float
    named_row: bool = False  # a table row: a holder only of what the question names


def _role_re(role: str) -> re.Pattern[str]:
    if role == "chair":
        return re.compile(
            r"(?<![Vv]ice[- ])(?<![Vv]ice)\b(Chair(man|person)?|chaired by|(?<=will )chair"
            r"|(?<=Panel |Board |Group |Forum )chair)\b"  # a role line: "Panel chair (...)"
        )
    if role == "vice chair":
        return re.compile(r"\bVice[- ]?Chair(man|person)?\b", re.I)
    words = r"\s+".join(map(re.escape, role.split()))
    # "Chief Constable" is not the "Assistant Chief Constable" printed beside a name.
    return re.compile(rf"(?<!Assistant )(?<!Deputy )(?<!Acting )(?<!Vice )\b{words}\b", re.I)


def _cells(line: str) -> list[str] | None:
    """A table row's cells (Markdown pipes or tabs), or None for a line of prose."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        return [c.strip() for c in stripped.strip("|").split("|")]
    if "\t" in stripped:
        return [c.strip() for c in stripped.split("\t")]
    return None


def _cell_beside(row: list[str], role: str, names: re.Pattern[str]) -> str | None:
    """In a table row whose first cell names the role, the cell after it when it is a
    person's name."""
    if len(row) < 2 or role.lower() not in row[0].lower():
        return None
    holder = row[1].replace("**", "").strip()
    return holder if names.match(holder) else None


def _column_holders(chunks: list[Chunk], role: re.Pattern[str]) -> list[Holder]:
    """Holders printed in a table column headed by the role ("| Group | Chair | Meets |"):
    each row is quoted whole, so what it names (the group) says whose holder it is. Only
    the table's first row is its header; a row answers only when the question names what
    the row is about (see `answer_role`). A table cut across two passages is read whole:
    each section's passages in order, a line the overlap repeats read once."""
    out: list[Holder] = []
    sections: dict[tuple, list[Chunk]] = {}
    for c in chunks:
        sections.setdefault((c.source, c.part_index, c.section), []).append(c)
    for group in sections.values():
        out += _rows_under_role(sorted(group, key=lambda c: c.start), role)
    return out


def _rows_under_role(group: list[Chunk], role: re.Pattern[str]) -> list[Holder]:
    lines: list[tuple[str, Chunk]] = []
    seen: set[str] = set()
    for c in group:
        for line in c.text.split("\n"):
            if _cells(line) is not None and line.strip() in seen:
                continue  # the overlap of two passages
            seen.add(line.strip())
            lines.append((line, c))
    out: list[Holder] = []
    column, width, first = None, 0, True
    for line, chunk in lines:
        cells = _cells(line)
        if cells is None:
            column, first = None, True
            continue
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
            continue  # a Markdown rule line
        if first:
            first = False
            headed = [k for k, c in enumerate(cells) if role.fullmatch(c.replace("*", ""))]
            words_only = not any(ch.isdigit() for ch in "".join(cells))
            column = headed[0] if headed and len(cells) >= 3 and words_only else None
            width = len(cells)
        elif column is not None and len(cells) == width and cells[column]:
            out.append(Holder(line.strip(), chunk, 2.0, named_row=True))
    return out


def _holders(chunk: Chunk, role: re.Pattern[str], names: re.Pattern[str]) -> list[Holder]:
    out: list[Holder] = []
    lines = [ln.strip().replace("**", "").replace("__", "") for ln in chunk.text.split("\n")]
    for k, line in enumerate(lines):
        wrapped = line[:1].islower() or re.fullmatch(r"\([^()]{2,30}\)", line)
        if k and wrapped and lines[k - 1] and not lines[k - 1].endswith("."):
            # a wrapped entry: "Cllr A. Name, Portfolio Holder\nfor Safer Neighbourhoods,
            # Borough Council (Chair)", or a column of lines ending "(Vice-Chair)" under the
            # name: back over each line the one before it carries on with a comma
            j = k - 1
            line = f"{lines[j]} {line}"
            while j > 0 and k - j < 3 and lines[j - 1].endswith(","):
                j -= 1
                line = f"{lines[j]} {line}"
        row = _cells(line)
        for m in role.finditer(line):
            before = line[max(0, m.start() - 60) : m.start()]
            after = line[m.end() : m.end() + 80]
            if row and _cell_beside(row, m.group(0), names):
                # a who's who table: "| Vice-chair of the Board | Supt A. Name, Police |"
                out.append(Holder(line.strip(), chunk, 2.5))
            elif re.search(r"\(\s*$", before) and names.search(before):  # "Cllr D. Snartt (Chair)"
                # from the person's title or initials when the line names one in reach
                # ("Councillor A. Name, Portfolio Holder for ..., Council (Chair)")
                reach = line[max(0, m.start() - 160) : m.start()]
                person = ([None, *_person_start().finditer(reach)])[-1]  # the nearest
                start = max(0, m.start() - 160) + person.start() if person else max(
                    0, m.start() - 60
                )
                if start and not person:  # from a word's start
                    start = line.find(" ", start) + 1
                # and on to what the list says of them ("– Westmere Fire & Rescue
                # Service"), up to the next person in it; the quote stays a slice of the line
                stop = m.end() + 1
                after_role = line[stop:]
                if re.match(r"\s*[–\-,:]\s*\S", after_role):
                    nxt = _person_start().search(after_role, 2)
                    stop += nxt.start() if nxt else min(len(after_role), 90)
                out.append(Holder(line[start:stop].strip(" ,;–-"), chunk, 3.0))
            elif re.match(r"\s*(?:by\b|:|–|-|\t|\|)", after) and names.match(
                re.sub(r"^\s*(?:(?:by|:|–|-|\||is|was)\s*)?", "", after)
            ) and (len(line) <= 160 or "by" in after[:4]):
                clause = re.split(r"(?<=[.;])\s", line[max(0, m.start() - 80) :])[0]
                out.append(Holder(clause.strip(), chunk, 2.0))
            elif (
                k
                and len(line[: m.start()].split()) <= 2
                and not names.search(line[: m.start()])
                and names.fullmatch(lines[k - 1].strip(" ,"))
            ):  # a name over its role's line: "Margery Plowright" / "Panel chair (resident)"
                out.append(Holder(f"{lines[k - 1]} {line}".strip(), chunk, 2.5))
            elif not after.strip(" :") and k + 1 < len(lines) and names.match(lines[k + 1]):
                # a cover field: "Presented by" over "Nadia Ferreira, Manager"
                out.append(Holder(f"{line[m.start():]} {lines[k + 1]}".strip(), chunk, 2.5))
            elif (
                not m.group(0).lower().startswith("chaired")
                and re.search(r",\s*$", before)
                and (person := _nearest_name(before, names))
            ):
                # "Sergeant Fintan Corbally, Business Crime Lead" in a longer line
                start = max(0, m.start() - 60) + person.start()
                out.append(Holder(line[start : m.end()].strip(), chunk, 2.5))
            elif names.search(before) and len(line) <= 160:
                out.append(Holder(line, chunk, 1.0))
            elif names.search(
                (sentence := _sentence_at(line, m.start()))[: sentence.find(m.group(0))]
            ):
                # in a paragraph: "... Sgt Trevanion will chair the JAG in the interim ..."
                out.append(Holder(sentence, chunk, 1.0))
    return out


_FUTURE_Q = re.compile(
    r"\b(?:will|going to|once|interim|takes? over|succeeds?|replaces?)\b", re.I
)


def _body_words(q: Question, about: set[str]) -> set[str]:
    """The words naming the body the question asks about, when it names one ("the
    Neighbourhoods and ASB Group"): its name before the body noun, and the noun."""
    bodies = conventions().bodies
    words = re.findall(r"[A-Za-z][\w'’-]*", q.subject)
    for k, w in enumerate(words):
        if w.lower() in bodies:
            name = [
                x for x in words[max(0, k - 4) : k + 1] if x[:1].isupper() or x.lower() in bodies
            ]
            own = set(_words(q.partnership or ""))  # its partnership names no body
            return (set(_words(" ".join(name))) & (about | set(_words(w)))) - own
    return set()


def _sentence_at(line: str, at: int) -> str:
    """The sentence of ``line`` holding the character at ``at``."""
    start = max((m.end() for m in re.finditer(r"[.;!?]\s+", line[:at])), default=0)
    end = re.search(r"[.;!?](?:\s|$)", line[at:])
    return line[start : at + end.end() if end else len(line)].strip()


def of_the_body(q: Question, text: str) -> bool:
    """Whether ``text`` names the body the question asks a holder of, when it names one
    ("who chairs the Youth Diversion Group?" is not answered by the Licensing Group's)."""
    role = role_of(q)
    body = _body_words(q, _about_words(q, role)) if role else set()
    verb = re.compile(rf"\b{_done_by(role)}\s+by\b", re.I) if role else None
    saying = [  # the sentences that say who holds it ("..., chaired by X, ...")
        s for s in re.split(r"(?<=[.;!?])\s+|[“”\n]", text) if verb and verb.search(s)
    ]
    return any(_names_body(body, set(_words(s))) for s in saying or [text])


def _names_body(body: set[str], printed: set[str]) -> bool:
    """Whether words printed name the body asked about: half its words or more (none
    asked about, any words do)."""
    return len(body & printed) * 2 >= len(body)


def _nearest_name(before: str, names: re.Pattern[str]) -> re.Match[str] | None:
    """The person named last before a role and the comma after them ("Sergeant Fintan
    Corbally, " in "... April 2025 Sergeant Fintan Corbally, "): they hold it."""
    bodies = conventions().bodies
    found = [
        m
        for m in names.finditer(before)
        if re.fullmatch(r",\s*", before[m.end() :])
        and not bodies & {w.lower() for w in m.group(0).split()}  # "Licensing Group, ..."
    ]
    return found[-1] if found else None


def _about_words(q: Question, role: str) -> set[str]:
    """What the question says the role is held in or for ("the 2022/23 performance item",
    "the plan's foreword"), without its asking words and the role itself."""
    c = conventions()
    asking = set(_words(" ".join([*c.question, *c.partnership_words, *MONTHS])))
    asking |= set(_words(f"{role} who present presenting presented down signed sign"))
    asking |= set(_words("meeting item agenda next last"))
    subject = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\b(?:19|20)\d\d\b(?!/)", " ", q.subject)
    return {w for w in _words(subject) if w not in asking}


def _bracketed(chunk: Chunk, names: re.Pattern[str], about: set[str]) -> list[Holder]:
    """Agenda lines naming who brings an item in brackets after its title, when the line
    has the words the question names the item by."""
    out = []
    for line in chunk.text.split("\n"):
        m = re.search(r"\(\s*([^()]{3,60}?)\s*\)", line)
        if not m or not names.fullmatch(m.group(1).strip()):
            continue
        shared = about & set(_words(line[: m.start()]))
        if about and len(shared) / len(about) >= 0.5:
            out.append(Holder(line.strip(), chunk, 2.0 + len(shared) / len(about)))
    return out


def _of_the_date(c: Chunk, days: set[str], months: set[str]) -> bool:
    """Whether a passage is of the day or month the question names: its paper's date, or
    the date printed in it."""
    if c.date in days or (c.date or "")[:7] in months:
        return True
    printed = {d.isoformat() for _, d in parse_dates(c.text)}
    return bool(printed & days) or any(d[:7] in months for d in printed)


def _recency(day: str | None, newest: str | None) -> float:
    """1 for the newest paper, falling by a quarter a year before it; 0 when undated."""
    if not day or not newest:
        return 0.0
    years = (int(newest[:4]) - int(day[:4])) + (int(newest[5:7]) - int(day[5:7])) / 12
    return max(0.0, 1.0 - years / 4)


def says_who(text: str, role: str) -> bool:
    """'The SNWLP is chaired by the person duly elected ...': the papers' answer to who
    holds a role, though they name nobody."""
    return bool(re.search(rf"\b{_done_by(role)}\s+by\b", text, re.I))


def _done_by(role: str) -> str:
    """The verb a paper says a role's holder by ("chaired by", "presented by")."""
    verb = {"chair": r"chaired", "vice chair": r"vice[- ]?chaired", "presented by": r"presented"}
    return verb.get(role, re.escape(role.split()[0]))


def names_holder(text: str, role: str) -> bool:
    """Whether what follows "chaired by" names someone or an office ("Chief Inspector Jo
    Avery", "the Cabinet Member for ..."), not how one is chosen ("the person duly
    elected ...")."""
    return any(
        re.match(r"(?:the\s+)?[A-Z][\w.'-]*\s+(?:[A-Z]\.?\s*)?[A-Z]", m.group(1))
        for m in re.finditer(rf"\b{_done_by(role)}\s+by\s+(.{{0,60}})", text, re.I | re.S)
    )


def of_the_period(question: str, text: str, date: str | None) -> bool:
    """Whether a holder printed in ``text``, in a paper of ``date``, answers for every year
    the question names: the text prints it, or the paper is dated in it (a financial year
    "2024/25" runs from April 2024 to March 2025)."""
    if carries_period(question, text):
        return True
    if not date:
        return False
    for forms in period_forms(question):
        m = PERIOD.match(forms[0])
        if m:
            first = int(m.group(1))
            if not f"{first}-04-01" <= date <= f"{first + 1}-03-31":
                return False
        elif re.fullmatch(r"(?:19|20)\d{2}", forms[0]):
            if not date.startswith(forms[0]):
                return False
        else:  # a quarter: only what prints it
            return False
    return True


def answer_role(q: Question, chunks: list[Chunk], ranked: list[Chunk]) -> Answer | None:
    """The printed line that gives the holder of the role the question asks about; for a
    meeting the question dates, that meeting's papers first."""
    role = role_of(q)
    if not role:
        return None
    pattern, names = _role_re(role), _name_pattern()
    asked_dates = {d.isoformat() for _, d in parse_dates(q.text)}
    months = {f"{y}-{MONTHS[m.lower()]:02d}" for m, y in MONTH_YEAR.findall(q.text)}
    position = {c.id: k for k, c in enumerate(ranked)}
    present = bool(re.search(r"\b(chairs|is|are|leads|heads|manages)\b", q.text, re.I))
    newest = max((c.date for c in chunks if c.date), default=None)
    found: list[tuple[float, Holder]] = []
    about = _about_words(q, role)
    candidates = [h for c in chunks for h in _holders(c, pattern, names)]
    if role == "presented by":  # an agenda line: "3 2022/23 PERFORMANCE (Insp D. Stokes)"
        candidates += [h for c in chunks for h in _bracketed(c, names, about)]
    candidates += _column_holders(chunks, pattern)  # table rows, each section read whole
    body = _body_words(q, about)
    future = bool(_FUTURE_Q.search(q.text))
    for h in candidates:
        c = h.chunk
        score = h.strength
        if h.named_row and not (about and about & set(_words(h.quote))):
            continue  # "who chairs the board?" is not answered by a sub-group's row
        printed = set(_words(f"{c.part} {c.section} {c.source} {h.quote}"))
        if not _names_body(body, printed):
            continue  # "who chairs the Delivery Group?" is not answered by the board's chair
        if future and any(f in h.quote.lower() for f in conventions().future_holder):
            score += 4.0  # "who will chair it once he moves on?": the one named to take over
        if about:  # "who signed the plan's foreword as chair?": that paper's holder
            score += 2.0 * len(about & printed) / len(about)
        if asked_dates or months:
            dated = c.date in asked_dates or (c.date or "")[:7] in months
            score += 3.0 if dated else -2.0
        score += 1.0 / (1 + position.get(c.id, 50))
        if present and not (asked_dates or months):  # "who chairs": the latest paper
            score += 2.0 * _recency(c.date, newest)
        found.append((score, h))
    if not found:
        return None
    found.sort(key=lambda t: -t[0])
    best = found[0][1]
    c = best.chunk
    if (asked_dates or months) and not _of_the_date(c, asked_dates, months):
        return None  # "who was appointed in December 2024?": no paper of that month says
    if not (asked_dates or months) and not of_the_period(
        q.text, f"{c.part} {c.section} {best.quote}", c.date
    ):
        return None  # "who was elected chair for 2025/26?": a holder of March 2025 is not it
    return _quoted(c, best.quote)


def _quoted(c: Chunk, quote: str) -> Answer:
    """The line that names the holder, quoted with its paper, date and section."""
    when = long_form(c.date)
    where = f"{c.part}" + (f" ({when})" if when else "") + f", {c.section}"
    return Answer(f"{where}: “{quote}” [1]", (Citation.at(1, c, quote),), covered=True)


# "Who signed the foreword?", "who wrote the introduction?": the one the signature block at
# the end of that section names (a name on a line of its own, its role on the next).
SIGNED_Q = re.compile(
    r"\bwho\s+(?:has\s+|had\s+)?(?:signed|signs|wrote|writes|authored|signed off)\b\s*(?P<what>.*)",
    re.I,
)
SIGNATURE_LINES = 6  # a signature block stands in the last lines of its section


def answer_signatory(q: Question, chunks: list[Chunk]) -> Answer | None:
    """The name (and the role under it) in the last lines of the section the question
    names ("who signed the foreword?": the section titled Foreword), or None."""
    m = SIGNED_Q.search(q.text)
    if not m:
        return None
    # "the foreword to the plan": the section is the noun before the first preposition
    what = re.split(r"\b(?:to|of|for|in|on|at|from|about)\b", m.group("what"), maxsplit=1)[0]
    wanted = set(_words(what)) - conventions().stop
    bodies = conventions().bodies | _NOT_NAMES
    names = _name_pattern()
    sections: dict[tuple[str, str], list[Chunk]] = {}
    for c in chunks:
        sections.setdefault((c.source, c.section), []).append(c)
    best: tuple[int, Chunk, str] | None = None
    for (_, section), group in sections.items():
        heading = set(_words(section.split(" › ")[-1]))
        fit = len(heading & wanted)
        if not fit:
            continue  # "the foreword": a section so titled
        last = max(group, key=lambda c: c.start)
        lines = [ln.strip() for ln in last.text.split("\n") if ln.strip()][-SIGNATURE_LINES:]
        for k, line in enumerate(lines):
            found = names.fullmatch(line.rstrip(" ,."))
            if not found or set(_words(line)) & bodies:  # a person, not "Action Group"
                continue
            role = lines[k + 1] if k + 1 < len(lines) and len(lines[k + 1]) <= 80 else ""
            quote = f"{line} {role}".strip() if role and not role.endswith(".") else line
            if best is None or fit > best[0]:
                best = (fit, last, quote)
            break
    return _quoted(best[1], best[2]) if best else None
