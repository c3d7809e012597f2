"""Defects that would make the product repeat something the papers do not say: each found
by a user, reproduced here before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Assistant
from ingest.pipeline import run
from ingest.settings import Settings
from ingest.store import ChunkStore


def ingest_folder(folder: Path, data: Path, embedder) -> Assistant:
    settings = Settings(data_dir=data, corpus_dir=folder)
    store = ChunkStore(settings.chroma_dir, settings.collection, embedder)
    run(
        [folder],
        store=store,
        embedder=embedder,
        keyword_dir=settings.keyword_dir,
        cache=settings.cache_dir,
        chunk_size=900,
        chunk_overlap=150,
        knowledge_db=settings.knowledge_db,
    )
    return Assistant(settings, embedder)


@pytest.mark.parametrize(
    "body",
    [
        "Annual crime summary\nThe number of crimes recorded during 2023/24 was 12345",
        "# Crime report\n\nIntro to the report for the panel.\n\n"
        "The number of crimes recorded during 2023/24 was 12345",
        "1. Crime\nThe number of crimes recorded during 2023/24 was 12345",
    ],
    ids=["no-heading", "markdown-title", "numbered-item"],
)
def test_the_last_character_of_a_file_without_a_final_newline_is_kept(
    tmp_path: Path, fake_embedder, body: str
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "crime-report.md").write_text(body)
    assistant = ingest_folder(folder, tmp_path / "data", fake_embedder)
    assert any(c.text.endswith("was 12345") for c in assistant.chunks)
    answer = assistant.ask("How many crimes were recorded during 2023/24?")
    assert "12345" in answer.text, answer.text
    assert any(c.quote.endswith("12345") for c in answer.citations)
