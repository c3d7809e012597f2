"""The assistant, built once from settings: retrieval plus answering. The CLI and the
web app both call `Assistant.ask`.

Nothing is opened before a question needs it: the Chroma store, the keyword index and the
model are opened on the first search, and a question that the registers, the glossary or
the tables settle is answered without one. What understanding a question needs of the
passages (partnerships, place names, the papers' kinds and dates, how many passages print
each word) comes from the index's catalogue (`ingest.catalogue`), not from reading them."""

from __future__ import annotations

import dataclasses
import re
from functools import cache, cached_property

from assistant.acronyms import define
from assistant.answer import (
    NOT_COVERED,
    NOT_IN_DOCUMENTS,
    REFERENCE,
    RESULT_Q,
    Scorer,
    combine,
    compose,
)
from assistant.brief import build_brief
from assistant.facts import answer_figures, measure_words
from assistant.gate import Gate, other_day, other_month
from assistant.gate import features as gate_features
from assistant.lists import list_items
from assistant.llm import ChatModel, OpenAICompatibleChat, reword
from assistant.papers import names_pack, paper_filters, without_reference
from assistant.places import PlaceIndex
from assistant.question import RECOMMENDED, Question, understand
from assistant.ranking import answer_ranked
from assistant.registers import (
    answer_actions,
    answer_decisions,
    answer_forward,
    answer_glossary,
    answer_outstanding,
    meeting_month,
)
from assistant.rerank import rerank
from assistant.retrieve import Filters, Hit, Retriever
from assistant.roles import (
    answer_role,
    answer_signatory,
    names_holder,
    of_the_body,
    role_of,
    says_who,
)
from ingest.catalogue import Catalogue
from ingest.catalogue import build as build_catalogue
from ingest.embedding import Embedder, SentenceTransformerEmbedder
from ingest.errors import IndexMissing, LlmError
from ingest.knowledge import Knowledge
from ingest.knowledge import read as read_knowledge
from ingest.settings import Settings
from ingest.store import ChunkStore, KeywordIndex, keyword_text
from ingest.text import terms as text_terms
from ingest.types import Answer, Chunk, Where

PASSAGES = 12
OF_IT = re.compile(r"\b(?:its|their|it|they|them|these|those)\b", re.I)  # of the first part
RERANK_POOL = 24  # passages fused, then reranked by the question's distinctive words
# A figure question whose measure words are this much unknown to the papers is refused.
UNKNOWN_SHARE = 0.34
NOT_COVERED_ANSWER = Answer(NOT_COVERED, (), covered=False)
STRUCTURED = {"structured": 1.0}  # the checks of an answer read from registers or tables
NO_HOLDER = "The documents name nobody in this role. What they say of it:"
NEIGHBOUR_HITS = 3
MAX_SIBLINGS = 6
MAX_REFERENCED = 4  # passages printed under a reference the question names


UNOFFICIAL_TYPES = ("document", "")
# A definition question that asks for the words behind the letters: no description of
# the thing answers it.
EXPANSION_Q = re.compile(r"\b(stands?|short|abbreviat\w*|acronym|initials)\b", re.I)


def provenance(answer: Answer) -> Answer:
    """An answer whose every source is a paper of no known kind (not minutes, a report, a
    plan ...) says so, and whether it is undated: the reader should weigh it, and look for
    minutes or a report before repeating it."""
    if not answer.covered or not answer.citations:
        return answer
    if any(c.doc_type not in UNOFFICIAL_TYPES for c in answer.citations):
        return answer
    sources = ", ".join(dict.fromkeys(c.source for c in answer.citations))
    undated = "undated and " if all(not c.date for c in answer.citations) else ""
    note = (
        f"\n\nNote: the only source is {sources}, {undated}not minutes, a report or a plan;"
        " no official paper here says this."
    )
    return dataclasses.replace(answer, text=answer.text + note)


class Assistant:
    def __init__(
        self, settings: Settings, embedder: Embedder | None = None, chat: ChatModel | None = None
    ) -> None:
        self.settings = settings
        self.chat = chat or (OpenAICompatibleChat(settings) if settings.llm_base_url else None)
        self.embedder = embedder or SentenceTransformerEmbedder(settings.resolved_model_path)
        self._version = KeywordIndex(settings.keyword_dir).version()  # the build answered from
        self._words: dict[tuple, set[str]] = {}

    @cached_property
    def store(self) -> ChunkStore:
        return ChunkStore(self.settings.chroma_dir, self.settings.collection, self.embedder)

    @cached_property
    def keywords(self) -> KeywordIndex:
        return KeywordIndex(self.settings.keyword_dir).load()

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.store, self.keywords, self.embedder)

    def search(
        self, question: str, k: int | None = None, filters: Filters | None = None
    ) -> list[Hit]:
        self.refresh()
        if self.store.count() == 0:
            raise IndexMissing()
        k = k or self.settings.top_k
        found = self.retriever.search(self.expand(question), max(k, RERANK_POOL), filters)
        return rerank(question, found, self.scorer)[:k]

    def refresh(self) -> None:
        """Pick up a new ingest while running (the chat stays up while officers add papers):
        the keyword index's build changes with every ingest."""
        version = KeywordIndex(self.settings.keyword_dir).version()
        if version == self._version:
            return
        self._version = version
        self._words = {}
        for cached in (
            "keywords", "retriever", "catalogue", "chunks", "scorer", "knowledge",
            "partnerships", "places",
        ):
            self.__dict__.pop(cached, None)

    def expand(self, question: str) -> str:
        """The question with its acronyms spelled out from the glossary ("PCC" -> "Police
        and Crime Commissioner"), so passages that spell them out are found too."""
        meanings = {g.term.upper(): g.meaning for g in self.knowledge.glossary}
        extra = [
            meanings[w]
            for w in dict.fromkeys(re.findall(r"\b[A-Z]{2,6}\b", question))
            if w in meanings
        ]
        return f"{question} ({'; '.join(extra)})" if extra else question

    @cached_property
    def chunks(self) -> list[Chunk]:
        return self.store.all_chunks()

    @cached_property
    def catalogue(self) -> Catalogue:
        """The index's catalogue; counted from the chunks when the index has none (built
        by an older version, or under other conventions)."""
        found = KeywordIndex(self.settings.keyword_dir).read_catalogue()
        if found is not None:
            return found
        return build_catalogue(self.chunks, [keyword_text(c) for c in self.chunks])[0]

    @cached_property
    def scorer(self) -> Scorer:
        """Word weights over every passage (the counts are the catalogue's: the same as
        ``Scorer([c.text for c in self.chunks])`` without reading the chunks)."""
        scorer = Scorer([])
        scorer.n = max(1, self.catalogue.chunks)
        scorer.df = self.catalogue.frequencies()
        return scorer

    @cached_property
    def knowledge(self) -> Knowledge:
        return read_knowledge(self.settings.knowledge_db)

    def knowledge_for(self, filters: Filters) -> Knowledge:
        """The facts and registers whose source passes the filters."""
        if filters == Filters():  # no filter: every question would copy the whole base
            return self.knowledge
        return Knowledge(
            **{
                f.name: [e for e in getattr(self.knowledge, f.name) if filters.admits(e.where)]
                for f in dataclasses.fields(Knowledge)
            }
        )

    def ask(self, question: str, filters: Filters | None = None) -> Answer:
        """The grounded answer, reworded by the LLM when one is configured and its reply
        keeps to the quotations (see `assistant.llm`)."""
        answer = self.answer(question, filters)
        if self.chat is None:
            return answer
        try:
            return reword(question, answer, self.chat)
        except LlmError:
            return answer  # the grounded answer stands when the server fails

    def words_of(self, filters: Filters) -> set[str]:
        """Every term of the passages the filters admit (one partnership's papers, say)."""
        key = dataclasses.astuple(filters)
        if key not in self._words and filters == Filters(partnership=filters.partnership):
            self._words[key] = self.catalogue.words_of(filters.partnership or "")
        if key not in self._words:
            self._words[key] = {
                t for c in self.chunks if filters.admits(c) for t in text_terms(keyword_text(c))
            }
        return self._words[key]

    @cached_property
    def partnerships(self) -> list[str]:
        return self.catalogue.partnerships

    @cached_property
    def places(self) -> PlaceIndex:
        return PlaceIndex.of_names(self.catalogue.places)

    def understand(self, question: str) -> Question:
        """The question read once; a name only one partnership's papers print (a town, an
        estate, a beat) stands for that partnership when the question names none."""
        q = understand(question, self.partnerships)
        if q.partnership or len(self.partnerships) < 2:
            return q
        own = self.places.partnership_of(question)
        return dataclasses.replace(q, partnership=own) if own else q

    def answer(self, question: str, filters: Filters | None = None) -> Answer:
        """The question understood once; a partnership it names narrows every source; a
        two-part question gets each part answered."""
        self.refresh()
        if self.catalogue.chunks == 0:
            raise IndexMissing()
        q, filters = self.read(question, filters or Filters())
        return provenance(self._checked(q, filters, self._answer_parts(q, filters)))

    def read(self, question: str, filters: Filters) -> tuple[Question, Filters]:
        """The question understood, and the filters it implies: the partnership it names,
        the paper it names ("the September 2024 minutes")."""
        q = self.understand(question)
        if q.partnership and not filters.partnership:
            filters = dataclasses.replace(filters, partnership=q.partnership)
        # (a pack's parts are read only when a pack is named: the catalogue answers the rest
        # without opening the store)
        papers = self.chunks if names_pack(q.text) else self.catalogue.papers
        narrowed = paper_filters(q.text, filters, papers)
        if narrowed != filters and not q.parts:  # the paper is the filter, not the subject
            q = dataclasses.replace(q, subject=without_reference(q.subject) or q.subject)
        return q, narrowed

    def passages_for(self, question: str, k: int | None = None) -> list[Hit]:
        """The passages the answer searches for a question: its subject, within the
        partnership and paper it names (what `evaluate` measures retrieval on)."""
        self.refresh()
        q, filters = self.read(question, Filters())
        return self.search(q.subject, k, filters)

    @cached_property
    def gate(self) -> Gate | None:
        return Gate.read() if self.settings.gate else None

    def _checked(self, q: Question, filters: Filters, answer: Answer) -> Answer:
        """The answer as composed, its support measured (`assistant.gate`); withheld when
        the fitted gate judges it unsupported. A brief and a question in parts are given as
        composed (each part was checked by its own source)."""
        if not answer.covered or q.parts or q.kind == "brief" or not answer.citations:
            return answer
        if answer.checks == STRUCTURED:
            return answer
        if other_day(q, answer) or other_month(q, answer):  # another day's or month's figure
            return Answer(NOT_COVERED, (), covered=False)
        question, quote = self.embedder.embed([q.subject, answer.citations[0].quote])
        meaning = sum(a * b for a, b in zip(question, quote))
        known = self.words_of(filters) if filters.partnership else None
        values = gate_features(q, answer, self.scorer, known, meaning)
        if self.gate is not None:
            values["probability"] = self.gate.probability(values)
            if not self.gate.admits(values):
                return Answer(NOT_COVERED, (), covered=False, checks=values)
        return dataclasses.replace(answer, checks=values)

    def _answer_parts(self, q: Question, filters: Filters) -> Answer:
        if q.parts:  # each part from the partnership the first part was answered from
            answers = [self._answer(self.understand(q.parts[0]), filters)]
            if not filters.partnership and answers[0].citations:
                council = self.partnership_of_source(answers[0].citations[0].source)
                filters = dataclasses.replace(filters, partnership=council or None)
            for p in q.parts[1:]:
                if not answers[0].covered and RESULT_Q.search(q.parts[0]) and OF_IT.search(p):
                    answers.append(answers[0])  # "what did the trial find, and which of its
                    continue  # recommendations ...?": nothing found, nothing of it either
                answers.append(self._answer(self.understand(p), filters))
            return combine(answers, q.parts)
        return self._answer(q, filters)

    def partnership_of_source(self, source: str) -> str:
        return self.catalogue.sources.get(source, "")

    def _answer(self, q: Question, filters: Filters) -> Answer:
        """Registers and tables first for the kinds of question they settle; quoted
        passages for the rest, and for whatever they leave unanswered. The passages are
        searched only when a path needs them (a register or table answer needs none)."""
        question = q.subject
        hits = cache(
            lambda: self._referenced(question, filters, self.search(question, PASSAGES, filters))
        )
        known = self.knowledge_for(filters)
        admitted = lambda: [c for c in self.chunks if filters.admits(c)]  # noqa: E731
        if q.kind == "brief":
            return build_brief(known, admitted())
        found: Answer | None = None
        if q.kind == "definition" and q.acronym:
            found = answer_glossary(q.acronym, known) or define(q.acronym, admitted())
            if not found and EXPANSION_Q.search(q.text):  # "what does X stand for?"
                return Answer(
                    f"The documents don't say what {q.acronym} stands for.", (), covered=False
                )
        elif q.kind == "recommendation status":
            found = answer_outstanding(q, known)
        elif q.kind == "action":
            found = answer_actions(question, known)
        elif q.kind == "when":
            found = answer_forward(question, known)
        elif q.kind == "decision":
            found = answer_decisions(question, known)
            if found and not meeting_month(question):  # one subject: add its discussion
                found = self._with_context(question, found)
        elif q.kind == "who":
            if not role_of(q):  # "who signed the foreword?": its signature block
                found = answer_signatory(q, admitted())
            found = found or answer_role(q, admitted(), [h.chunk for h in hits()])
            if not found and role_of(q):  # a role no paper names a holder for
                composed = compose(question, hits(), self.embedder, self.scorer)
                said = says_who(composed.text, role_of(q))
                if not said or not of_the_body(q, composed.text):
                    return NOT_COVERED_ANSWER  # (another group's "chaired by" is no answer)
                if names_holder(composed.text, role_of(q)):
                    return composed
                # "chaired by the person duly elected": the papers name nobody, and say how
                # the holder is chosen. Not an answer to "who", but what the reader needs.
                return dataclasses.replace(
                    composed, text=f"{NO_HOLDER}\n\n{composed.text}", covered=False
                )
        elif q.kind == "figure":
            known_words = self.words_of(filters) if filters != Filters() else None
            unknown = self.scorer.unknown_terms(question, known_words)
            measure = measure_words(question)  # (none: "which measure fell the most?")
            if measure and len(unknown) / len(measure) >= UNKNOWN_SHARE:  # one no paper names
                return Answer(NOT_IN_DOCUMENTS, (), covered=False)
            found = answer_ranked(q, known.facts) if q.ranking else None
            found = found or answer_figures(question, known.facts, context=self.section_text)
        if found:  # a register entry or a table's figure: matched, not scored (not gated)
            return dataclasses.replace(found, checks=STRUCTURED)
        listed = None
        if q.kind in ("list", "open", "recommendation status", "action", "topic brief"):
            listed = list_items(question, hits(), self.store)
        # "What was agreed on X?" with no resolution naming X: only what records agreement.
        # ("Which option is Cabinet recommended to approve?" asks what a report recommends.)
        agreed_only = q.kind == "decision" and not RECOMMENDED.search(question)
        composed = compose(
            question,
            self._with_neighbours(hits()),
            self.embedder,
            self.scorer,
            agreed_only=agreed_only,
            figure=q.kind == "figure",
            next_text=self._next_text,
            brief=q.kind == "topic brief",
        )
        if listed and (
            not composed.covered or self.support(q, listed) >= self.support(q, composed)
        ):
            return listed
        return composed

    def _referenced(self, question: str, filters: Filters, hits: list[Hit]) -> list[Hit]:
        """The hits, and first the passages printed under the numbered reference the
        question names ("recommendation 9", "item 4"): a number weighs little in a search,
        but it is exactly what the reader asked for."""
        asked = {(kind.lower(), n.lower()) for kind, n in REFERENCE.findall(question)}
        if not asked:
            return hits
        pattern = re.compile(
            "|".join(rf"\b{re.escape(kind)}\s+{re.escape(n)}\b" for kind, n in asked), re.I
        )
        have = {h.chunk.id for h in hits}
        top = hits[0].score if hits else 1.0
        named = [
            Hit(c, top, 0.0, 0.0)
            for c in self.chunks
            if c.id not in have and filters.admits(c)
            and (pattern.search(c.section) or pattern.search(c.text[:80]))
        ]
        return named[:MAX_REFERENCED] + hits

    def support(self, q: Question, answer: Answer) -> float:
        """How much of what the question is about an answer's text and sources carry."""
        places = " ".join(f"{c.part} {c.section}" for c in answer.citations)
        return Scorer.coverage(self.scorer.terms(q.subject), f"{answer.text} {places}")

    def section_text(self, where: Where) -> str:
        """The text of the section a fact or entry was printed in."""
        chunks = self.store.where({"$and": [{"source": where.source}, {"section": where.section}]})
        return " ".join(c.text for c in chunks)

    def _next_text(self, c: Chunk) -> str:
        """The passage after ``c`` in its section: where a list introduced at the end of a
        passage goes on."""
        siblings = self.store.where(
            {"$and": [{"source": c.source}, {"part_index": c.part_index}, {"section": c.section}]}
        )
        later = sorted((s for s in siblings if s.start > c.start), key=lambda s: s.start)
        return later[0].text if later else ""

    def _with_context(self, question: str, answer: Answer) -> Answer:
        """A decision from the register, and the discussion before it in the same item."""
        first = answer.citations[0]
        section = self.store.where({"$and": [{"source": first.source}, {"section": first.section}]})
        hits = [Hit(c, 1.0, 0.0, 0.0) for c in section]
        context = compose(question, hits, self.embedder, self.scorer, context_only=True, wanted=1)
        if not context.covered:
            return answer
        n = len(answer.citations) + 1
        cited = dataclasses.replace(context.citations[0], n=n)
        text = f"{answer.text}\n\nFrom the discussion: “{cited.quote}” [{n}]"
        return Answer(text, (*answer.citations, cited), covered=True)

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
