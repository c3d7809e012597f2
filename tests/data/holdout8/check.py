"""Check the holdout8 set: format, evidence and must strings, partnerships, names.

Run from the repository root:  .venv/bin/python tests/data/holdout8/check.py
Prints OK and the counts, or every problem found (exit status 1).
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
KEYS = ["id", "split", "kind", "question", "must", "evidence"]

# document -> (partnership key, words that name it in a question)
PARTNERSHIP = {
    "charnwood-csp-agenda-pack-2014-12-18.txt": "charnwood",
    "charnwood-csp-agenda-pack-2023-04-20.txt": "charnwood",
    "charnwood-csp-minutes-2023-01-26.md": "charnwood",
    "charnwood-strategic-assessment-2023-24.md": "charnwood",
    "nwl-community-safety-scrutiny-2024.md": "nwl",
    "farlowe-csp-performance-dashboard-q2-2025-26.pdf": "farlowe",
    "ravensholt-csp-pcc-grant-monitoring-return-2024-25.txt": "ravensholt",
    "thistlebury-csp-annual-report-to-council-2024-25.md": "thistlebury",
}
NAMES = {"charnwood": ["Charnwood"], "nwl": ["North West Leicestershire"],
         "farlowe": ["Farlowe"], "ravensholt": ["Ravensholt"], "thistlebury": ["Thistlebury"]}
# names invented for this set: none may occur in the corpus or in other test data
INVENTED = ["Farlowe", "Ketterstone", "Ravensholt", "Orrinshire", "Thistlebury", "Wrenmouth",
            "Gorsemoor", "Highcross", "Redbank", "Saltmere", "Tannery Lane", "Quarrybank",
            "Stennick", "Aldercote", "Cobbleford", "Yarrowfield", "Sorrelby", "Hatherwick",
            "Copperhill", "Pellbrook", "Cindermill", "Rammell", "Wieczorek", "Keever",
            "Fairhurst", "Lindfield", "Lockgate", "Trevaskis", "Pennefather", "Quartermaine",
            "Talbot-Vane", "Callender", "Prydderch", "Ambrosetti", "Sethi", "Harbour Point",
            "Night Hosts", "Retail Link", "Turnstone Recovery", "QMAP", "Coopers Row",
            "St Aldhelm", "St Wilfrid"]
# corpus council, town and force names that the new documents must not use
FORBIDDEN = ["Charnwood", "Leicestershire", "Loughborough", "Leicester", "Rutland", "Coalville",
             "Ashby", "Syston", "Shepshed", "Thurmaston"]


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def load(name):
    path = DOCS / name if (DOCS / name).exists() else CORPUS / name
    if not path.exists():
        return None
    if path.suffix == ".pdf":
        from pypdf import PdfReader
        return collapse("\n".join(p.extract_text() for p in PdfReader(str(path)).pages))
    return path.read_text(encoding="utf-8")


def main():
    problems = []
    texts = {}

    def text(name):
        if name not in texts:
            texts[name] = load(name)
        return texts[name]

    ids = set()
    n_ans = n_un = 0
    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    for ln, line in enumerate(lines, 1):
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {ln}: bad JSON ({e})")
            continue
        if list(q) != KEYS:
            problems.append(f"line {ln}: keys {list(q)} != {KEYS}")
            continue
        qid = q["id"]
        if not qid.startswith("h8-") or qid in ids:
            problems.append(f"{qid}: bad or repeated id")
        ids.add(qid)
        if q["split"] != "holdout8":
            problems.append(f"{qid}: split {q['split']!r}")
        if q["kind"] not in KINDS:
            problems.append(f"{qid}: kind {q['kind']!r}")
        if not q["question"].strip():
            problems.append(f"{qid}: empty question")
        if q["kind"] == "unanswerable":
            n_un += 1
            if q["must"] or q["evidence"]:
                problems.append(f"{qid}: unanswerable but must/evidence not empty")
            continue
        n_ans += 1
        if not q["must"] or not q["evidence"]:
            problems.append(f"{qid}: answerable but must or evidence empty")
            continue
        docs = set()
        for ev in q["evidence"]:
            if set(ev) != {"docs", "text"} or not ev["docs"]:
                problems.append(f"{qid}: bad evidence item {ev}")
                continue
            for d in ev["docs"]:
                docs.add(d)
                t = text(d)
                if t is None:
                    problems.append(f"{qid}: no document {d}")
                    continue
                needle = collapse(ev["text"]) if d.endswith(".pdf") else ev["text"]
                if needle not in t:
                    problems.append(f"{qid}: evidence not in {d}: {ev['text']!r}")
        parts = {PARTNERSHIP.get(d, "?" + d) for d in docs}
        if len(parts) != 1:
            problems.append(f"{qid}: evidence from several partnerships {sorted(parts)}")
        else:
            part = parts.pop()
            if part in NAMES and not any(n.lower() in q["question"].lower() for n in NAMES[part]):
                problems.append(f"{qid}: question does not name its partnership ({part})")
        for m in q["must"]:
            alts = [a for a in m.split("|") if a]
            if not alts or not any(text(d) and a in text(d) for a in alts for d in docs):
                problems.append(f"{qid}: must {m!r} not in its evidence documents")

    new_docs = sorted(p for p in DOCS.iterdir() if p.suffix in {".pdf", ".txt", ".md", ".csv"})
    for p in new_docs:
        t = text(p.name)
        for w in FORBIDDEN:
            if re.search(r"\b" + re.escape(w) + r"\b", t):
                problems.append(f"{p.name}: uses the corpus name {w!r}")
    others = [p for p in list(CORPUS.rglob("*")) + list((ROOT / "tests").rglob("*"))
              if p.is_file() and HERE not in p.parents and p.suffix in
              {".txt", ".md", ".jsonl", ".json", ".py", ".csv", ".yaml", ".yml", ".tsv"}]
    blob = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in others).lower()
    for n in INVENTED:
        if n.lower() in blob:
            problems.append(f"invented name {n!r} already occurs outside holdout8")
        if not any(n in text(p.name) for p in new_docs):
            problems.append(f"invented name {n!r} is not used in the new documents")

    if problems:
        print("\n".join(problems))
        print(f"FAILED: {len(problems)} problem(s)")
        return 1
    print(f"OK: {len(lines)} questions ({n_ans} answerable, {n_un} unanswerable), "
          f"{len(new_docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
