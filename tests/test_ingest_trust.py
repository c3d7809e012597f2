"""Issue 11: the ingest under partial runs, concurrent runs, bad PDFs and a large store.
Each test was committed before the fix it checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import WordHashEmbedder

from ingest.knowledge import Knowledge
from ingest.knowledge import read as read_knowledge
from ingest.pipeline import Report, run
from ingest.store import ChunkStore, KeywordIndex

REPO = Path(__file__).resolve().parents[1]
CORPUS_FILES = (
    "charnwood-csp-agenda-pack-2014-12-18.txt",
    "charnwood-csp-agenda-pack-2023-04-20.txt",
    "charnwood-csp-minutes-2023-01-26.md",
    "charnwood-strategic-assessment-2023-24.md",
)
PACK_2023, MINUTES, ASSESSMENT = CORPUS_FILES[1], CORPUS_FILES[2], CORPUS_FILES[3]
SCRUTINY = "nwl-community-safety-scrutiny-2024.md"  # the paper added on its own


class Index:
    """One data folder: Chroma, the keyword index, the cache and the knowledge base."""

    def __init__(self, data: Path, embedder: WordHashEmbedder | None = None) -> None:
        self.data = data
        self.embedder = embedder or WordHashEmbedder()
        self.store = ChunkStore(data / "chroma", "test", self.embedder)

    def ingest(self, paths: list[Path], **kw) -> Report:
        return run(
            paths,
            store=self.store,
            embedder=kw.pop("embedder", self.embedder),
            keyword_dir=self.data / "bm25",
            cache=self.data / "cache",
            chunk_size=900,
            chunk_overlap=150,
            knowledge_db=self.data / "knowledge.sqlite",
            **kw,
        )

    def metadata(self) -> dict[str, dict]:
        return self.store.all_metadata()

    def sources(self) -> set[str]:
        return {m["source"] for m in self.metadata().values()}

    def knowledge(self) -> Knowledge:
        return read_knowledge(self.data / "knowledge.sqlite")

    def keyword_ids(self) -> set[str]:
        return set(KeywordIndex(self.data / "bm25").load().ids)


def copy_files(target: Path, names: tuple[str, ...] = CORPUS_FILES) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(REPO / "corpus" / name, target / name)
    return target


def clean_ingest(root: Path, names: tuple[str, ...]) -> Index:
    """The reference: one ingest of exactly these files into a fresh data folder."""
    reference = Index(root / "data")
    report = reference.ingest([copy_files(root / "corpus", names)], mirror=True)
    assert report.skipped == [] and report.files == len(names)
    return reference


def assert_same_index(index: Index, reference: Index) -> None:
    assert index.metadata() == reference.metadata()
    assert index.keyword_ids() == set(reference.metadata())
    assert index.knowledge() == reference.knowledge()


def sources_of(knowledge: Knowledge) -> set[str]:
    entries = [*knowledge.facts, *knowledge.decisions, *knowledge.recommendations]
    entries += [*knowledge.actions, *knowledge.forward, *knowledge.glossary]
    return {e.where.source for e in entries}


# --- defect 3: a file given alone adds or updates that file and keeps the rest -------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_files(tmp_path / "corpus")


@pytest.fixture
def index(tmp_path: Path) -> Index:
    return Index(tmp_path / "data")


def test_a_file_given_alone_is_added_and_the_rest_kept(
    tmp_path: Path, corpus: Path, index: Index
) -> None:
    index.ingest([corpus])
    before = index.metadata()
    elsewhere = copy_files(tmp_path / "new", (SCRUTINY,))

    report = index.ingest([elsewhere / SCRUTINY])
    assert report.removed == 0 and report.skipped == []
    assert set(before) <= set(index.metadata())
    assert index.sources() == {*CORPUS_FILES, SCRUTINY}
    # Facts and registers come from every indexed paper, not only the one given.
    assert sources_of(index.knowledge()) >= {PACK_2023, MINUTES, ASSESSMENT}
    assert_same_index(index, clean_ingest(tmp_path / "clean", (*CORPUS_FILES, SCRUTINY)))


def test_a_file_that_fails_to_load_empties_nothing(
    tmp_path: Path, corpus: Path, index: Index
) -> None:
    index.ingest([corpus])
    before, knowledge = index.metadata(), index.knowledge()
    assert knowledge.facts and knowledge.decisions
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")

    report = index.ingest([broken])
    assert [s.name for s in report.skipped] == ["scan.pdf"]
    assert report.removed == 0 and report.files == len(CORPUS_FILES)
    assert index.metadata() == before
    assert index.knowledge() == knowledge
    assert index.keyword_ids() == set(before)


def test_a_changed_file_given_alone_is_updated_in_place(
    tmp_path: Path, corpus: Path, index: Index
) -> None:
    index.ingest([corpus])
    with (corpus / MINUTES).open("a", encoding="utf-8") as f:
        f.write("\n\nThe Chair noted that the street pastors pilot would report in the summer.\n")

    report = index.ingest([corpus / MINUTES], base=corpus)
    assert report.removed > 0 and report.embedded > 0
    reference = Index(tmp_path / "clean" / "data")
    reference.ingest([corpus], mirror=True)
    assert_same_index(index, reference)


def test_a_file_in_a_subfolder_of_the_corpus_keeps_its_name(tmp_path: Path, index: Index) -> None:
    corpus = copy_files(tmp_path / "corpus", CORPUS_FILES[:2])
    copy_files(corpus / "2023", (MINUTES,))
    index.ingest([corpus / "2023" / MINUTES], base=corpus)
    assert index.sources() == {f"2023/{MINUTES}"}
    index.ingest([corpus], mirror=True)
    assert index.sources() == {*CORPUS_FILES[:2], f"2023/{MINUTES}"}


def test_the_other_papers_text_comes_from_the_cache_when_their_files_are_gone(
    tmp_path: Path, corpus: Path, index: Index
) -> None:
    index.ingest([corpus])
    shutil.rmtree(corpus)  # the papers were ingested from a folder that no longer exists
    elsewhere = copy_files(tmp_path / "new", (SCRUTINY,))

    report = index.ingest([elsewhere / SCRUTINY])
    assert report.skipped == [] and report.removed == 0
    assert_same_index(index, clean_ingest(tmp_path / "clean", (*CORPUS_FILES, SCRUTINY)))


def test_a_paper_whose_text_is_lost_keeps_its_passages_and_is_reported(
    tmp_path: Path, corpus: Path, index: Index
) -> None:
    index.ingest([corpus])
    before = index.metadata()
    shutil.rmtree(corpus)
    for cached in (index.data / "cache").glob("*.json"):
        if cached.name != "documents.json":
            cached.unlink()
    elsewhere = copy_files(tmp_path / "new", (SCRUTINY,))

    report = index.ingest([elsewhere / SCRUTINY])
    assert {s.name for s in report.skipped} == set(CORPUS_FILES)
    assert all("--remove" in s.reason for s in report.skipped)
    assert report.removed == 0
    assert set(before) <= set(index.metadata())
    assert index.sources() == {*CORPUS_FILES, SCRUTINY}


def test_remove_takes_out_only_the_named_paper(tmp_path: Path, corpus: Path, index: Index) -> None:
    index.ingest([corpus])
    had = {i for i, m in index.metadata().items() if m["source"] == ASSESSMENT}

    report = index.ingest([], remove=[ASSESSMENT])
    assert report.removed == len(had) and report.removed_files == [ASSESSMENT]
    assert index.sources() == set(CORPUS_FILES) - {ASSESSMENT}
    assert ASSESSMENT not in sources_of(index.knowledge())
    rest = tuple(n for n in CORPUS_FILES if n != ASSESSMENT)
    assert_same_index(index, clean_ingest(tmp_path / "clean", rest))


def test_removing_a_paper_not_in_the_index_is_an_error(corpus: Path, index: Index) -> None:
    from ingest.errors import CspError

    index.ingest([corpus])
    before = index.metadata()
    with pytest.raises(CspError, match="not in the index: no-such-paper.md"):
        index.ingest([], remove=["no-such-paper.md"])
    assert index.metadata() == before


def test_mirror_removes_what_is_no_longer_in_the_folder(corpus: Path, index: Index) -> None:
    index.ingest([corpus])
    (corpus / ASSESSMENT).unlink()
    report = index.ingest([corpus], mirror=True)
    assert report.removed > 0 and report.removed_files == [ASSESSMENT]
    assert index.sources() == set(CORPUS_FILES) - {ASSESSMENT}
    assert ASSESSMENT not in sources_of(index.knowledge())


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path):
    """`python -m ingest` in this process, on a fresh data folder, with the fake embedder."""
    import ingest.__main__ as main_module

    monkeypatch.setenv("CSP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CSP_CORPUS_DIR", str(corpus))
    monkeypatch.setattr(main_module, "SentenceTransformerEmbedder", lambda path: WordHashEmbedder())

    def call(*argv: str) -> int:
        return main_module.main([*argv, "--quiet"])

    return call


def cli_sources(tmp_path: Path) -> set[str]:
    from ingest.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")
    store = ChunkStore(settings.chroma_dir, settings.collection, WordHashEmbedder())
    return {m["source"] for m in store.all_metadata().values()}


def test_cli_given_a_file_keeps_the_corpus(
    cli, tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture
) -> None:
    assert cli() == 0
    elsewhere = copy_files(tmp_path / "new", (SCRUTINY,))
    assert cli(str(elsewhere / SCRUTINY)) == 0
    assert cli_sources(tmp_path) == {*CORPUS_FILES, SCRUTINY}
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"")
    capsys.readouterr()
    assert cli(str(broken)) == 1
    out = capsys.readouterr().out
    assert "skipped broken.pdf: empty file" in out and " 0 removed)" in out
    assert cli_sources(tmp_path) == {*CORPUS_FILES, SCRUTINY}


def test_cli_remove_and_mirror(cli, tmp_path: Path, corpus: Path, capsys) -> None:
    assert cli() == 0
    elsewhere = copy_files(tmp_path / "new", (SCRUTINY,))
    assert cli(str(elsewhere / SCRUTINY)) == 0
    capsys.readouterr()
    assert cli("--remove", MINUTES) == 0
    assert f"removed {MINUTES}" in capsys.readouterr().out
    assert cli_sources(tmp_path) == {*CORPUS_FILES, SCRUTINY} - {MINUTES}

    assert cli("--remove", "nothing-like-it.md") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: not in the index: nothing-like-it.md") and err.count("\n") == 1

    # No arguments: the index mirrors the corpus folder again (the scrutiny paper was
    # never in it; the minutes still are).
    assert cli() == 0
    assert cli_sources(tmp_path) == set(CORPUS_FILES)


# --- defect 4: two ingests at once ----------------------------------------------------------

CLI_SCRIPT = """\
import sys, time
from pathlib import Path
sys.path[:0] = [{repo!r}, {tests!r}]
import ingest.__main__ as cli
from conftest import WordHashEmbedder

started = Path(sys.argv[1])


class SlowEmbedder(WordHashEmbedder):
    def __init__(self, path):
        super().__init__()

    def embed(self, texts):
        started.touch()
        time.sleep({delay})
        return super().embed(texts)


cli.SentenceTransformerEmbedder = SlowEmbedder
sys.exit(cli.main(sys.argv[2:]))
"""


def start_cli(tmp_path: Path, name: str, *argv: str, delay: float = 0.2):
    """`python -m ingest ARGV` in a process of its own, with a slow fake embedder; the file
    ``<name>.started`` appears when it first embeds."""
    import os
    import subprocess
    import sys

    script = tmp_path / "cli_ingest.py"
    script.write_text(
        CLI_SCRIPT.format(repo=str(REPO), tests=str(REPO / "tests"), delay=delay),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSP_")}
    env.update(CSP_DATA_DIR=str(tmp_path / "data"), CSP_CORPUS_DIR=str(tmp_path / "corpus"))
    started = tmp_path / f"{name}.started"
    proc = subprocess.Popen(
        [sys.executable, str(script), str(started), *argv, "--quiet"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, started


def wait_for(path: Path, proc, seconds: float = 60) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.05)


def finish(proc, seconds: float = 120) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=seconds)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return proc.returncode, out, err


def test_a_second_ingest_waits_for_the_first(tmp_path: Path, corpus: Path) -> None:
    first, first_started = start_cli(tmp_path, "first")
    wait_for(first_started, first)  # the first is embedding into a fresh data folder
    second, _ = start_cli(tmp_path, "second")
    code_2, out_2, err_2 = finish(second)
    code_1, out_1, err_1 = finish(first)

    assert (code_1, err_1) == (0, ""), err_1
    assert code_2 == 0, err_2
    assert "Traceback" not in err_2
    assert "waiting for another ingest" in err_2 and err_2.count("\n") == 1
    assert "(0 embedded" in out_2  # it ran after the first had stored everything
    reference = clean_ingest(tmp_path / "clean", CORPUS_FILES)
    assert set(cli_store_ids(tmp_path)) == set(reference.metadata())


def cli_store_ids(tmp_path: Path) -> list[str]:
    from ingest.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")
    store = ChunkStore(settings.chroma_dir, settings.collection, WordHashEmbedder())
    return list(store.all_metadata())


def test_a_second_ingest_that_waits_too_long_fails_in_one_line(
    tmp_path: Path, corpus: Path
) -> None:
    first, first_started = start_cli(tmp_path, "first", delay=1.0)
    wait_for(first_started, first)
    second, _ = start_cli(tmp_path, "second", "--wait", "0.5")
    code_2, out_2, err_2 = finish(second)
    finish(first)

    assert code_2 == 2, err_2
    lines = err_2.strip().splitlines()
    assert lines[-1].startswith("error: another ingest") and "Traceback" not in err_2
    assert len(lines) <= 2 and out_2 == ""


def test_an_unexpected_failure_exits_2_not_1(
    cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """1 means "some files were skipped"; a crash must not look like that."""
    import ingest.__main__ as main_module

    class Broken(WordHashEmbedder):
        def embed(self, texts):
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(main_module, "SentenceTransformerEmbedder", lambda path: Broken())
    assert cli() == 2
    err = capsys.readouterr().err
    assert "disk on fire" in err and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.slow
def test_two_first_ingests_at_once_both_succeed(tmp_path: Path, corpus: Path) -> None:
    """The real command twice on a fresh data folder: both extract the model, embed, and
    write the same index; one waits for the other."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("CSP_")}
    env.update(CSP_DATA_DIR=str(tmp_path / "data"), CSP_CORPUS_DIR=str(corpus))
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "ingest", "--quiet"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [finish(p, seconds=600) for p in procs]
    for code, _out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert sorted("(0 embedded" in out for _, out, _ in results) == [False, True]


# --- defect 7: PDFs that pass silently, ligatures -------------------------------------------


def make_masthead_pdf(path: Path) -> Path:
    """Text the loader accepts but the chunker drops: a masthead on every page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=14)
    for _ in range(3):
        pdf.add_page()
        pdf.cell(0, 10, "CHARNWOOD COMMUNITY SAFETY PARTNERSHIP")
    pdf.output(str(path))
    return path


def make_junk_layer_pdf(path: Path) -> Path:
    """An image-only scan whose OCR layer is punctuation."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for _ in range(4):
        pdf.drawImage(ImageReader(Image.new("RGB", (200, 120), (30, 30, 30))), 60, 420, 300, 180)
        text = pdf.beginText(60, 380)
        text.setTextRenderMode(3)
        text.setFont("Helvetica", 10)
        text.textLine("..,;: " * 12)
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def test_a_file_that_yields_no_passages_is_reported_not_counted(
    tmp_path: Path, index: Index
) -> None:
    folder = copy_files(tmp_path / "corpus", (MINUTES,))
    make_masthead_pdf(folder / "cover.pdf")
    (folder / "title.md").write_text("# Agenda\n", encoding="utf-8")
    make_junk_layer_pdf(folder / "scan.pdf")

    report = index.ingest([folder])
    reasons = {s.name: s.reason for s in report.skipped}
    assert reasons["cover.pdf"] == "no text to index"
    assert reasons["title.md"] == "no text to index"
    assert reasons["scan.pdf"].startswith("no usable text layer")
    assert set(reasons) == {"cover.pdf", "title.md", "scan.pdf"}
    assert report.files == 1 and index.sources() == {MINUTES}


def test_a_paper_that_now_yields_no_passages_keeps_what_it_had(
    tmp_path: Path, corpus: Path, index: Index
) -> None:
    index.ingest([corpus])
    before, knowledge = index.metadata(), index.knowledge()
    (corpus / MINUTES).write_text("# Minutes\n", encoding="utf-8")
    report = index.ingest([corpus / MINUTES], base=corpus)
    assert {s.name: s.reason for s in report.skipped} == {MINUTES: "no text to index"}
    assert report.removed == 0 and index.metadata() == before
    assert index.knowledge() == knowledge


def test_misfits_finds_the_ligature_spelling(tmp_path: Path, index: Index) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "briefing.md").write_text(
        "# Youth diversion briefing\n\nThe scheme works with young people the panel called "
        "mis\ufb01ts, and with the o\ufb03ce of the Police and Crime Commissioner on "
        "\ufb02exible funding of \u00a312,500 for 2\u00bd years across 40m\u00b2 of space.\n",
        encoding="utf-8",
    )
    index.ingest([folder])
    [only] = index.store.all_chunks()
    assert "misfits" in only.text and "office" in only.text and "flexible" in only.text
    assert "\u00a312,500 for 2\u00bd years across 40m\u00b2" in only.text
    scores = KeywordIndex(index.data / "bm25").load().scores("misfits")
    assert list(scores) == [only.id]


# --- growth: every store call is paged or batched -------------------------------------------


class CallLog:
    """Stands in for the Chroma collection, recording how many rows each call asks for."""

    def __init__(self, collection) -> None:
        self.collection = collection
        self.calls: list[tuple[str, int | None]] = []

    def __getattr__(self, name: str):
        inner = getattr(self.collection, name)
        if name not in ("get", "update", "delete", "upsert", "add"):
            return inner

        def call(*args, **kw):
            ids = kw.get("ids")
            self.calls.append((name, len(ids) if ids is not None else kw.get("limit")))
            return inner(*args, **kw)

        return call


PAGE = 7


def test_the_store_is_read_and_written_in_pages(tmp_path: Path, corpus: Path) -> None:
    index = Index(tmp_path / "data")
    index.store.page_size = PAGE
    log = CallLog(index.store.collection)
    index.store.collection = log

    index.ingest([corpus])  # 400 chunks: many pages
    with (corpus / MINUTES).open("a", encoding="utf-8") as f:
        f.write("\n\nThe Chair noted that the street pastors pilot would report in the summer.\n")
    (corpus / "manifest.toml").write_text(f'[files."{PACK_2023}"]\ndate = "2023-04-21"\n')
    (corpus / ASSESSMENT).unlink()
    report = index.ingest([corpus], mirror=True)
    assert report.updated > PAGE and report.removed > PAGE  # big updates and deletes

    everything = index.store.collection.collection.get(include=["metadatas"])  # unpaged
    assert len(everything["ids"]) > 20 * PAGE
    assert index.store.count() == len(everything["ids"])
    assert index.metadata() == dict(zip(everything["ids"], everything["metadatas"]))
    chunks = index.store.all_chunks()
    assert sorted(c.id for c in chunks) == sorted(everything["ids"])
    assert index.keyword_ids() == set(everything["ids"])  # the rebuild saw every chunk
    pack = index.store.where({"source": PACK_2023})
    assert len(pack) > PAGE
    assert sorted(c.id for c in pack) == sorted(c.id for c in chunks if c.source == PACK_2023)
    ids = sorted(everything["ids"])[: 3 * PAGE + 2]
    assert [c.id for c in index.store.get(ids)] == ids

    by_kind: dict[str, list[int | None]] = {}
    for kind, size in log.calls:
        by_kind.setdefault(kind, []).append(size)
    assert {"get", "update", "delete", "upsert"} <= set(by_kind)
    oversized = [(k, n) for k, n in log.calls if n is None or n > PAGE]
    assert oversized == []


def test_text_cached_by_other_loader_code_is_read_again(
    tmp_path: Path, index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cached text of a PDF depends on the loader and every module it calls (running
    lines, conventions): when that code changes, the file is parsed again."""
    from fpdf import FPDF

    import ingest.pipeline as pipeline
    from ingest.load import load

    folder = tmp_path / "corpus"
    folder.mkdir()
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 10, "The partnership agreed to fund three new street wardens in 2024.")
    pdf.output(str(folder / "minutes.pdf"))
    parsed: list[str] = []

    def counting_load(path: Path):
        parsed.append(path.name)
        return load(path)

    monkeypatch.setattr(pipeline, "load", counting_load)
    index.ingest([folder])
    index.ingest([folder])
    assert parsed == ["minutes.pdf"]  # the second run read the cache
    monkeypatch.setattr(pipeline, "TEXT_VERSION", "other-code")
    index.ingest([folder])
    assert parsed == ["minutes.pdf", "minutes.pdf"]
