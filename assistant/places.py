"""Names only one partnership's papers print: a question naming one is about that
partnership ("e-scooters in Marshford", "the Elm Row estate", "Hythe Common").

Learnt from the index, not listed: every run of capitalised words in the passages is
counted by partnership, and a run the question names that only one partnership's papers
print (and that they print more than once) points to that partnership. The counting is
done when the index is built (``ingest.catalogue.place_names``), or from the passages
when an older index has no catalogue.
"""

from __future__ import annotations

from ingest.catalogue import names, place_names
from ingest.text import conventions


class PlaceIndex:
    """The names only one partnership's papers print, and that partnership."""

    def __init__(self, passages: list[tuple[str, str]]) -> None:  # (partnership, text)
        self.names = place_names(passages)

    @classmethod
    def of_names(cls, known: dict[str, str]) -> PlaceIndex:
        """From names already counted (an index's catalogue)."""
        index = cls([])
        index.names = dict(known)
        return index

    def partnership_of(self, question: str) -> str | None:
        """The one partnership whose papers alone print a name the question uses."""
        c = conventions()
        common = c.stop | c.question | c.partnership_words
        body = question[1:] if question else ""  # the first word is capitalised anyway
        found: set[str] = set()
        for run in sorted(names(body), key=len, reverse=True):
            if all(w.lower() in common for w in run.split()):
                continue
            if run in self.names:
                found.add(self.names[run])
        return found.pop() if len(found) == 1 else None
