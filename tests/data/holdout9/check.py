"""Check holdout9's questions against its documents (standalone: no project imports).

Run from anywhere:  .venv/bin/python tests/data/holdout9/check.py

For every question it checks the line format, the id scheme and the kinds; that
unanswerable questions have empty `must` and `evidence`; that every evidence
`text` occurs in each document it names and that every `must` item (at least
one alternative of an `a|b` item) occurs in one of the question's evidence
documents, both up to whitespace (runs of whitespace are collapsed to one
space; the PDF is read as pypdf's extract_text() of its pages joined by
newlines); that each question's evidence comes from one partnership and that
the question names that partnership. It also checks that the new documents do
not use the corpus's council and town names, and that the names invented for
this set occur in the new documents and nowhere else in the corpus or the
repository's other test data.
"""

import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
CORPUS = os.path.join(ROOT, "corpus")
DOCS = os.path.join(HERE, "docs")
TESTS = os.path.join(ROOT, "tests")

KEYS = {"id", "split", "kind", "question", "must", "evidence"}
KINDS = {"kpi", "fact", "who", "when", "decision", "action", "recommendation", "list",
         "definition", "brief", "two_part", "ranking", "unanswerable"}

# document -> partnership, and the words a question must use to name it
PARTNERSHIP = {
    "charnwood-csp-agenda-pack-2014-12-18.txt": "charnwood",
    "charnwood-csp-agenda-pack-2023-04-20.txt": "charnwood",
    "charnwood-csp-minutes-2023-01-26.md": "charnwood",
    "charnwood-strategic-assessment-2023-24.md": "charnwood",
    "nwl-community-safety-scrutiny-2024.md": "nwl",
    "stanwold-cabinet-partnership-plan-refresh-2026-02-10.pdf": "stanwold",
    "cressingford-jag-problem-solving-profile-psp-25-014.txt": "cressingford",
    "amberlow-dhr-executive-summary-marla-2025.md": "amberlow",
}
NAMES = {
    "charnwood": ["Charnwood"],
    "nwl": ["North West Leicestershire"],
    "stanwold": ["Stanwold"],
    "cressingford": ["Cressingford"],
    "amberlow": ["Amberlow"],
}
NEW_DOCS = [d for d, p in PARTNERSHIP.items() if p in ("stanwold", "cressingford", "amberlow")]

# names used in the corpus that must not appear in the new documents
CORPUS_NAMES = ["Charnwood", "Leicestershire", "Loughborough", "Coalville", "Rutland", "Syston",
                "Shepshed", "Ashby"]

# names invented for this set: each must occur in the new documents and nowhere
# else in the corpus or in the other test data
INVENTED = [
    "Stanwold", "Dunholtshire", "Pellowby", "Holmcross", "Ridgeford", "Sedgebury", "Ossington",
    "Threlfall", "Dervla Kinsey", "Marrowby", "Lunnon", "Askwith", "Gareth Moyle", "Farraday",
    "Hollinrake", "Pellard", "Ezeilo", "Shopsafe", "ORBIT panel",
    "Cressingford", "Wyndlesham", "Orrelgate", "Fellmonger", "Weirside", "Lydgate Road",
    "Pendarves", "Ashlock", "Fairbrass", "Rowbotham", "Kowalewska", "Ivor Netherby", "Raithatha",
    "Inchcombe", "VOLT",
    "Amberlow", "Kelderfield", "Gwendolyn Strachan", "Lorna Beckwith", "Tobias Farrant",
    "Fernhill Surgery", "Harbour Light", "Bridgeway Recovery", "Marla",
]

ERRORS = []


def err(msg):
    ERRORS.append(msg)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


_cache = {}


def doc_text(name):
    if name in _cache:
        return _cache[name]
    for folder in (DOCS, CORPUS):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            break
    else:
        raise FileNotFoundError(name)
    if name.endswith(".pdf"):
        from pypdf import PdfReader
        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    _cache[name] = norm(text)
    return _cache[name]


def other_test_text():
    """Text of the corpus and every test data file outside this set."""
    chunks = []
    for folder in (CORPUS, TESTS):
        for dirpath, dirnames, filenames in os.walk(folder):
            if os.path.abspath(dirpath).startswith(HERE):
                continue
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
            for fn in filenames:
                path = os.path.join(dirpath, fn)
                if fn.endswith(".pdf"):
                    try:
                        from pypdf import PdfReader
                        chunks.append("\n".join(p.extract_text() or "" for p in PdfReader(path).pages))
                    except Exception:
                        pass
                    continue
                try:
                    with open(path, encoding="utf-8") as f:
                        chunks.append(f.read())
                except (UnicodeDecodeError, OSError):
                    pass
    return "\n".join(chunks)


def main():
    path = os.path.join(HERE, "questions.jsonl")
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                err(f"line {ln}: blank line")
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"line {ln}: bad JSON ({e})")

    ids = Counter(r.get("id") for r in rows)
    for i, c in ids.items():
        if c > 1:
            err(f"{i}: duplicate id")
    if len(rows) != 80:
        err(f"{len(rows)} questions, expected 80")

    per_new_doc = Counter()
    n_un = 0
    for r in rows:
        qid = r.get("id", "?")
        if set(r) != KEYS:
            err(f"{qid}: keys {sorted(r)}")
            continue
        if r["split"] != "holdout9":
            err(f"{qid}: split {r['split']!r}")
        if r["kind"] not in KINDS:
            err(f"{qid}: kind {r['kind']!r}")
        if not re.fullmatch(r"h9-[cnu]\d\d", qid):
            err(f"{qid}: id format")
        if not isinstance(r["question"], str) or len(r["question"]) < 15:
            err(f"{qid}: question too short")
        if not isinstance(r["must"], list) or not isinstance(r["evidence"], list):
            err(f"{qid}: must/evidence must be lists")
            continue

        if r["kind"] == "unanswerable":
            n_un += 1
            if not qid.startswith("h9-u"):
                err(f"{qid}: unanswerable question with a non-u id")
            if r["must"] or r["evidence"]:
                err(f"{qid}: unanswerable question with must/evidence")
            continue
        if qid.startswith("h9-u"):
            err(f"{qid}: u id on an answerable question")
        if not (1 <= len(r["must"]) <= 3):
            err(f"{qid}: {len(r['must'])} must items (want 1-3)")
        if not r["evidence"]:
            err(f"{qid}: no evidence")
            continue

        names = []
        for ev in r["evidence"]:
            if set(ev) != {"docs", "text"} or not ev["docs"] or not ev["text"].strip():
                err(f"{qid}: bad evidence item {ev}")
                continue
            for d in ev["docs"]:
                if d not in PARTNERSHIP:
                    err(f"{qid}: unknown document {d}")
                    continue
                names.append(d)
                if norm(ev["text"]) not in doc_text(d):
                    err(f"{qid}: evidence not found in {d}: {ev['text']!r}")
        names = sorted(set(names))
        parts = {PARTNERSHIP[d] for d in names}
        if len(parts) != 1:
            err(f"{qid}: evidence from several partnerships {sorted(parts)}")
            continue
        part = parts.pop()
        if not any(w.lower() in r["question"].lower() for w in NAMES[part]):
            err(f"{qid}: question does not name its partnership ({part})")
        if qid.startswith("h9-c") and part not in ("charnwood", "nwl"):
            err(f"{qid}: corpus id but evidence from a new document")
        if qid.startswith("h9-n"):
            if part in ("charnwood", "nwl"):
                err(f"{qid}: new-document id but corpus evidence")
            per_new_doc.update(names)

        texts = [doc_text(d) for d in names]
        for m in r["must"]:
            alts = [a for a in m.split("|") if a.strip()]
            if not alts:
                err(f"{qid}: empty must item")
            elif not any(norm(a) in t for a in alts for t in texts):
                err(f"{qid}: must {m!r} not found in its evidence documents")

    if n_un != 20:
        err(f"{n_un} unanswerable questions, expected 20")
    n_c = sum(1 for r in rows if str(r.get("id", "")).startswith("h9-c"))
    n_n = sum(1 for r in rows if str(r.get("id", "")).startswith("h9-n"))
    if n_c != 30 or n_n != 30:
        err(f"{n_c} corpus and {n_n} new-document questions, expected 30 and 30")
    for d in NEW_DOCS:
        if per_new_doc[d] != 10:
            err(f"{d}: {per_new_doc[d]} questions, expected 10")

    corpus_files = [d for d, p in PARTNERSHIP.items() if p in ("charnwood", "nwl")]
    used = {ev_d for r in rows for ev in r.get("evidence", []) for ev_d in ev.get("docs", [])}
    for d in corpus_files:
        if d not in used:
            err(f"corpus file {d} has no question")

    new_text = "\n".join(doc_text(d) for d in NEW_DOCS)
    for w in CORPUS_NAMES:
        if w.lower() in new_text.lower():
            err(f"new documents use the corpus name {w!r}")
    other = other_test_text().lower()
    for w in INVENTED:
        if w.lower() not in new_text.lower():
            err(f"invented name {w!r} not found in the new documents")
        if w.lower() in other:
            err(f"invented name {w!r} occurs outside holdout9")

    if ERRORS:
        for e in ERRORS:
            print("FAIL:", e)
        print(f"{len(ERRORS)} problem(s)")
        return 1
    print(f"OK: {len(rows)} questions ({len(rows) - n_un} answerable, {n_un} unanswerable), "
          f"{len(NEW_DOCS)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
