"""Check this folder's goldens against their documents (no reader code involved).

The logic is that of `holdout13/check.py` (that of `../check_goldens.py`), pointed at this
folder only (there is no update pair here). `text_table_cells` is kept from it; neither
document here has a ruled `+---+` text table, so it adds nothing that is not printed.
For every `<document>.golden.json` beside this script:

- the document exists and every entry has the golden fields, in order, with allowed values;
- every non-empty `text`, `owner`, `due`, `status`, `reference` and `update` occurs
  verbatim, up to whitespace, in the document's text (for a PDF: pypdf's plain
  `extract_text()` of every page, pages joined by a newline; for a text document with a ruled
  `+---+` / `| … |` table, also in the table's cells, each cell's wrapped lines joined by a
  space), and so does `partnership` (ignoring case);
- `state` agrees with the states table of `../README.md`, plus the status words one
  document defines in its own key (the "States" note of this folder's README);
- `date` is an ISO date.

    .venv/bin/python tests/data/register_layouts/holdout14/check.py   # exit 1 on any problem
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent

FIELDS = [
    "kind",
    "text",
    "owner",
    "due",
    "status",
    "state",
    "rag",
    "reference",
    "date",
    "partnership",
    "update",
]
KINDS = {"decision", "action", "recommendation"}
STATES = {"open", "in progress", "done", "carried forward", "dropped", "not stated"}
RAGS = {"red", "amber", "green", ""}
VERBATIM = ["text", "owner", "due", "status", "reference", "update", "partnership"]

# The states table of ../README.md.
STATUS_STATE = {
    "": "not stated",
    "open": "open",
    "not started": "open",
    "not yet started": "open",
    "overdue": "open",
    "in progress": "in progress",
    "ongoing": "in progress",
    "on track": "in progress",
    "at risk": "in progress",
    "off track": "in progress",
    "complete": "done",
    "achieved": "done",
    "closed": "done",
    "carried forward": "carried forward",
    "withdrawn": "dropped",
    "superseded": "dropped",
    "green": "in progress",
    "amber": "in progress",
    "red": "in progress",
    "blue": "done",
}

# Status words a document defines in its own key (this folder's README, "States"). The
# Brisselton tracker's foot prints "Key: C = complete, O = open, CF = carried forward"; its
# other Status cells (In progress, Overdue, Withdrawn) are words of the states table. The
# Threlkmoor report's "3. How the update is reported" prints four words and their meanings.
DOCUMENT_STATES: dict[str, dict[str, str]] = {
    "brisselton-csp-partnership-performance-board-action-tracker-2026-10-06.pdf": {
        "c": "done",  # "C = complete"
        "o": "open",  # "O = open"
        "cf": "carried forward",  # "CF = carried forward"
    },
    "threlkmoor-yelvercombe-joint-scrutiny-panel-hate-crime-recommendations-and-cabinet-response-2026-10-13.txt": {
        "done": "done",  # "the recommendation has been carried out in full"
        "moving": "in progress",  # "work has started but is not yet finished"
        "waiting": "open",  # "accepted, but work has not started"
        "dropped": "dropped",  # "not accepted or no longer needed; nothing more will be done"
    },
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def text_table_cells(text: str) -> str:
    """The cells of a ruled plain-text table, one per line, each cell's wrapped lines joined.

    A row is the run of `| … |` lines between two rule lines (`+---+`, `+===+`) or any other
    line; its cells are split at the `|` characters, and the fragments of each column are
    joined by a space. This is how a wrapped cell reads when the table is read by eye.
    """
    cells: list[str] = []
    row: list[list[str]] = []

    def flush() -> None:
        for column in row:
            joined = " ".join(fragment for fragment in column if fragment)
            if joined:
                cells.append(joined)
        row.clear()

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            parts = [part.strip() for part in line[1:-1].split("|")]
            while len(row) < len(parts):
                row.append([])
            for column, part in zip(row, parts):
                column.append(part)
        else:
            flush()
    flush()
    return "\n".join(cells)


def document_text(path: pathlib.Path) -> str:
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    text = path.read_text(encoding="utf-8")
    return text + "\n" + text_table_cells(text)


def check_entry(n: int, entry: dict, printed: str, states: dict[str, str]) -> list[str]:
    problems = []
    if list(entry) != FIELDS:
        problems.append(f"entry {n}: fields {list(entry)} != {FIELDS}")
        return problems
    if entry["kind"] not in KINDS:
        problems.append(f"entry {n}: kind {entry['kind']!r}")
    if entry["state"] not in STATES:
        problems.append(f"entry {n}: state {entry['state']!r}")
    if entry["rag"] not in RAGS:
        problems.append(f"entry {n}: rag {entry['rag']!r}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]):
        problems.append(f"entry {n}: date {entry['date']!r}")
    if not entry["text"]:
        problems.append(f"entry {n}: empty text")
    for field in VERBATIM:
        value = entry[field]
        if field == "partnership":
            if norm(value).lower() not in printed.lower():
                problems.append(f"entry {n}: partnership not printed: {value!r}")
            continue
        if value and norm(value) not in printed:
            problems.append(f"entry {n}: {field} not printed: {value!r}")
    status = entry["status"].lower()
    if status not in states:
        problems.append(f"entry {n}: status {entry['status']!r} has no state")
    else:
        expected = states[status]
        if status in {"green", "amber", "red"} and entry["update"].startswith("Completed"):
            expected = "done"
        if entry["state"] != expected:
            problems.append(f"entry {n}: state {entry['state']!r}, expected {expected!r}")
    if entry["rag"] and entry["rag"] != status:
        problems.append(f"entry {n}: rag {entry['rag']!r} but status {entry['status']!r}")
    if status in {"green", "amber", "red"} and not entry["rag"]:
        problems.append(f"entry {n}: status {entry['status']!r} without rag")
    return problems


def main() -> int:
    problems: list[str] = []
    goldens = sorted(HERE.glob("*.golden.json"))
    if not goldens:
        problems.append("no goldens")
    for golden in goldens:
        doc = golden.with_name(golden.name.removesuffix(".golden.json"))
        if not doc.exists():
            problems.append(f"{golden.name}: no document {doc.name}")
            continue
        entries = json.loads(golden.read_text(encoding="utf-8"))
        printed = norm(document_text(doc))
        states = {**STATUS_STATE, **DOCUMENT_STATES.get(doc.name, {})}
        found = [
            f"{doc.name}: {p}"
            for n, e in enumerate(entries)
            for p in check_entry(n, e, printed, states)
        ]
        problems += found
        kinds = {k: sum(e["kind"] == k for e in entries) for k in sorted(KINDS)}
        verdict = "OK" if not found else "PROBLEMS"
        print(f"holdout14/{doc.name}: {len(entries)} entries {kinds} {verdict}")
    for p in problems:
        print("PROBLEM", p)
    print("all goldens hold" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
