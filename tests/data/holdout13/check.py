"""Self-contained checker for the holdout13 question set (no project code)."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
CORPUS_CANDIDATES = [os.path.join(HERE, "..", "..", "..", "corpus"), "/work/main/corpus"]
CORPUS = next((c for c in CORPUS_CANDIDATES if os.path.isdir(c)), None)

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

_cache = {}
def text_of(name):
    if name in _cache:
        return _cache[name]
    for d in (DOCS, CORPUS):
        if d and os.path.exists(os.path.join(d, name)):
            p = os.path.join(d, name)
            break
    else:
        raise SystemExit("missing document: %s" % name)
    if p.endswith(".pdf"):
        from pypdf import PdfReader
        t = "\n".join(pg.extract_text() or "" for pg in PdfReader(p).pages)
    else:
        with open(p, encoding="utf-8") as f:
            t = f.read()
    _cache[name] = norm(t)
    return _cache[name]

errors = []
qs = []
with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        o = json.loads(line)
        if set(o) != {"id", "split", "kind", "question", "must", "evidence"}:
            errors.append("line %d: bad keys %s" % (ln, sorted(o)))
        if o["split"] != "holdout13":
            errors.append("%s: bad split" % o["id"])
        qs.append(o)
ids = [o["id"] for o in qs]
if len(set(ids)) != len(ids):
    errors.append("duplicate ids")
groups = {p: [i for i in ids if re.fullmatch(r"h13-%s\d\d" % p, i)] for p in "cnu"}
if (len(groups["c"]), len(groups["n"]), len(groups["u"])) != (30, 30, 20) or len(ids) != 80:
    errors.append("counts c/n/u = %d/%d/%d" % tuple(len(groups[p]) for p in "cnu"))
for o in qs:
    if o["id"].startswith("h13-u"):
        if o["kind"] != "unanswerable" or o["must"] or o["evidence"]:
            errors.append("%s: unanswerable must have empty must/evidence" % o["id"])
        continue
    if o["kind"] == "unanswerable" or not o["must"] or not o["evidence"]:
        errors.append("%s: answerable needs must and evidence" % o["id"])
    names = set()
    for ev in o["evidence"]:
        for d in ev["docs"]:
            names.add(d)
            if norm(ev["text"]) not in text_of(d):
                errors.append("%s: evidence not found in %s: %r" % (o["id"], d, ev["text"][:60]))
    for m in o["must"]:
        if not any(norm(alt) in text_of(d) for alt in m.split("|") for d in names):
            errors.append("%s: must %r not in evidence docs" % (o["id"], m))
newdocs = sorted(x for x in os.listdir(DOCS) if x.endswith((".pdf", ".txt", ".md", ".csv")))
for d in newdocs:
    n = sum(1 for o in qs for ev in o["evidence"] if d in ev["docs"])
    if n == 0:
        errors.append("no question cites %s" % d)
# invented names must not occur in the corpus
INVENTED = ["Ullswick", "Caddonshire", "Cranmoor", "Marchbourne", "Ruddlestone", "Ebberdale",
            "Hembury", "Lockwell", "Stobford", "Askerby", "Lantern Quay", "Coopers Walk"]
if CORPUS:
    for fn in os.listdir(CORPUS):
        with open(os.path.join(CORPUS, fn), encoding="utf-8", errors="replace") as f:
            t = f.read().lower()
        for w in INVENTED:
            if w.lower() in t:
                errors.append("invented name %s occurs in corpus file %s" % (w, fn))
for w in ["Charnwood", "Leicestershire", "Loughborough", "North West Leicestershire"]:
    for d in newdocs:
        if w.lower() in text_of(d).lower():
            errors.append("corpus name %s used in %s" % (w, d))
if errors:
    print("\n".join(errors))
    sys.exit(1)
na = sum(1 for o in qs if o["must"])
print("OK: %d questions (%d answerable, %d unanswerable), %d documents" % (len(qs), na, len(qs) - na, len(newdocs)))
