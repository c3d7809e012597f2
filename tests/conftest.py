"""Shared fixtures: an isolated environment, a deterministic fake embedder, the corpus."""

from __future__ import annotations

import math
import os
import re
import zlib
from pathlib import Path
from typing import Sequence

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"

_WORD = re.compile(r"[a-z0-9]+")


class WordHashEmbedder:
    """Bag-of-words vectors: lowercase word counts hashed (crc32) into ``dimension``
    buckets, L2-normalised. Texts that share words are close; the same text always gives
    the same vector, in any process. ``calls`` counts embed() calls, ``embedded`` texts."""

    name = "word-hash"

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self.calls = 0
        self.embedded = 0

    def vector(self, text: str) -> list[float]:
        counts = [0.0] * self.dimension
        for word in _WORD.findall(text.lower()):
            counts[zlib.crc32(word.encode()) % self.dimension] += 1.0
        norm = math.sqrt(sum(c * c for c in counts))
        if norm == 0:  # no words at all: a fixed unit vector, never a zero vector
            counts[0], norm = 1.0, 1.0
        return [c / norm for c in counts]

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        self.embedded += len(texts)
        return [self.vector(t) for t in texts]


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No CSP_* setting from the developer's shell, no hub access, no telemetry."""
    for key in list(os.environ):
        if key.startswith("CSP_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture
def fake_embedder() -> WordHashEmbedder:
    return WordHashEmbedder()


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def real_embedder(tmp_path_factory: pytest.TempPathFactory):
    """all-MiniLM-L6-v2 from the installed package, extracted into a temporary folder
    (``.model_path`` is a ready sentence-transformers folder, for CSP_MODEL_PATH)."""
    from ingest.embedding import SentenceTransformerEmbedder, ensure_model

    path = ensure_model(tmp_path_factory.mktemp("data") / "models" / "all-MiniLM-L6-v2")
    return SentenceTransformerEmbedder(path)


def ingest_settings(settings, embedder, store=None):
    """Ingest ``settings.corpus_dir`` into the settings' data folder, as `python -m ingest`
    does (knowledge base included); returns the report."""
    from ingest.pipeline import run
    from ingest.store import ChunkStore

    return run(
        [settings.corpus_dir],
        store=store or ChunkStore(settings.chroma_dir, settings.collection, embedder),
        embedder=embedder,
        keyword_dir=settings.keyword_dir,
        cache=settings.cache_dir,
        chunk_size=settings.chunk_size,
        chunk_overlap=settings.chunk_overlap,
        knowledge_db=settings.knowledge_db,
    )


def assistant_over(root: Path, papers: dict[str, str | bytes]):
    """An assistant over these papers (file name -> text or PDF bytes), ingested into a
    real index under ``root`` with the word-hash embedder, the gate off (so the answering
    checks themselves decide)."""
    from assistant.engine import Assistant
    from ingest.settings import Settings

    corpus = root / "corpus"
    corpus.mkdir()
    for name, content in papers.items():
        path = corpus / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=corpus, gate=False)
    embedder = WordHashEmbedder()
    ingest_settings(settings, embedder)
    return Assistant(settings, embedder=embedder)


def read_registers(tmp_path: Path, name: str | None = None, text: str | None = None):
    """The registers of the papers in ``tmp_path/papers`` (``text`` written there as
    ``name`` first), read as an ingest reads them: segmented, then every register reader."""
    from ingest.pipeline import read_corpus
    from ingest.registers import extract_registers

    folder = tmp_path / "papers"
    folder.mkdir(exist_ok=True)
    if name is not None and text is not None:
        (folder / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([folder], cache=tmp_path / "cache", chunk_size=900, chunk_overlap=150,
                         base=folder)
    return extract_registers(corpus.docs, corpus.parts)

