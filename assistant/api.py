"""The answer as JSON for programs: {"answer", "citations": [...], "covered"}, with every
filter optional. The web app serves it as its `/answer` API route."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from assistant.retrieve import Filters
from ingest.errors import CspError
from ingest.types import DOC_TYPES, Answer

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
Ask = Callable[[str, Filters], Answer]


class FilterInvalid(CspError):
    """A filter value that cannot be used; ``str(err)`` says what is expected."""


class QuestionMissing(CspError):
    """No question was given."""


def _day(label: str, value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise FilterInvalid(
            f"'{label}' must be a date written YYYY-MM-DD, e.g. 2023-01-26 (got {text!r}). "
            "Leave it empty to search every date."
        ) from None


def filters_from(
    doc_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    partnership: str | None = None,
) -> Filters:
    """Filters from optional text inputs; "", None and "any" mean no filter."""
    kind = (doc_type or "").strip()
    if kind == "any":
        kind = ""
    if kind and kind not in DOC_TYPES:
        raise FilterInvalid(
            f"Unknown document type {kind!r}: choose one of {', '.join(DOC_TYPES)}."
        )
    start, end = _day("Since", since), _day("Until", until)
    if start and end and start > end:
        raise FilterInvalid(f"'Since' ({start}) is after 'Until' ({end}).")
    council = (partnership or "").strip()
    if council == "any":
        council = ""
    return Filters(doc_type=kind or None, since=start, until=end, partnership=council or None)


def answer_record(
    ask: Ask,
    question: str,
    doc_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    partnership: str | None = None,
) -> dict:
    """The answer to ``question`` as `Answer.as_dict` gives it (what `ask --json` prints)."""
    text = (question or "").strip()
    if not text:
        raise QuestionMissing("Give a question to answer.")
    return ask(text, filters_from(doc_type, since, until, partnership)).as_dict()
