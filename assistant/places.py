"""Names only one partnership's papers print: a question naming one is about that
partnership ("e-scooters in Marshford", "the Elm Row estate", "Hythe Common").

Learnt from the index, not listed: every run of capitalised words in the passages is
counted by partnership, and a run the question names that only one partnership's papers
print (and that they print more than once) points to that partnership.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ingest.text import conventions

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|on|upon|in|le|de))*(?:[ -][A-Z][a-z]+)?\b")
MIN_MENTIONS = 2


def _runs(text: str) -> set[str]:
    """Capitalised words and their runs of up to three ("Warwick Way", "Hythe Common")."""
    out: set[str] = set()
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        for n in range(1, min(3, len(words)) + 1):
            for k in range(len(words) - n + 1):
                out.add(" ".join(words[k : k + n]))
    return out


class PlaceIndex:
    """Which partnerships' papers print each capitalised name, and how often."""

    def __init__(self, passages: list[tuple[str, str]]) -> None:  # (partnership, text)
        self.seen: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for partnership, text in passages:
            if partnership:
                for run in _runs(text):
                    self.seen[run][partnership] += 1

    def partnership_of(self, question: str) -> str | None:
        """The one partnership whose papers alone print a name the question uses."""
        c = conventions()
        common = c.stop | c.question | c.partnership_words
        body = question[1:] if question else ""  # the first word is capitalised anyway
        found: set[str] = set()
        for run in sorted(_runs(body), key=len, reverse=True):
            if all(w.lower() in common for w in run.split()):
                continue
            where = self.seen.get(run)
            if not where:
                continue
            if len(where) == 1:
                (partnership, mentions), = where.items()
                if mentions >= MIN_MENTIONS:
                    found.add(partnership)
        return found.pop() if len(found) == 1 else None
