"""`python -m assistant register ...` and `facts ...` as an officer runs them: on the real
corpus's knowledge base, JSON and CSV out, without loading the embedding model."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.knowledge import write
from ingest.pipeline import extract_knowledge, read_corpus

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("cli-data")
    corpus = read_corpus([REPO / "corpus"], cache=data / "cache", chunk_size=900, chunk_overlap=150)
    write(data / "knowledge.sqlite", extract_knowledge(corpus))
    return data


def cli(data_dir: Path, *args: str) -> str:
    env = {**os.environ, "CSP_DATA_DIR": str(data_dir)}
    out = subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
        timeout=120,
    )
    return out.stdout


def test_recommendations_nine_and_nine_with_updates(data_dir: Path) -> None:
    rows = json.loads(cli(data_dir, "register", "recommendations", "--json"))
    by_year = {y: [r for r in rows if r["year"] == y] for y in ("2022/23", "2023/24")}
    assert [r["number"] for r in by_year["2023/24"]] == list(range(1, 10))
    assert [r["number"] for r in by_year["2022/23"]] == list(range(1, 10))
    assert all(r["update"] for r in by_year["2022/23"])
    assert all(r["source"] == "charnwood-strategic-assessment-2023-24.md" for r in rows)


def test_actions_of_the_january_2023_meeting_with_owners(data_dir: Path) -> None:
    rows = json.loads(cli(data_dir, "register", "actions", "--json"))
    january = {(r["owner"], r["text"][:30]) for r in rows if r["meeting_date"] == "2023-01-26"}
    owners = {o for o, _ in january}
    assert {"Andy Thomas", "James O'Connell"} <= owners
    assert any("Gurjit Samra-Rai" in t or "contact Gurjit" in t for _, t in january)


def test_decisions_query_finds_the_community_triggers_resolution(data_dir: Path) -> None:
    rows = json.loads(
        cli(data_dir, "register", "decisions", "--query", "community triggers", "--json")
    )
    assert len(rows) == 1
    assert "new and effective ways to process Community Triggers" in rows[0]["text"]
    assert rows[0]["meeting_date"] == "2023-01-26" and rows[0]["item"] == "8"


def test_open_recommendations_as_csv(data_dir: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(cli(data_dir, "register", "recommendations", "--open", "--csv")))
    )
    assert rows and all(r["status"] != "done" for r in rows)  # open: not reported done
    assert {r["status"] for r in rows} >= {"open", "in progress", "status not stated"}
    assert any(r["year"] == "2022/23" and r["number"] == "4" for r in rows)


def test_facts_tolerate_wording(data_dir: Path) -> None:
    rows = json.loads(cli(data_dir, "facts", "theft of motor vehicles", "--json"))
    assert rows[0]["row"] == "Theft of Vehicles"
    cells = {c["column"]: c["value"] for c in rows[0]["cells"]}
    assert cells["Performance to Date"] == "+2.5%"
    beat = json.loads(cli(data_dir, "facts", "Beat 62 2021-22", "--json"))
    assert [c["value"] for c in beat[0]["cells"]] == ["2165"]


def test_no_knowledge_yet_is_a_clear_error(tmp_path: Path) -> None:
    env = {**os.environ, "CSP_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "register", "decisions"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert out.returncode == 2 and "python -m ingest" in out.stderr
