"""The answer gate: an answer the fitted model judges unsupported is withheld, its features
are recorded for the evaluation, and `calibrate` fits the model from eval results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ingest_settings

import assistant.gate as gate_module
from assistant.__main__ import main
from assistant.calibrate import fit
from assistant.engine import Assistant
from assistant.gate import FEATURES, Gate
from ingest.settings import Settings

PAPER = """Safer Brackwater Partnership
Annual Report 2024/25

3 Shoplifting
Shoplifting rose by 29% to 1,566 offences in 2024/25, the largest rise of any crime type.
The retail crime group meets monthly with the town's shops.
"""


def _eval_file(tmp_path: Path, rows: list[tuple[dict, bool, bool]]) -> Path:
    """An eval JSON file of answers with these (features, answerable, right)."""
    questions = [
        {"id": f"q{k}", "split": "s", "answerable": answerable, "right": right,
         "covered": True, "checks": values}
        for k, (values, answerable, right) in enumerate(rows)
    ]
    path = tmp_path / "eval.json"
    path.write_text(json.dumps({"questions": questions}), encoding="utf-8")
    return path


def _values(cover: float) -> dict[str, float]:
    return {f: 0.0 for f in FEATURES} | {"cover": cover, "rare": cover}


def test_the_gate_fitted_on_results_withholds_what_resembles_the_unanswerable(tmp_path):
    rows = [(_values(0.9 + k / 1000), True, True) for k in range(40)]
    rows += [(_values(0.2 + k / 1000), False, False) for k in range(15)]
    rows += [(_values(0.5 + k / 1000), True, False) for k in range(5)]
    gate, chosen = fit([_eval_file(tmp_path, rows)])
    assert not gate.admits(_values(0.2)) and gate.admits(_values(0.95))
    # the threshold was chosen on answers each scored by a model that never saw them
    assert chosen["unanswerable_declined"] == 15 and chosen["right_lost"] == 0


def test_a_check_that_never_fired_on_a_right_answer_withholds_alone(tmp_path):
    """"What did the review find?" answered by the review still to come: rare, and never
    right; the logistic model shrinks its weight, so it is learnt as a veto."""
    rows = [(_values(0.9 + k / 1000), True, True) for k in range(40)]
    rows += [(_values(0.2 + k / 1000), False, False) for k in range(15)]
    rows += [(_values(0.9) | {"result_to_come": 1.0}, False, False) for _ in range(6)]
    rows += [(_values(0.9) | {"to_come": 1.0}, True, True) for _ in range(3)]  # right once
    rows += [(_values(0.9) | {"to_come": 1.0}, False, False) for _ in range(3)]
    gate, chosen = fit([_eval_file(tmp_path, rows)])
    assert gate.vetoes == ("result_to_come",)  # "to_come" fired on right answers too
    assert not gate.admits(_values(0.95) | {"result_to_come": 1.0})
    assert gate.admits(_values(0.95) | {"to_come": 1.0})
    assert Gate.read(_saved(tmp_path, gate)).vetoes == ("result_to_come",)


def _saved(tmp_path: Path, gate: Gate) -> Path:
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(gate.as_dict()), encoding="utf-8")
    return path


def test_calibrate_refuses_results_without_features(tmp_path, capsys):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"questions": [{"id": "a", "covered": True}]}), encoding="utf-8")
    assert main(["calibrate", str(path), "--out", str(tmp_path / "g.json")]) != 0
    assert "cannot fit the gate" in capsys.readouterr().err
    assert not (tmp_path / "g.json").exists()


@pytest.fixture
def settings(tmp_path: Path, fake_embedder) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brackwater-annual-report-2025-06-01.md").write_text(PAPER, encoding="utf-8")
    s = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    ingest_settings(s, fake_embedder)
    return s


def _write_gate(path: Path, bias: float) -> None:
    zeros = {f: 0.0 for f in FEATURES}
    path.write_text(
        json.dumps(Gate(zeros, {f: 1.0 for f in FEATURES}, zeros, bias, 0.5).as_dict()),
        encoding="utf-8",
    )


def test_an_answer_the_gate_rejects_is_withheld_and_its_features_kept(
    settings, fake_embedder, tmp_path, monkeypatch
):
    question = "How much did shoplifting rise in Brackwater in 2024/25?"
    given = Assistant(settings, fake_embedder).ask(question)
    assert given.covered and "29%" in given.text
    assert set(FEATURES) <= set(given.checks)  # recorded though no gate was fitted

    _write_gate(tmp_path / "reject.json", bias=-30.0)  # judges every answer unsupported
    monkeypatch.setattr(gate_module, "WEIGHTS", tmp_path / "reject.json")
    withheld = Assistant(settings, fake_embedder).ask(question)
    assert not withheld.covered and not withheld.citations
    assert withheld.checks["probability"] < 0.5

    off = settings.model_copy(update={"gate": False})  # CSP_GATE=0: given, to fit a gate
    assert Assistant(off, fake_embedder).ask(question).covered
