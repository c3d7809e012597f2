"""Check the holdout7 question set against its documents.

Run from the repository root:  .venv/bin/python tests/data/holdout7/check.py
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CORPUS = ROOT / "corpus"
DOCS = HERE / "docs"
KINDS = {"fact", "kpi", "decision", "action", "recommendation", "who", "when", "list",
         "brief", "definition", "unanswerable"}
KEYS = {"id", "split", "kind", "question", "must", "evidence"}

# file-name prefix -> partnership, and words a question must contain to name it
PARTNERSHIPS = {
    "charnwood-": ("Charnwood", ["Charnwood"]),
    "nwl-": ("North West Leicestershire", ["North West Leicestershire"]),
    "corriemoor-": ("Safer Corriemoor", ["Corriemoor"]),
    "wyvernshire-": ("Hexleigh", ["Hexleigh", "Wyvernshire"]),
    "dunsmere-": ("Dunsmere", ["Dunsmere"]),
}
# names the new documents must not use: the corpus's councils and towns, and the
# partnerships, councils and forces of the earlier held-out sets (from their READMEs)
FORBIDDEN = ["Charnwood", "Leicestershire", "Leicester", "Loughborough", "Rutland", "Coalville",
             "Ashby", "Syston", "Shepshed", "Thurmaston", "Hallowmere", "Northmarch", "Tarnbridge",
             "Wessmoor", "Ostley", "Marlshire", "Brackenford", "Durnshire", "Kestlewick",
             "Pendleshire", "Ellerstoke", "Brenmoor", "Brackenmoor", "Carrowshire", "Westholm",
             "Vennshire", "Sallowfield", "Tamshire", "Tollingham", "Halberdshire", "Eskerby",
             "Carnshire", "Quillbrook", "Loddonshire"]
# names invented for this set: none may occur in the corpus or in other test data
INVENTED = ["Corriemoor", "Farrowshire", "Oxwold", "Mardlow", "Thornhallow", "Harbour Lantern",
            "Quenby", "Castellane", "Treadgold", "Nkemelu", "Wenlock", "Marrick", "Ottaway",
            "Sallis", "Fallowfield", "Dunlow", "Coldwell", "Tallentire", "Safe Steps",
            "Wyvernshire", "Hexleigh", "Quarrendon", "Hollinsby", "Garrowby", "Kellingmoor",
            "Faircloth", "Ashbury", "Trelask", "Keswin", "Dunsmere", "Brantshire", "Selbury",
            "Lindmoor", "Stannerton", "Tessmoor", "Brindlecote", "Ebbage", "Merriden", "Venning",
            "Castlow", "Orrinsmith", "BusinessWatch"]


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def load(name):
    path = DOCS / name if (DOCS / name).exists() else CORPUS / name
    if not path.exists():
        raise SystemExit("missing document: %s" % name)
    if path.suffix == ".pdf":
        from pypdf import PdfReader
        return norm("\n".join(p.extract_text() for p in PdfReader(str(path)).pages)), True
    return path.read_text(encoding="utf-8"), False


def partnership(name):
    for pre, (p, _) in PARTNERSHIPS.items():
        if name.startswith(pre):
            return pre
    raise SystemExit("no partnership for %s" % name)


def main():
    errors = []
    cache = {}

    def text(name):
        if name not in cache:
            cache[name] = load(name)
        return cache[name]

    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    ids = set()
    n_un = 0
    for ln, line in enumerate(lines, 1):
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append("line %d: bad JSON (%s)" % (ln, e))
            continue
        qid = q.get("id", "line %d" % ln)
        if set(q) != KEYS:
            errors.append("%s: keys %s" % (qid, sorted(q)))
            continue
        if not qid.startswith("h7-") or qid in ids:
            errors.append("%s: bad or duplicate id" % qid)
        ids.add(qid)
        if q["split"] != "holdout7":
            errors.append("%s: split" % qid)
        if q["kind"] not in KINDS:
            errors.append("%s: kind %s" % (qid, q["kind"]))
        if q["kind"] == "unanswerable":
            n_un += 1
            if q["must"] or q["evidence"]:
                errors.append("%s: unanswerable must have empty must and evidence" % qid)
            continue
        if not q["must"] or not q["evidence"]:
            errors.append("%s: answerable needs must and evidence" % qid)
            continue
        docs = [d for ev in q["evidence"] for d in ev["docs"]]
        prefixes = {partnership(d) for d in docs}
        if len(prefixes) != 1:
            errors.append("%s: evidence from more than one partnership %s" % (qid, docs))
        for pre in prefixes:
            if not any(w.lower() in q["question"].lower() for w in PARTNERSHIPS[pre][1]):
                errors.append("%s: question does not name its partnership" % qid)
        for ev in q["evidence"]:
            for d in ev["docs"]:
                body, is_pdf = text(d)
                t = norm(ev["text"]) if is_pdf else ev["text"]
                if t not in body:
                    errors.append("%s: evidence not in %s: %r" % (qid, d, ev["text"]))
        for item in q["must"]:
            alts = item.split("|")
            ok = False
            for d in set(docs):
                body, is_pdf = text(d)
                if any((norm(a) if is_pdf else a) in body for a in alts):
                    ok = True
            if not ok:
                errors.append("%s: must %r not in its evidence documents" % (qid, item))

    new_docs = sorted(p for p in DOCS.iterdir() if p.suffix in {".pdf", ".txt", ".md", ".csv"})
    for p in new_docs:
        body, _ = text(p.name)
        for w in FORBIDDEN:
            if re.search(r"\b%s\b" % re.escape(w), body, re.I):
                errors.append("%s uses forbidden name %s" % (p.name, w))
    others = [f for f in list(CORPUS.rglob("*")) + list((ROOT / "tests").rglob("*"))
              if f.is_file() and HERE not in f.parents and f.suffix in {".txt", ".md", ".json", ".jsonl", ".csv", ".py", ".yaml", ".yml", ".toml"}]
    for f in others:
        try:
            body = f.read_text(encoding="utf-8", errors="ignore").lower()
        except OSError:
            continue
        for w in INVENTED:
            if w.lower() in body:
                errors.append("invented name %s also occurs in %s" % (w, f.relative_to(ROOT)))

    if errors:
        print("\n".join(errors))
        print("FAILED: %d problem(s)" % len(errors))
        return 1
    print("OK: %d questions (%d answerable, %d unanswerable), %d documents"
          % (len(lines), len(lines) - n_un, n_un, len(new_docs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
