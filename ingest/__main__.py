"""`python -m ingest [PATH ...] [--remove NAME ...]`: with no arguments, make the index
mirror the corpus folder; given files or folders, add or update them and keep every
other document; --remove takes documents out by name."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from ingest.embedding import SentenceTransformerEmbedder
from ingest.errors import CspError
from ingest.pipeline import Report, run
from ingest.settings import Settings
from ingest.store import ChunkStore

EXIT_SOME_FAILED = 1
EXIT_ERROR = 2


def print_report(report: Report) -> None:
    print(
        f"{report.files} files, {report.parts} parts, {report.sections} sections, "
        f"{report.chunks} chunks ({report.embedded} embedded, {report.updated} updated, "
        f"{report.removed} removed) in {report.seconds:.1f} s"
    )
    if report.knowledge:
        print(", ".join(f"{n} {name}" for name, n in report.knowledge.items()))
    for name in report.removed_files:
        print(f"removed {name}")
    for s in report.skipped:
        print(f"skipped {s.name}: {s.reason}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders to add or update; the other documents stay "
        "(default: mirror the corpus folder, so files deleted from it leave the index)",
    )
    parser.add_argument(
        "--remove",
        nargs="+",
        default=[],
        metavar="NAME",
        help="take these documents out of the index, named as `source` shows them "
        "(the file's name in the corpus folder)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    settings = Settings()
    mirror = not args.paths and not args.remove
    paths = [settings.corpus_dir] if mirror else args.paths
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return EXIT_ERROR
    embedder = SentenceTransformerEmbedder(settings.resolved_model_path)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if args.quiet:
            return
        if bar is None:
            bar = tqdm(total=total, unit="chunk", desc="embedding")
        bar.n = done
        bar.refresh()

    try:
        store = ChunkStore(settings.chroma_dir, settings.collection, embedder)
        report = run(
            paths,
            store=store,
            embedder=embedder,
            keyword_dir=settings.keyword_dir,
            cache=settings.cache_dir,
            chunk_size=settings.chunk_size,
            chunk_overlap=settings.chunk_overlap,
            partnership=settings.partnership or "",
            progress=progress,
            knowledge_db=settings.knowledge_db,
            mirror=mirror,
            remove=args.remove,
            base=settings.corpus_dir,
        )
    except CspError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if bar is not None:
            bar.close()
    print_report(report)
    return EXIT_SOME_FAILED if report.skipped else 0


if __name__ == "__main__":
    sys.exit(main())
