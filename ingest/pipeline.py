"""The ingest as a chain of plain functions: load → segment → date → chunk → de-duplicate
→ sync with the index. Chunk ids come from content, so an unchanged corpus embeds nothing,
and every batch is written as soon as it is embedded, so a killed run loses only that batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # not on Windows: ingests there are not locked against each other
    fcntl = None

from ingest import register_conventions
from ingest.chunk import chunk
from ingest.conventions import key as conventions_key
from ingest.dating import date_file, partnership_of, resolve_across
from ingest.dedupe import mark_duplicates
from ingest.embedding import Embedder
from ingest.errors import IngestBusy, LoadError, NotIndexed
from ingest.knowledge import Knowledge, stored_digest
from ingest.knowledge import read as read_knowledge
from ingest.knowledge import write as write_knowledge
from ingest.load import LOADER_VERSION, iter_corpus, load
from ingest.manifest import apply_manifest, read_manifest
from ingest.registers import extract_registers, read_document
from ingest.segment import segment
from ingest.store import ChunkStore, KeywordIndex
from ingest.tables import extract_facts
from ingest.types import Chunk, LoadedFile, Page, Part, Skipped, TextPiece

EMBED_BATCH = 64
Progress = Callable[[int, int], None]  # (done, total) chunks embedded
LOCK_NAME = "ingest.lock"  # in the data folder
LOCK_TIMEOUT = 600.0  # seconds an ingest waits for another one to finish

_held = threading.local()  # lock files this thread holds, with how deeply


@contextmanager
def ingest_lock(
    data_dir: Path, timeout: float = LOCK_TIMEOUT, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """One ingest at a time per data folder: an exclusive ``flock`` on ``ingest.lock``.

    Another ingest waits for it, telling ``on_wait`` once, and raises ``IngestBusy`` after
    ``timeout`` seconds. The kernel drops the lock with the process, so a killed ingest
    never leaves it held. Re-entrant within a thread: the CLI takes it before it opens the
    store, and ``run`` takes it again."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = (data_dir / LOCK_NAME).resolve()
    depth: dict[Path, int] = _held.__dict__.setdefault("depth", {})
    if depth.get(path) or fcntl is None:
        depth[path] = depth.get(path, 0) + 1
        try:
            yield
        finally:
            depth[path] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline, told = time.monotonic() + timeout, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _lock_holder(fd)
                if time.monotonic() >= deadline:
                    raise IngestBusy(
                        f"another ingest{holder} is still running after {timeout:g} s "
                        f"({path}); try again when it has finished"
                    ) from None
                if not told and on_wait is not None:
                    on_wait(f"waiting for another ingest{holder} to finish (up to {timeout:g} s)")
                    told = True
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        depth[path] = 1
        try:
            yield
        finally:
            depth[path] = 0
    finally:
        os.close(fd)  # releases the lock


def _lock_holder(fd: int) -> str:
    pid = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return f" (pid {pid})" if pid.isdigit() else ""


@dataclass
class Report:
    files: int = 0  # documents in the index after the run (as parts, sections, chunks)
    parts: int = 0
    sections: int = 0
    chunks: int = 0
    embedded: int = 0
    updated: int = 0
    removed: int = 0  # chunks
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    knowledge: dict[str, int] = field(default_factory=dict)  # facts and register sizes
    read: int = 0  # files read from the paths given
    removed_files: list[str] = field(default_factory=list)  # documents that left the index
    # Seconds per stage: read, segment, dedupe, knowledge, store, embed, keyword.
    stages: dict[str, float] = field(default_factory=dict)


@contextmanager
def _timed(stages: dict[str, float] | None, name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        if stages is not None:
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - started


@dataclass
class Corpus:
    """Everything the text says, before it meets the index."""

    docs: dict[str, LoadedFile]
    parts: dict[str, list[Part]]
    chunks: list[Chunk]
    skipped: list[Skipped]


# --- the documents the index holds ------------------------------------------------------

REGISTRY = "documents.json"  # in the cache folder: every indexed document and its content


@dataclass(frozen=True)
class Indexed:
    """One document of the index: which content it holds, where that was read from, and the
    folder its name is relative to (whose manifest.toml applies; "" for none)."""

    sha256: str
    path: str
    root: str = ""


def read_registry(cache: Path) -> dict[str, Indexed]:
    try:
        got = json.loads((cache / REGISTRY).read_text(encoding="utf-8"))
        return {name: Indexed(**entry) for name, entry in got["documents"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_registry(cache: Path, documents: dict[str, Indexed]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / f"{REGISTRY}.{os.getpid()}.tmp"
    body = {"documents": {n: vars(documents[n]) for n in sorted(documents)}}
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, cache / REGISTRY)


def _loader_sources() -> list[Path]:
    """load.py, the ingest modules it imports (transitively) and the package's data files:
    what a loaded text depends on besides the file itself."""
    here = Path(__file__).parent
    seen: set[str] = set()
    todo = ["load"]
    while todo:
        name = todo.pop()
        source = here / f"{name}.py"
        if name in seen or not source.exists():
            continue
        seen.add(name)
        todo += re.findall(r"\bingest\.(\w+)", source.read_text(encoding="utf-8"))
    return [here / f"{n}.py" for n in sorted(seen)] + sorted(here.glob("*.toml"))


# Cached texts are keyed by content and by this: a change to the loader, to what it
# imports, or to pypdf makes the ingest read the files again.
TEXT_VERSION = hashlib.sha256(
    LOADER_VERSION.encode() + b"".join(p.read_bytes() for p in _loader_sources())
).hexdigest()[:12]


# What a document's passages and facts depend on besides its text: every ingest module
# and data file. Per-document results are cached under it, so a run that adds one paper
# segments, chunks and reads the tables of that paper alone.
CODE_VERSION = hashlib.sha256(
    b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    + b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.toml")))
).hexdigest()[:12]
SEGMENTS, FACTS = "segments", "facts"  # folders of the cache: per-document results
REGISTERS = "registers"  # each document's register reading (`registers.read_document`)


class Memo:
    """Per-document results kept in ``cache/<kind>/`` under a key (pickled, written
    atomically; the cache is the ingest's own folder, and a file it cannot read is computed
    again). ``prune`` drops what this run did not ask for: older code, documents gone."""

    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        self.used: dict[str, set[str]] = {}

    def get(self, kind: str, key: bytes, compute: Callable[[], object]) -> object:
        if self.cache is None:
            return compute()
        name = hashlib.sha256(key + CODE_VERSION.encode()).hexdigest()[:32]
        self.used.setdefault(kind, set()).add(name)
        hit = self.cache / kind / f"{name}.pkl"
        try:
            return pickle.loads(hit.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass
        value = compute()
        hit.parent.mkdir(parents=True, exist_ok=True)
        tmp = hit.with_name(f"{hit.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, hit)
        return value

    def prune(self) -> None:
        for kind, names in self.used.items():
            for f in (self.cache / kind).glob("*"):
                if f.stem not in names:
                    f.unlink(missing_ok=True)


def _cache_file(cache: Path, digest: str) -> Path:
    return cache / f"{digest}-{TEXT_VERSION}.json"


def _from_cache(hit: Path, name: str, path: Path, digest: str) -> LoadedFile:
    got = json.loads(hit.read_text(encoding="utf-8"))
    pages = tuple(Page(n, s) for n, s in got["pages"])
    pieces = tuple(TextPiece(*p) for p in got.get("pieces", ()))
    layout = tuple(got.get("layout", ()))
    return LoadedFile(
        name, path, digest, got.get("kind", "pdf"), got["text"], pages, pieces, layout
    )


def _to_cache(cache: Path, doc: LoadedFile) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    hit = _cache_file(cache, doc.sha256)
    tmp = hit.with_name(f"{hit.name}.{os.getpid()}.tmp")
    body = {"kind": doc.kind, "text": doc.text, "pages": [[p.number, p.start] for p in doc.pages],
            "pieces": [[p.page, p.x, p.y, p.size, p.text] for p in doc.pieces],
            "layout": list(doc.layout)}
    tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    tmp.replace(hit)


def _load_cached(path: Path, name: str, cache: Path) -> LoadedFile:
    """A file's text is kept by content hash (and loader version), so an unchanged file is
    parsed once, and the papers not given to a run can be read back without their files."""
    try:
        data = path.read_bytes()
    except OSError:  # load() says why, in one line
        data = b""
    digest = hashlib.sha256(data).hexdigest()
    hit = _cache_file(cache, digest)
    if data and hit.exists():
        return _from_cache(hit, name, path, digest)
    doc = replace(load(path), name=name)
    _to_cache(cache, doc)
    return doc


def _indexed_text(entry: Indexed, name: str, cache: Path) -> LoadedFile | None:
    """The text a document was indexed with: from the cache, else from its file if that
    still holds the same content, else from a cache entry an older loader wrote."""
    path = Path(entry.path)
    hit = _cache_file(cache, entry.sha256)
    if hit.exists():
        return _from_cache(hit, name, path, entry.sha256)
    try:
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == entry.sha256:
            return _load_cached(path, name, cache)
    except (OSError, LoadError):
        pass
    older = sorted(cache.glob(f"{entry.sha256}*.json"), key=lambda p: p.stat().st_mtime)
    return _from_cache(older[-1], name, path, entry.sha256) if older else None


def _prune_cache(cache: Path, documents: dict[str, Indexed]) -> None:
    """Drop cached texts no indexed document uses, and those an older loader wrote when
    the current loader's text is there."""
    wanted = {d.sha256 for d in documents.values()}
    for f in cache.glob("*"):
        if f.name == REGISTRY or not f.is_file():
            continue
        digest = f.name.split(".")[0].split("-")[0]
        current = _cache_file(cache, digest)
        if f.suffix == ".tmp" or digest not in wanted or (f != current and current.exists()):
            f.unlink(missing_ok=True)


def _root_of(path: Path, roots: list[Path]) -> Path | None:
    resolved = path.resolve()
    for root in roots:
        if resolved.is_relative_to(root):
            return root
    return None


def _source_name(path: Path, roots: list[Path]) -> str:
    root = _root_of(path, roots)
    return path.resolve().relative_to(root).as_posix() if root else path.name


def _roots(paths: list[Path], base: Path | None) -> list[Path]:
    """Folders that name the files inside them: the corpus folder first, so a file in it is
    named the same whether it is given alone or with its folder."""
    found = [base] if base is not None and base.is_dir() else []
    found += [p for p in paths if p.is_dir()]
    return list(dict.fromkeys(p.resolve() for p in found))


@dataclass
class Selection:
    """The documents the index is to hold after this run, each read once."""

    docs: dict[str, LoadedFile] = field(default_factory=dict)
    roots: dict[str, str] = field(default_factory=dict)  # name -> Indexed.root
    skipped: list[Skipped] = field(default_factory=list)
    kept: set[str] = field(default_factory=set)  # unreadable now: passages stay as they are
    fresh: set[str] = field(default_factory=set)  # read now from the paths given
    indexed: dict[str, Indexed] = field(default_factory=dict)  # what the index held
    cache: Path | None = None


NO_TEXT = "no text to index"
UNAVAILABLE = (
    "kept as indexed: its text is not in the cache and {path} is gone, changed or "
    "unreadable; give the file again, or take it out with --remove"
)


def select(
    paths: list[Path],
    *,
    cache: Path,
    base: Path | None = None,
    mirror: bool = True,
    remove: list[str] | tuple[str, ...] = (),
    indexed: dict[str, Indexed] | None = None,
    in_store: set[str] | None = None,
) -> Selection:
    """The files under ``paths``, read; unless ``mirror``, also every other indexed
    document (from ``indexed``, by its cached text) except those in ``remove``. A file that
    cannot be read now keeps the text it was indexed with."""
    indexed = indexed or {}
    known = set(indexed) | (in_store or set())
    roots = _roots(paths, base)
    given = {_source_name(p, roots): p for p in iter_corpus(paths)}
    remove = [_removal_name(n, known, base) for n in remove]
    unknown = [n for n in remove if n not in known]
    if unknown:
        raise NotIndexed(f"not in the index: {', '.join(unknown)}")
    both = [n for n in remove if n in given]
    if both:
        raise NotIndexed(f"given to add and to remove: {', '.join(both)}")
    out = Selection(indexed=indexed, cache=cache)
    for name, path in given.items():
        try:
            out.docs[name] = _load_cached(path, name, cache)
        except LoadError as err:
            out.skipped.append(Skipped(name, str(err)))
            _keep(out, name, indexed.get(name))
            continue
        root = _root_of(path, roots)
        out.roots[name] = str(root) if root else ""
        out.fresh.add(name)
    if not mirror:
        for name in sorted(known - set(given) - set(remove)):
            entry = indexed.get(name) or _found_in(base, name)
            if not _keep(out, name, entry):
                shown = entry.path if entry else name
                out.skipped.append(Skipped(name, UNAVAILABLE.format(path=shown)))
    return out


def _keep(out: Selection, name: str, entry: Indexed | None) -> bool:
    """``name`` as it was indexed, if its text can be had; else its passages stay as they are."""
    doc = _indexed_text(entry, name, out.cache) if entry and out.cache else None
    if doc is None:
        out.kept.add(name)
        return False
    out.docs[name], out.roots[name] = doc, entry.root
    return True


def _found_in(base: Path | None, name: str) -> Indexed | None:
    """A document indexed before documents were recorded: its file in the corpus folder."""
    path = base / name if base is not None else None
    if path is None or not path.is_file():
        return None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Indexed(digest, str(path.resolve()), str(base.resolve()))


def _removal_name(given: str, known: set[str], base: Path | None) -> str:
    """A name as the index stores it; a path to a file in the corpus folder also names it."""
    if given in known or base is None:
        return given
    path = Path(given)
    root = base.resolve()
    if path.resolve().is_relative_to(root):
        return path.resolve().relative_to(root).as_posix()
    return given


def read_corpus(
    paths: list[Path],
    *,
    cache: Path,
    chunk_size: int,
    chunk_overlap: int,
    partnership: str = "",
    base: Path | None = None,
) -> Corpus:
    """Exactly the files under ``paths``, segmented, dated, chunked and de-duplicated."""
    chosen = select(paths, cache=cache, base=base)
    return build_corpus(
        chosen,
        _roots(paths, base),
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        partnership=partnership,
    )


def build_corpus(
    chosen: Selection,
    roots: list[Path],
    *,
    chunk_size: int,
    chunk_overlap: int,
    partnership: str = "",
    memo: Memo | None = None,
    stages: dict[str, float] | None = None,
) -> Corpus:
    """The chosen documents, in name order (so a run that adds one paper gives what one
    ingest of them all gives), through segment → date → chunk → de-duplicate.

    Each document's own parts and passages come from ``memo`` when its text, the settings
    and the code are those it was segmented with; only the steps across documents (dates
    from other papers' agendas, duplicates, the manifest) are done for all of them.

    A document that yields no passage is skipped ("no text to index"); one just read keeps
    what it was indexed with, as a file that fails to load does."""
    memo = memo or Memo(None)
    setting = (chunk_size, chunk_overlap, partnership, conventions_key())

    def segmented(doc: LoadedFile) -> tuple[list[Part], list[Chunk]] | None:
        key = pickle.dumps((doc.name, doc.kind, doc.text, doc.pages, doc.pieces, setting))
        return memo.get(
            SEGMENTS, key, lambda: _segmented(doc, chunk_size, chunk_overlap, partnership)
        )

    parts: dict[str, list[Part]] = {}
    per_doc: dict[str, list[Chunk]] = {}
    with _timed(stages, "segment"):
        for name in sorted(chosen.docs):
            got = segmented(chosen.docs[name])
            if got is None:
                chosen.skipped.append(Skipped(name, NO_TEXT))
                del chosen.docs[name]
                if name in chosen.fresh:
                    chosen.fresh.discard(name)
                    if _keep(chosen, name, chosen.indexed.get(name)):
                        got = segmented(chosen.docs[name])
            if got is None:
                chosen.docs.pop(name, None)
                continue
            parts[name], per_doc[name] = got
        folders = dict.fromkeys([*roots, *(Path(r) for r in chosen.roots.values() if r)])
        manifest: dict[str, dict] = {}
        for root in folders:
            manifest.update(read_manifest(root / "manifest.toml"))
        docs = {name: chosen.docs[name] for name in parts}
        resolve_across({n: (docs[n].text, parts[n]) for n in docs})
    with _timed(stages, "dedupe"):
        chunks = [c for n in docs for c in per_doc[n]]
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
    return Corpus(docs, parts, chunks, list(chosen.skipped))


def _segmented(
    doc: LoadedFile, chunk_size: int, chunk_overlap: int, partnership: str
) -> tuple[list[Part], list[Chunk]] | None:
    """One file's parts (dated from its own text) and passages; None if it yields none."""
    parts = segment(doc)
    date_file(doc.text, parts)
    who = partnership_of(doc.text, partnership)
    for part in parts:
        part.partnership = who
    chunks = chunk(doc, parts, chunk_size, chunk_overlap)
    return (parts, chunks) if chunks else None


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
    h.update(register_conventions.fingerprint().encode())  # the conventions files too
    return h.hexdigest()


def extract_knowledge(corpus: Corpus, memo: Memo | None = None) -> Knowledge:
    """Every table cell as a fact, and the five registers, from the segmented corpus.

    A document's facts and what the register readers find in it depend on its text, its
    parts (and the conventions) alone, so they come from ``memo`` when those are unchanged;
    what crosses papers (later papers' news of an action, copies of one meeting, updates)
    is then joined over all of them."""
    memo = memo or Memo(None)
    facts = []
    readings = {}
    conventions = register_conventions.fingerprint().encode()
    for name, doc in corpus.docs.items():
        parts = corpus.parts[name]
        key = pickle.dumps((name, doc.kind, doc.text, doc.pages, doc.pieces, doc.layout, parts))
        facts.extend(memo.get(FACTS, key, lambda doc=doc, parts=parts: extract_facts(doc, parts)))
        readings[name] = memo.get(
            REGISTERS, key + conventions,
            lambda name=name, doc=doc, parts=parts: read_document(name, doc, parts),
        )
    registers = extract_registers(corpus.docs, corpus.parts, readings)
    return Knowledge(facts=facts, **vars(registers))


def settings_options(settings) -> dict:
    """What `run` takes from the settings object (folders, passage sizes, the default
    partnership): one place for every caller (the CLI, the app's uploads, eval)."""
    return {
        "keyword_dir": settings.keyword_dir,
        "cache": settings.cache_dir,
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
        "partnership": settings.partnership or "",
        "knowledge_db": settings.knowledge_db,
    }


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
    mirror: bool = False,
    remove: list[str] | tuple[str, ...] = (),
    base: Path | None = None,
    lock_timeout: float = LOCK_TIMEOUT,
) -> Report:
    """Add or update the files under ``paths`` and keep every other indexed document;
    take out the documents named in ``remove`` (names as stored in ``source``). With
    ``mirror`` the index holds exactly the files under ``paths``. ``base`` is the corpus
    folder: files inside it are named relative to it, and its manifest.toml applies.

    The facts and registers are always extracted from every document in the index; the
    documents not given are read back from the text cached when they were ingested.

    Runs on the same data folder (the keyword index's parent) take turns: see
    ``ingest_lock``."""
    with ingest_lock(keyword_dir.parent, timeout=lock_timeout):
        return _run(
            paths,
            store=store,
            embedder=embedder,
            keyword_dir=keyword_dir,
            cache=cache,
            chunk_size=chunk_size,
            chunk_overlap=chunk_overlap,
            partnership=partnership,
            progress=progress,
            knowledge_db=knowledge_db,
            mirror=mirror,
            remove=remove,
            base=base,
        )


def _run(
    paths: list[Path],
    *,
    store: ChunkStore,
    embedder: Embedder,
    keyword_dir: Path,
    cache: Path,
    chunk_size: int,
    chunk_overlap: int,
    partnership: str,
    progress: Progress | None,
    knowledge_db: Path | None,
    mirror: bool,
    remove: list[str] | tuple[str, ...],
    base: Path | None,
) -> Report:
    started = time.perf_counter()
    stages: dict[str, float] = {}
    memo = Memo(cache)
    with _timed(stages, "store"):
        existing = store.all_metadata()
    with _timed(stages, "read"):
        indexed = read_registry(cache)
        in_store = {str(m.get("source")) for m in existing.values()}
        chosen = select(
            paths,
            cache=cache,
            base=base,
            mirror=mirror,
            remove=remove,
            indexed=indexed,
            in_store=in_store,
        )
    corpus = build_corpus(
        chosen,
        _roots(paths, base),
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        partnership=partnership,
        memo=memo,
        stages=stages,
    )
    # Recorded before the index is touched: a run killed from here on is finished by the
    # next one, whatever paths that one is given.
    documents = {
        name: Indexed(doc.sha256, str(doc.path.resolve()), chosen.roots.get(name, ""))
        for name, doc in corpus.docs.items()
    }
    documents.update({n: indexed[n] for n in chosen.kept if n in indexed})
    write_registry(cache, documents)
    _prune_cache(cache, documents)
    report = Report(
        files=len(corpus.docs),
        parts=sum(len(p) for p in corpus.parts.values()),
        sections=sum(len(part.sections) for p in corpus.parts.values() for part in p),
        chunks=len(corpus.chunks),
        skipped=corpus.skipped,
        read=len(chosen.fresh),
        removed_files=sorted((in_store | set(indexed)) - set(corpus.docs) - chosen.kept),
        stages=stages,
    )
    if knowledge_db is not None:
        with _timed(stages, "knowledge"):
            digest = knowledge_digest(corpus)
            if digest == stored_digest(knowledge_db):  # same papers, same code: nothing to redo
                knowledge = read_knowledge(knowledge_db)
            else:
                knowledge = extract_knowledge(corpus, memo)
                write_knowledge(knowledge_db, knowledge, digest)
        report.knowledge = {
            name: len(getattr(knowledge, name))
            for name in ("facts", "decisions", "actions", "recommendations", "forward", "glossary")
        }
    memo.prune()
    with _timed(stages, "store"):
        wanted = {c.id: c for c in corpus.chunks}
        # A document that cannot be read now and has no cached text keeps what it had.
        stale = [
            i for i, m in existing.items() if i not in wanted and m.get("source") not in chosen.kept
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
    with _timed(stages, "embed"):
        for start in range(0, len(new), EMBED_BATCH):
            batch = new[start : start + EMBED_BATCH]
            store.add(batch, embedder.embed([c.embed_text for c in batch]))
            report.embedded += len(batch)
            if progress:
                progress(report.embedded, len(new))
    # Always rebuilt (seconds for tens of thousands of chunks): it is derived, and how it
    # reads a chunk may change with the code even when no chunk does. The store now holds
    # exactly the corpus's chunks unless a paper was kept as it was: then it is read back.
    with _timed(stages, "keyword"):
        everything = store.all_chunks() if chosen.kept else corpus.chunks
        KeywordIndex.rebuild(keyword_dir, everything)
    report.seconds = time.perf_counter() - started
    return report
