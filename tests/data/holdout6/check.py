"""Check the holdout6 question set against its documents.

Run from the repository root:
    .venv/bin/python tests/data/holdout6/check.py

For every answerable question: each evidence text must occur word for word in every
document it names, and each `must` item (at least one of its `a|b` alternatives) must occur
word for word in at least one of the question's evidence documents. Text and Markdown files
are searched as they are; the PDF is searched in pypdf's extract_text() of its pages, joined
by newlines, with runs of whitespace collapsed to one space.

It also checks the line format, unique ids, empty must/evidence for unanswerable questions,
that each question's evidence comes from one partnership and that the question names it,
and that the new documents use none of the corpus's council or town names nor the names of
the partnerships in the earlier held-out sets.
"""
import json
import re
import sys
from pathlib import Path

from pypdf import PdfReader

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DOCS = HERE / "docs"
CORPUS = ROOT / "corpus"

KINDS = {"fact", "kpi", "decision", "action", "recommendation", "who", "when", "list", "brief",
         "definition", "unanswerable"}
KEYS = {"id", "split", "kind", "question", "must", "evidence"}

# file-name prefix -> (partnership, words one of which the question must contain)
PARTNERSHIPS = {
    "charnwood-": ("Charnwood", ["Charnwood"]),
    "nwl-": ("North West Leicestershire", ["North West Leicestershire"]),
    "tollingham-": ("Tollingham", ["Tollingham"]),
    "eskerby-": ("Eskerby", ["Eskerby"]),
    "quillbrook-": ("Quillbrook", ["Quillbrook"]),
}

# names the new documents must not use: the corpus's councils and towns, and the
# partnerships, councils and forces of the earlier held-out sets
FORBIDDEN = ["Charnwood", "Leicestershire", "Leicester", "Rutland", "Loughborough", "Coalville",
             "Ashby", "Syston", "Shepshed", "Hallowmere", "Northmarch", "Tarnbridge", "Wessmoor",
             "Ostley", "Marlshire", "Brackenford", "Durnshire", "Kestlewick", "Pendleshire",
             "Ellerstoke", "Brenmoor", "Brackenmoor", "Carrowshire", "Westholm", "Vennshire",
             "Sallowfield", "Tamshire"]

# invented names in the new documents: none may appear in the corpus
INVENTED = ["Tollingham", "Halberdshire", "Eskerby", "Carnshire", "Quillbrook", "Loddonshire",
            "Lamplugh", "Fernihough", "Ferrabee", "Tresize", "Halsall", "Cadwgan", "Stanier",
            "Kilbride", "Marwood", "Gorringe", "Varley", "Stirk", "Honeysett", "Quennell",
            "Dredge", "Yorath", "Gwilt", "Blenkinsop", "Fogg", "Coldharbour", "Pennant Cross",
            "Mardle", "Ashlow", "Brisley", "Stainby", "Yelford", "Culverdale", "Moxley", "Arkholt",
            "Greyfriars", "Cinderhill", "Salter Street", "Ousebank", "Fellgate", "Pelton Rise",
            "Kettlebridge", "Skelbrook", "Lowmoor", "Wrenfield", "Calderby", "Rookery Lane",
            "Brantwell", "Risbury", "Sedgecombe", "Flaxby", "Wexcombe", "Harthwaite", "Bellweather",
            "Gilling Moor", "Swallowdale", "Mossgate", "Thistleworth", "Hobb's Cross", "Pellingford",
            "Lapwing", "CIRRUS", "PALADIN", "LIMS"]


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def load(name):
    for base in (DOCS, CORPUS):
        p = base / name
        if p.exists():
            if p.suffix == ".pdf":
                r = PdfReader(str(p))
                return collapse("\n".join(pg.extract_text() for pg in r.pages)), True
            return p.read_text(encoding="utf-8"), False
    raise FileNotFoundError(name)


def partnership(name):
    for prefix, (pname, _) in PARTNERSHIPS.items():
        if name.startswith(prefix):
            return prefix
    raise ValueError(f"no partnership for {name}")


def main():
    errors = []
    cache = {}

    def text_of(name):
        if name not in cache:
            cache[name] = load(name)
        return cache[name]

    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    ids = set()
    n_unans = 0
    for ln, line in enumerate(lines, 1):
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {ln}: bad JSON ({e})")
            continue
        qid = q.get("id", f"line {ln}")
        if set(q) != KEYS:
            errors.append(f"{qid}: keys {sorted(q)}")
            continue
        if not qid.startswith("h6-"):
            errors.append(f"{qid}: id must start with h6-")
        if qid in ids:
            errors.append(f"{qid}: duplicate id")
        ids.add(qid)
        if q["split"] != "holdout6":
            errors.append(f"{qid}: split {q['split']}")
        if q["kind"] not in KINDS:
            errors.append(f"{qid}: kind {q['kind']}")
        if not isinstance(q["question"], str) or not q["question"].strip():
            errors.append(f"{qid}: empty question")
        if q["kind"] == "unanswerable":
            n_unans += 1
            if q["must"] or q["evidence"]:
                errors.append(f"{qid}: unanswerable question must have empty must and evidence")
            continue
        if not q["must"] or not q["evidence"]:
            errors.append(f"{qid}: answerable question needs must and evidence")
            continue
        names = []
        for ev in q["evidence"]:
            if set(ev) != {"docs", "text"} or not ev["docs"] or not ev["text"]:
                errors.append(f"{qid}: bad evidence entry {ev}")
                continue
            for name in ev["docs"]:
                try:
                    body, is_pdf = text_of(name)
                except FileNotFoundError:
                    errors.append(f"{qid}: no document {name}")
                    continue
                names.append(name)
                needle = collapse(ev["text"]) if is_pdf else ev["text"]
                if needle not in body:
                    errors.append(f"{qid}: evidence not found in {name}: {ev['text']!r}")
        groups = {partnership(n) for n in names}
        if len(groups) != 1:
            errors.append(f"{qid}: evidence from more than one partnership: {sorted(set(names))}")
        else:
            words = PARTNERSHIPS[groups.pop()][1]
            if not any(w.lower() in q["question"].lower() for w in words):
                errors.append(f"{qid}: question does not name its partnership ({words})")
        for item in q["must"]:
            alts = item.split("|")
            found = False
            for name in set(names):
                body, is_pdf = text_of(name)
                if any((collapse(a) if is_pdf else a) in body for a in alts):
                    found = True
                    break
            if not found:
                errors.append(f"{qid}: must item {item!r} not in its evidence documents")

    new_docs = sorted(p for p in DOCS.iterdir() if p.suffix in (".md", ".txt", ".pdf"))
    for p in new_docs:
        body, _ = text_of(p.name)
        for w in FORBIDDEN:
            if re.search(r"\b" + re.escape(w) + r"\b", body):
                errors.append(f"{p.name}: uses forbidden name {w!r}")
    corpus_text = "\n".join(p.read_text(encoding="utf-8", errors="ignore")
                            for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))
    for w in INVENTED:
        if w.lower() in corpus_text.lower():
            errors.append(f"invented name {w!r} occurs in the corpus")

    if errors:
        print("\n".join(errors))
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print(f"OK: {len(lines)} questions ({len(lines) - n_unans} answerable, {n_unans} unanswerable), "
          f"{len(new_docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
