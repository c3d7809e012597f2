"""Ingest and answer at N times the corpus: per-stage ingest time, chunks/s and source
characters/s, peak memory, index size, adding one paper, query latency, evidence in the top
5 and cold-start answers in a fresh process.

    nice -n 10 .venv/bin/python bench/growth.py --copies 10 --data /tmp/growth-10x
    nice -n 10 .venv/bin/python bench/growth.py --copies 100 --data /tmp/growth-100x

The archive is made by ``bench/synthetic.py`` (copy 0 is the corpus itself, so the
questions' evidence is there once); ``--archive DIR`` uses one already made. The data
folder is emptied first. Results: a table on stdout and ``bench/results/growth-<N>x-<time>.json``.

Evidence in the top 5 is counted as ``compare_langchain.py`` counts it, with the filters an
answer uses: a question that names a partnership searches that partnership's papers.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zlib
from datetime import datetime
from pathlib import Path

os.environ.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
                  TOKENIZERS_PARALLELISM="false", GRADIO_ANALYTICS_ENABLED="False")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from compare_langchain import evidence_found  # noqa: E402
from synthetic import Copy, Vocabulary, generate  # noqa: E402

from ingest.embedding import SentenceTransformerEmbedder, ensure_model  # noqa: E402
from ingest.load import iter_corpus  # noqa: E402
from ingest.pipeline import run  # noqa: E402
from ingest.settings import Settings  # noqa: E402
from ingest.store import ChunkStore  # noqa: E402

QUESTIONS = (
    ROOT / "tests/data/dev_questions.jsonl",
    ROOT / "tests/data/eval/corpus_questions.jsonl",
)
# Fresh-process answers: a glossary look-up, a figure from a table, a register, a passage.
COLD = (
    ("glossary", "What does JAG stand for?"),
    ("figure", "How many crimes were recorded on Beat 62 in 2021/22?"),
    ("register", "What actions are outstanding?"),
    ("passage", "What is the Community Trigger?"),
)


class HashEmbedder:
    """384 numbers from each text's words, hashed (for ``--hash-vectors``): every stage but
    the model's, at the model's vector size, in minutes instead of hours."""

    name = "hash-384"
    backend = "hash"
    dimension = 384

    def embed(self, texts: list[str]) -> list[list[float]]:
        out = []
        for text in texts:
            v = [0.0] * self.dimension
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                v[zlib.crc32(word.encode()) % self.dimension] += 1.0
            norm = math.sqrt(sum(x * x for x in v)) or 1.0
            out.append([x / norm for x in v])
        return out


def folder_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def pct(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def ingest(settings: Settings, embedder, paths: list[Path], archive: Path, mirror: bool) -> dict:
    t = time.perf_counter()
    store = ChunkStore(settings.chroma_dir, settings.collection, embedder)
    report = run(paths, store=store, embedder=embedder, keyword_dir=settings.keyword_dir,
                 cache=settings.cache_dir, chunk_size=settings.chunk_size,
                 chunk_overlap=settings.chunk_overlap, knowledge_db=settings.knowledge_db,
                 mirror=mirror, base=archive)
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "files": report.files, "chunks": report.chunks,
            "embedded": report.embedded, "skipped": len(report.skipped),
            "stages": report.stages, "knowledge": report.knowledge}


def new_paper(archive: Path, copies: int) -> Path:
    """One more partnership's minutes, never seen by the archive."""
    source = next(p for p in iter_corpus([ROOT / "corpus"]) if "minutes" in p.name)
    texts = [p.read_text(encoding="utf-8") for p in iter_corpus([ROOT / "corpus"])
             if p.suffix in (".md", ".txt")]
    copy = Copy(copies + 1, Vocabulary(texts))
    target = archive / "added" / copy.file_name(source.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(copy.text(source.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def queries(settings: Settings, repeat: int, embedder=None) -> dict:
    from assistant.engine import Assistant
    from assistant.retrieve import Filters

    assistant = Assistant(settings, embedder=embedder)
    questions = [json.loads(line) for f in QUESTIONS for line in f.read_text().splitlines()
                 if line.strip()]
    questions = [q for q in questions if q.get("split") != "holdout"]

    def filters(question: str) -> Filters:
        return Filters(partnership=assistant.understand(question).partnership or None)

    # The partnership of each evidence paper: what an officer picks in the app's filter.
    of_paper = {Path(c.source).name: c.partnership for c in assistant.chunks}

    def chosen(q: dict) -> Filters:
        councils = {of_paper.get(d) for ev in q["evidence"] for d in ev["docs"]} - {None, ""}
        return Filters(partnership=councils.pop()) if len(councils) == 1 else filters(q["question"])

    def top5(q: dict, f: Filters) -> list[tuple[str, str]]:
        return [(h.chunk.source, h.chunk.text) for h in assistant.search(q["question"], 5, f)]

    assistant.search(questions[0]["question"], 5, filters(questions[0]["question"]))  # warm-up
    search_ms, hits, scoped = [], {}, {}
    for q in questions:
        f = filters(q["question"])
        for _ in range(repeat):
            t = time.perf_counter()
            found = assistant.search(q["question"], 5, f)
            search_ms.append((time.perf_counter() - t) * 1000)
        if q.get("evidence"):
            hits[q["id"]] = evidence_found(q["evidence"], [(h.chunk.source, h.chunk.text)
                                                           for h in found])
            scoped[q["id"]] = evidence_found(q["evidence"], top5(q, chosen(q)))
    ask_ms = []
    for q in questions[:30]:
        t = time.perf_counter()
        assistant.ask(q["question"])
        ask_ms.append((time.perf_counter() - t) * 1000)
    return {
        "questions": len(questions), "with_evidence": len(hits),
        "evidence_at_5": sum(hits.values()) / len(hits),
        "evidence_at_5_partnership_chosen": sum(scoped.values()) / len(scoped),
        "search_p50_ms": pct(search_ms, 50), "search_p95_ms": pct(search_ms, 95),
        "ask_p50_ms": pct(ask_ms, 50), "ask_p95_ms": pct(ask_ms, 95), "ask_calls": len(ask_ms),
        "missed": sorted(k for k, v in hits.items() if not v),
        "missed_partnership_chosen": sorted(k for k, v in scoped.items() if not v),
    }


def cold(settings: Settings, runs: int) -> list[dict]:
    """Each question in a new `python -m assistant ask` process, nothing left running."""
    env = {**os.environ, "CSP_DATA_DIR": str(settings.data_dir),
           "CSP_MODEL_PATH": str(settings.resolved_model_path)}
    out = []
    for kind, question in COLD:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "assistant", "ask", question], cwd=ROOT,
                                  env=env, capture_output=True, text=True)
            times.append(time.perf_counter() - t)
        out.append({"kind": kind, "question": question, "median_s": statistics.median(times),
                    "exit": done.returncode, "answer": done.stdout.strip()[:120]})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=10, help="size of the archive, in corpora")
    ap.add_argument("--archive", type=Path, help="an archive made by synthetic.py (else made)")
    ap.add_argument("--data", type=Path, required=True, help="a data folder, emptied first")
    ap.add_argument("--repeat", type=int, default=3, help="times each question is searched")
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--queries-only", action="store_true",
                    help="only the queries and cold answers, on the index already in --data")
    ap.add_argument("--cold-only", action="store_true",
                    help="only the cold answers (fresh processes), on the index already in --data")
    ap.add_argument("--hash-vectors", action="store_true",
                    help="hash vectors instead of the model (every other stage as it is; "
                    "evidence and cold answers are then not meaningful and not measured)")
    args = ap.parse_args()
    if args.cold_only:
        started = cold(Settings(data_dir=args.data), args.cold_runs)
        for c in started:
            print(f"cold {c['kind']}: {c['median_s']:.2f} s (exit {c['exit']}) {c['question']}")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        return 0
    if args.queries_only:
        settings = Settings(data_dir=args.data)
        answered = queries(settings, args.repeat, HashEmbedder() if args.hash_vectors else None)
        print(json.dumps({"queries": answered, "cold_start": cold(settings, args.cold_runs),
                          "loadavg_1m": os.getloadavg()[0]}, indent=1))
        return 0
    archive = args.archive or args.data.with_name(args.data.name + "-archive")
    if args.archive is None:
        generate(ROOT / "corpus", archive, args.copies)
    shutil.rmtree(archive / "added", ignore_errors=True)
    shutil.rmtree(args.data, ignore_errors=True)
    settings = Settings(data_dir=args.data)
    if args.hash_vectors:
        embedder = HashEmbedder()
    else:
        model = ensure_model(settings.resolved_model_path)
        # The one-off ONNX export imports torch: done in another process, so this one's
        # peak memory is the ingest's.
        subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                        "from ingest.embedding import export_onnx; export_onnx(Path(sys.argv[1]))",
                        str(model)], cwd=ROOT, check=True, capture_output=True)
        embedder = SentenceTransformerEmbedder(model)
        embedder.embed(["warm-up"])  # model load not timed
    files = [p for p in iter_corpus([archive])]
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    load_start = os.getloadavg()[0]

    first = ingest(settings, embedder, [archive], archive, mirror=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    first |= {"chunks_per_s": first["chunks"] / first["seconds"],
              "chars_per_s": chars / first["seconds"], "chars": chars, "peak_rss_mb": peak_mb}
    size = {name: folder_mb(args.data / name)
            for name in ("chroma", "bm25", "knowledge.sqlite", "cache")}
    paper = new_paper(archive, args.copies)
    added = ingest(settings, embedder, [paper], archive, mirror=False)
    unchanged = ingest(settings, embedder, [archive / "added"], archive, mirror=False)
    answered = queries(settings, args.repeat, embedder if args.hash_vectors else None)
    started = [] if args.hash_vectors else cold(settings, args.cold_runs)
    load_end = os.getloadavg()[0]

    result = {"when": datetime.now().isoformat(timespec="seconds"), "copies": args.copies,
              "archive": str(archive), "files": len(files), "cpus": os.cpu_count(),
              "loadavg_1m": {"start": load_start, "end": load_end},
              "backend": embedder.backend, "first_ingest": first, "index_mb": size,
              "add_one_paper": added, "add_again_unchanged": unchanged, "queries": answered,
              "cold_start": started}
    label = f"{args.copies}x{'-hash' if args.hash_vectors else ''}"
    out = ROOT / "bench" / "results" / f"growth-{label}-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))

    stages = ", ".join(f"{k} {v:.1f}" for k, v in first["stages"].items())
    print(f"{args.copies}x: {len(files)} files, {chars / 1e6:.1f} M chars, "
          f"{first['chunks']} chunks")
    print(f"first ingest {first['seconds']:.1f} s ({stages}); "
          f"{first['chunks_per_s']:.1f} chunks/s, {first['chars_per_s']:.0f} chars/s; "
          f"peak RSS {peak_mb:.0f} MB")
    print("index MB: " + ", ".join(f"{k} {v:.1f}" for k, v in size.items()))
    add_stages = ", ".join(f"{k} {v:.1f}" for k, v in added["stages"].items())
    print(f"add one paper {added['seconds']:.1f} s ({added['embedded']} embedded; {add_stages}); "
          f"again unchanged {unchanged['seconds']:.1f} s")
    print(f"search p50 {answered['search_p50_ms']:.0f} ms, p95 {answered['search_p95_ms']:.0f} ms; "
          f"ask p50 {answered['ask_p50_ms']:.0f} ms, p95 {answered['ask_p95_ms']:.0f} ms; "
          f"evidence@5 {answered['evidence_at_5']:.0%} of {answered['with_evidence']} "
          f"({answered['evidence_at_5_partnership_chosen']:.0%} with the paper's partnership "
          "chosen in the filter)")
    for c in started:
        print(f"cold {c['kind']}: {c['median_s']:.2f} s (exit {c['exit']}) {c['question']}")
    print(f"load average {load_start:.1f} -> {load_end:.1f} on {os.cpu_count()} CPUs; {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
