"""Give every part the date it belongs to, from its content, and check it makes sense.

- A part's own heading ("THURSDAY, 20TH APRIL 2023") or "Date:" line dates it.
- Minutes are checked against what they say: a meeting cannot approve the minutes of a
  meeting on or after its own date, nor come after the next meeting it lists. Where the
  heading is missing or contradicted, the date comes from an agenda anywhere in the corpus
  that asks to approve the minutes of a meeting between those two dates.
- A part with no date of its own (a plan bound into an agenda pack) takes the pack's date.
- A document dated only by its data ("Data up to 5th December 2023") takes that date.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ingest.conventions import current as conventions
from ingest.dates import DATE_RE, iso, long_form, parse_dates, squash
from ingest.types import Part

_DATE = DATE_RE.pattern
APPROVED = re.compile(rf"minutes of the (?:\w+\s+){{0,10}}?(?:held\s+)?on\s+({_DATE})", re.I)
UPCOMING = re.compile(
    r"(upcoming meetings|future (?:csp )?meetings|dates (?:for|of) future meetings)", re.I
)
DATA_TO = re.compile(rf"data (?:up )?to\s+({_DATE})", re.I)
# A paper's own "Date:" field, at the start of a line ("Target date:", "Review date:" are
# an action's, not the paper's)
DATE_FIELD = re.compile(
    rf"(?im)^[ \t*|#_>-]*(?:(?:report|meeting|issue|publication|decision)\s+)?"
    rf"(?:date(?:\s+of\s+(?:meeting|report|decision|publication|issue))?|published|date published)"
    rf"[ \t*]*[:|][ \t*|]*\s*({_DATE})"
)


def _head(text: str, lines: int = 8) -> str:
    return "\n".join([ln for ln in text.split("\n") if ln.strip()][:lines])


# "The minutes of the meeting held on 12 March 2024 were approved", "To confirm the
# minutes of ...": an earlier meeting's minutes approved; "Minutes of the meeting held on
# 12 March 2025" alone, under the partnership's name, is the page's own heading.
_APPROVING = re.compile(
    r"\b(?:approv\w*|confirm\w*|agreed|sign\w*|accept\w*|submitted|received|noted|adopt\w*)\b",
    re.I,
)


def _approved_dates(text: str) -> list[date]:
    flat = squash(text)
    return [
        d
        for m in APPROVED.finditer(flat)
        if _APPROVING.search(flat[max(0, m.start() - 40) : m.start()])
        or _APPROVING.search(re.split(r"[.;:]", flat[m.end() : m.end() + 60])[0])
        for _, d in parse_dates(m.group(1))
    ]


def _upcoming_dates(text: str) -> list[date]:
    flat = squash(text)
    found: list[date] = []
    for m in UPCOMING.finditer(flat):
        found += [d for _, d in parse_dates(flat[m.end() : m.end() + 300])]
    return found


def date_file(text: str, parts: list[Part]) -> None:
    """Date each part of one file from its own text."""
    for part in parts:
        body = text[part.start : part.end]
        head_dates = parse_dates(_head(body))
        field = DATE_FIELD.search(body[:3000])
        own = head_dates[0][1] if head_dates else None
        if field:
            own, note = parse_dates(field.group(1))[0][1], "from its Date: line"
        elif (m := DATA_TO.search(squash(_head(body)))) and own is not None:
            note = "from 'data up to' in its heading"
        else:
            note = "from its heading"
        if part.doc_type == "minutes":
            _check_minutes(part, body, own)
            continue
        if own is None and (m := DATA_TO.search(squash(body[:5000]))):
            own, note = parse_dates(m.group(1))[0][1], "from 'data up to' in its opening"
        part.date, part.date_note = iso(own), note if own else ""
    pack = next((p for p in parts if p.doc_type == "agenda" and p.date), None)
    for part in parts:
        if part.date is None and part.date_window is None and pack is not None:
            part.date = pack.date
            part.date_note = f"date of the meeting pack ({long_form(pack.date)} agenda)"


def _check_minutes(part: Part, body: str, own: date | None) -> None:
    # The heading itself ("MINUTES OF ... HELD ON 12/03/2024") is not an earlier meeting.
    heading = next((ln for ln in body.split("\n") if ln.strip()), "")
    after_heading = body[body.find(heading) + len(heading) :]
    previous = max(_approved_dates(after_heading), default=None)
    following = min(
        (d for d in _upcoming_dates(body) if not previous or d > previous), default=None
    )
    fits = (
        own is not None
        and (previous is None or own > previous)
        and (following is None or own < following)
    )
    if fits:
        part.date, part.date_note = iso(own), "from its heading"
        return
    part.date = None
    part.date_window = (iso(previous), iso(following))
    if own is not None:
        part.date_note = (
            f"its heading says {long_form(iso(own))}, but the minutes approve the minutes of "
            f"{long_form(iso(previous))}"
        )
    else:
        part.date_note = "its heading gives no date"


def resolve_across(files: dict[str, tuple[str, list[Part]]]) -> None:
    """Date minutes left undated by `date_file`, from agendas anywhere in the corpus."""
    references: list[tuple[date, str, Part]] = []
    for name, (text, parts) in files.items():
        for part in parts:
            if part.doc_type == "agenda":
                for d in _approved_dates(text[part.start : part.end]):
                    references.append((d, name, part))
    for _, (_, parts) in files.items():
        for part in parts:
            if part.date is not None or part.date_window is None:
                continue
            lo, hi = (date.fromisoformat(x) if x else None for x in part.date_window)
            fits = [
                (d, name, agenda)
                for d, name, agenda in references
                if (lo is None or d > lo) and (hi is None or d < hi)
            ]
            if fits:  # the meeting right after the one these minutes approve
                d, name, agenda = min(fits, key=lambda f: f[0])
                part.date = iso(d)
                note = (
                    f"the agenda of {long_form(agenda.date)} ({name}) approves the minutes of "
                    f"{long_form(iso(d))}"
                )
                part.date_note = f"{part.date_note}; {note}" if part.date_note else note


def partnership_of(text: str, default: str = "") -> str:
    """The partnership a file belongs to: the place named most often in the conventions'
    partnership patterns ("<Place> Community Safety Partnership", "Safer <Place>
    Partnership"), with the wording the text uses most for it."""
    c = conventions()
    places: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for pattern in c.partnership_names:
        for m in pattern.finditer(text):
            place = _place(m.group("place"), c.not_places)
            if not place:
                continue
            places[place] += 1
            raw = m.group(0)[: m.start("place") - m.start()] + place
            name = re.sub(r"\s+", " ", raw + m.group(0)[m.end("place") - m.start() :])
            names.setdefault(place, Counter())[_title(name)] += 1
    if not places:
        return default
    place = places.most_common(1)[0][0]
    return names[place].most_common(1)[0][0]


def _place(raw: str, not_places: frozenset[str]) -> str:
    """The place of a matched name, without the words that opened the match ("The",
    "Background Papers") and in title case."""
    words = raw.replace("\t", " ").split()
    while words and words[0].lower() in not_places:
        words = words[1:]
    while words and words[-1].lower() in not_places:
        words = words[:-1]
    return _title(" ".join(words))


def _title(text: str) -> str:
    small = {"and", "of", "the"}
    return " ".join(
        w if w.lower() in small and k else w[:1].upper() + w[1:].lower()
        for k, w in enumerate(text.split())
    )
