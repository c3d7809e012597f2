"""Hybrid retrieval: dense (Chroma) and keyword (bm25s) rankings fused by reciprocal rank,
filtered by document type, date range and partnership, one hit per duplicate group."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.embedding import Embedder
from ingest.store import ChunkStore, KeywordIndex
from ingest.types import Chunk, Where

RRF_K = 60
CANDIDATES = 40


@dataclass(frozen=True)
class Filters:
    doc_type: str | None = None
    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    partnership: str | None = None
    sources: tuple[str, ...] = ()  # these papers only ("the April 2023 agenda pack")

    def where(self) -> dict | None:
        clauses: list[dict] = []
        if self.doc_type:
            clauses.append({"doc_type": self.doc_type})
        if self.since:
            clauses.append({"date_int": {"$gte": int(self.since.replace("-", ""))}})
        if self.until:
            clauses.append({"date_int": {"$lte": int(self.until.replace("-", ""))}})
        if self.partnership:
            clauses.append({"partnership": self.partnership})
        if self.sources:
            clauses.append({"source": {"$in": list(self.sources)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def admits(self, c: Chunk | Where) -> bool:
        """Whether a chunk, or a fact's or register entry's place, passes the filters."""
        day = int(c.date.replace("-", "")) if c.date else 0
        return bool(
            (not self.doc_type or c.doc_type == self.doc_type)
            and (not self.since or day >= int(self.since.replace("-", "")))
            and (not self.until or (day and day <= int(self.until.replace("-", ""))))
            and (not self.partnership or c.partnership == self.partnership)
            and (not self.sources or c.source in self.sources)
        )


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # fused
    dense: float  # cosine similarity, 0 when only the keyword side found it
    keyword: float  # BM25 score, 0 when only the dense side found it


class Retriever:
    def __init__(self, store: ChunkStore, keywords: KeywordIndex, embedder: Embedder) -> None:
        self.store = store
        self.keywords = keywords
        self.embedder = embedder

    def search(self, query: str, k: int = 5, filters: Filters | None = None) -> list[Hit]:
        filters = filters or Filters()
        vector = self.embedder.embed([query])[0]
        dense = self.store.dense(vector, CANDIDATES, filters.where())
        keyword_all = sorted(self.keywords.scores(query).items(), key=lambda kv: -kv[1])
        keyword_ids = [i for i, _ in keyword_all[: CANDIDATES * 3]]
        chunks = {c.id: c for c in self.store.get(list({*keyword_ids, *(i for i, _ in dense)}))}
        keyword = [
            (i, s)
            for i, s in keyword_all[: CANDIDATES * 3]
            if i in chunks and filters.admits(chunks[i])
        ][:CANDIDATES]
        dense = [(i, s) for i, s in dense if i in chunks and filters.admits(chunks[i])]
        fused: dict[str, float] = {}
        for ranking in (dense, keyword):
            for rank, (i, _) in enumerate(ranking):
                fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
        dense_of, keyword_of = dict(dense), dict(keyword)
        hits, groups = [], set()
        for i in sorted(fused, key=lambda i: -fused[i]):
            c = chunks.get(i)
            if c is None or c.dup_group in groups:
                continue
            groups.add(c.dup_group)
            hits.append(Hit(c, fused[i], dense_of.get(i, 0.0), keyword_of.get(i, 0.0)))
            if len(hits) >= k:
                break
        return hits
