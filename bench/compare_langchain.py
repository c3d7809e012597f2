"""Our ingest + retrieval against the plain LangChain recipe, on this machine, in one run.

    .venv/bin/python bench/compare_langchain.py [--corpus corpus/] [--questions FILE] [--repeat 5]

Measures (see bench/README.md): ingest throughput, re-ingest of the unchanged corpus,
query latency p50/p95, and evidence hit rate @5 on the public questions. Exits 1 if our
evidence share is not strictly higher than LangChain's or if re-ingest/first ingest >= 0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
import warnings
from datetime import datetime
from pathlib import Path

os.environ.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",  # before any HF / Chroma import
                  ANONYMIZED_TELEMETRY="False", TOKENIZERS_PARALLELISM="false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore", category=DeprecationWarning)

import chromadb.config  # noqa: E402
from langchain_chroma import Chroma  # noqa: E402
from langchain_community.document_loaders import TextLoader  # noqa: E402
from langchain_huggingface import HuggingFaceEmbeddings  # noqa: E402
from langchain_text_splitters import RecursiveCharacterTextSplitter  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from assistant.engine import Assistant  # noqa: E402
from ingest.embedding import SentenceTransformerEmbedder, ensure_model  # noqa: E402
from ingest.pipeline import run  # noqa: E402
from ingest.settings import Settings  # noqa: E402
from ingest.store import ChunkStore  # noqa: E402

K = 5
NGRAM, NGRAM_SHARE = 3, 0.8
MAX_REINGEST_RATIO = 0.1
TIMED = ("documents on disk -> queryable store; ours: open ChunkStore + load, segment, date, "
         "chunk, embed, write Chroma + BM25; LangChain: TextLoader + splitter + "
         "Chroma.from_documents; model load excluded (warmed before)")
console = Console()


def norm(text: str) -> str:
    """Lower case, every run of whitespace (tabs, newlines, spaces) as one space."""
    return re.sub(r"\s+", " ", text).strip().lower()


def grams(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < NGRAM:
        return {tuple(words)} if words else set()
    return {tuple(words[i: i + NGRAM]) for i in range(len(words) - NGRAM + 1)}


def evidence_found(evidence: list[dict], passages: list[tuple[str, str]]) -> bool:
    """True if any evidence text is in one top-k passage from one of its listed docs:
    as a substring after normalising, or (split across a chunk boundary) with >= 80% of
    its word 3-grams in that one passage."""
    for ev in evidence:
        want = norm(ev["text"])
        want_grams = grams(want.split())
        for source, text in passages:
            have = norm(text)
            if Path(source).name in ev["docs"] and (
                    want in have
                    or len(want_grams & grams(have.split())) >= NGRAM_SHARE * len(want_grams) > 0):
                return True
    return False


def latency(fn, questions: list[dict], repeat: int) -> dict:
    fn(questions[0]["question"])  # warm-up
    times = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            fn(q["question"])
            times.append(time.perf_counter() - t)
    q = statistics.quantiles(times, n=100, method="inclusive")
    return {"p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000, "calls": len(times)}


def evidence(questions: list[dict], retrieve) -> tuple[dict[str, bool], dict[str, list[str]]]:
    """Hit or miss per question with evidence; for misses, what the top 5 were."""
    hits, missed = {}, {}
    for q in (q for q in questions if q["evidence"]):
        passages = retrieve(q["question"])
        hits[q["id"]] = evidence_found(q["evidence"], passages)
        if not hits[q["id"]]:
            missed[q["id"]] = [f"{Path(s).name}: {norm(t)[:90]}" for s, t in passages]
    return hits, missed


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*")
                  if p.suffix.lower() in (".txt", ".md") and p.name.lower() != "readme.md")


def bench_ours(corpus: Path, data: Path, model: Path, questions: list[dict], repeat: int) -> dict:
    settings = Settings(data_dir=data, model_path=model)
    embedder = SentenceTransformerEmbedder(model)
    embedder.embed(["warm-up"])  # model load excluded from the timing

    def ingest(emb: SentenceTransformerEmbedder):
        t = time.perf_counter()
        store = ChunkStore(settings.chroma_dir, settings.collection, emb)
        report = run([corpus], store=store, embedder=emb, keyword_dir=settings.keyword_dir,
                     cache=settings.cache_dir, chunk_size=settings.chunk_size,
                     chunk_overlap=settings.chunk_overlap, partnership=settings.partnership or "",
                     knowledge_db=settings.knowledge_db)  # as `python -m ingest` runs it
        return report, time.perf_counter() - t

    first, first_s = ingest(embedder)
    fresh = SentenceTransformerEmbedder(model)  # never loaded unless something must be embedded
    again, again_s = ingest(fresh)

    assistant = Assistant(settings)
    search = latency(lambda q: assistant.search(q, K), questions, repeat)
    ask = latency(assistant.ask, questions, repeat)
    hits, missed = evidence(questions, lambda q: [(h.chunk.source, h.chunk.text)
                                                  for h in assistant.search(q, K)])
    return {
        "chunk_size": settings.chunk_size, "chunk_overlap": settings.chunk_overlap,
        "chunks": first.chunks, "embedded": first.embedded, "ingest_s": first_s,
        "chunks_per_s": first.chunks / first_s,
        "reingest_s": again_s, "reingest_embedded": again.embedded,
        "reingest_model_loaded": fresh.loaded,
        "reingest_ratio": again_s / first_s,
        "search": search, "ask": ask, "evidence": hits, "missed_top5": missed,
    }


def bench_langchain(corpus: Path, data: Path, model: Path, questions: list[dict], repeat: int):
    embeddings = HuggingFaceEmbeddings(model_name=str(model), model_kwargs={"device": "cpu"})
    embeddings.embed_query("warm-up")  # model load excluded from the timing

    t = time.perf_counter()
    docs = [d for p in corpus_files(corpus) for d in TextLoader(str(p), encoding="utf-8").load()]
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    splits = splitter.split_documents(docs)
    store = Chroma.from_documents(
        splits, embeddings, persist_directory=str(data),
        client_settings=chromadb.config.Settings(anonymized_telemetry=False))
    seconds = time.perf_counter() - t

    search = latency(lambda q: store.similarity_search(q, k=K), questions, repeat)
    hits, missed = evidence(questions, lambda q: [(d.metadata["source"], d.page_content)
                                                  for d in store.similarity_search(q, k=K)])
    return {"chunk_size": 1000, "chunk_overlap": 200, "chunks": len(splits), "ingest_s": seconds,
            "chunks_per_s": len(splits) / seconds, "search": search, "evidence": hits,
            "missed_top5": missed}


def share(hits: dict[str, bool]) -> float:
    return sum(hits.values()) / len(hits) if hits else 0.0


def show(ours: dict, lc: dict) -> None:
    t = Table(title="Ours vs plain LangChain recipe (same all-MiniLM-L6-v2 weights, CPU)")
    for col in ("measure", "ours", "LangChain", "ours / LangChain"):
        t.add_column(col, justify="left" if col == "measure" else "right")

    def row(name, a, b, fmt):
        t.add_row(name, fmt.format(a), fmt.format(b), f"{a / b:.2f}x" if b else "—")

    t.add_row("chunk size / overlap (chars)", f"{ours['chunk_size']}/{ours['chunk_overlap']}",
              f"{lc['chunk_size']}/{lc['chunk_overlap']}", "—")
    row("chunks", ours["chunks"], lc["chunks"], "{}")
    row("first ingest (s)", ours["ingest_s"], lc["ingest_s"], "{:.2f}")
    row("ingest throughput (chunks/s)", ours["chunks_per_s"], lc["chunks_per_s"], "{:.1f}")
    t.add_row("re-ingest unchanged (s)", f"{ours['reingest_s']:.3f}", "—", "—")
    t.add_row("re-ingest / first ingest", f"{ours['reingest_ratio']:.3f}", "—", "claim < 0.1")
    t.add_row("re-ingest: embedded / model loaded",
              f"{ours['reingest_embedded']} / {ours['reingest_model_loaded']}", "—", "—")
    for p in ("p50_ms", "p95_ms"):
        row(f"search k=5 {p[:3]} (ms)", ours["search"][p], lc["search"][p], "{:.1f}")
    for p in ("p50_ms", "p95_ms"):
        t.add_row(f"ask (full answer) {p[:3]} (ms)", f"{ours['ask'][p]:.1f}", "—", "—")
    row("evidence hit rate @5", share(ours["evidence"]), share(lc["evidence"]), "{:.0%}")
    console.print(t)
    console.print(f"[dim]Timed ingest: {TIMED}. Latency: {ours['search']['calls']} calls per "
                  "measure after one warm-up.[/dim]")

    ev = Table(title="Evidence @5 per question")
    for col in ("question", "ours", "LangChain"):
        ev.add_column(col)
    mark = {True: "[green]hit[/green]", False: "[red]miss[/red]"}
    for qid, hit in ours["evidence"].items():
        ev.add_row(qid, mark[hit], mark[lc["evidence"][qid]])
    console.print(ev)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--questions", type=Path, default=Path("/work/shared/eval/dev_questions.jsonl"))
    ap.add_argument("--repeat", type=int, default=5, help="times each question is asked (timing)")
    args = ap.parse_args()
    lines = args.questions.read_text().splitlines()
    questions = [q for q in map(json.loads, filter(str.strip, lines)) if q.get("public", True)]

    load_start = os.getloadavg()[0]
    corpus = args.corpus.resolve()
    with tempfile.TemporaryDirectory(prefix="csp-bench-") as tmp:
        model = ensure_model(Path(tmp) / "model" / "all-MiniLM-L6-v2")  # same weights, both sides
        console.print(f"corpus {corpus}, {len(questions)} questions, repeat {args.repeat}")
        ours = bench_ours(corpus, Path(tmp) / "ours", model, questions, args.repeat)
        lc = bench_langchain(corpus, Path(tmp) / "langchain", model, questions, args.repeat)

    show(ours, lc)
    console.print(f"1-min load average {load_start:.1f} at start, {os.getloadavg()[0]:.1f} at end, "
                  f"{os.cpu_count()} CPUs (other work on the machine skews the timings)")
    out_dir = Path(__file__).resolve().parent / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"compare-{datetime.now():%Y%m%d-%H%M%S}.json"
    ratios = {"chunks_per_s": ours["chunks_per_s"] / lc["chunks_per_s"],
              "search_p50": ours["search"]["p50_ms"] / lc["search"]["p50_ms"],
              "search_p95": ours["search"]["p95_ms"] / lc["search"]["p95_ms"]}
    out.write_text(json.dumps({
        "when": datetime.now().isoformat(timespec="seconds"), "cpus": os.cpu_count(),
        "loadavg_1m": {"start": load_start, "end": os.getloadavg()[0]},
        "corpus": str(args.corpus), "questions": str(args.questions), "repeat": args.repeat,
        "timed_ingest": TIMED, "ours": ours, "langchain": lc, "ratios_ours_over_langchain": ratios,
        "evidence_share": {"ours": share(ours["evidence"]), "langchain": share(lc["evidence"])},
    }, indent=2))
    console.print(f"results written to {out}")

    failures = []
    if not share(ours["evidence"]) > share(lc["evidence"]):
        failures.append(f"our evidence hit rate {share(ours['evidence']):.0%} is not higher than "
                        f"LangChain's {share(lc['evidence']):.0%}")
    if ours["reingest_ratio"] >= MAX_REINGEST_RATIO:
        failures.append(f"re-ingest took {ours['reingest_ratio']:.3f} of the first ingest "
                        f"(must be < {MAX_REINGEST_RATIO})")
    for f in failures:
        console.print(f"[bold red]FAIL:[/bold red] {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
