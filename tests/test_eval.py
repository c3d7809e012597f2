"""`python -m assistant eval`: the matching rules, the metric arithmetic, and one run over a
tiny corpus with the fake embedder."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant import evaluate
from assistant.evaluate import (
    Question,
    QuestionsInvalid,
    Share,
    breakdown,
    contains,
    eval_data_dir,
    evidence_rank,
    failures,
    missing,
    parse_questions,
    percentile,
    score,
    table,
)

DOC = "westmere-scp-minutes-2023-03-09.md"

# --- matching ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "item, text",
    [
        ("Joint Action Group", "JAG stands for joint action group."),  # case
        ("Joint Action Group", "the Joint\n  Action\tGroup"),  # whitespace
        ("2,165|2165", "Beat 62 recorded 2165 crimes"),  # either
        ("2,165|2165", "Beat 62 recorded 2,165 crimes"),
        ("1495", "1,495 complaints"),  # thousands separators, either side
        ("1,495", "1495 complaints"),
        ("11,861.15", "£11861.15 unallocated"),
        ("1,234,567", "1234567"),
        ('"night-time economy safety charter"', "a “night-time economy safety charter”"),
        ("O'Connell", "James O’Connell"),  # curly apostrophe
        ("O’Connell", "James O'Connell"),
    ],
)
def test_a_must_item_matches(item: str, text: str) -> None:
    assert contains(item, text)


@pytest.mark.parametrize(
    "item, text",
    [
        ("736", "515 and 73 6"),
        ("2,165|2165", "2,166"),
        ("Hate Action Plan", "Hate Crime Action Plan"),
        ("1,495", "1,4950"),  # a separator is only a separator before exactly 3 digits
    ],
)
def test_a_must_item_does_not_match(item: str, text: str) -> None:
    assert not contains(item, text)


def test_missing_lists_only_the_absent_items() -> None:
    assert missing(["43%", "515", "736"], "Shoplifting rose by +43% (515 to 740)") == ["736"]


def test_first600_is_the_opening_of_the_answer() -> None:
    q = Question("q", "?", "kpi", ("early", "late"), ({"docs": [DOC], "text": "x"},))
    answer = "early " + "padding " * 100 + "late"
    s = score(q, answer, True, [DOC], [(DOC, "x")], 1.0)
    assert s.right and not s.first600
    assert s.missing_first600 == ("late",)
    assert any("first 600" in p and '"late"' in p for p in s.problems)
    s = score(q, "early late " + "padding " * 100, True, [DOC], [(DOC, "x")], 1.0)
    assert s.right and s.first600 and not s.problems


def test_evidence_rank_needs_the_doc_and_the_text() -> None:
    ev = [{"docs": [DOC], "text": "Shoplifting\t+43%\t515\t736"}]
    hits = [
        ("other.md", "shoplifting +43% 515 736"),  # right text, wrong doc
        (DOC, "Burglary rose"),  # right doc, wrong text
        (f"corpus/{DOC}", "Table 1\nSHOPLIFTING  +43%\n515 736 more"),  # case, whitespace, path
    ]
    assert evidence_rank(ev, hits) == 3
    assert evidence_rank(ev, hits[:2]) == 0
    assert evidence_rank(ev, [("x.md", "")] * 5 + hits) == 0  # only the top 5 count


def test_evidence_split_across_a_chunk_boundary_counts_at_80_percent() -> None:
    ev = [{"docs": [DOC], "text": "one two three four five six seven eight nine ten eleven"}]
    # 9 word 3-grams; 8 of them (89%) are in this passage, the text itself is not
    assert evidence_rank(ev, [(DOC, "one two three four five six seven eight nine ten")]) == 1
    # 6 of 9 (67%)
    assert evidence_rank(ev, [(DOC, "one two three four five six seven eight")]) == 0


# --- the metrics -----------------------------------------------------------------------------


def _q(qid: str, split: str, kind: str, must: tuple[str, ...] = ("yes",)) -> Question:
    evidence = ({"docs": [DOC], "text": "the evidence"},) if must else ()
    return Question(qid, f"{qid}?", kind, must, evidence, split)


@pytest.fixture
def scores() -> list[evaluate.Score]:
    good = [(DOC, "the evidence")]
    second = [("x.md", "nothing"), (DOC, "the evidence")]
    return [
        # right, first 600, cites, evidence at rank 1
        score(_q("a", "tune", "kpi"), "yes", True, [DOC], good, 10),
        # right, cites, evidence at rank 2
        score(_q("b", "tune", "fact"), "yes [1]", True, [DOC, DOC], second, 20),
        # wrong (no "yes"), cites another document, no evidence in the top 5
        score(_q("c", "holdout", "kpi"), "no", True, ["x.md"], [("x.md", "e")], 30),
        # unanswerable, declined
        score(_q("d", "holdout", "unanswerable", ()), "not covered", False, [], [], 40),
        # unanswerable, answered
        score(_q("e", "none", "unanswerable", ()), "Something", True, [DOC], good, 50),
    ]


def test_metrics_overall(scores: list[evaluate.Score]) -> None:
    m = breakdown(scores)["all"]
    assert (m["n"], m["answerable"], m["unanswerable"]) == (5, 3, 2)
    assert m["right"] == Share(3, 5)  # a, b, d
    assert m["answerable_right"] == Share(2, 3)
    assert m["declined"] == Share(1, 2)
    assert m["first600"] == Share(2, 3)
    assert m["cites_evidence"] == Share(2, 3)
    assert m["evidence_at_5"] == Share(2, 3)
    assert m["mrr"] == pytest.approx((1 + 1 / 2 + 0) / 3)
    assert m["latency_p50_ms"] == 30
    assert m["latency_p95_ms"] == pytest.approx(48)  # 40 + 0.8 * (50 - 40)


def test_metrics_by_split_and_kind(scores: list[evaluate.Score]) -> None:
    groups = breakdown(scores)
    assert list(groups["split"]) == ["tune", "holdout", "none"]
    assert groups["split"]["tune"]["right"] == Share(2, 2)
    assert groups["split"]["holdout"]["right"] == Share(1, 2)
    assert groups["split"]["holdout"]["declined"] == Share(1, 1)
    assert groups["split"]["none"]["answerable_right"] == Share(0, 0)
    assert groups["split"]["none"]["answerable_right"].value is None
    assert groups["split"]["none"]["mrr"] is None
    assert groups["kind"]["kpi"]["answerable_right"] == Share(1, 2)
    assert groups["kind"]["kpi"]["mrr"] == pytest.approx(0.5)
    assert groups["kind"]["unanswerable"]["declined"] == Share(1, 2)


def test_percentile() -> None:
    assert percentile([], 50) is None
    assert percentile([7.0], 95) == 7.0
    assert percentile([1, 2, 3, 4], 50) == 2.5


def test_the_table_and_the_failing_lines(scores: list[evaluate.Score]) -> None:
    rows = {line.split("  ")[0].strip(): line for line in table(scores).splitlines()}
    cells = re.split(r"\s{2,}", rows["all"])
    assert cells[1:9] == ["5", "60% 3/5", "67% 2/3", "50% 1/2", *["67% 2/3"] * 3, "0.50"]
    assert " - " in rows["split none"] + " "  # no answerable question there
    lines = failures(scores)
    assert [line.split()[0] for line in lines] == ["c", "e"]
    assert lines[0].startswith('c [holdout] WRONG: missing "yes"; no evidence doc cited;')
    assert lines[0].endswith("| no")
    assert lines[1].startswith("e [none] WRONG: answered, though the documents don't cover it")


def test_a_long_answer_is_shown_by_its_first_200_characters() -> None:
    s = score(_q("a", "tune", "kpi"), "x" * 150 + "\n\n" + "y" * 300, True, [], [], 1)
    shown = failures([s])[0].split(" | ", 1)[1]
    assert shown == "x" * 150 + " " + "y" * 49 + "…"


def test_json_carries_metrics_and_every_question(scores: list[evaluate.Score]) -> None:
    out = json.loads(json.dumps(evaluate.as_json(scores, files=["q.jsonl"])))
    assert out["files"] == ["q.jsonl"]
    assert out["metrics"]["all"]["right"] == {"count": 3, "of": 5, "share": 0.6}
    assert out["metrics"]["split"]["tune"]["mrr"] == 0.75
    assert [q["id"] for q in out["questions"]] == ["a", "b", "c", "d", "e"]
    assert out["questions"][1]["cited"] == [DOC]  # one document cited twice: listed once
    assert out["questions"][2]["missing"] == ["yes"]


# --- the questions file ----------------------------------------------------------------------

GOOD = (
    '{"id": "q1", "kind": "fact", "question": "What?", "must": ["a"], '
    '"evidence": [{"docs": ["d.md"], "text": "a"}]}'
)


def test_questions_from_several_files_in_order() -> None:
    second = GOOD.replace("q1", "q2").replace('"kind"', '"split": "holdout", "kind"')
    qs = parse_questions([("one.jsonl", GOOD + "\n\n"), ("two.jsonl", second)])
    assert [(q.id, q.split) for q in qs] == [("q1", "none"), ("q2", "holdout")]


@pytest.mark.parametrize(
    "bad, said",
    [
        ('{"id": "q2", "question": null, "must": [], "evidence": []}', '"question"'),
        ('{"id": "q2", "question": "Why?", "evidence": []}', '"must"'),
        ('{"id": "q2", "question": "Why?", "must": [], "evidence": [{"text": "x"}]}', "evidence"),
        ('{"id": "q2", "question": "Why?"', "not valid JSON"),
        (GOOD, "repeats one.jsonl, line 1"),
    ],
)
def test_a_bad_question_line_is_named(bad: str, said: str) -> None:
    with pytest.raises(QuestionsInvalid) as err:
        parse_questions([("one.jsonl", f"{GOOD}\n{bad}\n")])
    assert err.value.problems[0].startswith("one.jsonl, line 2: ")
    assert said in err.value.problems[0]


def test_the_eval_index_folder_follows_the_papers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("one")
    first = eval_data_dir(tmp_path / "data", [corpus])
    assert first.parent == tmp_path / "data" / "eval"
    assert eval_data_dir(tmp_path / "data", [corpus]) == first
    (corpus / "a.md").write_text("two")
    assert eval_data_dir(tmp_path / "data", [corpus]) != first


# --- end to end: `eval --corpus` with the fake embedder --------------------------------------

TINY = (
    "# WESTMERE SAFER COMMUNITIES PARTNERSHIP\n\nDate: 9 March 2023\n\n"
    "## 1. Night-time economy\n\nA report on violence in the town centre at night was "
    "considered.\n\nRESOLVED that Priya Shah draft a night-time economy safety charter for "
    "licensed premises by the end of June 2023.\n\n"
    "## 2. Glossary\n\nSCP  Safer Communities Partnership\n"
)

QUESTIONS = [
    {
        "id": "dec-charter",
        "kind": "decision",
        "split": "tune",
        "question": "What was agreed on the night-time economy?",
        "must": ["priya shah", "Night-Time Economy Safety Charter"],
        "evidence": [{"docs": [DOC], "text": "draft a night-time economy  safety charter"}],
    },
    {
        "id": "fact-scp",
        "kind": "fact",
        "split": "holdout",
        "question": "What does SCP stand for?",
        "must": ["Safer Communities Partnership"],
        "evidence": [{"docs": [DOC], "text": "SCP Safer Communities Partnership"}],
    },
    {
        "id": "dec-wrong-month",
        "kind": "decision",
        "question": "What was agreed on the night-time economy?",
        "must": ["July 2023|August 2023"],
        "evidence": [{"docs": ["elsewhere.md"], "text": "charter"}],
    },
    {
        "id": "none-cup",
        "kind": "unanswerable",
        "question": "Who won the 1966 World Cup?",
        "must": [],
        "evidence": [],
    },
]


@pytest.fixture
def eval_env(tmp_path: Path, fake_embedder, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / DOC).write_text(TINY)
    (tmp_path / "q.jsonl").write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS))
    monkeypatch.setenv("CSP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("assistant.__main__._embedder", lambda settings: fake_embedder)
    return tmp_path


def run_eval(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    from assistant.__main__ import main

    code = main(["eval", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _columns(out: str, label: str) -> list[str]:
    line = next(ln for ln in out.splitlines() if ln.startswith(label + "  "))
    return re.split(r"\s{2,}", line.strip())


def test_eval_over_a_tiny_corpus_prints_the_metrics(eval_env: Path, capsys) -> None:
    code, out, err = run_eval(
        capsys, str(eval_env / "q.jsonl"), "--corpus", str(eval_env / "corpus")
    )
    assert code == 0, err
    assert re.search(r"n\s+right\s+answerable\s+declined\s+first600\s+cites ev\s+ev@5\s+MRR", out)
    # label, n, right, answerable, declined, first600, cites ev, ev@5, MRR, p50, p95
    assert _columns(out, "all")[:9] == [
        "all", "4", "75% 3/4", "67% 2/3", "100% 1/1", "67% 2/3", "67% 2/3", "67% 2/3", "0.67",
    ]  # fmt: skip
    tune, none = _columns(out, "split tune"), _columns(out, "split none")
    assert tune[2:9] == ["100% 1/1", "100% 1/1", "-", *["100% 1/1"] * 3, "1.00"]
    assert none[2:9] == ["50% 1/2", "0% 0/1", "100% 1/1", *["0% 0/1"] * 3, "0.00"]
    assert _columns(out, "kind decision")[2:4] == ["50% 1/2", "50% 1/2"]
    failing = [ln for ln in out.splitlines() if ln.startswith("dec-wrong-month ")]
    assert len(failing) == 1
    assert failing[0].startswith('dec-wrong-month [none] WRONG: missing "July 2023|August 2023"')
    assert "| At the meeting of 9 March 2023" in failing[0]
    passed = ("dec-charter ", "fact-scp ", "none-cup ")
    assert not any(ln.startswith(passed) for ln in out.splitlines())
    # the corpus got an index of its own, and a second run reuses it, embedding nothing
    (folder,) = (eval_env / "data" / "eval").iterdir()
    assert f"index {folder}" in err and "(0 embedded" not in err
    code, out2, err2 = run_eval(
        capsys, str(eval_env / "q.jsonl"), "--corpus", str(eval_env / "corpus"), "--json"
    )
    assert code == 0 and "(0 embedded" in err2
    assert list((eval_env / "data" / "eval").iterdir()) == [folder]
    record = json.loads(out2)
    assert record["data_dir"] == str(folder)
    assert record["metrics"]["all"]["right"] == {"count": 3, "of": 4, "share": 0.75}
    assert record["metrics"]["split"]["holdout"]["evidence_at_5"]["share"] == 1.0
    assert [q["id"] for q in record["questions"] if not q["right"]] == ["dec-wrong-month"]


def test_eval_errors_exit_2(eval_env: Path, capsys) -> None:
    (eval_env / "bad.jsonl").write_text(json.dumps(QUESTIONS[0]) + '\n{"id": "x"}\n')
    code, out, err = run_eval(capsys, str(eval_env / "bad.jsonl"))
    assert code == 2 and out == ""
    said = f'error: {eval_env / "bad.jsonl"}, line 2: "question" must be non-empty text'
    assert err.strip() == said
    code, out, err = run_eval(capsys, str(eval_env / "q.jsonl"), "--corpus", str(eval_env / "nope"))
    assert code == 2 and "no such file or folder" in err
    code, out, err = run_eval(capsys, str(eval_env / "q.jsonl"))  # no index yet
    assert code == 2 and "python -m ingest" in err
