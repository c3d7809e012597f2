"""The assistant's command line.

python -m assistant ask "QUESTION" [--json] [--type minutes] [--since 2023-01-01]
python -m assistant ask --batch FILE [--json]
python -m assistant facts QUERY [--json]
python -m assistant register decisions|actions|recommendations|forward|glossary
    [--query TEXT] [--open] [--partnership P] [--since DATE] [--json|--csv]
python -m assistant brief [--for pcc-visit|meeting] [--out FILE.md|FILE.docx] [--json]
python -m assistant eval QUESTIONS.jsonl [...] [--json] [--corpus DIR ...]
python -m assistant calibrate EVAL.json [...] [--out gate.json]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
from datetime import date
from pathlib import Path

from assistant.brief import AUDIENCES, DEFAULT_AUDIENCE
from assistant.evaluate import QuestionsInvalid, json_object
from assistant.facts import find_facts
from assistant.registers import NAMES as REGISTER_NAMES
from assistant.registers import flat, query
from assistant.retrieve import Filters
from ingest.embedding import Embedder
from ingest.errors import CspError, IndexMissing
from ingest.knowledge import Knowledge
from ingest.knowledge import read as read_knowledge
from ingest.settings import Settings
from ingest.types import DOC_TYPES, Answer

EXIT_ERROR = 2


def _iso(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2023-01-01") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question (or a file of them) with citations")
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument("--batch", type=Path, help="a file: one question per line, or JSON lines")
    ask.add_argument("--json", action="store_true", help="print JSON")
    ask.add_argument("--type", choices=DOC_TYPES, help="only this document type")
    ask.add_argument("--since", type=_iso, help="only documents dated on or after YYYY-MM-DD")
    ask.add_argument("--until", type=_iso, help="only documents dated on or before YYYY-MM-DD")
    ask.add_argument("--partnership", help="only this partnership")
    facts = sub.add_parser("facts", help="figures from the documents' tables, exactly as printed")
    facts.add_argument("query", help='a measure, row or period, e.g. "shoplifting 2023/24"')
    facts.add_argument("--json", action="store_true", help="print JSON")
    brief = sub.add_parser("brief", help="a cited brief: priorities, figures, open items")
    brief.add_argument(
        "--for",
        dest="audience",
        choices=AUDIENCES,
        default=DEFAULT_AUDIENCE,
        help="what the brief is for: what it leads with (default %(default)s)",
    )
    brief.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="write it to FILE: Markdown, or Word when FILE ends in .docx",
    )
    brief.add_argument(
        "--partnership",
        help="the partnership it is for (default: the one most of the papers are of)",
    )
    brief.add_argument("--json", action="store_true", help="print JSON")
    reg = sub.add_parser("register", help="decisions, actions, recommendations, forward, glossary")
    reg.add_argument("name", choices=REGISTER_NAMES)
    reg.add_argument("--query", default="", help="only entries mentioning these words")
    reg.add_argument(
        "--open",
        action="store_true",
        help="only entries still open (open, in progress, carried forward, not stated)",
    )
    reg.add_argument("--partnership", help="only this partnership's entries")
    reg.add_argument(
        "--since", type=_iso, help="only entries of meetings or papers dated on or after YYYY-MM-DD"
    )
    out = reg.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--csv", action="store_true", help="print CSV")
    ev = sub.add_parser(
        "eval",
        help="score the answers to a file of questions (JSON lines, as tests/data/dev_questions)",
    )
    ev.add_argument("files", nargs="+", type=Path, help="questions files, read one after another")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    ev.add_argument(
        "--corpus",
        action="append",
        type=Path,
        metavar="DIR",
        help="answer from these folders or files (repeatable), ingested into an index of "
        "their own under $CSP_DATA_DIR/eval/, instead of the configured index",
    )
    cal = sub.add_parser(
        "calibrate",
        help="fit the answer gate on eval results (`eval --json` run with CSP_GATE=0)",
    )
    cal.add_argument("results", nargs="+", type=Path, help="eval JSON files")
    cal.add_argument(
        "--out", type=Path, default=None, help="the gate's file (default: assistant/gate.json)"
    )
    return parser


class BatchInvalid(CspError):
    """A batch file with lines that hold no question: ``problems`` has one line for each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _question_of(line: str) -> tuple[str | None, str]:
    """(id, question) of one batch line: a plain question, or a JSON object with a
    non-empty string ``question`` (and an optional ``id``). ValueError says what is wrong."""
    if not line.startswith("{"):
        return None, line
    record = json_object(line)
    if "question" not in record:
        raise ValueError('no "question" field')
    question = record["question"]
    if not isinstance(question, str):
        kind = "null" if question is None else type(question).__name__
        raise ValueError(f'"question" is {kind}, not text')
    if not question.strip():
        raise ValueError('"question" is empty')
    return record.get("id"), question.strip()


def _questions(path: Path) -> list[tuple[str | None, str]]:
    """Every question of a batch file, or BatchInvalid naming each bad line (file:line),
    so the whole file is checked before anything is answered."""
    out: list[tuple[str | None, str]] = []
    bad: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            out.append(_question_of(line))
        except ValueError as err:
            bad.append(f"{path}, line {number}: {err}")
    if bad:
        raise BatchInvalid(bad)
    if not out:
        raise BatchInvalid([f"{path}: no questions in the batch file"])
    return out


def _print(answer: Answer, as_json: bool, qid: str | None = None, question: str = "") -> None:
    if as_json:
        record = answer.as_dict()
        if qid is not None:
            record = {"id": qid, "question": question, **record}
        print(json.dumps(record, ensure_ascii=False))
        return
    if qid is not None:
        print(f"# {qid}: {question}")
    print(answer.text)
    if answer.citations:
        print("\nSources:")
        for c in answer.citations:
            where = ", ".join(
                x for x in (c.part, c.section, f"p. {c.page}" if c.page else "", c.date or "") if x
            )
            print(f"[{c.n}] {c.source} — {where}")
    print()


def _knowledge(settings: Settings) -> Knowledge:
    if not settings.knowledge_db.exists():
        raise IndexMissing()
    return read_knowledge(settings.knowledge_db)


def _facts(args: argparse.Namespace) -> int:
    rows = find_facts(_knowledge(Settings()).facts, args.query)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "row": r.first.row,
                        "table": r.first.table,
                        "period": r.first.period,
                        "cells": [
                            {
                                "column": f.column,
                                "value": f.value,
                                "number": f.number,
                                "unit": f.unit,
                                "period": f.period,
                            }
                            for f in r.facts
                        ],
                        **{
                            k: v
                            for k, v in dataclasses.asdict(r.first.where).items()
                            if k != "start"
                        },
                        "quote": r.first.quote,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not rows:
        print("No table in the documents gives that figure.")
    for r in rows:
        w = r.first.where
        cells = "; ".join(f"{f.column}: {f.value}" for f in r.facts)
        print(
            f"{r.first.row} — {cells}\n    {r.first.table} | {w.source}, {w.part}, "
            f"{w.section}{f', p. {w.page}' if w.page else ''}{f', {w.date}' if w.date else ''}"
        )
    return 0


def _register(args: argparse.Namespace) -> int:
    entries = query(
        _knowledge(Settings()),
        args.name,
        args.query,
        args.open,
        threshold=0.99 if args.query else 0,
        partnership=args.partnership,
        since=args.since,
    )
    rows = [flat(e) for e in entries]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif args.csv:
        for row in rows:  # one cell: each step "date status (source)", oldest first
            if "history" in row:
                row["history"] = " | ".join(
                    f"{s['date'] or 'undated'} {s['status'] or s['state']} ({s['source']})"
                    for s in row["history"]
                )
        fields = list(dict.fromkeys(k for row in rows for k in row))
        writer = csv.DictWriter(sys.stdout, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            main_text = row.get("text") or row.get("meaning") or row.get("detail") or ""
            label = row.get("owner") or row.get("term") or row.get("item") or row.get("year") or ""
            ref = f"[{row['reference']}] " if row.get("reference") else ""
            state = f" — {row['state']}" if row.get("state") else ""
            print(
                f"- {ref}{label}: {main_text}{state} "
                f"({row.get('source')}, {row.get('date') or 'undated'})"
            )
            for step in row.get("history", [])[1:]:
                print(f"    {step['date']}: {step['status'] or step['state']} ({step['source']})")
        print(f"{len(rows)} {args.name}")
    return 0


def _brief(args: argparse.Namespace) -> int:
    """The brief from the knowledge base and the stored passages (no model is loaded)."""
    from assistant.brief import make_brief, render
    from ingest.embedding import SentenceTransformerEmbedder
    from ingest.store import ChunkStore

    settings = Settings()
    knowledge = _knowledge(settings)
    store = ChunkStore(
        settings.chroma_dir,
        settings.collection,
        SentenceTransformerEmbedder(settings.resolved_model_path),  # loads nothing until used
    )
    brief = make_brief(knowledge, store.all_chunks(), args.audience, args.partnership)
    if args.json:
        answer = Answer(render(brief, sources=False).strip(), brief.citations)
        print(json.dumps(answer.as_dict(), ensure_ascii=False))
    elif args.out is None:
        print(render(brief), end="")
    if args.out is not None:
        try:
            if args.out.suffix.lower() == ".docx":
                from assistant.brief_docx import brief_docx

                args.out.write_bytes(brief_docx(brief))
            else:
                args.out.write_text(render(brief), encoding="utf-8")
        except OSError as err:
            raise CspError(f"cannot write {args.out}: {err.strerror}") from None
        print(f"wrote {args.out}: {len(brief.citations)} cited lines", file=sys.stderr)
    return 0


def _embedder(settings: Settings) -> Embedder:
    """The real model, from the settings (tests put the fake embedder here)."""
    from ingest.embedding import SentenceTransformerEmbedder, ensure_model

    return SentenceTransformerEmbedder(ensure_model(settings.resolved_model_path))


def _eval_index(settings: Settings, paths: list[Path], embedder: Embedder) -> Settings:
    """Settings for an index of ``paths`` alone, under $CSP_DATA_DIR/eval/<hash>, brought
    up to date (incrementally: a second run over the same papers embeds nothing)."""
    from assistant.evaluate import eval_data_dir
    from ingest.pipeline import run, settings_options
    from ingest.store import ChunkStore

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise CspError(f"no such file or folder: {', '.join(missing)}")
    try:
        data_dir = eval_data_dir(settings.data_dir, paths)
    except OSError as err:
        raise CspError(f"cannot read {err.filename}: {err.strerror}") from None
    own = settings.model_copy(
        update={
            "data_dir": data_dir,
            "model_path": settings.resolved_model_path,  # one copy of the model, not one each
        }
    )
    report = run(
        paths,
        store=ChunkStore(own.chroma_dir, own.collection, embedder),
        embedder=embedder,
        **settings_options(own),
        mirror=True,  # exactly these papers, whatever an earlier run left
    )
    print(
        f"index {own.data_dir}: {report.files} files, {report.chunks} chunks "
        f"({report.embedded} embedded, {report.removed} removed)",
        file=sys.stderr,
    )
    for skipped in report.skipped:
        print(f"skipped {skipped.name}: {skipped.reason}", file=sys.stderr)
    return own


def _eval(args: argparse.Namespace) -> int:
    from assistant import evaluate
    from assistant.engine import Assistant

    questions = evaluate.read_questions(args.files)
    settings = Settings()
    embedder = _embedder(settings)
    if args.corpus:
        settings = _eval_index(settings, args.corpus, embedder)
    scores = evaluate.collect(Assistant(settings, embedder), questions)
    about = {
        "files": [str(f) for f in args.files],
        "corpus": [str(c) for c in args.corpus] if args.corpus else None,
        "data_dir": str(settings.data_dir),
    }
    if args.json:
        print(json.dumps(evaluate.as_json(scores, **about), ensure_ascii=False))
        return 0
    heading = (
        f"{len(scores)} questions from {', '.join(about['files'])}; "
        f"index {settings.data_dir}\n"
    )
    print(evaluate.report(scores, heading))
    return 0


def _calibrate(args: argparse.Namespace) -> int:
    from assistant import calibrate
    from assistant.gate import WEIGHTS

    try:
        gate, chosen = calibrate.fit(args.results)
    except (OSError, ValueError, KeyError) as err:
        raise CspError(f"cannot fit the gate: {err}") from None
    out = args.out or WEIGHTS
    out.write_text(json.dumps(gate.as_dict(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"wrote": str(out), "cross_validated": chosen}, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "eval":
            return _eval(args)
        if args.command == "calibrate":
            return _calibrate(args)
        if args.command == "facts":
            return _facts(args)
        if args.command == "register":
            return _register(args)
        if args.command == "brief":
            return _brief(args)
    except QuestionsInvalid as err:
        for problem in err.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    except CspError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    if args.question is None and not args.batch:
        print("error: give a QUESTION or --batch FILE", file=sys.stderr)
        return EXIT_ERROR
    filters = Filters(args.type, args.since, args.until, args.partnership)
    questions: list[tuple[str | None, str]] = []
    if args.batch:
        try:
            questions = _questions(args.batch)
        except (OSError, UnicodeDecodeError) as err:
            print(f"error: cannot read the batch file: {err}", file=sys.stderr)
            return EXIT_ERROR
        except BatchInvalid as err:  # nothing answered: half a batch is worse than none
            for problem in err.problems:
                print(f"error: {problem}", file=sys.stderr)
            return EXIT_ERROR
    elif not args.question.strip():
        print("error: the question is empty: give the question to ask", file=sys.stderr)
        return EXIT_ERROR
    else:
        questions = [(None, args.question.strip())]
    try:
        from assistant.engine import Assistant

        assistant = Assistant(Settings())
        for qid, question in questions:
            _print(assistant.ask(question, filters), args.json, qid, question if qid else "")
    except CspError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader (head, less) stopped early
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
