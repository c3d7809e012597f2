"""Facts and registers in SQLite (``data/knowledge.sqlite``), rebuilt at every ingest.

They are derived from the text in a second, so the file is written whole to a temporary
name and swapped in with ``os.replace``: a reader never sees half of it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ingest.registers import Registers
from ingest.types import (
    Action,
    Decision,
    Fact,
    ForwardItem,
    GlossaryEntry,
    HistoryStep,
    Recommendation,
    Where,
)

T = TypeVar("T")

REGISTERS: dict[str, type] = {
    "decisions": Decision,
    "actions": Action,
    "recommendations": Recommendation,
    "forward": ForwardItem,
    "glossary": GlossaryEntry,
}

_FACT_COLUMNS = """
    id INTEGER PRIMARY KEY, source TEXT, part TEXT, section TEXT, page INTEGER, date TEXT,
    partnership TEXT, table_title TEXT, row_label TEXT, column_label TEXT, value TEXT,
    number REAL, unit TEXT, period TEXT, quote TEXT, json TEXT
"""


@dataclass
class Knowledge(Registers):
    """The registers and every table cell as a fact."""

    facts: list[Fact] = field(default_factory=list)


def _to_json(obj: Any) -> str:
    return json.dumps(dataclasses.asdict(obj), ensure_ascii=False)


def _from_dict(cls: type[T], data: dict) -> T:
    values = {}
    for f in dataclasses.fields(cls):
        if f.name not in data and f.default is not dataclasses.MISSING:
            continue  # written before the field existed: its default
        value = data.get(f.name)
        if isinstance(value, dict) and "source" in value and "section" in value:
            value = Where(**value)
        elif f.name == "history" and isinstance(value, list):
            value = tuple(_from_dict(HistoryStep, step) for step in value)
        values[f.name] = value
    return cls(**values)


def stored_digest(path: Path) -> str:
    """The digest the knowledge base was built from ("" when there is none)."""
    if not path.exists():
        return ""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'digest'").fetchone()
    except sqlite3.OperationalError:  # built before digests were kept
        return ""
    finally:
        con.close()
    return row[0] if row else ""


def write(path: Path, knowledge: Knowledge, digest: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute("INSERT INTO meta VALUES ('digest', ?)", (digest,))
        con.execute(f"CREATE TABLE facts ({_FACT_COLUMNS})")
        con.executemany(
            "INSERT INTO facts (source, part, section, page, date, partnership, table_title, "
            "row_label, column_label, value, number, unit, period, quote, json) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    f.where.source,
                    f.where.part,
                    f.where.section,
                    f.where.page,
                    f.where.date,
                    f.where.partnership,
                    f.table,
                    f.row,
                    f.column,
                    f.value,
                    f.number,
                    f.unit,
                    f.period,
                    f.quote,
                    _to_json(f),
                )
                for f in knowledge.facts
            ],
        )
        for name in REGISTERS:
            con.execute(
                f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, source TEXT, date TEXT, json TEXT)"
            )
            con.executemany(
                f"INSERT INTO {name} (source, date, json) VALUES (?,?,?)",
                [(e.where.source, e.where.date, _to_json(e)) for e in getattr(knowledge, name)],
            )
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


def read(path: Path) -> Knowledge:
    if not path.exists():
        return Knowledge()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        facts = [
            _from_dict(Fact, json.loads(r[0]))
            for r in con.execute("SELECT json FROM facts ORDER BY id")
        ]
        registers = {
            name: [
                _from_dict(cls, json.loads(r[0]))
                for r in con.execute(f"SELECT json FROM {name} ORDER BY id")
            ]
            for name, cls in REGISTERS.items()
        }
    finally:
        con.close()
    return Knowledge(facts=facts, **registers)
