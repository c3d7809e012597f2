"""The last check before an answer is given: is it grounded enough to give, or should the
reader be told the documents don't cover the question?

Every source (registers, tables, quoted passages) already checks its own answer with its
own rules. What those rules miss is the answer that shares the question's words but not
what it asks: a question about one year answered from another's, about a measure the
papers never report, about a result that is only planned. This module scores the answer
as given with a handful of features every answer has (how much of the question's
distinctive vocabulary its quotes carry, the rarest word most of all; how close the best
quote is in meaning; whether a period asked for is printed; what kind of question it is),
combined by a logistic model whose weights are data (`gate.json`), fitted by
``python -m assistant calibrate`` on questions whose right answers are known. Declining is
a threshold on that score, not a route."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.answer import FUTURE, RESULT_Q, Scorer
from assistant.question import Question
from ingest import register_conventions as registers
from ingest.dates import DATE_RE, MONTH_YEAR, MONTHS, parse_dates
from ingest.text import carries_period, period_forms
from ingest.text import terms as text_terms
from ingest.types import Answer

WEIGHTS = Path(__file__).with_name("gate.json")
RAREST = 2  # the question's words weighed most: an answer must carry these above all
KINDS = (
    "figure", "who", "when", "decision", "action", "recommendation status", "list",
    "definition",
)
FEATURES = (
    "cover", "cover_first", "rare", "miss_max", "unknown", "meaning", "period_asked",
    "period_missing", "terms", "quotes", "digits", "dated", "named", "novelty",
    "new_number", "new_name", "result_asked", "to_come", "status_asked", "result_to_come",
    "status_unsaid", "who_unnamed", "figure_no_number", "when_undated",
    *(f"kind:{k}" for k in KINDS),
)
# "What is the status of ...", "how far has ... got", "has ... been done?": a progress question.
_STATUS_Q = re.compile(
    r"\b(?:status|progress|how far|update|complete[d]?|achieved|delivered|done|set up yet|"
    r"been (?:\w+ed))\b",
    re.I,
)
_NUMBER = re.compile(r"\d[\d,.]*")
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(?:19|20)\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\bQ[1-4]\b",
)
# A person as papers print one: a title and a name, or two capitalised words of which
# neither is a common word ("Inspector Jane Hollis", "Cllr R. Amos", "Sarah Bell").
_PERSON = re.compile(
    r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Supt|Superintendent|Inspector|Chief)\.?\s+[A-Z]"
    r"|\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]{2,}\b"
)


def _said(answer: Answer) -> tuple[str, str]:
    """All the answer says (its text and where each quote sits), and its first quote's."""
    places = [f"{c.part} {c.section} {c.quote}" for c in answer.citations]
    first = places[0] if places else answer.text
    return f"{answer.text} {' '.join(places)}", first


def features(
    q: Question, answer: Answer, scorer: Scorer, known: set[str] | None, meaning: float
) -> dict[str, float]:
    """The features of one given answer to ``q``. ``known`` holds every word of the papers
    the question may be answered from (one partnership's); ``meaning`` is the cosine of
    the question and the first quote."""
    terms = scorer.terms(q.subject)
    said, first = _said(answer)
    present = Scorer.coverage  # share of the terms' weight the text carries
    words = [t for t in terms if not t.isdigit()] or list(terms)
    rarest = sorted(words, key=lambda t: -terms[t])[:RAREST]
    said_terms = set(text_terms(said))
    absent = [terms[t] for t in terms if t not in said_terms]
    top = max(terms.values(), default=1.0) or 1.0
    total = sum(terms.values()) or 1.0
    unknown = sum(
        w for t, w in terms.items()
        if not t.isdigit() and (scorer.df.get(t, 0) == 0 if known is None else t not in known)
    )
    quote = answer.citations[0].quote if answer.citations else answer.text
    asked = bool(period_forms(q.subject))
    out = {
        "cover": present(terms, said),
        "cover_first": present(terms, first),
        "rare": sum(t in said_terms for t in rarest) / max(1, len(rarest)),
        "miss_max": max(absent, default=0.0) / top,
        "unknown": unknown / total,
        "meaning": meaning,
        "period_asked": float(asked),
        "period_missing": float(asked and not carries_period(q.subject, said)),
        "terms": min(len(terms), 8) / 8,
        "quotes": min(len(answer.citations), 5) / 5,
        "digits": float(any(ch.isdigit() for ch in quote)),
        "dated": float(bool(_DATE.search(quote))),
        "named": float(bool(_PERSON.search(quote))),
    }
    kind = "list" if q.kind in ("list", "open") else q.kind
    out |= _news(q.subject, quote, scorer)
    out |= {f"kind:{k}": float(kind == k) for k in KINDS}
    # what each kind of question must be answered with: a who by a name, a figure by a
    # number, a when by a date, none of them only the question's own
    out["who_unnamed"] = float(kind == "who" and not out["new_name"])
    out["figure_no_number"] = float(kind == "figure" and not out["new_number"])
    asked_dates = set(_DATE.findall(q.subject))  # "it starts on 1 July: when does it end?"
    new_date = any(d not in asked_dates for d in _DATE.findall(quote))
    out["when_undated"] = float(kind == "when" and not (new_date or out["new_number"]))
    return out


def _news(question: str, quote: str, scorer: Scorer) -> dict[str, float]:
    """What the best quote adds to the question. An answer that only says back what the
    question already states ("The papers say two new chairs will lead the groups: who are
    they?") answers nothing: no new words, no new figure, no new name."""
    asked = set(text_terms(question))
    weights = scorer.terms(quote)
    total = sum(weights.values()) or 1.0
    numbers = set(_NUMBER.findall(question))
    names = {m.group(0) for m in _PERSON.finditer(question)}
    result_asked, to_come = bool(RESULT_Q.search(question)), bool(FUTURE.search(quote))
    status_asked = bool(_STATUS_Q.search(question))
    return {
        "novelty": sum(w for t, w in weights.items() if t not in asked) / total,
        "new_number": float(any(n not in numbers for n in _NUMBER.findall(quote))),
        "new_name": float(any(m.group(0) not in names for m in _PERSON.finditer(quote))),
        "result_asked": float(result_asked),
        "to_come": float(to_come),
        "status_asked": float(status_asked),
        # "what did the review find?" answered by "the review will report in March"
        "result_to_come": float(result_asked and to_come),
        # "what is the status of recommendation 4?" answered by recommendation 4 itself
        "status_unsaid": float(status_asked and not _says_status(quote)),
    }


@cache
def _status_words() -> re.Pattern[str]:
    words = sorted({*registers.current().states, *registers.current().rag}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words if len(w) > 1) + r")\b", re.I)


def _says_status(quote: str) -> bool:
    """Whether a quote prints a status word of the registers' states table ("Complete",
    "Ongoing", "Carried forward")."""
    return bool(_status_words().search(quote))


# "after 20 April 2023", "since 1 April", "between ... and ...": the day bounds a period,
# it is not the day asked about.
_BOUND = re.compile(r"\b(?:after|since|before|until|till|between|from|to date|by)\s*$", re.I)


def other_day(q: Question, answer: Answer) -> bool:
    """A question about one day ("the position at 31 October 2024", "the meeting on 3
    June 2025") answered by passages of which none is of that day or prints it."""
    asked = {
        d for at, d in parse_dates(q.subject) if not _BOUND.search(q.subject[max(0, at - 12):at])
    }
    if not asked:
        return False
    said = {d.isoformat() for _, d in parse_dates(" ".join(c.quote for c in answer.citations))}
    said |= {c.date for c in answer.citations if c.date}
    said |= {d.isoformat() for _, d in parse_dates(" ".join(c.section for c in answer.citations))}
    return not any(d.isoformat() in said for d in asked)


def other_month(q: Question, answer: Answer) -> bool:
    """A question about one month ("ASB incidents in November 2024") answered by passages
    of which none is of that month or names it: December's figure is no answer."""
    days = [(m.start(), m.end()) for m in DATE_RE.finditer(q.subject)]
    asked = {
        _month(m)
        for m in MONTH_YEAR.finditer(q.subject)
        if not _BOUND.search(q.subject[max(0, m.start() - 12) : m.start()])
        and not any(a <= m.start() < b for a, b in days)  # "3 June 2025" is a day
    }
    if not asked:
        return False
    shown = " ".join(f"{c.section} {c.quote}" for c in answer.citations)
    said = {_month(m) for m in MONTH_YEAR.finditer(shown)}
    said |= {(d.year, d.month) for _, d in parse_dates(shown)}
    said |= {(int(c.date[:4]), int(c.date[5:7])) for c in answer.citations if c.date}
    return not asked & said


def _month(m: re.Match) -> tuple[int, int]:
    return int(m.group(2)), MONTHS[m.group(1).lower()]


@dataclass(frozen=True)
class Gate:
    """A fitted logistic model: weights over standardised features, and the threshold on
    the probability that an answer is right below which it is withheld."""

    mean: dict[str, float]
    scale: dict[str, float]
    weights: dict[str, float]
    bias: float
    threshold: float
    vetoes: tuple[str, ...] = ()  # checks that withhold an answer alone (calibrate._vetoes)

    def probability(self, values: dict[str, float]) -> float:
        z = self.bias + sum(
            w * (values.get(f, 0.0) - self.mean.get(f, 0.0)) / (self.scale.get(f, 1.0) or 1.0)
            for f, w in self.weights.items()
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def admits(self, values: dict[str, float]) -> bool:
        if any(values.get(f, 0.0) >= 0.5 for f in self.vetoes):
            return False
        return self.probability(values) >= self.threshold

    def as_dict(self) -> dict:
        return {
            "features": list(self.weights),
            "mean": self.mean,
            "scale": self.scale,
            "weights": self.weights,
            "bias": self.bias,
            "threshold": self.threshold,
            "vetoes": list(self.vetoes),
        }

    @classmethod
    def read(cls, path: Path | None = None) -> Gate | None:
        """The fitted gate, or None when none has been fitted (every answer is given)."""
        path = path or WEIGHTS
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            data["mean"], data["scale"], data["weights"], data["bias"], data["threshold"],
            tuple(data.get("vetoes", ())),
        )
