"""`python -m assistant ask "QUESTION" [--json] [--type minutes] [--since 2023-01-01]`
and `python -m assistant ask --batch FILE [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from assistant.retrieve import Filters
from ingest.errors import CspError
from ingest.settings import Settings
from ingest.types import DOC_TYPES, Answer

EXIT_ERROR = 2


def _iso(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2023-01-01") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question (or a file of them) with citations")
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument("--batch", type=Path, help="a file: one question per line, or JSON lines")
    ask.add_argument("--json", action="store_true", help="print JSON")
    ask.add_argument("--type", choices=DOC_TYPES, help="only this document type")
    ask.add_argument("--since", type=_iso, help="only documents dated on or after YYYY-MM-DD")
    ask.add_argument("--until", type=_iso, help="only documents dated on or before YYYY-MM-DD")
    ask.add_argument("--partnership", help="only this partnership")
    return parser


def _questions(path: Path) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            record = json.loads(line)
            out.append((record.get("id"), record["question"]))
        else:
            out.append((None, line))
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.question and not args.batch:
        print("error: give a QUESTION or --batch FILE", file=sys.stderr)
        return EXIT_ERROR
    filters = Filters(args.type, args.since, args.until, args.partnership)
    try:
        from assistant.engine import Assistant

        assistant = Assistant(Settings())
        if args.batch:
            for qid, question in _questions(args.batch):
                _print(assistant.ask(question, filters), args.json, qid, question)
        else:
            _print(assistant.ask(args.question, filters), args.json)
    except CspError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except (OSError, json.JSONDecodeError, KeyError) as err:
        print(f"error: cannot read the batch file: {err}", file=sys.stderr)
        return EXIT_ERROR
    return 0


if __name__ == "__main__":
    sys.exit(main())
