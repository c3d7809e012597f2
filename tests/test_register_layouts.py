"""Registers on papers in 30 other councils' layouts (issue 10, tests/data/register_layouts/).

Each golden document is ingested into an index of its own (the real pipeline: Chroma in
tmp_path, the fake embedder, the knowledge base), its entries are matched against its
golden file by the README's rule, and precision and recall are reported per document
(at least 90% each, 95% over all). The thirteen PDFs are generated in the test by the
folder's own `make_pdfs.py` and `make_*_pdf.py` scripts. Then
the update pair: three papers of two partnerships in one index, later papers' updates
joined by reference and in other words, never across partnerships; `register actions --open
--partnership P`; and the answer to "which actions are still open for P?"."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from ingest.knowledge import Knowledge
from ingest.knowledge import read as read_knowledge
from ingest.settings import Settings
from tests.conftest import WordHashEmbedder, ingest_settings

HERE = Path(__file__).resolve().parent / "data" / "register_layouts"
HOLDOUT = HERE / "holdout13"  # kept aside: measured once, never tuned on
FIELDS = ("kind", "text", "owner", "due", "status", "state", "reference")
OPEN = {"open", "in progress", "carried forward", "not stated"}


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _text(text: str) -> str:
    text = re.sub(r"\s*;\s*(?:and|or)$", "", _space(text))
    return re.sub(r"[.;,]$", "", text).strip()


def key(entry: dict) -> tuple:
    return tuple(_text(entry[f]) if f == "text" else _space(entry[f]) for f in FIELDS)


def entries_of(knowledge: Knowledge) -> list[dict]:
    return [
        {
            "kind": e.kind,
            "text": e.text,
            "owner": e.owner,
            "due": e.due,
            "status": e.status,
            "state": e.state,
            "reference": e.reference,
            "rag": e.rag,
            "update": e.update or "",
            "date": e.where.date,
            "partnership": e.partnership,
            "source": e.where.source,
        }
        for e in (*knowledge.decisions, *knowledge.actions, *knowledge.recommendations)
    ]


def match(mine: list[dict], golden: list[dict]) -> tuple[list[tuple[dict, dict]], list, list]:
    """(matched pairs, extra entries, missed golden entries); each golden entry once."""
    left = list(golden)
    pairs, extra = [], []
    for m in mine:
        hit = next((g for g in left if key(g) == key(m)), None)
        if hit is None:
            extra.append(m)
        else:
            left.remove(hit)
            pairs.append((m, hit))
    return pairs, extra, left


def _load(script: Path):  # noqa: ANN202 - a builder script of this folder, as a module
    spec = importlib.util.spec_from_file_location(script.stem, script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _beside(script):  # noqa: ANN001, ANN202 - each script builds its PDF beside itself
    def build(path: Path) -> None:
        script.HERE = path.parent
        assert script.build() == path

    return build


def _pdf_builders(folder: Path = HERE) -> dict:
    """Every PDF of ``folder`` built by its script (make_pdfs.py builds two)."""
    builders = {}
    for script in sorted(folder.glob("make_*pdf*.py")):
        module = _load(script)
        if hasattr(module, "FILE"):
            builders[module.FILE] = _beside(module)
        elif hasattr(module, "build_corveston"):
            builders["corveston-delivery-group-action-tracker-2024-11-04.pdf"] = (
                module.build_corveston)
            builders["tarrowby-csp-action-plan-q2-report-2024-11-21.pdf"] = module.build_tarrowby
    return builders


def index(tmp: Path, files: list[Path], builders: dict | None = None) -> Settings:
    """An index of ``files`` alone; a PDF with a builder is generated, not copied."""
    corpus = tmp / "corpus"
    corpus.mkdir(parents=True)
    for f in files:
        if builders and f.name in builders:
            builders[f.name](corpus / f.name)
        else:
            shutil.copy(f, corpus / f.name)
    settings = Settings(data_dir=tmp / "data", corpus_dir=corpus)
    report = ingest_settings(settings, WordHashEmbedder())
    assert not report.skipped, report.skipped
    return settings


def _goldens(folder: Path) -> list[Path]:
    return sorted(g for g in folder.glob("*.golden.json") if g.name != "updates.golden.json")


def _score(tmp: Path, golden: Path, builders: dict) -> dict:
    doc = golden.with_name(golden.name[: -len(".golden.json")])
    settings = index(tmp, [doc], builders)
    mine = entries_of(read_knowledge(settings.knowledge_db))
    gold = json.loads(golden.read_text(encoding="utf-8"))
    pairs, extra, missed = match(mine, gold)
    return {"doc": doc.name, "pairs": pairs, "extra": extra, "missed": missed,
            "mine": len(mine), "golden": len(gold)}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    builders = _pdf_builders()
    return [
        _score(tmp_path_factory.mktemp(g.name[:20]), g, builders) for g in _goldens(HERE)
    ]


def _report(scores: list[dict], label: str) -> tuple[float, float]:
    matched = sum(len(s["pairs"]) for s in scores)
    mine = sum(s["mine"] for s in scores)
    gold = sum(s["golden"] for s in scores)
    print(f"\n{label}: document, precision, recall (matched / entries read / golden)")
    for s in scores:
        p = len(s["pairs"]) / s["mine"] if s["mine"] else 0.0
        r = len(s["pairs"]) / s["golden"]
        print(f"  {s['doc']}: P {p:.0%} R {r:.0%} ({len(s['pairs'])}/{s['mine']}/{s['golden']})")
        for e in s["extra"]:
            print(f"    extra:  {key(e)}")
        for e in s["missed"]:
            print(f"    missed: {key(e)}")
    overall = (matched / mine if mine else 0.0, matched / gold)
    print(f"  overall: P {overall[0]:.1%} R {overall[1]:.1%} ({matched}/{mine}/{gold})")
    return overall


def test_every_layout_is_read_at_90_percent_and_95_overall(scores: list[dict]) -> None:
    assert len(scores) == 30 and sum(s["golden"] for s in scores) == 389
    precision, recall = _report(scores, "register layouts")
    for s in scores:
        assert len(s["pairs"]) >= 0.9 * s["mine"], (s["doc"], s["extra"])
        assert len(s["pairs"]) >= 0.9 * s["golden"], (s["doc"], s["missed"])
    assert precision >= 0.95 and recall >= 0.95


def test_matched_entries_have_the_rating_date_partnership_and_update(scores: list[dict]) -> None:
    for s in scores:
        for mine, gold in s["pairs"]:
            assert mine["rag"] == gold["rag"], (s["doc"], gold["text"])
            assert _text(mine["update"]) == _text(gold["update"]), (s["doc"], gold["text"])
            assert mine["date"] == gold["date"], (s["doc"], gold["text"])
            assert mine["partnership"].lower() == gold["partnership"].lower(), s["doc"]


def test_no_lead_in_heading_or_running_header_is_an_entry(scores: list[dict]) -> None:
    junk = re.compile(
        r"^(?:that:?|RESOLVED that:?|The \w+ RESOLVED:?|none(?: required)?|Page \d+ of \d+|"
        r"Open actions|Closed since.*|Priority \d+:.*|Action tracker.*|Appendix [A-Z]:.*)$",
        re.I,
    )
    for s in scores:
        for e in s["extra"]:
            assert not junk.match(e["text"]) and not e["text"].endswith(":"), e


def test_a_rating_alone_never_makes_an_action_done(scores: list[dict]) -> None:
    plan = next(s for s in scores if s["doc"].startswith("tarrowby"))
    rated = [m for m, _ in plan["pairs"] if m["rag"]]
    assert {m["rag"] for m in rated} == {"red", "amber", "green"}
    done = [m for m in rated if m["state"] == "done"]
    assert [m["reference"] for m in done] == ["2.2"]  # its update opens "Completed in August"
    assert all(m["state"] == "in progress" for m in rated if m not in done)


# --- Two partnerships in one index: updates, --open, --partnership, the answer -------------

UPDATES = json.loads((HERE / "updates.golden.json").read_text(encoding="utf-8"))
DUNMARSH = "Dunmarsh Community Safety Partnership"
WYVERNHURST = "Safer Wyvernhurst Partnership"


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return index(tmp_path_factory.mktemp("pair"), [HERE / n for n in UPDATES["index"]])


@pytest.fixture(scope="module")
def pair_knowledge(pair: Settings) -> Knowledge:
    return read_knowledge(pair.knowledge_db)


def test_later_papers_update_by_reference_and_in_other_words(pair_knowledge: Knowledge) -> None:
    for want in UPDATES["entries"]:
        hits = [
            a
            for a in pair_knowledge.actions
            if a.partnership == want["partnership"] and _text(a.text) == _text(want["text"])
        ]
        assert len(hits) == 1, want["text"]
        a = hits[0]
        assert (a.reference, a.owner) == (want["reference"], want["owner"])
        assert (a.status, a.state) == (want["latest_status"], want["latest_state"])
        steps = [(s.date, s.status, s.state, s.where.source, s.reference, _text(s.text))
                 for s in a.history]
        assert steps == [
            (s["date"], s["status"], s["state"], s["source"], s["reference"], _text(s["text"]))
            for s in want["history"]
        ], want["reference"]
        assert all(s.where.partnership == DUNMARSH for s in a.history)


def test_another_partnerships_paper_never_updates(pair_knowledge: Knowledge) -> None:
    for a in pair_knowledge.actions:
        sources = {s.where.source for s in a.history} | {a.where.source}
        partnerships = {s.where.partnership for s in a.history} | {a.partnership}
        assert len(partnerships) == 1, (a.text, sources)
    for want in UPDATES["never_updates"]:
        register = getattr(pair_knowledge, want["kind"] + "s")
        hits = [
            a
            for a in register
            if a.partnership == WYVERNHURST and _text(a.text) == _text(want["text"])
        ]
        assert len(hits) == 1 and len(hits[0].history) <= 1, want["text"]
        assert hits[0].status == want["status"]
        assert hits[0].where.source == want["source"]
    for partnership, counts in UPDATES["merged_counts"].items():
        have = entries_of(pair_knowledge)
        assert sum(e["kind"] == "decision" and e["partnership"] == partnership for e in have) == (
            counts["decision"]
        )
        assert sum(e["kind"] == "action" and e["partnership"] == partnership for e in have) == (
            counts["action"]
        )


def _cli(settings: Settings, monkeypatch, capsys, *args: str) -> str:
    from assistant.__main__ import main

    monkeypatch.setenv("CSP_DATA_DIR", str(settings.data_dir))
    assert main(["register", *args]) == 0
    return capsys.readouterr().out


def _open_refs(partnership: str) -> list[str]:
    """The golden open actions' references ("43 (Chair, ...)" → "43")."""
    return sorted(r.split(" (")[0] for r in UPDATES["open_actions"][partnership])


@pytest.mark.parametrize("partnership", [DUNMARSH, WYVERNHURST])
def test_open_actions_of_one_partnership(pair: Settings, monkeypatch, capsys, partnership) -> None:
    rows = json.loads(
        _cli(pair, monkeypatch, capsys, "actions", "--open", "--partnership", partnership,
             "--json")
    )
    assert sorted(r["reference"] for r in rows) == _open_refs(partnership)
    assert {r["partnership"] for r in rows} == {partnership}
    assert all(r["state"] in OPEN for r in rows)
    every = json.loads(_cli(pair, monkeypatch, capsys, "actions", "--partnership", partnership,
                            "--json"))
    closed = [r for r in every if r["state"] in ("done", "dropped")]
    assert closed and not any(r in rows for r in closed)  # done and dropped are left out


def test_open_keeps_carried_forward_and_drops_withdrawn(
    pair: Settings, monkeypatch, capsys
) -> None:
    rows = json.loads(_cli(pair, monkeypatch, capsys, "actions", "--open", "--json"))
    states = {r["reference"]: r["state"] for r in rows if r["partnership"] == DUNMARSH}
    assert states["CSP/24/02"] == "carried forward"
    assert "CSP/24/06" not in states  # Withdrawn: dropped
    assert "CSP/24/07" not in states  # Complete in the later log
    assert any(r["state"] == "not stated" for r in rows)  # minutes print no status


def test_since_filters_on_the_meeting_date(pair: Settings, monkeypatch, capsys) -> None:
    rows = json.loads(_cli(pair, monkeypatch, capsys, "decisions", "--since", "2024-10-01",
                           "--json"))
    assert rows and {r["date"] for r in rows} == {"2024-10-03"}


def test_history_in_json_and_csv(pair: Settings, monkeypatch, capsys) -> None:
    rows = json.loads(_cli(pair, monkeypatch, capsys, "actions", "--query", "Wharf Street",
                           "--partnership", DUNMARSH, "--json"))
    assert len(rows) == 1
    assert [s["source"] for s in rows[0]["history"]] == [
        "dunmarsh-csp-board-minutes-2024-06-12.md",
        "dunmarsh-csp-action-log-2024-09-18.txt",
    ]
    out = _cli(pair, monkeypatch, capsys, "actions", "--partnership", DUNMARSH, "--csv")
    assert "2024-09-18 Complete (dunmarsh-csp-action-log-2024-09-18.txt)" in out


def test_forward_and_glossary_take_partnership(pair: Settings, monkeypatch, capsys) -> None:
    for name in ("forward", "glossary"):
        out = _cli(pair, monkeypatch, capsys, name, "--partnership", "Nowhere Partnership")
        assert out.strip().endswith(f"0 {name}")


@pytest.mark.parametrize("partnership", [DUNMARSH, WYVERNHURST])
def test_asking_for_open_actions_lists_the_register_each_cited(
    pair: Settings, pair_knowledge: Knowledge, partnership: str
) -> None:
    from assistant.engine import Assistant
    from assistant.registers import query

    assistant = Assistant(pair, WordHashEmbedder())
    answer = assistant.ask(f"Which actions are still open for the {partnership}?")
    expected = query(pair_knowledge, "actions", open_only=True, partnership=partnership)
    lines = [ln for ln in answer.text.splitlines() if ln.startswith("- ")]
    assert len(lines) == len(expected) == len(answer.citations)
    for e in expected:
        assert any(e.text in ln for ln in lines), e.text
    own = {e.where.source for e in entries_of_partnership(pair_knowledge, partnership)}
    assert {c.source for c in answer.citations} <= own  # none of the other partnership's
    assert all(re.search(rf"\[{c.n}\]", answer.text) for c in answer.citations)


def entries_of_partnership(knowledge: Knowledge, partnership: str) -> list:
    return [
        e
        for e in (*knowledge.decisions, *knowledge.actions, *knowledge.recommendations)
        if e.partnership == partnership
    ]


# --- The kept-aside documents: measured once the readers were finished ---------------------
#
# Each round's kept-aside pair was measured once and then read: the first round's 0/18
# (decision notices; a bulleted appendix of outstanding actions), the second round's 0/29
# (holdout2/: Word-table minutes with an Action by column; a DHR action plan as a pipe
# table), the third round's 0/25 (holdout3/: paginated plain-text minutes with margin ACTION
# labels and 'Resolved:-'; a PDF of label/value cards), the fourth round's 0/25 (holdout4/:
# minutes whose items are numbered 'OSB/25/14' with 'Action: owner – action – by date'
# lines - ten of twelve entries right but for the minute's reference, two consecutive
# actions read as one; a landscape plan report with one table per priority - 0 of 13), the
# fifth round's 5/25 (holdout5/: a PDF decision and action log whose Type column gives each
# row's kind - every row read as an action, a Type letter taken as a status - 5/14/14; web-
# page minutes whose paragraph numbers are the references - 0/10/11), the sixth round's
# 4/25 (holdout6/: a PDF scrutiny recommendations tracker whose 'Executive response /
# position' words are the statuses - none read, 0/11/11; tasking group notes whose 'The
# Group decided:' items are the decisions - none read, a due cut at its hyphen, 'All
# partners' given no owner - 4/6/14), the seventh round's 0/25 (holdout7/: a CSV action log
# whose statuses are symbol-and-word values defined by a status key at its foot - 0/13/12;
# PDF notes whose minute numbers stand in a table's left cell and whose 'ACTION: ... (ET).'
# and 'DECISION: ...' runs sit inside paragraphs - 0/5/13), the eighth round's 16/25
# (holdout8/: a PDF summary of decisions and actions whose verb-first 'Decisions' column
# beside its 'Actions' column was dropped, one decision running on into the next row's
# action - 5/6/14; a ruled '+---+' text tasking log whose full-width group rows, cut at the
# columns' rules, gave two junk entries - 11/13/11), the ninth round's 7/26 (holdout9/:
# Markdown decision and action notes whose decisions are numbered D1-D7 in blockquotes -
# none read, 7/7/14; a PDF action plan progress report whose due is its Finish column beside
# a Start column and whose statuses are a share complete ('75%') or words its key defines -
# 0/12/12), the tenth round's 3/26 (holdout10/: a PDF delivery plan whose Priority cell
# is merged down its rows and whose RAG column stands beside a separate Status column - the
# plan's rows mostly not read, 1/2/14; a police and crime panel's recommendations and
# responses, one block per PCP/R/nn reference with Lead:, Timescale: and 'Position at ...:'
# lines whose status opens the free text - none read, the three 'X to ...' actions given the
# item's number, not their paragraph's, 2/10/12), the eleventh round's 0/28
# (holdout11/: CMIS-style text minutes whose minute references 'CSPB.42' were never taken
# and whose right-margin 'ACTION BY: DR' flags ran into the actions' words - 0/9/14; a PDF
# ASB case review annual report whose lettered (a)-(c) recommendations were not given their
# paragraph's '2.1' and whose CRn/n appendix rows were not read - 0/4/14), the twelfth
# round's 8/26 (holdout12/: a PDF highlight report of boxes whose verb-first decisions D1-D4
# ran together with the boxed actions table after them, whose E1/E2 escalations were not
# read and whose risk-log rows were read as actions - 6/11/14; a Markdown outcomes report
# whose ASBn/NTEn recommendation paragraphs were not read and whose outcome key's words were
# read as decisions - 2/9/12). All twelve pairs are in the main set above. holdout13/ was
# written by another engineer while the thirteenth round's readers were built
# (tests/test_register_thirteenth_round.py, tests/register_fuzz.py) and was not opened until
# those readers were committed (c0c9842); then measured once, below.


@pytest.mark.xfail(
    strict=True,
    reason="measured once after the thirteenth round's readers were committed (c0c9842), not "
    "tuned on: 0/26 matched, P 0.0% R 0.0% (0 matched / 10 read / 26 golden). Safer "
    "Brackenholt Partnership executive minutes, text: P 0% R 0% (0 of 10 read, 14 golden) - "
    "no entry given its minute's number ('114/26' ... '121/26'), so none matches though five "
    "decisions' words and owners are right; a paragraph opening 'Min. No. 99/26 (...) - JH "
    "reported ...' and narrative run on into the 'The Clerk would ...' and 'AB and ET to ...' "
    "actions; 'He would arrange ...', a passive '... to be added ...' and 'All partners to "
    "send ...' actions not read; the minutes' confirmation and the £4,800 allocation not "
    "read. Strelbury CSP domestic abuse needs assessment recommendations and board response, "
    "Markdown: P 0% R 0% (0 of 0 read, 12 golden) - none of the R1-R12 recommendations read "
    "(statuses 'Progressing', 'Met', 'Set aside', 'Deferred to 2027/28', 'Yet to start')",
)
def test_kept_aside_documents_at_90_percent(tmp_path_factory: pytest.TempPathFactory) -> None:
    goldens = _goldens(HOLDOUT)
    assert goldens
    builders = _pdf_builders(HOLDOUT)
    scores = [_score(tmp_path_factory.mktemp(g.name[:20]), g, builders) for g in goldens]
    _report(scores, "kept-aside register layouts")
    for s in scores:
        assert len(s["pairs"]) >= 0.9 * max(s["mine"], 1) and len(s["pairs"]) >= 0.9 * s["golden"]


# holdout15/ was written in session 9 by another engineer who saw no reader code (a
# Matters-arising minutes page, a DHR learning plan PDF with a letter key; 20 entries, short
# of its brief) and measured once after the session's one register change (eaa3bd5): 19/20,
# P and R 95.0% (Wenlow March 11/12/12: the golden's text of "AB to share ..." leaves out
# "AB to"; Harnsey Vale 8/8/8). Kept as measured, not tuned on.
def test_fifteenth_kept_aside_pair_at_90_percent(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = HERE / "holdout15"
    builders = _pdf_builders(folder)
    scores = [_score(tmp_path_factory.mktemp(g.name[:20]), g, builders) for g in _goldens(folder)]
    precision, recall = _report(scores, "kept-aside register pair 15")
    for s in scores:
        assert len(s["pairs"]) >= 0.9 * s["mine"] and len(s["pairs"]) >= 0.9 * s["golden"]
    assert precision >= 0.95 and recall >= 0.95
