"""Dates as the papers print them ("20TH APRIL 2023", "5 th December 2023") and as ISO."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_WORD = re.compile(rf"\b({_MONTH_RE})\b", re.I)


def months_named(text: str) -> set[int]:
    """The months a text names, by name or short name ("July to September", "Jul-Sep");
    "may" in lower case is the verb."""
    return {MONTHS[m.lower()] for m in _MONTH_WORD.findall(text) if m != "may"}


# "September 2024": a month and its year (groups: month, year).
MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\s+((?:19|20)\d\d)\b", re.I)
_WORDS = rf"\b(\d{{1,2}})\s*(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b"
_NUMERIC = r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"  # UK order: 12/03/2024
DATE_RE = re.compile(f"{_WORDS}|{_NUMERIC}", re.IGNORECASE)


def parse_dates(text: str) -> list[tuple[int, date]]:
    """Every date printed in ``text``, with the offset where it starts."""
    found = []
    for m in DATE_RE.finditer(text):
        if m.group(1):
            day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        else:
            day, month, year = int(m.group(4)), int(m.group(5)), int(m.group(6))
        try:
            found.append((m.start(), date(year, month, day)))
        except ValueError:
            continue
    return found


def squash(text: str) -> str:
    """Collapse the ragged whitespace of PDF text so phrases match across line breaks."""
    return re.sub(r"\s+", " ", text)


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def long_form(value: str | None) -> str:
    """'2023-01-26' -> '26 January 2023'."""
    if not value:
        return ""
    d = date.fromisoformat(value)
    return f"{d.day} {d.strftime('%B')} {d.year}"
