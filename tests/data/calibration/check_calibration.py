"""Check the calibration question files (rounds 1 and 2).

Run from anywhere:  .venv/bin/python tests/data/calibration/check_calibration.py

Checks:
- every line of unanswerable.jsonl, unanswerable2.jsonl and answerable.jsonl is a JSON
  object with exactly the keys id, split, kind, question, must, evidence;
- split is "calibration"; ids are unique across the three files and follow the
  patterns cal-u-NN (unanswerable) and cal-a-NN (answerable), with the expected ranges;
- no question text is repeated (case and spacing ignored);
- unanswerable questions have kind "unanswerable" and empty must and evidence;
- answerable questions have a known kind, a non-empty must list and a non-empty evidence
  list of {"docs": [file name, ...], "text": "..."}; every evidence text occurs verbatim in
  each of its documents, and every must string (each alternative of "a|b") occurs
  verbatim in at least one of the question's evidence documents.

Document text: .pdf files through pypdf's extract_text, pages joined by newlines; other
files read as UTF-8. Whitespace is collapsed to single spaces before matching; matching is
otherwise exact (case-sensitive).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DOC_DIRS = [
    ROOT / "corpus",
    ROOT / "tests/data/layouts",
    ROOT / "tests/data/holdout2/docs",
    ROOT / "tests/data/holdout4/docs",
    ROOT / "tests/data/holdout5/docs",
]
DOC_SUFFIXES = {".md", ".txt", ".pdf"}
ANSWERABLE_KINDS = {"fact", "kpi", "decision", "action", "recommendation", "who", "when",
                    "list", "brief", "definition"}
KEYS = {"id", "split", "kind", "question", "must", "evidence"}
FILES = {
    "unanswerable.jsonl": ("u", range(1, 61)),
    "unanswerable2.jsonl": ("u", range(61, 121)),
    "answerable.jsonl": ("a", range(1, 81)),
}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def doc_index() -> dict[str, list[Path]]:
    index: dict[str, list[Path]] = {}
    for d in DOC_DIRS:
        for p in sorted(d.iterdir()):
            if p.is_file() and p.suffix in DOC_SUFFIXES:
                index.setdefault(p.name, []).append(p)
    return index


_TEXT_CACHE: dict[Path, str] = {}


def doc_text(path: Path) -> str:
    if path not in _TEXT_CACHE:
        if path.suffix == ".pdf":
            from pypdf import PdfReader

            raw = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
        else:
            raw = path.read_text(encoding="utf-8")
        _TEXT_CACHE[path] = collapse(raw)
    return _TEXT_CACHE[path]


def main() -> int:
    errors: list[str] = []
    index = doc_index()
    seen_ids: set[str] = set()
    seen_questions: dict[str, str] = {}
    counts: dict[str, int] = {}

    for fname, (letter, expected) in FILES.items():
        path = HERE / fname
        if not path.exists():
            errors.append(f"{fname}: missing")
            continue
        ids_here: list[int] = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{fname}:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: bad JSON ({exc})")
                continue
            if not isinstance(rec, dict) or set(rec) != KEYS:
                errors.append(f"{where}: keys must be exactly {sorted(KEYS)}")
                continue
            rid = rec["id"]
            where = f"{fname}:{n} ({rid})"
            m = re.fullmatch(rf"cal-{letter}-(\d{{2,3}})", str(rid))
            if not m:
                errors.append(f"{where}: id must look like cal-{letter}-NN")
            else:
                ids_here.append(int(m.group(1)))
            if rid in seen_ids:
                errors.append(f"{where}: duplicate id")
            seen_ids.add(rid)
            if rec["split"] != "calibration":
                errors.append(f"{where}: split must be 'calibration'")
            q = rec["question"]
            if not isinstance(q, str) or not q.strip():
                errors.append(f"{where}: empty question")
            else:
                key = collapse(q).lower()
                if key in seen_questions:
                    errors.append(f"{where}: same question as {seen_questions[key]}")
                seen_questions[key] = rid

            if letter == "u":
                if rec["kind"] != "unanswerable":
                    errors.append(f"{where}: kind must be 'unanswerable'")
                if rec["must"] != [] or rec["evidence"] != []:
                    errors.append(f"{where}: must and evidence must be empty lists")
                continue

            if rec["kind"] not in ANSWERABLE_KINDS:
                errors.append(f"{where}: unknown kind {rec['kind']!r}")
            must, evidence = rec["must"], rec["evidence"]
            if not isinstance(must, list) or not must or not all(isinstance(s, str) and s.strip() for s in must):
                errors.append(f"{where}: must must be a non-empty list of strings")
                must = []
            if not isinstance(evidence, list) or not evidence:
                errors.append(f"{where}: evidence must be a non-empty list")
                evidence = []
            texts: list[str] = []
            for e in evidence:
                if not isinstance(e, dict) or set(e) != {"docs", "text"}:
                    errors.append(f"{where}: evidence items must have exactly docs and text")
                    continue
                docs, text = e["docs"], e["text"]
                if not isinstance(docs, list) or not docs or not isinstance(text, str) or not text.strip():
                    errors.append(f"{where}: evidence needs a non-empty docs list and text")
                    continue
                for d in docs:
                    paths = index.get(d, [])
                    if len(paths) != 1:
                        errors.append(f"{where}: document {d!r} " + ("not found" if not paths else "is ambiguous"))
                        continue
                    t = doc_text(paths[0])
                    texts.append(t)
                    if collapse(text) not in t:
                        errors.append(f"{where}: evidence text not in {d}: {text!r}")
            for s in must:
                for alt in s.split("|"):
                    alt = collapse(alt)
                    if not alt:
                        errors.append(f"{where}: empty alternative in must {s!r}")
                    elif texts and not any(alt in t for t in texts):
                        errors.append(f"{where}: must string {alt!r} not in its documents")

        counts[fname] = len(ids_here)
        if sorted(ids_here) != list(expected):
            errors.append(f"{fname}: ids should be {letter} {expected.start:02d}..{expected.stop - 1:02d}"
                          f" exactly once each (got {len(ids_here)})")

    for fname, c in counts.items():
        print(f"{fname}: {c} questions")
    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
