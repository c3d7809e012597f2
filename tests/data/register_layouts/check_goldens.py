"""Check the register goldens against their documents (no reader code involved).

For every `<document>.golden.json` here (and, given a folder, there too: a kept-aside set):

- the document exists and every entry has the golden fields with allowed values;
- every non-empty `text`, `owner`, `due`, `status`, `reference` and `update` occurs
  verbatim, up to whitespace, in the document's text (for a PDF: pypdf's plain
  `extract_text()` of every page, pages joined by a newline; for a text document with a
  ruled `+---+` / `| … |` table, also in the table's cells, each cell's wrapped lines joined
  by a space: see `text_table_cells`), and so does `partnership` (ignoring case: a masthead
  prints it in capitals);
- `state` agrees with the status words of this folder's README (a rating alone is
  "in progress" unless the update opens with "Completed"; Blue is done);
- `date` is an ISO date.

And `updates.golden.json`: its documents exist, every history step is an entry of that
document's golden, each step's source belongs to the entry's partnership, and every
`never_updates` entry is an entry of another partnership's golden.

    .venv/bin/python tests/data/register_layouts/check_goldens.py    # exit 1 on any problem
    .venv/bin/python tests/data/register_layouts/check_goldens.py holdout5   # and a folder's
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
HOLDOUT = sys.argv[1] if len(sys.argv) > 1 else ""  # a kept-aside folder, when given

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

# The status words used in these documents and the state each one gives (README, "States").
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

# Status words a document defines in its own key (README, "States"): they hold for it alone.
DOCUMENT_STATES = {
    "brindlecombe-scrutiny-recommendations-tracker-2025-10-14.pdf": {
        "accepted": "open",  # "agreed in full by the Executive and still to be delivered"
        "partially accepted": "open",  # "agreed in part, ... still to be delivered"
        "rejected": "dropped",  # "not agreed by the Executive; no further action will be taken"
        "implemented": "done",  # "delivered and signed off by the Committee"
    },
    "quillmoor-csp-strategic-board-action-log-2025-12-04.csv": {
        "✓ done": "done",  # "Action completed"
        "◑ under way": "in progress",  # "Work started but not finished"
        "○ not started": "open",  # "Agreed, but work has not begun"
        "! overdue": "open",  # "Past its due date and not complete"
        "→ c/f": "carried forward",  # "Carried forward to a later meeting"
        "✗ closed – not required": "dropped",  # "No longer needed; closed without further action"
    },
    "lowhythe-reducing-reoffending-subgroup-action-plan-progress-2025-10-16.pdf": {
        "0%": "open",  # "not started"
        "25%": "in progress",  # "25%, 50% or 75% - under way"
        "50%": "in progress",
        "75%": "in progress",
        "100%": "done",  # "complete"
        "deferred": "carried forward",  # "moved by the Sub-Group to the 2026/27 plan"
        "stopped": "dropped",  # "ended by the Sub-Group without being completed"
    },
    "ulvermoor-pcp-pelverton-csp-review-recommendations-and-responses-2026-02-05.txt": {
        "delivered": "done",  # "the recommendation has been carried out in full"
        "under way": "in progress",  # "work has started and is not yet finished"
        "not yet due": "open",  # "agreed, but work is not due to start before the timescale"
        "overdue": "open",  # "the timescale has passed and the work is not finished"
        "no further action": "dropped",  # "not accepted, or has been overtaken"
    },
    "haddleby-csp-asb-case-review-annual-report-2025-26-2026-05-21.pdf": {
        "embedded": "done",  # "the change has been made and checked by the case review panel"
        "in hand": "in progress",  # "the work has started but is not finished"
        "awaiting start": "open",  # "accepted the recommendation but has not begun the work"
        "rolled over": "carried forward",  # "moved into the 2026/27 case review programme"
        "not pursued": "dropped",  # "the panel has agreed that no further work will be done"
    },
    "cawdenfold-csp-serious-violence-delivery-group-highlight-report-2026-07-09.pdf": {
        "finished": "done",  # "the action is done and will be taken off the list"
        "live": "in progress",  # "work has started and is not finished"
        "queued": "open",  # "agreed, but work has not begun"
        "parked": "carried forward",  # "held over to a later quarter by the Group"
        "dropped": "dropped",  # "no longer needed; closed without being carried out"
    },
    "ossingley-scrutiny-outcomes-of-recommendations-2026-06-16.md": {
        "fully implemented": "done",  # "carried out and the outcome can be seen"
        "partly implemented": "in progress",  # "work has started and some of it is done"
        "not yet implemented": "open",  # "accepted, but the work has not begun"
        "rolled into 2026/27": "carried forward",  # "moved into the Partnership's 2026/27 plan"
        "overtaken by events": "dropped",  # "no longer relevant; nothing more will be done"
    },
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def text_table_cells(text: str) -> str:
    """The cells of a ruled plain-text table, one per line, each cell's wrapped lines joined.

    A row is the run of `| … |` lines between two rule lines (`+---+`, `+===+`) or any other
    line; its cells are split at the `|` characters, and the fragments of each column are
    joined by a space. This is how a wrapped cell reads when the table is read by eye (the
    Tennerby tasking log wraps its cells so, and no wrapped value is printed in one piece).
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
        if field == "partnership":  # a name printed in capitals is the same name
            if norm(value).lower() not in printed.lower():
                problems.append(f"entry {n}: partnership not printed: {value!r}")
            continue
        if value and norm(value) not in printed:
            problems.append(f"entry {n}: {field} not printed: {value!r}")
    status = entry["status"].lower()
    if status not in states:
        problems.append(f"entry {n}: status {entry['status']!r} has no state in the README")
    else:
        expected = states[status]
        if status in {"green", "amber", "red"} and entry["update"].startswith("Completed"):
            expected = "done"
        if entry["state"] != expected:
            problems.append(f"entry {n}: state {entry['state']!r}, README gives {expected!r}")
    # `rag` is the rating where one is printed: the status when it is a rating, else a RAG
    # column's word beside the Status column (so printed in the document); never the state
    rated = status in {"green", "amber", "red"}
    if entry["rag"] and rated and entry["rag"] != status:
        problems.append(f"entry {n}: rag {entry['rag']!r} but status {entry['status']!r}")
    if entry["rag"] and not rated and entry["rag"].capitalize() not in printed:
        problems.append(f"entry {n}: rag {entry['rag']!r} printed nowhere")
    if status in {"green", "amber", "red"} and not entry["rag"]:
        problems.append(f"entry {n}: status {entry['status']!r} without rag")
    return problems


def goldens() -> list[pathlib.Path]:
    extra = sorted((HERE / HOLDOUT).glob("*.golden.json")) if HOLDOUT else []
    return sorted(HERE.glob("*.golden.json")) + extra


def main() -> int:
    problems: list[str] = []
    by_doc: dict[str, list[dict]] = {}
    for golden in goldens():
        if golden.name == "updates.golden.json":
            continue
        doc = golden.with_name(golden.name.removesuffix(".golden.json"))
        if not doc.exists():
            problems.append(f"{golden.name}: no document {doc.name}")
            continue
        entries = json.loads(golden.read_text(encoding="utf-8"))
        by_doc[doc.name] = entries
        printed = norm(document_text(doc))
        states = {**STATUS_STATE, **DOCUMENT_STATES.get(doc.name, {})}
        found = [
            f"{doc.name}: {p}"
            for n, e in enumerate(entries)
            for p in check_entry(n, e, printed, states)
        ]
        problems += found
        kinds = {k: sum(e["kind"] == k for e in entries) for k in sorted(KINDS)}
        where = f"{HOLDOUT}/" if HOLDOUT and golden.parent.name == HOLDOUT else ""
        print(
            f"{where}{doc.name}: {len(entries)} entries {kinds} {'OK' if not found else 'PROBLEMS'}"
        )

    updates = json.loads((HERE / "updates.golden.json").read_text(encoding="utf-8"))
    partnership_of = {doc: {e["partnership"] for e in entries} for doc, entries in by_doc.items()}
    for name in updates["index"]:
        if name not in by_doc:
            problems.append(f"updates: {name} has no golden")
    for entry in updates["entries"]:
        for step in entry["history"]:
            src = step["source"]
            if entry["partnership"] not in partnership_of.get(src, set()):
                problems.append(
                    f"updates: {entry['reference']}: step from {src}, another partnership"
                )
            same = [
                e
                for e in by_doc.get(src, [])
                if norm(e["text"]) == norm(step["text"])
                and e["reference"] == step["reference"]
                and e["status"] == step["status"]
                and e["state"] == step["state"]
                and e["date"] == step["date"]
            ]
            if not same:
                problems.append(f"updates: {entry['reference']}: step {step} is no entry of {src}")
        last = entry["history"][-1]
        if (entry["latest_status"], entry["latest_state"]) != (last["status"], last["state"]):
            problems.append(f"updates: {entry['reference']}: latest is not the last step")
    for other in updates["never_updates"]:
        if other["partnership"] in {e["partnership"] for e in updates["entries"]}:
            problems.append(f"updates: never_updates entry of an updated partnership: {other}")
        if not any(norm(e["text"]) == norm(other["text"]) for e in by_doc.get(other["source"], [])):
            problems.append(
                f"updates: never_updates entry is not in {other['source']}: {other['text']!r}"
            )
    print(
        f"updates.golden.json: {len(updates['entries'])} updated entries, "
        f"{len(updates['never_updates'])} entries of another "
        f"partnership that must never update them"
    )

    for p in problems:
        print("PROBLEM", p)
    print("all goldens hold" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
