"""Every non-empty golden value occurs verbatim (up to whitespace) in its document; states agree with the states table."""
import json, re, sys, pathlib
HERE = pathlib.Path(__file__).parent
STATES = {"Complete": "done", "Closed": "done", "Open": "open", "Not started": "open", "Overdue": "open",
          "In progress": "in progress", "Ongoing": "in progress", "On track": "in progress",
          "Carried forward": "carried forward", "Withdrawn": "dropped", "Superseded": "dropped", "": "not stated"}
DOCUMENT_STATES = {"harnsey-vale-csp-dhr-learning-and-improvement-plan-2026-12-01.pdf": {"G": "in progress", "A": "in progress", "R": "in progress", "C": "done"}}
ws = lambda s: re.sub(r"\s+", " ", s).strip()
bad = 0
for g in sorted(HERE.glob("*.golden.json")):
    doc = g.with_name(g.name[:-len(".golden.json")])
    if doc.suffix == ".pdf":
        from pypdf import PdfReader
        text = "\n".join(p.extract_text() for p in PdfReader(doc).pages)
    else:
        text = doc.read_text(encoding="utf-8")
    text = ws(text)
    for i, e in enumerate(json.loads(g.read_text(encoding="utf-8"))):
        for f in ("text", "owner", "due", "status", "reference", "update"):
            if e[f] and ws(e[f]) not in text:
                print(f"{doc.name} #{i} {f} not printed: {e[f]!r}"); bad += 1
        if {**STATES, **DOCUMENT_STATES.get(doc.name, {})}.get(e["status"]) != e["state"]:
            print(f"{doc.name} #{i} state {e['state']!r} for status {e['status']!r}"); bad += 1
print("problems:", bad); sys.exit(1 if bad else 0)
