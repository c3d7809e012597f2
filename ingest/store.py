"""The index: Chroma for vectors and metadata, a bm25s keyword index beside it.

Chroma is the record of which chunks exist. The keyword index is derived from it and
replaced atomically (a new folder, then a pointer file swapped with ``os.replace``), so a
process killed at any point leaves an index that answers.

Every call to Chroma asks for at most ``page_size`` rows (reads page with limit/offset;
writes and look-ups by id go in batches): one call over the whole collection fails with
"too many SQL variables" once it holds tens of thousands of chunks.

The keyword index's folder also holds the catalogue of the same chunks
(``ingest.catalogue``): what a register or figure answer needs without reading them.
chromadb and bm25s are imported when a store or keyword index is first used, not with this
module: a question answered from the knowledge base never pays for them.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import Stemmer

from ingest import catalogue
from ingest.dates import long_form
from ingest.embedding import Embedder
from ingest.errors import CspError
from ingest.settings import Settings
from ingest.types import Chunk

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

_STEMMER = Stemmer.Stemmer("english")
PAGE_SIZE = 1000  # rows per Chroma call: well under SQLite's limit on variables


def keyword_tokens(texts: list[str]) -> list[list[str]]:
    import bm25s

    return bm25s.tokenize(
        texts, stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False
    )


def keyword_text(c: Chunk) -> str:
    """What the keyword index sees of a chunk: where it is and when, then its text."""
    return f"{c.part} {long_form(c.date)} {c.section}\n{c.text}"


@lru_cache(maxsize=1)
def _embedding_function_class() -> type:
    """Our embedder in Chroma's shape, so Chroma never reaches for its own default model
    (a class made on first use: its base is chromadb's)."""
    import chromadb

    class ChromaEmbeddingFunction(chromadb.EmbeddingFunction):
        def __init__(self, embedder: Embedder) -> None:
            self.embedder = embedder

        def __call__(self, input: list[str]) -> list[list[float]]:  # noqa: A002 (Chroma's)
            return self.embedder.embed(list(input))

        @staticmethod
        def name() -> str:
            return "csp-sentence-transformer"

        def get_config(self) -> dict[str, Any]:
            return {"model": getattr(self.embedder, "name", "")}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
            raise NotImplementedError("pass the embedder explicitly")

    return ChromaEmbeddingFunction


def chroma_embedding_function(embedder: Embedder):
    return _embedding_function_class()(embedder)


class StoreUnavailable(CspError):
    """The Chroma server named by CSP_CHROMA_URL is malformed or cannot be reached."""


def chroma_client(path: Path, url: str | None = None):
    """A Chroma server's client if ``url`` is set (``http[s]://host[:port]``), else a
    PersistentClient on ``path``."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if not url:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=settings)
    parsed = urlsplit(url if "//" in url else f"http://{url}")
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise StoreUnavailable(f"CSP_CHROMA_URL={url!r} is not a URL like http://host:8000")
    ssl = parsed.scheme == "https"
    try:
        return chromadb.HttpClient(
            host=parsed.hostname,
            port=parsed.port or (443 if ssl else 8000),
            ssl=ssl,
            settings=settings,
        )
    except Exception as exc:  # noqa: BLE001 - connection refused, DNS, TLS: one line
        raise StoreUnavailable(f"cannot reach the Chroma server at {url}: {exc}") from exc


GENERATION = "generation"  # in the Chroma folder: a new token after every write


class ChunkStore:
    """Chunks with their vectors and metadata in Chroma: a PersistentClient on ``path``,
    or the server at ``url`` (``CSP_CHROMA_URL`` when not given).

    A PersistentClient keeps the vector index it loaded: what an ingest in another process
    adds is never searched, and what it deletes is still returned. So every write records a
    new generation in the Chroma folder, and a store that finds the generation changed
    since it opened the folder opens it again before it reads (calls are serialised by a
    lock, so no thread uses a client being replaced)."""

    def __init__(
        self,
        path: Path,
        collection: str,
        embedder: Embedder,
        page_size: int = PAGE_SIZE,
        url: str | None = None,
    ) -> None:
        self.page_size = page_size
        if url is None:
            url = Settings().chroma_url
        self.url = url or None
        self.path = path
        self.name = collection
        self.embedding_function = chroma_embedding_function(embedder)
        self._lock = threading.RLock()
        self._open()

    def _open(self) -> None:
        self._seen = self._generation()
        self.client = chroma_client(self.path, self.url)
        try:
            self.collection = self.client.get_or_create_collection(
                self.name,
                embedding_function=self.embedding_function,
                metadata={"hnsw:space": "cosine"},
            )
        except Exception as exc:
            if not self.url:
                raise
            raise StoreUnavailable(f"cannot reach the Chroma server at {self.url}: {exc}") from exc

    def _generation(self) -> str:
        if self.url:
            return ""  # a server serves every client the same index
        try:
            return (self.path / GENERATION).read_text(encoding="utf-8")
        except OSError:
            return ""

    def _wrote(self) -> None:
        """Tell other processes' stores that the folder changed (this one knows)."""
        if self.url:
            return
        token = f"{os.getpid()}-{time.time_ns()}"
        tmp = self.path / f"{GENERATION}.{os.getpid()}.tmp"
        tmp.write_text(token, encoding="utf-8")
        os.replace(tmp, self.path / GENERATION)
        self._seen = token

    def _current(self) -> None:
        """Open the folder again if another process wrote to it since."""
        if self.url or self._generation() == self._seen:
            return
        close = getattr(self.client, "close", None)
        if close is not None:
            close()
        self._open()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock:
            self._current()
            yield

    def count(self) -> int:
        with self._reading():
            return self.collection.count()

    def _pages(self, include: list[str], where: dict | None = None) -> Iterator[dict]:
        """The whole collection (or what ``where`` matches), ``page_size`` rows a call."""
        offset = 0
        while True:
            with self._reading():
                got = self.collection.get(
                    where=where or None, include=include, limit=self.page_size, offset=offset
                )
            yield got
            if len(got["ids"]) < self.page_size:
                return
            offset += self.page_size

    def _batches(self, items: list) -> Iterator[list]:
        for start in range(0, len(items), self.page_size):
            yield items[start : start + self.page_size]

    def all_metadata(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for got in self._pages(["metadatas"]):
            out.update(zip(got["ids"], got["metadatas"]))
        return out

    def _chunks(self, where: dict | None = None) -> list[Chunk]:
        by_id: dict[str, Chunk] = {}  # keyed, so a page that shifted cannot repeat a chunk
        for got in self._pages(["metadatas", "documents"], where):
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"]):
                by_id[i] = Chunk.from_metadata(i, d, m)
        return list(by_id.values())

    def all_chunks(self) -> list[Chunk]:
        return self._chunks()

    def get(self, ids: list[str]) -> list[Chunk]:
        by_id: dict[str, Chunk] = {}
        for batch in self._batches(list(ids)):
            with self._reading():
                got = self.collection.get(ids=batch, include=["metadatas", "documents"])
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"]):
                by_id[i] = Chunk.from_metadata(i, d, m)
        return [by_id[i] for i in ids if i in by_id]

    def where(self, where: dict) -> list[Chunk]:
        """Chunks whose metadata match, in document order."""
        return sorted(self._chunks(where), key=lambda c: c.start)

    def add(self, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        for start in range(0, len(chunks), self.page_size):
            batch = chunks[start : start + self.page_size]
            with self._reading():
                self.collection.upsert(
                    ids=[c.id for c in batch],
                    documents=[c.text for c in batch],
                    metadatas=[c.metadata() for c in batch],
                    embeddings=vectors[start : start + self.page_size],
                )
                self._wrote()

    def update_metadata(self, chunks: list[Chunk]) -> None:
        for batch in self._batches(list(chunks)):
            with self._reading():
                self.collection.update(
                    ids=[c.id for c in batch], metadatas=[c.metadata() for c in batch]
                )
                self._wrote()

    def delete(self, ids: list[str]) -> None:
        for batch in self._batches(list(ids)):
            with self._reading():
                self.collection.delete(ids=batch)
                self._wrote()

    def dense(self, vector: list[float], k: int, where: dict | None) -> list[tuple[str, float]]:
        with self._reading():
            n = self.collection.count()
            if n == 0:
                return []
            got = self.collection.query(
                query_embeddings=[vector],
                n_results=min(k, n),
                where=where or None,
                include=["distances"],
            )
        return [(i, 1.0 - d) for i, d in zip(got["ids"][0], got["distances"][0])]


CATALOGUE_COUNTS = "catalogue-counts.json"  # beside the builds' folders


class KeywordIndex:
    """BM25 over every chunk's text (with its section), persisted with bm25s; each build's
    folder holds the catalogue of its chunks (``ingest.catalogue``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.loaded = ""
        self.ids: list[str] = []
        self.retriever = None  # a bm25s.BM25 once loaded

    @staticmethod
    def rebuild(root: Path, chunks: list[Chunk]) -> None:
        root.mkdir(parents=True, exist_ok=True)
        stamp = f"v{os.getpid()}-{len(chunks)}-{abs(hash(tuple(c.id for c in chunks))) % 10**9}"
        folder = root / stamp
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        ids = [c.id for c in chunks]
        texts = [keyword_text(c) for c in chunks]
        if chunks:
            import bm25s

            retriever = bm25s.BM25()
            retriever.index(keyword_tokens(texts), show_progress=False)
            retriever.save(str(folder), show_progress=False)
        (folder / "ids.json").write_text(json.dumps(ids))
        kept = root / CATALOGUE_COUNTS  # each paper's counts, so an unchanged one is not
        built, counts = catalogue.build(chunks, texts, catalogue.read_counts(kept))  # recounted
        catalogue.write(folder, built)
        catalogue.write_counts(kept, counts)
        pointer = root / "CURRENT.tmp"
        pointer.write_text(stamp)
        os.replace(pointer, root / "CURRENT")
        for old in root.iterdir():
            if old.is_dir() and old.name != stamp:
                shutil.rmtree(old, ignore_errors=True)

    def version(self) -> str:
        """Which build is current: it changes with every ingest."""
        current = self.root / "CURRENT"
        return current.read_text().strip() if current.exists() else ""

    def read_catalogue(self) -> catalogue.Catalogue | None:
        """The catalogue of the current build's chunks (None: an older build has none)."""
        version = self.version()
        return catalogue.read(self.root / version) if version else None

    def load(self) -> KeywordIndex:
        self.loaded = self.version()
        if not self.loaded:
            return self
        folder = self.root / self.loaded
        self.ids = json.loads((folder / "ids.json").read_text())
        if self.ids:
            import bm25s

            self.retriever = bm25s.BM25.load(str(folder), show_progress=False)
        return self

    def scores(self, query: str) -> dict[str, float]:
        if self.retriever is None:
            return {}
        tokens = keyword_tokens([query])[0]
        if not tokens:
            return {}
        scores = self.retriever.get_scores(tokens)
        return {self.ids[i]: float(s) for i, s in enumerate(scores) if s > 0}
