"""Check the holdout4 question set against its documents.

Run from the repository root: .venv/bin/python tests/data/holdout4/check.py

For every answerable question, each evidence `text` must occur word for word in every
document it names, and each `must` item (one of its `a|b` alternatives) must occur word
for word in one of the question's evidence documents. Text and Markdown files are searched
as they are; the PDF is searched in pypdf's extract_text() of its pages joined by newlines,
with runs of whitespace collapsed to one space (the evidence and must strings are collapsed
the same way). It also checks the line format, unique ids, empty unanswerable questions,
that each question's evidence comes from one partnership, and that the new documents do not
use the corpus's council names or the names of the other held-out sets.
Prints OK and exits 0 when everything holds.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DOCS = HERE / "docs"
CORPUS = ROOT / "corpus"
KINDS = {"fact", "kpi", "decision", "action", "recommendation", "who", "when", "list", "brief", "definition", "unanswerable"}
KEYS = ["id", "split", "kind", "question", "must", "evidence"]
# file name prefix -> partnership
PARTNERSHIP = {
    "charnwood-": "Charnwood",
    "nwl-": "North West Leicestershire",
    "brackenford-": "Brackenford",
    "kestlewick-": "Kestlewick",
    "ellerstoke-": "Ellerstoke",
}
FORBIDDEN = ["Charnwood", "North West Leicestershire", "Leicestershire", "Loughborough", "Coalville",
             "Hallowmere", "Tarnbridge", "Ostley Vale"]


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def load(name):
    for base in (DOCS, CORPUS):
        path = base / name
        if path.exists():
            break
    else:
        return None
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
        return ("pdf", collapse(text))
    return ("text", path.read_text(encoding="utf-8"))


def contains(doc, s):
    kind, text = doc
    return (collapse(s) in text) if kind == "pdf" else (s in text)


def partnership(name):
    for prefix, p in PARTNERSHIP.items():
        if name.startswith(prefix):
            return p
    return None


def main():
    errors = []
    cache = {}

    def doc(name):
        if name not in cache:
            cache[name] = load(name)
        return cache[name]

    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    seen = set()
    for n, raw in enumerate(lines, 1):
        try:
            q = json.loads(raw)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: not JSON ({e})")
            continue
        qid = q.get("id", f"line {n}")
        if list(q) != KEYS:
            errors.append(f"{qid}: keys {list(q)} (want {KEYS})")
        if not str(q.get("id", "")).startswith("h4-"):
            errors.append(f"{qid}: id must start with h4-")
        if qid in seen:
            errors.append(f"{qid}: duplicate id")
        seen.add(qid)
        if q.get("split") != "holdout4":
            errors.append(f"{qid}: split {q.get('split')!r}")
        if q.get("kind") not in KINDS:
            errors.append(f"{qid}: kind {q.get('kind')!r}")
        if not isinstance(q.get("question"), str) or not q["question"].strip():
            errors.append(f"{qid}: empty question")
        must, evidence = q.get("must"), q.get("evidence")
        if not isinstance(must, list) or not isinstance(evidence, list):
            errors.append(f"{qid}: must and evidence must be lists")
            continue
        if q.get("kind") == "unanswerable":
            if must or evidence:
                errors.append(f"{qid}: unanswerable question with must/evidence")
            continue
        if not must or not evidence:
            errors.append(f"{qid}: answerable question without must or evidence")
            continue
        names = []
        for ev in evidence:
            if set(ev) != {"docs", "text"} or not ev["docs"] or not ev["text"]:
                errors.append(f"{qid}: bad evidence entry {ev}")
                continue
            for name in ev["docs"]:
                d = doc(name)
                if d is None:
                    errors.append(f"{qid}: no document {name}")
                    continue
                names.append(name)
                if not contains(d, ev["text"]):
                    errors.append(f"{qid}: evidence not in {name}: {ev['text']!r}")
        parts = {partnership(nm) for nm in names}
        if len(parts) != 1 or None in parts:
            errors.append(f"{qid}: evidence spans partnerships {parts}")
        for item in must:
            alts = [a for a in item.split("|") if a]
            if not alts or not any(contains(doc(nm), a) for a in alts for nm in names if doc(nm)):
                errors.append(f"{qid}: must {item!r} not in its evidence documents")

    new_docs = sorted(p for p in DOCS.iterdir() if p.suffix in {".txt", ".md", ".pdf"})
    if len(new_docs) != 3:
        errors.append(f"docs/: expected 3 documents, found {[p.name for p in new_docs]}")
    for p in new_docs:
        _, text = doc(p.name)
        for bad in FORBIDDEN:
            if bad.lower() in text.lower():
                errors.append(f"{p.name}: uses the name {bad!r}")

    if errors:
        print("\n".join(errors))
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print(f"OK: {len(lines)} questions, {len(new_docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
