"""The assistant, built once from settings: retrieval plus answering. The CLI and the
web app both call `Assistant.ask`."""

from __future__ import annotations

from functools import cached_property

from assistant.answer import Scorer, compose, define, list_items
from assistant.retrieve import Filters, Hit, Retriever
from ingest.embedding import Embedder, SentenceTransformerEmbedder
from ingest.errors import IndexMissing
from ingest.settings import Settings
from ingest.store import ChunkStore, KeywordIndex
from ingest.types import Answer, Chunk

PASSAGES = 8
NEIGHBOUR_HITS = 3
MAX_SIBLINGS = 4


class Assistant:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or SentenceTransformerEmbedder(settings.resolved_model_path)
        self.store = ChunkStore(settings.chroma_dir, settings.collection, self.embedder)
        self.keywords = KeywordIndex(settings.keyword_dir).load()
        self.retriever = Retriever(self.store, self.keywords, self.embedder)

    def search(
        self, question: str, k: int | None = None, filters: Filters | None = None
    ) -> list[Hit]:
        if self.store.count() == 0:
            raise IndexMissing()
        return self.retriever.search(question, k or self.settings.top_k, filters)

    @cached_property
    def chunks(self) -> list[Chunk]:
        return self.store.all_chunks()

    @cached_property
    def scorer(self) -> Scorer:
        return Scorer([c.text for c in self.chunks])

    def ask(self, question: str, filters: Filters | None = None) -> Answer:
        hits = self.search(question, PASSAGES, filters)
        filters = filters or Filters()
        special = define(question, [c for c in self.chunks if filters.admits(c)]) or list_items(
            question, hits, self.store
        )
        if special:
            return special
        return compose(question, self._with_neighbours(hits), self.embedder, self.scorer)

    def _with_neighbours(self, hits: list[Hit]) -> list[Hit]:
        """Add the rest of a short section around the best passages: the figure that answers
        the second half of a question often sits in the next chunk of the same table."""
        out, seen = list(hits), {h.chunk.id for h in hits}
        for hit in hits[:NEIGHBOUR_HITS]:
            c = hit.chunk
            siblings = self.store.where(
                {
                    "$and": [
                        {"source": c.source},
                        {"part_index": c.part_index},
                        {"section": c.section},
                    ]
                }
            )
            if len(siblings) > MAX_SIBLINGS:
                continue
            for s in siblings:
                if s.id not in seen:
                    seen.add(s.id)
                    out.append(Hit(s, hit.score * 0.9, hit.dense, hit.keyword))
        return out
