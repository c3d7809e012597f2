"""Check the holdout12 question set. Standalone: no project imports.

Run from the repository root:  .venv/bin/python tests/data/holdout12/check.py
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DOCS = os.path.join(HERE, "docs")
CORPUS = os.path.join(ROOT, "corpus")

KEYS = {"id", "split", "kind", "question", "must", "evidence"}
KINDS = {"kpi", "fact", "who", "when", "decision", "action", "recommendation", "list",
         "definition", "briefing", "two_part", "ranking", "unanswerable"}

# which partnership each document belongs to, and a word the question must use
PARTNERSHIP = {
    "charnwood-csp-agenda-pack-2014-12-18.txt": "charnwood",
    "charnwood-csp-agenda-pack-2023-04-20.txt": "charnwood",
    "charnwood-csp-minutes-2023-01-26.md": "charnwood",
    "charnwood-strategic-assessment-2023-24.md": "charnwood",
    "nwl-community-safety-scrutiny-2024.md": "nwl",
    "quenningford-serious-violence-duty-strategy-year-one-progress-2024-25.md": "quenningford",
    "hobbleswick-north-safer-neighbourhood-panel-notes-2025-10-08.txt": "hobbleswick",
    "drummondsey-prevent-and-exploitation-board-decision-log-2025-26.txt": "drummondsey",
}
NAMED = {
    "charnwood": ["charnwood"],
    "nwl": ["north west leicestershire"],
    "quenningford": ["quenningford"],
    "hobbleswick": ["hobbleswick"],
    "drummondsey": ["drummondsey"],
}
NEW_PARTS = ("quenningford", "hobbleswick", "drummondsey")
# the three new documents; each has 10 questions.
NEW_DOCS = ["quenningford-serious-violence-duty-strategy-year-one-progress-2024-25.md",
            "hobbleswick-north-safer-neighbourhood-panel-notes-2025-10-08.txt",
            "drummondsey-prevent-and-exploitation-board-decision-log-2025-26.txt"]
EXTRA_DOCS = []
# names invented for this set: each must be in the new documents and nowhere else in the repository's tests or corpus
INVENTED = ["Quenningford", "Harnwick", "Penwarden", "Trevennick", "Fenwright", "Rushbrooke", "Lydgate Marsh",
            "Old Fennery", "Saltings Quay", "Blade Free",
            "Hobbleswick", "Sedgemarsh", "Plowright", "Quaintance", "Iveagh", "Wainfleet", "Scarisbrick", "Ommaney",
            "Bellringer", "Kellcott", "Pennywell", "Wickerside", "Frithbeck", "Fellingham Moor", "Mill Causeway",
            "Cordwainer Yard", "St Ebba",
            "Drummondsey", "Halsetown", "Tregaskis", "Moorcroft", "Dunkerley", "Kestrelgate", "Lanternfield",
            "Hamish Arkwright", "Openshaw", "EMOG"]
CORPUS_PLACES = ["Charnwood", "Loughborough", "Leicester", "Coalville", "Ashby", "Rutland", "Syston",
                 "Shepshed", "Thurmaston", "North West Leicestershire", "Greenhill", "Ibstock"]


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def doc_text(name):
    path = os.path.join(DOCS, name)
    if not os.path.exists(path):
        path = os.path.join(CORPUS, name)
    if name.endswith(".pdf"):
        from pypdf import PdfReader
        text = "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    return norm(text)


def main():
    errors = []
    texts = {name: doc_text(name) for name in PARTNERSHIP}
    with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines()]
    qs = []
    for n, line in enumerate(lines, 1):
        try:
            qs.append(json.loads(line))
        except ValueError as e:
            errors.append("line %d: bad JSON (%s)" % (n, e))
    ids = set()
    counts = {"c": 0, "n": 0, "u": 0}
    per_new_doc = {d: 0 for d in NEW_DOCS}
    corpus_seen = set()
    for q in qs:
        qid = q.get("id", "?")
        if set(q) != KEYS:
            errors.append("%s: keys %s" % (qid, sorted(q)))
            continue
        if qid in ids:
            errors.append("%s: duplicate id" % qid)
        ids.add(qid)
        m = re.fullmatch(r"h12-([cnu])(\d\d)", qid)
        if not m:
            errors.append("%s: bad id" % qid)
            continue
        counts[m.group(1)] += 1
        if q["split"] != "holdout12":
            errors.append("%s: split" % qid)
        if q["kind"] not in KINDS:
            errors.append("%s: kind %s" % (qid, q["kind"]))
        if (m.group(1) == "u") != (q["kind"] == "unanswerable"):
            errors.append("%s: id/kind mismatch" % qid)
        if q["kind"] == "unanswerable":
            if q["must"] or q["evidence"]:
                errors.append("%s: unanswerable must have empty must and evidence" % qid)
            continue
        if not q["must"] or not q["evidence"] or len(q["must"]) > 3:
            errors.append("%s: needs 1-3 must items and evidence" % qid)
        docs = set()
        for ev in q["evidence"]:
            for d in ev["docs"]:
                if d not in texts:
                    errors.append("%s: unknown doc %s" % (qid, d))
                    continue
                docs.add(d)
                if norm(ev["text"]) not in texts[d]:
                    errors.append("%s: evidence not in %s: %r" % (qid, d, ev["text"]))
        parts = {PARTNERSHIP[d] for d in docs}
        if len(parts) != 1:
            errors.append("%s: evidence from %s" % (qid, parts))
            continue
        part = parts.pop()
        if not any(w in q["question"].lower() for w in NAMED[part]):
            errors.append("%s: question does not name %s" % (qid, part))
        if (m.group(1) == "c") != (part in ("charnwood", "nwl")):
            errors.append("%s: id prefix does not match the document" % qid)
        for d in docs:
            if d in per_new_doc:
                per_new_doc[d] += 1
            elif d not in EXTRA_DOCS:
                corpus_seen.add(d)
        for item in q["must"]:
            alts = item.split("|")
            if not any(norm(a) in texts[d] for a in alts for d in docs):
                errors.append("%s: must %r not in evidence docs" % (qid, item))
    if len(qs) != 80:
        errors.append("expected 80 questions, got %d" % len(qs))
    if counts != {"c": 30, "n": 30, "u": 20}:
        errors.append("counts %s" % counts)
    for d, c in per_new_doc.items():
        if c != 10:
            errors.append("%s has %d questions, expected 10" % (d, c))
    missing = {d for d, p in PARTNERSHIP.items() if p in ("charnwood", "nwl")} - corpus_seen
    if missing:
        errors.append("corpus files without a question: %s" % sorted(missing))
    # names
    for d in NEW_DOCS + EXTRA_DOCS:
        for place in CORPUS_PLACES:
            if place.lower() in texts[d].lower():
                errors.append("%s uses corpus name %s" % (d, place))
    alltext = " ".join(texts[d] for d in NEW_DOCS + EXTRA_DOCS).lower()
    elsewhere = []
    for base in (os.path.join(ROOT, "tests"), CORPUS):
        for dirpath, dirnames, filenames in os.walk(base):
            if os.path.abspath(dirpath).startswith(HERE):
                continue
            for fn in filenames:
                try:
                    with open(os.path.join(dirpath, fn), encoding="utf-8", errors="ignore") as f:
                        elsewhere.append(f.read().lower())
                except OSError:
                    pass
    other = "\n".join(elsewhere)
    for name in INVENTED:
        if name.lower() not in alltext:
            errors.append("invented name %s not used in the new documents" % name)
        if name.lower() in other:
            errors.append("invented name %s occurs elsewhere in the repository" % name)
    if errors:
        print("\n".join(errors))
        print("FAILED: %d problem(s)" % len(errors))
        sys.exit(1)
    print("OK: %d questions (%d answerable, %d unanswerable), %d new documents"
          % (len(qs), counts["c"] + counts["n"], counts["u"], len(NEW_DOCS)))


if __name__ == "__main__":
    main()
