"""The ingest as a chain of plain functions: load → segment → date → chunk → de-duplicate
→ sync with the index. Chunk ids come from content, so an unchanged corpus embeds nothing,
and every batch is written as soon as it is embedded, so a killed run loses only that batch.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from ingest.chunk import chunk
from ingest.dating import date_file, partnership_of, resolve_across
from ingest.dedupe import mark_duplicates
from ingest.embedding import Embedder
from ingest.errors import LoadError
from ingest.knowledge import Knowledge, stored_digest
from ingest.knowledge import read as read_knowledge
from ingest.knowledge import write as write_knowledge
from ingest.load import iter_corpus, load
from ingest.manifest import apply_manifest, read_manifest
from ingest.registers import extract_registers
from ingest.segment import segment
from ingest.store import ChunkStore, KeywordIndex
from ingest.tables import extract_facts
from ingest.types import Chunk, LoadedFile, Page, Part, Skipped

EMBED_BATCH = 64
Progress = Callable[[int, int], None]  # (done, total) chunks embedded


@dataclass
class Report:
    files: int = 0
    parts: int = 0
    sections: int = 0
    chunks: int = 0
    embedded: int = 0
    updated: int = 0
    removed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    knowledge: dict[str, int] = field(default_factory=dict)  # facts and register sizes


@dataclass
class Corpus:
    """Everything the text says, before it meets the index."""

    docs: dict[str, LoadedFile]
    parts: dict[str, list[Part]]
    chunks: list[Chunk]
    skipped: list[Skipped]


def _source_name(path: Path, roots: list[Path]) -> str:
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


def _load_cached(path: Path, name: str, cache: Path) -> LoadedFile:
    """PDF text is kept by content hash, so an unchanged PDF is parsed once."""
    data = path.read_bytes() if path.exists() else b""
    digest = hashlib.sha256(data).hexdigest()
    hit = cache / f"{digest}.json"
    if path.suffix.lower() == ".pdf" and hit.exists():
        got = json.loads(hit.read_text())
        pages = tuple(Page(n, s) for n, s in got["pages"])
        return LoadedFile(name, path, digest, "pdf", got["text"], pages)
    doc = replace(load(path), name=name)
    if doc.kind == "pdf":
        cache.mkdir(parents=True, exist_ok=True)
        tmp = hit.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"text": doc.text, "pages": [[p.number, p.start] for p in doc.pages]})
        )
        tmp.replace(hit)
    return doc


def read_corpus(
    paths: list[Path], *, cache: Path, chunk_size: int, chunk_overlap: int, partnership: str = ""
) -> Corpus:
    roots = [p for p in paths if p.is_dir()]
    manifest: dict[str, dict] = {}
    for root in roots:
        manifest.update(read_manifest(root / "manifest.toml"))
    docs, parts, skipped = {}, {}, []
    for path in iter_corpus(paths):
        name = _source_name(path, roots)
        try:
            doc = _load_cached(path, name, cache)
        except LoadError as err:
            skipped.append(Skipped(name, str(err)))
            continue
        docs[name] = doc
        parts[name] = segment(doc)
        date_file(doc.text, parts[name])
        who = partnership_of(doc.text, partnership)
        for part in parts[name]:
            part.partnership = who
    resolve_across({n: (docs[n].text, parts[n]) for n in docs})
    chunks = [c for n in docs for c in chunk(docs[n], parts[n], chunk_size, chunk_overlap)]
    chunks, twins = mark_duplicates(chunks)
    for (name, index), (other, other_index) in twins.items():
        part, original = parts[name][index], parts[other][other_index]
        if part.date is None and original.date:
            part.date = original.date
            part.date_note = f"{part.date_note}; same text as {other} ({original.title})".lstrip(
                "; "
            )
    for name, entry in manifest.items():
        if name in parts:
            apply_manifest(entry, parts[name])
    chunks = [_with_part(c, parts[c.source][c.part_index]) for c in chunks]
    return Corpus(docs, parts, chunks, skipped)


def _with_part(c: Chunk, part: Part) -> Chunk:
    return replace(
        c, part=part.title, doc_type=part.doc_type, date=part.date, partnership=part.partnership
    )


def knowledge_digest(corpus: Corpus) -> str:
    """What the facts and registers depend on: every file's content, the part metadata
    (dates, types, manifest corrections) and the code that extracts them."""
    h = hashlib.sha256()
    for name in sorted(corpus.docs):
        h.update(f"{name}\0{corpus.docs[name].sha256}\0".encode())
        for p in corpus.parts[name]:
            h.update(f"{p.title}|{p.doc_type}|{p.date}|{p.partnership}\0".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        h.update(module.read_bytes())
    return h.hexdigest()


def extract_knowledge(corpus: Corpus) -> Knowledge:
    """Every table cell as a fact, and the five registers, from the segmented corpus."""
    facts = [f for name, doc in corpus.docs.items() for f in extract_facts(doc, corpus.parts[name])]
    return Knowledge(facts=facts, **vars(extract_registers(corpus.docs, corpus.parts)))


def run(
    paths: list[Path],
    *,
    store: ChunkStore,
    embedder: Embedder,
    keyword_dir: Path,
    cache: Path,
    chunk_size: int,
    chunk_overlap: int,
    partnership: str = "",
    progress: Progress | None = None,
    knowledge_db: Path | None = None,
) -> Report:
    started = time.perf_counter()
    corpus = read_corpus(
        paths,
        cache=cache,
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        partnership=partnership,
    )
    report = Report(
        files=len(corpus.docs),
        parts=sum(len(p) for p in corpus.parts.values()),
        sections=sum(len(part.sections) for p in corpus.parts.values() for part in p),
        chunks=len(corpus.chunks),
        skipped=corpus.skipped,
    )
    if knowledge_db is not None:
        digest = knowledge_digest(corpus)
        if digest == stored_digest(knowledge_db):  # same papers, same code: nothing to redo
            knowledge = read_knowledge(knowledge_db)
        else:
            knowledge = extract_knowledge(corpus)
            write_knowledge(knowledge_db, knowledge, digest)
        report.knowledge = {
            name: len(getattr(knowledge, name))
            for name in ("facts", "decisions", "actions", "recommendations", "forward", "glossary")
        }
    existing = store.all_metadata()
    wanted = {c.id: c for c in corpus.chunks}
    kept_sources = {s.name for s in corpus.skipped}  # a file that fails now keeps what it had
    stale = [
        i for i, m in existing.items() if i not in wanted and m.get("source") not in kept_sources
    ]
    store.delete(stale)
    report.removed = len(stale)
    changed = [c for c in corpus.chunks if c.id in existing and existing[c.id] != c.metadata()]
    store.update_metadata(changed)
    report.updated = len(changed)
    # Similar lengths batch together, so the model pads little; each batch is stored at once.
    new = sorted(
        (c for c in corpus.chunks if c.id not in existing), key=lambda c: len(c.embed_text)
    )
    for start in range(0, len(new), EMBED_BATCH):
        batch = new[start : start + EMBED_BATCH]
        store.add(batch, embedder.embed([c.embed_text for c in batch]))
        report.embedded += len(batch)
        if progress:
            progress(report.embedded, len(new))
    # Always rebuilt (a second for thousands of chunks): it is derived, and how it reads
    # a chunk may change with the code even when no chunk does.
    KeywordIndex.rebuild(keyword_dir, store.all_chunks())
    report.seconds = time.perf_counter() - started
    return report
