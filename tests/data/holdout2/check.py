"""Check the holdout2 question set against its documents.

    .venv/bin/python tests/data/holdout2/check.py

For every answerable question: each evidence `text` must occur verbatim in every document
its `docs` names, and each `must` item (one of its "|" alternatives) must occur verbatim in
at least one of the question's evidence documents. Text and Markdown files are matched as
stored; a PDF is matched in pypdf's extract_text() of its pages joined by newlines, with
runs of whitespace collapsed to one space (the evidence and must strings are collapsed the
same way). It also checks the line format, that ids are unique, that unanswerable questions
carry no must or evidence, that one question's evidence stays within one partnership, and
that the new documents do not use the corpus's council names. Exits 1 on any failure.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DIRS = [ROOT / "corpus", HERE / "docs"]
KINDS = {"fact", "kpi", "decision", "action", "recommendation", "who", "when", "list",
         "brief", "unanswerable"}
KEYS = ["id", "split", "kind", "question", "must", "evidence"]
# Which partnership a document belongs to, by its file-name prefix.
PARTNERSHIP = {"charnwood": "Charnwood", "nwl": "North West Leicestershire",
               "hallowmere": "Hallowmere", "tarnbridge": "Tarnbridge", "ostley": "Ostley Vale"}
FORBIDDEN_IN_NEW = ["Charnwood", "North West Leicestershire", "Leicestershire", "Loughborough",
                    "Coalville"]


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


_cache = {}


def load(name):
    if name in _cache:
        return _cache[name]
    for d in DIRS:
        path = d / name
        if path.is_file():
            break
    else:
        raise FileNotFoundError(name)
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader
        text = collapse("\n".join(page.extract_text() or "" for page in PdfReader(path).pages))
        pdf = True
    else:
        text = path.read_text(encoding="utf-8")
        pdf = False
    _cache[name] = (text, pdf)
    return _cache[name]


def occurs(needle, name):
    text, pdf = load(name)
    return (collapse(needle) in text) if pdf else (needle in text)


def partnership(name):
    for prefix, who in PARTNERSHIP.items():
        if name.startswith(prefix):
            return who
    return None


def main():
    errors = []
    seen = set()
    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    counts = {}
    for n, line in enumerate(lines, 1):
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: not JSON ({e})")
            continue
        qid = q.get("id", f"line {n}")
        if list(q) != KEYS:
            errors.append(f"{qid}: keys {list(q)} != {KEYS}")
        if not str(qid).startswith("h2-"):
            errors.append(f"{qid}: id must start with h2-")
        if qid in seen:
            errors.append(f"{qid}: duplicate id")
        seen.add(qid)
        if q.get("split") != "holdout2":
            errors.append(f"{qid}: split is not holdout2")
        kind = q.get("kind")
        if kind not in KINDS:
            errors.append(f"{qid}: unknown kind {kind!r}")
        counts[kind] = counts.get(kind, 0) + 1
        must, evidence = q.get("must", []), q.get("evidence", [])
        if kind == "unanswerable":
            if must or evidence:
                errors.append(f"{qid}: unanswerable but has must/evidence")
            continue
        if not must or not evidence:
            errors.append(f"{qid}: answerable but must or evidence is empty")
            continue
        docs = []
        for e in evidence:
            if set(e) != {"docs", "text"} or not e["docs"] or not e["text"].strip():
                errors.append(f"{qid}: malformed evidence {e}")
                continue
            for name in e["docs"]:
                try:
                    found = occurs(e["text"], name)
                except FileNotFoundError:
                    errors.append(f"{qid}: no document {name}")
                    continue
                if not found:
                    errors.append(f"{qid}: evidence not in {name}: {e['text']!r}")
                if name not in docs:
                    docs.append(name)
        if len({partnership(d) for d in docs}) != 1 or partnership(docs[0]) is None:
            errors.append(f"{qid}: evidence spans partnerships {docs}")
        for item in must:
            alts = [a for a in item.split("|") if a]
            if not alts:
                errors.append(f"{qid}: empty must item")
                continue
            ok = False
            for a in alts:
                for name in docs:
                    try:
                        if occurs(a, name):
                            ok = True
                    except FileNotFoundError:
                        pass
            if not ok:
                errors.append(f"{qid}: must {item!r} not found in {docs}")
    for path in sorted((HERE / "docs").iterdir()):
        if path.suffix.lower() not in {".txt", ".md", ".pdf"}:
            continue
        text, _ = load(path.name)
        for word in FORBIDDEN_IN_NEW:
            if word.lower() in text.lower():
                errors.append(f"{path.name}: uses the corpus name {word!r}")
    for e in errors:
        print("FAIL", e)
    answerable = len(lines) - counts.get("unanswerable", 0)
    print(f"{len(lines)} questions ({answerable} answerable, {counts.get('unanswerable', 0)} "
          f"unanswerable); kinds: {dict(sorted(counts.items()))}")
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
