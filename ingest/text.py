"""Words, stop-words and stems: where the answering side cuts text into terms.

The answer scorer, the figure look-ups, rankings and question understanding compare text
through these functions, so "crimes were recorded" and "recorded crime" meet on the same
terms. The stop-words and synonyms come from the conventions file. (The keyword index
still uses bm25s's own tokenizer, and the register readers their `register_text` words.)
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from ingest.conventions import Conventions, current

_STEMMER = Stemmer.Stemmer("english")
_WORD = re.compile(r"\d{4}/\d{2}|[a-z0-9]+")
PERIOD = re.compile(r"\b(20\d{2})\s*(?:/|-|–|to)\s*(20)?(\d{2})\b")


def conventions() -> Conventions:
    return current()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def normalise_period(text: str) -> str:
    """'2021-22', '2021 to 2022', '2021/2022' -> '2021/22'."""
    return PERIOD.sub(lambda m: f"{m.group(1)}/{m.group(3)}", text)


def period_forms(question: str) -> list[list[str]]:
    """For each period or year the question names, the ways a paper may print it."""
    out: list[list[str]] = []
    text = normalise_period(question)
    for m in PERIOD.finditer(text):
        a, b = m.group(1), m.group(3)
        out.append([f"{a}/{b}", f"{a}-{b}", f"{a}/20{b}", f"{a}-20{b}", f"{a} to 20{b}",
                    f"{a}–{b}", f"{a}–20{b}", f"{a[2:]}/{b}", f"{a[2:]}-{b}"])
    rest = PERIOD.sub(" ", text)
    out += [[y] for y in re.findall(r"\b(?:19|20)\d{2}\b", rest)]
    for m in _QUARTER.finditer(question):  # a financial year's quarter, as papers print it
        n = int(m.group(1) or m.group(2) or _ORDINALS[m.group(3).lower()])
        first, last = _QUARTER_MONTHS[n - 1]
        out.append([f"q{n}", f"quarter {n}", f"{list(_ORDINALS)[n - 1]} quarter",
                    f"{first} to {last}", f"{first}-{last}", f"{first}–{last}",
                    f"{first} - {last}", f"{first} – {last}", f"{first[:3]}-{last[:3]}"])
    return out


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER = re.compile(
    r"\bq([1-4])\b|\bquarter\s+([1-4])\b|\b(first|second|third|fourth)\s+quarter\b", re.I
)
# The months of a financial year's quarters (April to March), as a paper names them.
_QUARTER_MONTHS = (
    ("april", "june"), ("july", "september"), ("october", "december"), ("january", "march")
)


def carries_period(question: str, text: str) -> bool:
    """Whether ``text`` names every period, year or quarter the question names."""
    lowered = re.sub(r"\s+", " ", text.lower())
    return all(
        any(f in text or f.lower() in lowered for f in forms) for forms in period_forms(question)
    )


def words(text: str) -> list[str]:
    """Lower-case words and numbers, periods kept whole ("2021/22"), synonyms rewritten."""
    text = conventions().rewrite(normalise_period(text.lower()))
    return _WORD.findall(text)


def terms(text: str) -> list[str]:
    """The stems of the words that can carry a subject (stop-words dropped)."""
    stop = conventions().stop
    return [stem(w) for w in words(text) if w not in stop]


def stems_of(word_list: str | frozenset[str]) -> frozenset[str]:
    """The stems of a list of words from the conventions (a set or a spaced string)."""
    items = word_list.split() if isinstance(word_list, str) else word_list
    return frozenset(stem(w) for w in items)
