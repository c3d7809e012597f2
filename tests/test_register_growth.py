"""Registers at a hundred partnerships' papers (issue 11): what a later paper says of an
action is looked up among the sentences of the action's partnership that share a pair of
its words (an index), not by reading every sentence of the index for every action; a
repeated recommendation is one of the same partnership. The index must find exactly what
the full scan found."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.pipeline import read_corpus
from ingest.register_actions import (
    DUE,
    _Later,
    _terms,
    from_decision,
    from_sentences,
    says_done,
)
from ingest.register_text import content_words
from ingest.registers import extract_decisions, extract_registers, minutes_parts

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE / "data" / "register_layouts"
UPDATE_PAIR = (
    "dunmarsh-csp-board-minutes-2024-06-12.md",
    "dunmarsh-csp-action-log-2024-09-18.txt",
    "wyvernhurst-partnership-board-minutes-2024-10-03.txt",
)


def _full_scan(later: _Later, c) -> tuple | None:  # noqa: ANN001
    """What `_Later.latest` did before the index: every sentence read for every action."""
    if not c.meeting_date:
        return None
    text = DUE.sub("", c.text)
    words = set(content_words(text))
    pairs = {t for t in _terms(text) if " " in t}
    best = None
    for date, name, at, said, terms, partnership, _ in later.sentences:
        if date <= c.meeting_date or partnership != c.where.partnership:
            continue
        shared = (words | pairs) & terms
        covered = words & terms
        if not shared & pairs or len(covered) < max(3, 0.5 * len(words)):
            continue
        score = sum(later.idf.get(t, 0) for t in shared)
        key = (says_done(said), date, score)
        if best is None or key > best[0]:
            best = (key, name, at, said)
    return None if best is None else (best[3], best[1], best[2])


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The update golden's three papers (two partnerships), the corpus and the Westmere
    papers (whose later pack reports on its minutes' actions), in one index."""
    tmp = tmp_path_factory.mktemp("growth")
    folder = tmp / "papers"
    folder.mkdir()
    for name in UPDATE_PAIR:
        shutil.copy(LAYOUTS / name, folder / name)
    westmere = sorted((HERE / "data" / "registers").glob("*"))
    for f in [*sorted((HERE.parent / "corpus").glob("*")), *westmere]:
        if f.suffix in (".md", ".txt", ".pdf"):
            shutil.copy(f, folder / f.name)
    return read_corpus([folder], cache=tmp / "cache", chunk_size=900, chunk_overlap=150,
                       base=folder)


def test_later_news_from_the_index_equals_the_full_scan(papers) -> None:  # noqa: ANN001
    docs, parts = papers.docs, papers.parts
    candidates = [c for d in extract_decisions(docs, parts) for c in from_decision(d)]
    for name, part in minutes_parts(docs, parts):
        candidates += from_sentences(docs[name], parts[name], part)
    later = _Later(docs, parts)
    news = 0
    for c in candidates:
        got = later.latest(c)
        want = _full_scan(later, c)
        assert (got is None) == (want is None), c.text
        if got is not None:
            news += 1
            said, where = got
            assert (said, where.source) == (want[0], want[1]), c.text
    assert news >= 2  # later papers report on some of the actions


def test_a_repeated_recommendation_is_one_of_the_same_partnership(tmp_path: Path) -> None:
    """Two partnerships' assessments making the same recommendation, each a year after its
    own earlier one: each earlier one is repeated by its own partnership's later one only."""
    folder = tmp_path / "papers"
    folder.mkdir()
    for place, years in (("Ambridge", ("2022/23", "2023/24")), ("Borsetshire", ("2023/24",))):
        for year in years:
            (folder / f"{place.lower()}-assessment-{year[:4]}.md").write_text(
                f"# {place} Community Safety Partnership\n\n"
                f"## Strategic Assessment {year}\n\n"
                "Recommendation 1: Commission a review of the street lighting on the "
                "canal towpath and the station approach.\n",
                encoding="utf-8",
            )
    corpus = read_corpus([folder], cache=tmp_path / "cache", chunk_size=900, chunk_overlap=150,
                         base=folder)
    recs = extract_registers(corpus.docs, corpus.parts).recommendations
    by = {(r.where.partnership.split()[0], r.year): r for r in recs}
    assert set(by) == {
        ("Ambridge", "2022/23"), ("Ambridge", "2023/24"), ("Borsetshire", "2023/24")
    }
    assert by[("Ambridge", "2022/23")].status.startswith("open (repeated as 2023/24")
    assert not by[("Borsetshire", "2023/24")].status.startswith("open (repeated")
    assert not by[("Ambridge", "2023/24")].status.startswith("open (repeated")
