"""The printed tables as grids and, where a table's columns are periods, as series to
chart (crimes per beat over the years, family-group positions). Values stay as printed;
a chart plots the number each printed value carries, nothing is calculated."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.dates import long_form
from ingest.types import Fact

_PERIOD = re.compile(r"\b(19|20)\d{2}\b|\bQ[1-4]\b|\bquarter\b", re.I)
CHARTED_UNITS = ("count", "rank", "%", "£")


@dataclass(frozen=True)
class Table:
    source: str
    title: str
    date: str | None

    @property
    def label(self) -> str:
        when = long_form(self.date) if self.date else "undated"
        return f"{self.title} — {self.source} ({when})"


def tables(facts: list[Fact]) -> list[Table]:
    """Every table with figures, newest first."""
    seen = dict.fromkeys(
        Table(f.where.source, f.table, f.where.date) for f in facts if f.unit in CHARTED_UNITS
    )
    return sorted(seen, key=lambda t: (t.date or "", t.source, t.title), reverse=True)


def facts_of(facts: list[Fact], table: Table) -> list[Fact]:
    return [f for f in facts if (f.where.source, f.table) == (table.source, table.title)]


def grid(cells: list[Fact]) -> tuple[list[str], list[list[str]]]:
    """(headers, rows): one row per printed row, its values as printed, then where."""
    columns = list(dict.fromkeys(f.column for f in cells))
    rows: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for f in cells:
        rows.setdefault(f.row, {})[f.column] = f.value
        page = f", p. {f.where.page}" if f.where.page else ""
        where.setdefault(f.row, f"{f.where.source}, {f.where.section}{page}")
    body = [
        [row, *(values.get(c, "") for c in columns), where[row]] for row, values in rows.items()
    ]
    return ["row", *columns, "printed at"], body


def series(cells: list[Fact]) -> list[dict]:
    """Long-form points {row, period, value, printed} for a chart, when at least two of the
    table's columns are periods of one unit; [] otherwise. The unit with most such columns
    is charted (counts over the years, or positions in the family group)."""
    periodic = [
        f
        for f in cells
        if f.unit in CHARTED_UNITS and f.number is not None and _PERIOD.search(f.column)
    ]
    if not periodic:
        return []
    units = Counter((f.unit, f.column) for f in periodic)
    by_unit = Counter(unit for unit, _ in units)
    unit, columns = by_unit.most_common(1)[0]
    if columns < 2:
        return []
    return [
        {"row": f.row, "period": f.column, "value": f.number, "printed": f.value}
        for f in periodic
        if f.unit == unit
    ]
