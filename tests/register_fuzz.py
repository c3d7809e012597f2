"""A generator of small register papers whose entries are known by construction (issue 10).

`papers(n, seed)` writes ``n`` invented papers from a grammar of the variations real papers
show, each with the entries a reader should find (kind, text, owner, due, status, state,
reference), as the register README's golden format says:

- **layouts**: a Markdown pipe table, a space-aligned text table, a CSV export with title
  rows, a tab-separated log, a reportlab PDF table that breaks across a page with its header
  repeated, and notes whose actions are lines (``ACTION: ... (AB).``, ``Action: AB to ...``,
  ``**A3** AB to ...``) and whose decisions are numbered markers (``D1 The Board approved``);
- **columns** in a shuffled order, their headers drawn from words the conventions file holds
  and from words it does not (``HEADERS``: the reader must fall back on the cells);
- **dates**: one due column, or a raised date, an original and a revised target, of which
  the latest target is the due;
- **statuses**: words of the states table, a key the paper prints (symbols, percentages,
  invented words defined by their meaning), and words no key defines (state "not stated");
- **references** in the styles councils print ("D1", "A3", "AP2", "CSP/24/07", "Min 40",
  "4(b)", "PCP/R/03"), **owners** as names, job titles, or initials an attendance list
  defines;
- **plans** whose first column groups their rows, its cell merged down them (a PDF's SPAN,
  a text table's blank cells below the first), and a RAG column beside a separate Status
  column (the status is the Status word);
- **cards**: a report printing one record per recommendation or action, its reference alone
  on a line, its words the hard-wrapped paragraph under it, a response paragraph, then
  ``Lead:`` / ``Timescale:`` / ``Position at <date>:`` lines (in the conventions' words),
  the position's free text opening with a word of the paper's own key (printed as aligned
  columns or a ``Status key:`` line), and a numbered paragraph ending "The following
  actions were agreed:" over "X to ..." bullets.

The vocabulary is the generator's own: some of it is in `ingest/conventions.toml`, some on
purpose not, so the score measures the readers' fallback as well as their lookup. The
expected state of every status word is written here, from what the word (or the paper's
key) means, never read from the conventions.

    .venv/bin/python -m tests.register_fuzz 200 7     # score 200 papers, seed 7
"""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("kind", "text", "owner", "due", "status", "state", "reference")

# --- vocabulary ---------------------------------------------------------------------------

PLACES = ["Harlow Quay", "Mintern Road", "Cobb Street", "the Eastgate estate", "Varley Park",
          "the bus station", "Tollgate Lane", "the market square", "Renfold Court"]
VERBS = ["Circulate", "Review", "Map", "Draft", "Arrange", "Commission", "Publish", "Survey",
         "Extend", "Agree", "Report on", "Set up"]
OBJECTS = ["the night-time economy plan", "a joint patrol rota", "the CCTV camera survey",
           "the youth outreach schedule", "the hate crime reporting leaflet",
           "a licensing visit programme", "the knife crime hotspot maps",
           "the street lighting repairs", "a problem-solving plan", "the partner referral form"]
ENDINGS = ["with the housing team", "for partners", "at {place}", "around {place}",
           "covering {place}", "with the Licensing Service"]
PEOPLE = [("Insp. Mara Quell", "MQ"), ("Tobin Ashgrove", "TA"), ("Sgt. Ilse Marwood", "IM"),
          ("Priya Colebrook", "PC"), ("Dr Emlyn Forde", "EF"), ("Hattie Penrose", "HP"),
          ("Ruaridh Stell", "RS"), ("Noor Vantage", "NV")]
TITLES = ["Community Safety Manager", "Licensing Manager", "Youth Worker (Harbour Trust)",
          "Neighbourhood Policing Inspector", "Head of Housing", "Partnership Analyst",
          "Anti-social Behaviour Officer", "CCTV Supervisor"]
BODIES = ["Board", "Group", "Partnership"]
DECISIONS = [
    "The {body} approved the refreshed {thing}",
    "The {body} agreed to fund a further six weeks of {thing2}",
    "The {body} noted the Quarter {q} performance report",
    "That the {thing} be adopted",
    "The {body} endorsed the {thing}",
    "The {body} agreed that the {thing} be published in {month} 2026",
]
THINGS = ["community safety strategy", "anti-social behaviour policy", "tasking protocol",
          "serious violence action plan", "information-sharing agreement"]
THINGS2 = ["detached youth work", "evening patrols", "mediation sessions", "taxi marshals"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September",
          "October", "November", "December"]

RECOMMENDATIONS = ["That the Partnership reviews {thing} by the autumn",
                   "The Board should publish the {thing} on the council website",
                   "That the council funds {thing2} for a further year",
                   "Partners should share {thing} data every quarter"]
# The words column of each kind of table, and its title: in the conventions, and not.
KIND_TEXT = {
    "action": (None, "Tasking Group action log"),
    "recommendation": ((["Recommendation", "Recommendations"], ["What we recommended", "Proposal"]),
                       "Scrutiny recommendations tracker"),
    "decision": ((["Decision", "Decision made"], ["What was decided", "Outcome agreed"]),
                 "Executive Group decision log"),
}
GROUP_ROWS = ["Open actions", "Closed since the last meeting"]
# A first column grouping a plan's rows, its cell merged down them; and a rating column
# printed beside the Status column.
GROUP_HEADERS = ["Priority", "Theme", "Objective", "Strategic priority"]
# (long: a merged cell's wrapped lines run down past its first row, as a narrow one does)
GROUP_LABELS = ["Priority {n} Anti-social behaviour and neighbourhood nuisance in the town "
                "centre and the estates around it",
                "Theme {n} - Violence against women and girls in the night-time economy",
                "Objective {n} Reduce repeat victimisation of older and disabled residents"]
RAG_HEADERS = ["RAG", "Rating", "R/A/G"]
# Header words of each role: the first few are in the conventions file, the rest are not.
HEADERS = {
    "reference": (["Ref", "No.", "Action no."], ["Log no", "Code", "Item code"]),
    "text": (["Action", "Action agreed", "Task"], ["What will be done", "Agreed step",
                                                   "Commitment"]),
    "owner": (["Owner", "Lead", "Responsible officer"], ["Who leads", "Champion",
                                                         "Named officer"]),
    "due": (["Due", "Target date", "Deadline"], ["Finish by", "Complete by", "End date"]),
    "status": (["Status", "Current status"], ["Where it stands", "RAG / position", "Stage"]),
    "update": (["Update", "Comments", "Progress update"], ["Latest news", "Remarks",
                                                          "Narrative"]),
}
# Status words and what they mean (the expected state), by construction.
STATE_WORDS = {"Complete": "done", "Closed": "done", "Open": "open", "Not started": "open",
               "In progress": "in progress", "Ongoing": "in progress", "On track": "in progress",
               "Carried forward": "carried forward", "Withdrawn": "dropped",
               "Overdue": "open"}
# Words a paper defines in its own key: (word, meaning printed, state).
KEY_WORDS = [("Banked", "the action is complete", "done"),
             ("Live", "work has started but is not finished", "in progress"),
             ("Queued", "agreed but not yet started", "open"),
             ("Parked", "carried forward to next year's plan", "carried forward"),
             ("Shelved", "no longer needed", "dropped")]
SYMBOLS = [("●", "complete", "done"), ("◐", "under way", "in progress"),
           ("○", "not started", "open")]
PERCENTS = [("0%", "open"), ("25%", "in progress"), ("50%", "in progress"),
            ("75%", "in progress"), ("100%", "done")]
UNKNOWN = ["Lilac", "Tbc", "See note"]  # no key, no state: "not stated"
REFERENCES = ["A{n}", "AP{n}", "CSP/25/{n:02d}", "PCP/R/{n:02d}", "{m}({l})", "TG-{n:02d}",
              "Min {k}"]
# The date columns of a table: one due, or a date raised, a first target and a later one
# (the later target is the due), under headers the conventions hold or not.
DATE_COLUMNS = {
    "one due": [],
    "raised, original, revised": ["Date raised", "Original target", "Revised target"],
    "opened, first, new": ["Opened on", "First target", "New target"],
    "logged, target, latest": ["Logged", "Target", "Latest target"],
}
DUES = ["{d} {month} 2026", "{d:02d}/{mm:02d}/2026", "{mon} 2026", "Q{q} 2026/27",
        "Next meeting", "w/c {d} {month} 2026", "End of {month} 2026", "{month} 2026"]
COMMENTARY = ["signed off in May", "see the note below", "new date agreed"]
UPDATES = ["Draft shared with partners.", "Awaiting a reply from the county council.",
           "Visits began in the spring.", "No change since the last meeting.", "-"]


@dataclass
class Paper:
    name: str
    layout: str
    variations: dict[str, str]
    expected: list[dict] = field(default_factory=list)
    text: str = ""  # empty for a PDF (written by `write`)
    rows: list[list[str]] = field(default_factory=list)  # a PDF's table
    lines: list[str] = field(default_factory=list)  # a PDF's paragraphs before its table
    spans: list[tuple[int, int]] = field(default_factory=list)  # first column merged, rows


def _action_text(r: random.Random) -> str:
    end = r.choice(ENDINGS).format(place=r.choice(PLACES))
    return f"{r.choice(VERBS)} {r.choice(OBJECTS)} {end}"


def _due(r: random.Random) -> str:
    month = r.randrange(1, 13)
    return r.choice(DUES).format(
        d=r.randrange(1, 29), month=MONTHS[min(month, 11) - 1], mm=month,
        mon=MONTHS[min(month, 11) - 1][:3], q=r.randrange(1, 5),
    )


def _statuses(
    r: random.Random, pdf: bool = False
) -> tuple[str, list[str], list[tuple[str, str]]]:
    """(the style, key lines the paper prints, [(status, state)] to draw from). A PDF draws
    no symbols: the standard fonts have no glyph for them (a paper would embed a font)."""
    styles = ["states", "key words", "percent", "unknown"] + ([] if pdf else ["symbols"])
    style = r.choice(styles)
    if style == "states":
        return style, [], list(STATE_WORDS.items())
    if style == "key words":
        words = r.sample(KEY_WORDS, 4)
        key = "Status key: " + "; ".join(f"{w} = {m}" for w, m, _ in words) + "."
        return style, [key], [(w, s) for w, _, s in words]
    if style == "symbols":
        key = "Key: " + "; ".join(f"{s} = {m}" for s, m, _ in SYMBOLS) + "."
        return style, [key], [(s, st) for s, _, st in SYMBOLS]
    if style == "percent":
        key = "Progress key: the share of the action delivered, 0% to 100%."
        return style, [key], PERCENTS
    return style, [], [(w, "not stated") for w in UNKNOWN]


def _reference(r: random.Random, style: str, n: int) -> str:
    return style.format(n=n, m=r.randrange(3, 9), l="abcdefgh"[n % 8], k=30 + 2 * n)


def _header(r: random.Random, role: str, outside: bool) -> str:
    inside, other = HEADERS[role]
    return r.choice(other if outside else inside)


def _table_paper(r: random.Random, n: int, layout: str) -> Paper:
    partnership = f"{r.choice(['Ember', 'Calder', 'Oxley', 'Penhallow', 'Strand'])}"
    partnership += f" {r.choice(['Community Safety Partnership', 'Safer Communities Partnership'])}"
    style, key_lines, statuses = _statuses(r, layout == "pdf")
    outside = {role: r.random() < 0.35 for role in HEADERS}
    dates = r.choice(list(DATE_COLUMNS))
    owners = r.choice(["names", "titles", "initials"])
    present = r.sample(PEOPLE, 5)
    if owners == "initials":  # an attendance list defines them; the cells print them
        key_lines = ["Present: " + "; ".join(f"{p} ({i})" for p, i in present) + ".",
                     *key_lines]
    kind = r.choice(["action"] * 6 + ["recommendation"] * 2 + ["decision"] * 2)
    ref_style = r.choice(REFERENCES) if kind == "action" else r.choice(
        ["R{n}", "Rec {n}", "SC/{n:02d}"] if kind == "recommendation" else ["D{n}", "DL-{n:02d}"])
    roles = ["reference", "text", "owner", "due", "status", "update"]
    if kind == "decision":  # a decision log: when, what, and no one to act
        roles, dates = ["reference", "text", "meeting"], "one due"
    body = roles[2:]
    r.shuffle(body)
    order = roles[:2] + body if r.random() < 0.6 else [roles[0], *body[:2], roles[1], *body[2:]]
    headers = [_header(r, role, outside[role]) if role in HEADERS else "Meeting date"
               for role in order]
    if KIND_TEXT[kind][0]:
        headers[order.index("text")] = r.choice(KIND_TEXT[kind][0][outside["text"]])
    if kind == "decision":
        headers[0] = r.choice(["Ref", "No.", "Log ref"] if not outside["reference"]
                              else ["Code", "Item code"])
    if DATE_COLUMNS[dates]:
        i = order.index("due")
        order[i : i + 1] = ["raised", "original", "due"]
        headers[i : i + 1] = DATE_COLUMNS[dates]
    rated = kind == "action" and style == "states" and r.random() < 0.5
    if rated:  # a RAG column beside the Status column: the status is the Status word
        at = r.randrange(order.index("text") + 1, len(order) + 1)
        order.insert(at, "rag")
        headers.insert(at, r.choice(RAG_HEADERS))
    grouped = layout in ("pdf", "pipe") and kind == "action" and r.random() < 0.5
    if grouped:  # a first column grouping the rows, its cell merged down them
        order.insert(0, "group")
        headers.insert(0, r.choice(GROUP_HEADERS))
    rows, expected = [], []
    commentary = style == "states" and r.random() < 0.3
    groups = layout != "aligned" and kind == "action" and not grouped and r.random() < 0.3
    spans: list[tuple[int, int]] = []
    for k in range(1, r.randrange(5, 10)):
        if groups and k in (1, 4):
            rows.append([GROUP_ROWS[k > 1]] + [""] * (len(order) - 1))
        status, state = r.choice(statuses)
        printed = f"{status} – {r.choice(COMMENTARY)}" if commentary else status
        owner = {"names": r.choice(PEOPLE)[0], "titles": r.choice(TITLES),
                 "initials": " / ".join(i for _, i in r.sample(present, r.choice([1, 1, 2])))
                 }[owners]
        words = {"action": _action_text(r), "recommendation": r.choice(RECOMMENDATIONS),
                 "decision": r.choice(DECISIONS)}[kind].format(
            body=r.choice(BODIES), thing=r.choice(THINGS), thing2=r.choice(THINGS2),
            q=r.randrange(1, 5), month=r.choice(MONTHS))
        cells = {
            "reference": _reference(r, ref_style, k), "text": words, "owner": owner,
            "due": _due(r), "status": printed, "update": r.choice(UPDATES),
            "raised": f"{r.randrange(1, 28):02d}/0{r.randrange(1, 4)}/2025",
            "original": f"{r.choice(MONTHS)[:3]} 2025",
            "meeting": f"{r.randrange(1, 28)} {r.choice(MONTHS)} 2025",
            "rag": r.choice(["Red", "Amber", "Green", "-"]),
            "group": "",
        }
        if grouped and k % 3 == 1:  # the group's label, once, on its first row
            cells["group"] = r.choice(GROUP_LABELS).format(n=1 + k // 3)
            spans.append((len(rows) + 1, len(rows) + 1))  # + 1: the header row
        elif grouped and spans:
            spans[-1] = (spans[-1][0], len(rows) + 1)
        rows.append([cells[role] for role in order])
        if kind == "decision":
            owner, cells["due"], status, state = "", "", "", "not stated"
        expected.append({"kind": kind, "text": words, "owner": owner,
                         "due": cells["due"], "status": status, "state": state,
                         "reference": cells["reference"]})
    variations = {"layout": layout, "kind": kind, "statuses": style, "dates": dates,
                  "owners": owners, "references": ref_style, "group rows": str(groups),
                  "status commentary": str(commentary),
                  "group column": str(grouped), "rag beside status": str(rated),
                  "headers": "outside" if any(outside.values()) else "inside",
                  **{f"header:{role}": "outside" if v else "inside"
                     for role, v in outside.items()}}
    if kind == "decision":
        variations = {k: v for k, v in variations.items()
                      if k in ("layout", "kind", "references", "header:text")}
        key_lines = []
    title = [partnership, f"{KIND_TEXT[kind][1]} - position at 12 March 2026"]
    paper = Paper(f"fuzz-{n:03d}-{layout}", layout, variations, expected)
    paper.text = _render(layout, title, key_lines, headers, rows)
    if layout == "pdf":
        paper.rows, paper.lines = [headers, *rows], [*title, *key_lines]
        paper.spans = spans
    return paper


def _render(layout: str, title: list[str], key: list[str], headers: list[str],
            rows: list[list[str]]) -> str:
    head = "\n\n".join(title + key) + "\n\n"
    if layout == "pipe":
        line = lambda cells: "| " + " | ".join(cells) + " |"  # noqa: E731
        table = [line(headers), "|" + "|".join("---" for _ in headers) + "|",
                 *(line(row) for row in rows)]
        return "# " + head + "\n".join(table) + "\n\nNext review: 9 April 2026.\n"
    if layout == "tsv":
        return head + "\n".join("\t".join(c) for c in [headers, *rows]) + "\n"
    if layout == "csv":
        out = io.StringIO()
        w = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        for t in title:
            w.writerow([t] + [""] * (len(headers) - 1))
        w.writerow([""] * len(headers))
        w.writerows([headers, *rows])
        for k in key:
            w.writerow([k] + [""] * (len(headers) - 1))
        return out.getvalue()
    if layout == "aligned":
        widths = [max(len(c[i]) for c in [headers, *rows]) for i in range(len(headers))]
        fmt = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
        return head + "\n".join(fmt(c) for c in [headers, *rows]) + "\n"
    return ""  # pdf: drawn by `write`


def _notes_paper(r: random.Random, n: int) -> Paper:
    """Meeting notes: items, actions as lines, decisions as numbered markers."""
    body = r.choice(BODIES)
    partnership = f"{r.choice(['Wrenfield', 'Holmbrook', 'Askerby'])} Community Safety Partnership"
    people = r.sample(PEOPLE, 5)
    action_style = r.choice(["ACTION: text (AB).", "Action: AB to text.", "**An** AB to text"])
    owners = r.choice(["initials", "names", "titles"])
    lines = [f"# {partnership}", "", f"## {body} notes - 5 February 2026", "",
             "**Present:** " + "; ".join(f"{p} ({i})" for p, i in people), "",
             "*Decisions are numbered D1, D2 ... and actions A1, A2 ... through the notes.*", ""]
    expected = []
    d = a = 0
    for item in range(3, 3 + r.randrange(2, 5)):
        lines += [f"### {item}. {r.choice(THINGS).capitalize()}", "",
                  f"Members discussed progress at {r.choice(PLACES)}.", ""]
        for _ in range(r.randrange(1, 3)):
            a += 1
            person, initials = r.choice(people)
            title = re.sub(r"\s*\(.*\)", "", r.choice(TITLES))  # no bracket in a bracket
            who = {"initials": initials, "names": person, "titles": title}[owners]
            due = r.choice(["30 April 2026", "13 March 2026", "the next meeting", ""])
            words = _action_text(r)
            with_due = f"{words} by {due}" if due else words
            if action_style.startswith("ACTION:"):
                lines += [f"ACTION: {with_due} ({who}).", ""]
                exp = {"text": with_due, "owner": who, "reference": str(item)}
            elif action_style.startswith("Action:"):
                lines += [f"Action: {who} to {with_due[0].lower()}{with_due[1:]}.", ""]
                exp = {"text": f"{who} to {with_due[0].lower()}{with_due[1:]}", "owner": who,
                       "reference": str(item)}
            else:
                lines += [f"**A{a}** {who} to {with_due[0].lower()}{with_due[1:]}.", ""]
                exp = {"text": f"{who} to {with_due[0].lower()}{with_due[1:]}", "owner": who,
                       "reference": f"A{a}"}
            expected.append({"kind": "action", "due": due, "status": "",
                             "state": "not stated", **exp})
        if r.random() < 0.8:
            d += 1
            text = r.choice(DECISIONS).format(body=body, thing=r.choice(THINGS),
                                              thing2=r.choice(THINGS2), q=r.randrange(1, 5),
                                              month=r.choice(MONTHS))
            lines += [f"> **D{d}** {text}.", ""]
            expected.append({"kind": "decision", "text": text, "owner": "", "due": "",
                             "status": "", "state": "not stated", "reference": f"D{d}"})
    lines += ["Next meeting: 7 May 2026."]
    variations = {"layout": "notes", "actions": action_style, "owners": owners}
    return Paper(f"fuzz-{n:03d}-notes", "notes", variations,
                 [{f: e[f] for f in FIELDS} for e in expected], "\n".join(lines) + "\n")


# Cards: the words of a position key and what each means (the expected state), the
# labels of a card's fields (the conventions' words), the card's recommendations and
# actions, and the follow-up actions' owners and dues.
CARD_KEY_WORDS = [("Delivered", "the recommendation has been carried out in full", "done"),
                  ("Under way", "work has started and is not yet finished", "in progress"),
                  ("Not yet due", "agreed, but not due to start before the timescale", "open"),
                  ("No further action", "not accepted, and nothing more will be done",
                   "dropped")]
CARD_LABELS = {"owner": ["Lead", "Lead officer", "Owner", "Responsible officer"],
               "due": ["Timescale", "Target date", "Due", "Deadline"],
               "position": ["Position at {date}", "Progress at {date}", "Update at {date}",
                            "Progress to {date}"]}
CARD_DATES = ["21 January 2026", "30 June 2026", "3 March 2026"]
CARD_REFERENCES = ["PCP/R/{n:02d}", "TG{n}", "SR/{n:02d}", "Rec {n}"]
CARD_RECOMMENDATIONS = ["That the Partnership publish the {thing} on the council website",
                        "That the Commissioner fund {thing2} for {place} from the next "
                        "grant round",
                        "That the council and the police agree a shared list of premises of "
                        "concern and review it at every tasking meeting"]
CARD_DUES = ["end Q4", "Dec-25", "w/c 12/01/26", "Q1 2026/27", "Six-monthly", "-"]
CARD_RESPONSES = ["Accepted.", "Accepted in part. A smaller scheme will be tried first.",
                  "Not accepted. This is an operational matter for the Chief Constable."]
FOLLOW_OWNERS = ["Panel Support Officer", "Scrutiny Officer", "Cllr Noor Vantage",
                 "Hattie Penrose and Ruaridh Stell"]
FOLLOW_DUES = [("by 6 March 2026", "6 March 2026"), ("by the next meeting", "the next meeting"),
               ("before the end of May 2026", "the end of May 2026")]


def _wrap(text: str, indent: str = "", width: int = 72) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                         break_on_hyphens=False) or [indent]


def _card_key(r: random.Random, words: list[tuple[str, str, str]]) -> tuple[str, list[str]]:
    """The paper's key of its position words: aligned columns (a meaning wrapped under its
    column) or a ``Status key:`` line."""
    if r.random() < 0.5:
        return "inline", _wrap("Status key: " + "; ".join(f"{w} = {m}" for w, m, _ in words)
                               + ".")
    width = max(len(w) for w, _, _ in words) + 3
    lines = []
    for w, m, _ in words:
        wrapped = _wrap(m, width=40)
        lines.append(f"   {w.ljust(width)}{wrapped[0]}")
        lines += [" " * (3 + width) + more for more in wrapped[1:]]
    return "aligned", lines


def _cards_paper(r: random.Random, n: int) -> Paper:
    """A report printing one card per recommendation or action (see the module's docstring)."""
    place = r.choice(["Ulbury", "Carnmoor", "Fenwick Vale"])
    partnership = f"{place} Community Safety Partnership"
    words = r.sample(CARD_KEY_WORDS + KEY_WORDS, 5)
    key_style, key = _card_key(r, words)
    date = r.choice(CARD_DATES)
    labels = {k: r.choice(v) for k, v in CARD_LABELS.items()}
    ref_style = r.choice(CARD_REFERENCES)
    rule = r.choice(["-" * 66, "=" * 40, ""])
    kind = r.choice(["recommendation", "recommendation", "action"])
    lines = [f"{place.upper()} SCRUTINY PANEL", "", "Meeting: Tuesday 3 March 2026", "",
             f"REVIEW OF THE {partnership.upper()}: RECOMMENDATIONS AND RESPONSES", "",
             "1. PURPOSE", ""]
    lines += _wrap("1.1 This report sets out each of the review's recommendations, the response "
                   "received and the position reported by its lead.")
    lines += ["", "2. HOW THE POSITION IS REPORTED", "", *key, "", "3. THE RECORDS", ""]
    expected = []
    for k in range(1, r.randrange(3, 7)):
        ref = ref_style.format(n=k)
        if kind == "recommendation":
            text = r.choice(CARD_RECOMMENDATIONS).format(
                thing=r.choice(THINGS), thing2=r.choice(THINGS2), place=r.choice(PLACES))
        else:
            text = _action_text(r)
        word, _, state = r.choice(words)
        update = r.choice([u for u in UPDATES if u != "-"]).rstrip(".")
        owner = r.choice([r.choice(TITLES), r.choice(PEOPLE)[0], "-"])
        due = r.choice(CARD_DUES)
        sep = r.choice([". ", " – "])
        if rule:
            lines += [rule, ""]
        lines += [ref, *_wrap(text + "."), ""]
        if r.random() < 0.7:
            lines += ["Addressed to: " + r.choice(["Police and Crime Commissioner", partnership])]
            lines += _wrap(f"Response (Chair, 24 November 2025): {r.choice(CARD_RESPONSES)}")
        lines += [f"{labels['owner']}: {owner}", f"{labels['due']}: {due}"]
        lines += _wrap(f"{labels['position'].format(date=date)}: {word}{sep}{update}.")
        lines += [""]
        expected.append({"kind": kind, "text": text, "owner": "" if owner == "-" else owner,
                         "due": "" if due == "-" else due, "status": word, "state": state,
                         "reference": ref})
    if rule:
        lines += [rule, ""]
    follow = r.random() < 0.7
    if follow:
        lines += ["4. FOLLOW-UP ACTIONS", ""]
        lines += _wrap("4.1 The Chair and Vice-Chair reviewed this report with officers on 22 "
                       "January 2026. The following actions were agreed:")
        lines += [""]
        for _ in range(r.randrange(1, 4)):
            who, (printed, due) = r.choice(FOLLOW_OWNERS), r.choice(FOLLOW_DUES)
            words = _action_text(r)
            action = f"{who} to {words[0].lower()}{words[1:]} {printed}"
            bullet = _wrap(action + ".", width=68)
            lines += ["   * " + bullet[0], *("     " + b for b in bullet[1:])]
            expected.append({"kind": "action", "text": action, "owner": who, "due": due,
                             "status": "", "state": "not stated", "reference": "4.1"})
        lines += [""]
    lines += ["5. BACKGROUND PAPERS", "", "Report of the task group, September 2025.", ""]
    variations = {"layout": "cards", "card kind": kind, "card key": key_style,
                  "card rule": "dashes" if rule else "none", "card labels": labels["position"],
                  "follow-up actions": str(follow), "references": ref_style}
    return Paper(f"fuzz-{n:03d}-cards", "cards", variations, expected, "\n".join(lines))


LAYOUTS = ["pipe", "aligned", "csv", "tsv", "pdf", "notes", "cards"]
SUFFIX = {"pipe": ".md", "aligned": ".txt", "csv": ".csv", "tsv": ".txt", "pdf": ".pdf",
          "notes": ".md", "cards": ".txt"}


def papers(n: int, seed: int = 7) -> list[Paper]:
    r = random.Random(seed)
    out = []
    for k in range(n):
        layout = LAYOUTS[k % len(LAYOUTS)]
        if layout == "notes":
            out.append(_notes_paper(r, k))
        elif layout == "cards":
            out.append(_cards_paper(r, k))
        else:
            out.append(_table_paper(r, k, layout))
    return out


def write(paper: Paper, folder: Path) -> Path:
    path = folder / (paper.name + SUFFIX[paper.layout])
    if paper.layout != "pdf":
        path.write_text(paper.text, encoding="utf-8")
        return path
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, A5, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=7, leading=8.5)
    # merged cells cannot break across a page: a plan with them is printed larger
    size = landscape(A4) if paper.spans else landscape(A5)
    doc = SimpleDocTemplate(str(path), pagesize=size, topMargin=30, bottomMargin=30)
    story = [Paragraph(t, styles["BodyText"]) for t in paper.lines]
    story.append(Spacer(1, 60))  # so that the table breaks onto a second page
    data = [[Paragraph(c, cell) for c in row] for row in paper.rows]
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                               *(("SPAN", (0, a), (0, b)) for a, b in paper.spans if b > a)]))
    story.append(table)
    doc.build(story)
    return path


# --- scoring ------------------------------------------------------------------------------

def _norm(value: str, name: str) -> str:
    value = re.sub(r"\s+", " ", value or "").strip()
    if name == "text":
        value = re.sub(r"\s*;\s*(?:and|or)$", "", value).rstrip(" .;,")
    return value


def read(path: Path) -> list[dict]:
    """The readers over one paper, as an ingest reads it (without the embedding index)."""
    from ingest.load import load
    from ingest.pipeline import _segmented
    from ingest.registers import extract_registers

    doc = load(path)
    parts, _ = _segmented(doc, 1200, 150, "")
    reg = extract_registers({path.name: doc}, {path.name: parts})
    return [{f: getattr(e, f) or "" for f in FIELDS}
            for e in (*reg.decisions, *reg.actions, *reg.recommendations)]


def score(paper: Paper, mine: list[dict]) -> dict:
    """Per expected entry: the read entry most like it (same kind, then same reference, then
    the most words in common), and which fields agree; and the entries read that none is."""
    left = list(mine)
    fields: list[dict[str, bool]] = []
    for want in paper.expected:
        def likeness(m: dict, want: dict = want) -> tuple:
            words = set(_norm(want["text"], "text").lower().split())
            got = set(_norm(m["text"], "text").lower().split())
            return (m["kind"] == want["kind"], m["reference"] == want["reference"],
                    len(words & got) / max(len(words), 1))
        best = max(left, key=likeness, default=None)
        if best is None or likeness(best)[2] < 0.5:
            fields.append(dict.fromkeys(FIELDS, False))
            continue
        left.remove(best)
        fields.append({f: _norm(best[f], f) == _norm(want[f], f) for f in FIELDS})
    return {"paper": paper, "fields": fields, "extra": len(left)}


def report(scores: list[dict]) -> dict:
    """Per field and per variation: the share of expected entries right."""
    entries = [f for s in scores for f in s["fields"]]
    out = {"entries": len(entries), "extra": sum(s["extra"] for s in scores),
           "strict": sum(all(f.values()) for f in entries) / max(len(entries), 1),
           "fields": {k: sum(f[k] for f in entries) / max(len(entries), 1) for k in FIELDS},
           "variations": {}}
    for s in scores:
        for name, value in s["paper"].variations.items():
            got = out["variations"].setdefault(f"{name}={value}", [0, 0])
            got[0] += sum(all(f.values()) for f in s["fields"])
            got[1] += len(s["fields"])
    return out


def main(n: int = 200, seed: int = 7) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        scores = [score(p, read(write(p, Path(tmp)))) for p in papers(n, seed)]
    figures = report(scores)
    print(f"{n} papers, {figures['entries']} expected entries, seed {seed}: strict "
          f"{figures['strict']:.1%}; extra entries read {figures['extra']}")
    for k, v in figures["fields"].items():
        print(f"  {k}: {v:.1%}")
    for name, (ok, total) in sorted(figures["variations"].items()):
        if ok < total:
            print(f"  {name}: {ok}/{total}")
    return figures


if __name__ == "__main__":
    import sys

    main(*(int(a) for a in sys.argv[1:3]))
