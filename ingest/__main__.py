"""`python -m ingest [PATH ...] [--remove NAME ...]`: with no arguments, make the index
mirror the corpus folder; given files or folders, add or update them and keep every
other document; --remove takes documents out by name."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from tqdm import tqdm

from ingest.embedding import SentenceTransformerEmbedder
from ingest.errors import CspError
from ingest.pipeline import LOCK_TIMEOUT, Report, ingest_lock, run, settings_options
from ingest.settings import Settings
from ingest.store import ChunkStore

EXIT_SOME_FAILED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
ERROR_LOG = "ingest-error.log"  # in the data folder: the traceback of an unexpected failure


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
    parser.add_argument(
        "--wait",
        type=float,
        default=LOCK_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait for another ingest of the same data folder to finish "
        f"(default {LOCK_TIMEOUT:g})",
    )
    args = parser.parse_args(argv)
    settings = Settings()
    mirror = not args.paths and not args.remove
    # Mirroring keeps what the web app's Documents tab added (the uploads folder) too.
    uploads = [settings.uploads_dir] if settings.uploads_dir.is_dir() else []
    paths = [settings.corpus_dir, *uploads] if mirror else args.paths
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

    def waiting(message: str) -> None:
        print(f"{message}…", file=sys.stderr, flush=True)

    try:
        with ingest_lock(settings.data_dir, timeout=args.wait, on_wait=waiting):
            store = ChunkStore(settings.chroma_dir, settings.collection, embedder)
            report = run(
                paths,
                store=store,
                embedder=embedder,
                **settings_options(settings),
                progress=progress,
                mirror=mirror,
                remove=args.remove,
                base=settings.corpus_dir,
                lock_timeout=args.wait,
            )
    except CspError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted: the next run finishes the work", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as err:  # noqa: BLE001 - never a raw traceback, never exit 1
        print(f"error: {_unexpected(err, settings.data_dir)}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if bar is not None:
            bar.close()
    print_report(report)
    prepare = getattr(embedder, "prepare", None)  # not part of the Embedder protocol
    try:
        if prepare is not None:
            prepare()  # the questions' ONNX model, once, so a first answer is quick
    except CspError as err:
        print(f"note: {err}; questions will use sentence-transformers", file=sys.stderr)
    return EXIT_SOME_FAILED if report.skipped else 0


def _unexpected(err: Exception, data_dir: Path) -> str:
    """One line for an error nobody planned for; the traceback goes to a log file."""
    lines = str(err).strip().splitlines()
    reason = f"{type(err).__name__}: {lines[0]}" if lines else type(err).__name__
    try:
        log = data_dir / ERROR_LOG
        log.write_text("".join(traceback.format_exception(err)), encoding="utf-8")
        return f"{reason} (details in {log})"
    except OSError:
        return reason


if __name__ == "__main__":
    sys.exit(main())
