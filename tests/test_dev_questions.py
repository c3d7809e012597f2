"""The public questions, answered over the real corpus with the real model: every answer
holds the expected strings and cites an evidence document; the unanswerable one is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Assistant
from ingest.pipeline import run
from ingest.settings import Settings
from ingest.store import ChunkStore

QUESTIONS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "dev_questions.jsonl").read_text().splitlines()
    if line.strip()
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, real_embedder) -> Path:
    data = tmp_path_factory.mktemp("ask-data")
    settings = Settings(data_dir=data, model_path=real_embedder.model_path)
    store = ChunkStore(settings.chroma_dir, settings.collection, real_embedder)
    run(
        [Path(__file__).resolve().parents[1] / "corpus"],
        store=store,
        embedder=real_embedder,
        keyword_dir=settings.keyword_dir,
        cache=settings.cache_dir,
        chunk_size=settings.chunk_size,
        chunk_overlap=settings.chunk_overlap,
    )
    return data


@pytest.fixture(scope="module")
def assistant(data_dir, real_embedder) -> Assistant:
    return Assistant(
        Settings(data_dir=data_dir, model_path=real_embedder.model_path), real_embedder
    )


@pytest.mark.parametrize("q", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_public_question(assistant: Assistant, q: dict) -> None:
    answer = assistant.ask(q["question"])
    if not q["must"]:
        assert not answer.covered and "don't cover" in answer.text
        assert answer.citations == ()
        return
    assert answer.covered, answer.text
    for must in q["must"]:
        assert any(alt in answer.text for alt in must.split("|")), (must, answer.text)
    evidence_docs = {d for e in q["evidence"] for d in e["docs"]}
    assert {c.source for c in answer.citations} & evidence_docs, answer.citations
    for c in answer.citations:  # every quote is text the cited passage really holds
        assert c.quote.split(" … ")[0][:40] in " ".join(
            ch.text for ch in assistant.chunks if ch.source == c.source
        )


def test_ask_cli_json_and_batch(data_dir, real_embedder, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CSP_DATA_DIR": str(data_dir),
        "CSP_MODEL_PATH": str(real_embedder.model_path),
    }
    cmd = [sys.executable, "-m", "assistant", "ask", "What does JAG stand for?", "--json"]
    out = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    record = json.loads(out.stdout)
    assert "Joint Action Group" in record["answer"]
    citation = record["citations"][0]
    assert set(citation) >= {"n", "source", "part", "section", "page", "date", "quote"}
    assert citation["source"] == "charnwood-csp-agenda-pack-2023-04-20.txt"
    assert citation["date"] == "2023-04-20"

    batch = tmp_path / "q.jsonl"
    batch.write_text(
        '{"id": "a", "question": "What does JAG stand for?"}\n'
        '{"id": "b", "question": "Who won the 1966 World Cup?"}\n'
    )
    out = subprocess.run(
        [*cmd[:4], "--batch", str(batch), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["a", "b"]
    assert lines[1]["covered"] is False


def test_filters_narrow_the_answer(assistant: Assistant) -> None:
    from assistant.retrieve import Filters

    hits = assistant.search(
        "community triggers", 5, Filters(doc_type="minutes", since="2023-01-01")
    )
    assert hits and all(
        h.chunk.doc_type == "minutes" and h.chunk.date >= "2023-01-01" for h in hits
    )
    none = assistant.search("community triggers", 5, Filters(until="2010-01-01"))
    assert none == []
