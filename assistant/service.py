"""Everything the web app's tabs do, without Gradio: answers, registers, figures,
documents (upload, remove, re-index) and the brief, all on the index the command line
uses. `app.py` only lays these out and turns typed errors into messages."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from assistant import documents, figures, source_page, uploads
from assistant.brief import Brief, make_brief, render
from assistant.documents import Passage
from assistant.facts import find_facts
from assistant.registers import flat, query
from assistant.retrieve import Filters
from assistant.stream import StreamingChat, Update, final_answer, streamed, streaming
from ingest.errors import IndexMissing
from ingest.knowledge import Knowledge
from ingest.pipeline import Progress, Report
from ingest.settings import Settings
from ingest.types import Answer, Skipped

EXPORTS = "exports"  # in the data folder: the CSV and brief files offered for download


def cited_at(row: dict, prefix: str = "") -> str:
    """'file — section — p. 3 — 2023-01-26' from a flat register row's place fields."""
    page = row.get(f"{prefix}page")
    fields = [row.get(f"{prefix}source"), row.get(f"{prefix}section")]
    fields += [f"p. {page}" if page else "", row.get(f"{prefix}date")]
    return " — ".join(str(f) for f in fields if f)


def cited(entry) -> str:
    """The words a register entry was read from, to find and mark in its passage."""
    for field in ("text", "quote", "item", "term"):
        if words := getattr(entry, field, ""):
            return str(words)
    return ""


class Service:
    """One per running app: the `Assistant` (engine) and the settings it was built from.
    ``llm`` (default: the assistant's, set from ``CSP_LLM_*``) rewords the chat's answers."""

    def __init__(self, settings: Settings, assistant, llm: StreamingChat | None = None) -> None:
        self.settings = settings
        self.assistant = assistant
        self.llm = streaming(llm or getattr(assistant, "chat", None))
        self.last_report: Report | None = None
        self.exports = settings.data_dir / EXPORTS
        self.exports.mkdir(parents=True, exist_ok=True)

    # -- chat ------------------------------------------------------------------------

    def stream(self, question: str, filters: Filters) -> Iterator[Update]:
        """The grounded answer, then (with an LLM) its rewording as it arrives, kept only if
        it passes the checks within the deadlines (`assistant.stream`)."""
        answer = self.assistant.answer(question, filters)
        limits = (self.settings.llm_first_token_timeout, self.settings.llm_timeout)
        return streamed(question, answer, self.llm, *limits)

    def ask(self, question: str, filters: Filters) -> Answer:
        """The answer `stream` settles on, for the JSON route."""
        return final_answer(self.stream(question, filters))

    def partnerships(self) -> list[str]:
        try:
            self.assistant.refresh()
            return list(self.assistant.partnerships)
        except IndexMissing:
            return []

    # -- knowledge -------------------------------------------------------------------

    def knowledge(self) -> Knowledge:
        if not self.settings.knowledge_db.exists():
            raise IndexMissing()
        self.assistant.refresh()
        return self.assistant.knowledge

    def register(self, name: str, text: str = "", open_only: bool = False) -> list[dict]:
        """A register's entries as flat rows (whatever fields they have), each with where
        it was printed ('cited at') first."""
        return [row for row, _ in self.register_linked(name, text, open_only)]

    def register_linked(
        self, name: str, text: str = "", open_only: bool = False
    ) -> list[tuple[dict, str]]:
        """`register`'s rows, each with the address of the page showing the passage it was
        read from (`assistant.source_page`)."""
        entries = query(
            self.knowledge(), name, text.strip(), open_only, threshold=0.99 if text else 0
        )
        rows = []
        for entry in entries:
            row = flat(entry)
            rows.append(
                (
                    {"cited at": cited_at(row), **row},
                    source_page.link(entry.where.source, entry.where.start, cited(entry)),
                )
            )
        return rows

    def passage(self, doc: str, at: int | None = None, mark: str = "") -> Passage | None:
        """The indexed passage of ``doc`` holding what a citation points at (None: no such
        document); raises `IndexMissing` before any ingest."""
        if not self.settings.knowledge_db.exists():
            raise IndexMissing()
        self.assistant.refresh()
        return documents.passage_at(self.assistant.chunks, doc, at, mark)

    def export_csv(self, name: str, rows: list[dict]) -> Path:
        fields = list(dict.fromkeys(k for row in rows for k in row)) or ["cited at"]
        path = self.exports / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
        return path

    def tables(self) -> list[figures.Table]:
        return figures.tables(self.knowledge().facts)

    def table(self, label: str) -> tuple[list[str], list[list[str]], list[dict]]:
        """(headers, rows, chart points) of the table whose label is ``label``."""
        facts = self.knowledge().facts
        chosen = next((t for t in figures.tables(facts) if t.label == label), None)
        if chosen is None:
            return ["row"], [], []
        cells = figures.facts_of(facts, chosen)
        headers, rows = figures.grid(cells)
        return headers, rows, figures.series(cells)

    def measure(self, text: str) -> list[dict]:
        """Printed figures for a measure ('shoplifting 2023/24'), as `facts QUERY` finds."""
        rows = []
        for r in find_facts(self.knowledge().facts, text):
            w = r.first.where
            rows.append(
                {
                    "row": r.first.row,
                    "values": "; ".join(f"{f.column}: {f.value}" for f in r.facts),
                    "table": r.first.table,
                    "cited at": cited_at(
                        {"source": w.source, "section": w.section, "page": w.page, "date": w.date}
                    ),
                }
            )
        return rows

    # -- documents -------------------------------------------------------------------

    def documents(self) -> list[dict]:
        if not self.settings.knowledge_db.exists():
            return []
        return documents.indexed_documents(self.assistant.store.all_metadata(), self.knowledge())

    def skipped(self) -> list[Skipped]:
        return list(self.last_report.skipped) if self.last_report else []

    def _ingested(self, report: Report) -> Report:
        self.last_report = report
        self.assistant.refresh()
        return report

    def upload(self, name: str, data: bytes, progress: Progress | None = None) -> Report:
        path = uploads.store(self.settings, name, data)
        report = uploads.add(
            self.settings, self.assistant.store, self.assistant.embedder, path, progress
        )
        return self._ingested(report)

    def remove(self, name: str) -> Report:
        report = uploads.remove(self.settings, self.assistant.store, self.assistant.embedder, name)
        return self._ingested(report)

    def reindex(self, progress: Progress | None = None) -> Report:
        report = uploads.reindex(
            self.settings, self.assistant.store, self.assistant.embedder, progress
        )
        return self._ingested(report)

    # -- the brief -------------------------------------------------------------------

    def brief(self, audience: str, filters: Filters | None = None) -> Brief:
        filters = filters or Filters()
        knowledge = self.knowledge()
        if filters != Filters():
            knowledge = self.assistant.knowledge_for(filters)
        chunks = [c for c in self.assistant.chunks if filters.admits(c)]
        return make_brief(knowledge, chunks, audience)

    def brief_files(self, brief: Brief, audience: str) -> tuple[Path, Path]:
        from assistant.brief_docx import brief_docx

        md = self.exports / f"brief-{audience}.md"
        md.write_text(render(brief), encoding="utf-8")
        docx = self.exports / f"brief-{audience}.docx"
        docx.write_bytes(brief_docx(brief))
        return md, docx
