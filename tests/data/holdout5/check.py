"""Check the holdout5 question set against its documents.

Run from the repository root:  .venv/bin/python tests/data/holdout5/check.py

For every answerable question: each evidence text occurs verbatim in every
document it names, and each `must` item (one of its `|` alternatives) occurs
verbatim in one of the question's evidence documents. A PDF is searched in
pypdf's extract_text() of its pages joined by newlines, with runs of whitespace
collapsed to one space (the evidence text is collapsed the same way). Also
checks the line format, unique ids, empty unanswerable questions, that each
question's evidence comes from one partnership and that the question names it,
and that the new documents do not use the corpus's council names. Prints OK.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DIRS = [os.path.join(ROOT, "corpus"), os.path.join(HERE, "docs")]
KINDS = {"fact", "kpi", "decision", "action", "recommendation", "who", "when", "list", "brief",
         "definition", "unanswerable"}
KEYS = ["id", "split", "kind", "question", "must", "evidence"]
PARTNERSHIP = {  # file-name prefix -> (partnership, words a question may use to name it)
    "charnwood-": ("Charnwood", ["Charnwood"]),
    "nwl-": ("North West Leicestershire", ["North West Leicestershire", "SNWL"]),
    "brackenmoor-": ("Brackenmoor", ["Brackenmoor"]),
    "westholm-": ("Westholm", ["Westholm"]),
    "sallowfield-": ("Sallowfield", ["Sallowfield"]),
}
CORPUS_COUNCIL_NAMES = ["Charnwood", "North West Leicestershire", "Leicestershire", "Leicester", "Loughborough", "Coalville"]


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


_cache = {}


def text_of(name):
    if name in _cache:
        return _cache[name]
    for d in DIRS:
        path = os.path.join(d, name)
        if os.path.exists(path):
            break
    else:
        raise SystemExit("missing document: %s" % name)
    if name.endswith(".pdf"):
        from pypdf import PdfReader
        t = collapse("\n".join(p.extract_text() or "" for p in PdfReader(path).pages))
    else:
        with open(path, encoding="utf-8") as f:
            t = f.read()
    _cache[name] = t
    return t


def contains(name, s):
    t = text_of(name)
    return (collapse(s) in t) if name.endswith(".pdf") else (s in t)


def partnership(name):
    for prefix, v in PARTNERSHIP.items():
        if name.startswith(prefix):
            return v
    raise SystemExit("unknown partnership for %s" % name)


def main():
    errors = []
    ids = set()
    n = 0
    with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                errors.append("line %d: blank line" % ln)
                continue
            q = json.loads(line)
            n += 1
            where = "line %d (%s)" % (ln, q.get("id"))
            if list(q.keys()) != KEYS:
                errors.append("%s: keys %s" % (where, list(q.keys())))
            if not str(q["id"]).startswith("h5-") or q["id"] in ids:
                errors.append("%s: bad or repeated id" % where)
            ids.add(q["id"])
            if q["split"] != "holdout5":
                errors.append("%s: split" % where)
            if q["kind"] not in KINDS:
                errors.append("%s: kind %s" % (where, q["kind"]))
            if q["kind"] == "unanswerable":
                if q["must"] or q["evidence"]:
                    errors.append("%s: unanswerable with must/evidence" % where)
                continue
            if not q["must"] or not q["evidence"]:
                errors.append("%s: answerable without must/evidence" % where)
                continue
            docs = set()
            for ev in q["evidence"]:
                if list(ev.keys()) != ["docs", "text"] or not ev["docs"] or not ev["text"]:
                    errors.append("%s: evidence format" % where)
                    continue
                for d in ev["docs"]:
                    docs.add(d)
                    if not contains(d, ev["text"]):
                        errors.append("%s: evidence not in %s: %r" % (where, d, ev["text"]))
            for m in q["must"]:
                alts = [a for a in m.split("|") if a]
                if not any(contains(d, a) for d in docs for a in alts):
                    errors.append("%s: must %r not in %s" % (where, m, sorted(docs)))
            parts = {partnership(d)[0] for d in docs}
            if len(parts) != 1:
                errors.append("%s: evidence from several partnerships %s" % (where, sorted(parts)))
            else:
                words = partnership(sorted(docs)[0])[1]
                if not any(w in q["question"] for w in words):
                    errors.append("%s: question does not name its partnership" % where)
    for name in sorted(os.listdir(os.path.join(HERE, "docs"))):
        if name.endswith((".pdf", ".txt", ".md")):
            t = text_of(name)
            for c in CORPUS_COUNCIL_NAMES:
                if c.lower() in t.lower():
                    errors.append("new document %s uses corpus name %s" % (name, c))
    if n != 80:
        errors.append("expected 80 questions, found %d" % n)
    if errors:
        print("\n".join(errors))
        print("FAILED: %d problem(s)" % len(errors))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
