"""The chair's brief (issue 8): every content line carries one citation that resolves to
a real passage or register entry, no citation or line repeats, recommendations 'status not
stated' are listed, a repeated recommendation once, stale items marked with their age; the
CLI writes Markdown and DOCX and prints plain text."""

from __future__ import annotations

import re

import pytest
from docx import Document

from assistant.__main__ import main
from assistant.brief import AUDIENCES, build_brief, make_brief, render
from ingest.knowledge import read as read_knowledge
from ingest.settings import Settings
from ingest.store import ChunkStore
from tests.conftest import CORPUS, WordHashEmbedder, ingest_settings

MARKER = re.compile(r"\[(\d+)\]$")


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> Settings:
    settings = Settings(data_dir=tmp_path_factory.mktemp("brief-data"), corpus_dir=CORPUS)
    ingest_settings(settings, WordHashEmbedder())
    return settings


@pytest.fixture(scope="module")
def parts(indexed):
    store = ChunkStore(indexed.chroma_dir, indexed.collection, WordHashEmbedder())
    return read_knowledge(indexed.knowledge_db), store.all_chunks()


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _papers() -> dict[str, str]:
    return {p.name: _norm(p.read_text(encoding="utf-8")) for p in CORPUS.iterdir()}


def _in_order(quote: str, paper: str) -> bool:
    """Every word of ``quote`` printed in the paper in order, within a span at most three
    times its length: a table row whose wrapped cells interleave in the text."""
    want, words = re.findall(r"\w+", _norm(quote)), re.findall(r"\w+", paper)
    for start, word in enumerate(words):
        if word != want[0]:
            continue
        k, end = 0, min(len(words), start + 3 * len(want))
        for w in words[start:end]:
            if k < len(want) and w == want[k]:
                k += 1
        if k == len(want):
            return True
    return False


def resolves(quote: str, paper: str, knowledge) -> bool:
    """The quote is printed in the paper, or it is a forward-programme row (the register
    joins a row's cells) whose words the paper prints in order."""
    if _norm(quote) in paper:
        return True
    for f in knowledge.forward:
        cells = [x for x in (f.item, f.detail, f.date, f.action_by) if x]
        if " ".join(cells) == quote:
            return _in_order(quote, paper)
    return False


@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_every_line_cites_once_and_every_citation_resolves(parts, audience):
    knowledge, chunks = parts
    brief = make_brief(knowledge, chunks, audience)
    text = render(brief, sources=False)
    papers = _papers()
    content = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("- ")]
    assert len(content) >= 30
    numbers = []
    for line in content:
        m = MARKER.search(line)
        assert m, f"no citation: {line}"
        assert len(re.findall(r"\[\d+\]", line)) == 1, line
        numbers.append(int(m.group(1)))
    assert numbers == list(range(1, len(content) + 1))  # each cited once, none skipped
    places = [(c.source, c.section, c.page, c.quote) for c in brief.citations]
    assert len(set(places)) == len(places), "a citation repeats"
    assert len(set(content)) == len(content), "a line repeats"
    for c in brief.citations:
        assert resolves(c.quote, papers[c.source], knowledge), (c.n, c.source, c.quote)


def test_the_brief_reads_as_plain_text(parts):
    knowledge, chunks = parts
    text = render(make_brief(knowledge, chunks))
    assert "**" not in text and "<" not in text
    assert "Priorities\n----------" in text
    assert "Sources\n-------" in text
    assert "Shoplifting: Performance to Date +43%" in text  # the headline table, as printed


def test_recommendations_not_stated_are_listed_and_a_repeated_one_once(parts):
    """Issue 8: recommendations whose status is not stated were left out although
    `register --open` counts them, and one made again a year later was listed twice."""
    knowledge, chunks = parts
    section = next(
        s for s in make_brief(knowledge, chunks).sections if s.title.startswith("Open r")
    )
    texts = [ln.text for ln in section.lines]
    assert any("(status not stated)" in t for t in texts)
    beat_61 = [t for t in texts if "Beat 61 (Syston/Thurmaston)" in t]
    assert len(beat_61) == 1
    assert (
        beat_61[0].startswith("2023/24 Recommendation 4") and "first made as 2022/23" in beat_61[0]
    )


def test_stale_actions_are_marked_with_their_age(parts):
    knowledge, chunks = parts
    section = next(s for s in make_brief(knowledge, chunks).sections if s.title == "Open actions")
    old = [ln.text for ln in section.lines if "16 October 2014" in ln.text]
    recent = [ln.text for ln in section.lines if "26 January 2023" in ln.text]
    assert old and all("stale: raised 16 October 2014, 9 years before" in t for t in old)
    assert recent and not any("stale" in t for t in recent)


def test_the_chat_answer_is_the_brief_without_its_sources_list(parts):
    knowledge, chunks = parts
    answer = build_brief(knowledge, chunks)
    assert answer.covered and "Sources\n" not in answer.text
    assert len(answer.citations) == answer.text.count("\n- ") + answer.text.count("    - ")


def test_cli_writes_markdown_and_docx_and_prints_plain_text(indexed, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CSP_DATA_DIR", str(indexed.data_dir))
    out = tmp_path / "brief.md"
    assert main(["brief", "--for", "pcc-visit", "--out", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    assert written.startswith("Brief for the Police and Crime Commissioner's visit: ")
    assert written.splitlines()[1].startswith("===")
    assert "[1] " in written.split("Sources\n")[1]
    assert main(["brief", "--for", "meeting"]) == 0
    printed = capsys.readouterr().out
    assert "**" not in printed
    assert printed.startswith("Brief for the next partnership meeting")
    assert printed.index("Coming up") < printed.index("Priorities")  # a meeting leads with it
    docx_path = tmp_path / "brief.docx"
    assert main(["brief", "--out", str(docx_path)]) == 0
    doc = Document(str(docx_path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].startswith("Brief for the Police and Crime Commissioner's visit")
    assert "Priorities" in headings and "Sources" in headings
    bullets = [p.text for p in doc.paragraphs if p.style.name.startswith("List Bullet")]
    assert bullets and all(MARKER.search(b) for b in bullets)


def test_cli_brief_without_an_index_says_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CSP_DATA_DIR", str(tmp_path / "empty"))
    assert main(["brief"]) == 2
    assert "python -m ingest" in capsys.readouterr().err


def test_cli_brief_to_an_unwritable_place_is_one_line(indexed, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CSP_DATA_DIR", str(indexed.data_dir))
    assert main(["brief", "--out", str(tmp_path / "no" / "such" / "brief.md")]) == 2
    assert "cannot write" in capsys.readouterr().err
