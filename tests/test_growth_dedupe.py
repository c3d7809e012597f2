"""Issue 11, growth: duplicate sections are found through an inverted index, not by
comparing every section with every other, and the groups are the same as that comparison's."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.dedupe import SECTION_THRESHOLD, Key, _section_canon, jaccard, shingles
from ingest.pipeline import read_corpus
from ingest.types import Chunk

REPO = Path(__file__).resolve().parents[1]


def all_pairs_canon(chunks: list[Chunk]) -> dict[Key, Key]:
    """The reference: every section against every earlier one (what dedupe did before)."""
    texts: dict[Key, list[str]] = {}
    for c in chunks:
        texts.setdefault((c.source, c.part_index, c.section), []).append(c.text)
    keys = list(texts)
    sets = {k: shingles(" ".join(texts[k])) for k in keys}
    canon: dict[Key, Key] = {}
    for j, key in enumerate(keys):
        for earlier in keys[:j]:
            if earlier[:2] == key[:2] or earlier in canon:
                continue
            a, b = sets[earlier], sets[key]
            if not 0.5 <= len(a) / max(1, len(b)) <= 2:
                continue
            if jaccard(a, b) >= SECTION_THRESHOLD:
                canon[key] = earlier
                break
    return canon


def section(source: str, part: int, name: str, text: str) -> Chunk:
    meta = {"source": source, "part_index": part, "section": name, "end": len(text)}
    return Chunk.from_metadata(f"{source}|{part}|{name}", text, meta)


def test_the_corpus_gives_the_same_duplicate_sections_as_comparing_all_pairs(
    tmp_path: Path,
) -> None:
    corpus = read_corpus(
        [REPO / "corpus"], cache=tmp_path / "cache", chunk_size=900, chunk_overlap=150
    )
    expected = all_pairs_canon(corpus.chunks)
    assert len(expected) > 10  # the minutes in the pack and filed alone, the beat lists
    assert _section_canon(corpus.chunks) == expected


VOCABULARY = [f"w{i}" for i in range(40)]


@st.composite
def archives(draw) -> list[Chunk]:
    """Sections of a few files: some copied from earlier ones with words changed, so
    many pairs sit on either side of the threshold."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    out: list[Chunk] = []
    for n in range(draw(st.integers(2, 40))):
        if out and rnd.random() < 0.6:
            words = rnd.choice(out).text.split()
            for _ in range(rnd.randint(0, max(1, len(words) // 2))):
                words[rnd.randrange(len(words))] = rnd.choice(VOCABULARY)
            if rnd.random() < 0.3:
                words += [rnd.choice(VOCABULARY) for _ in range(rnd.randint(1, 10))]
        else:
            words = [rnd.choice(VOCABULARY) for _ in range(rnd.randint(3, 30))]
        source = f"file{rnd.randint(0, 4)}"
        out.append(section(source, rnd.randint(0, 1), f"s{n}", " ".join(words)))
    return out


@settings(max_examples=300, deadline=None)
@given(archives())
def test_any_archive_gives_the_same_duplicate_sections_as_comparing_all_pairs(
    chunks: list[Chunk],
) -> None:
    assert _section_canon(chunks) == all_pairs_canon(chunks)
