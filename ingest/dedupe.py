"""Recognise text the corpus holds twice (minutes bound into a pack and filed alone).

Sections are compared on word 3-shingles; a section that repeats an earlier one is its
duplicate, and each of its chunks joins the group of the closest chunk of the original.
Answers cite one chunk per group, and registers count a group once.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace

from ingest.types import Chunk

SECTION_THRESHOLD = 0.55
CHUNK_THRESHOLD = 0.5

Key = tuple[str, int, str]  # (source, part index, section path)


def shingles(text: str, n: int = 3) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)  # the union is not built: it would cost a set of both
    return shared / (len(a) + len(b) - shared)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of the smaller text the larger one holds: a short chunk inside a long copy."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _section_canon(chunks: list[Chunk]) -> dict[Key, Key]:
    """Each section that repeats an earlier one (in chunk order), mapped to the first such
    earlier section that is itself no copy: Jaccard >= ``SECTION_THRESHOLD`` on 3-shingles,
    sizes within a factor of two, another part or file.

    Near-linear and exact (the same pairs a comparison of every section with every other
    finds): an inverted index over each section's *prefix* -- its rarest shingles, as many
    as a set can lose and still reach the threshold, plus one. Two sets that reach it share
    a shingle of both prefixes (prefix filtering), and a pair whose shared shingles so far
    plus those left after the current one cannot reach the threshold is dropped before it
    is compared (positional filtering; Xiao et al., "Efficient similarity joins for
    near-duplicate detection", WWW 2008)."""
    texts: dict[Key, list[str]] = defaultdict(list)
    for c in chunks:
        texts[(c.source, c.part_index, c.section)].append(c.text)
    keys = list(texts)
    sets = [shingles(" ".join(texts[k])) for k in keys]
    df: Counter[str] = Counter(s for shingled in sets for s in shingled)
    rank = {s: n for n, s in enumerate(sorted(df, key=lambda s: (df[s], s)))}  # rarest first
    # Jaccard >= t exactly when the shared shingles are >= t / (1 + t) of both sizes summed.
    share = SECTION_THRESHOLD / (1 + SECTION_THRESHOLD)
    canon: dict[Key, Key] = {}
    posting: dict[str, list[tuple[int, int]]] = defaultdict(list)  # -> (section, position)
    for j, key in enumerate(keys):
        b = sets[j]
        nb = len(b)
        prefix = sorted(b, key=rank.__getitem__)[: nb - math.floor(SECTION_THRESHOLD * nb) + 1]
        shared: dict[int, int] = {}
        dropped: set[int] = set()
        for pj, s in enumerate(prefix):
            for i, pi in posting.get(s, ()):
                if i in dropped:
                    continue
                na = len(sets[i])
                seen = shared.get(i, 0) + 1
                if (
                    not 0.5 <= na / max(1, nb) <= 2
                    or seen + min(na - pi - 1, nb - pj - 1) < share * (na + nb) - 1e-9
                ):
                    dropped.add(i)
                    shared.pop(i, None)
                    continue
                shared[i] = seen
        for i in sorted(shared):
            earlier = keys[i]
            if earlier[:2] == key[:2]:
                continue
            if jaccard(sets[i], b) >= SECTION_THRESHOLD:
                canon[key] = earlier
                break
        if key not in canon:  # a copy is never the original of a later section
            for pj, s in enumerate(prefix):
                posting[s].append((j, pj))
    return canon


def mark_duplicates(
    chunks: list[Chunk],
) -> tuple[list[Chunk], dict[tuple[str, int], tuple[str, int]]]:
    """The chunks with ``dup_group`` set, and which parts duplicate which (most of their text)."""
    canon = _section_canon(chunks)
    by_section: dict[Key, list[Chunk]] = defaultdict(list)
    for c in chunks:
        by_section[(c.source, c.part_index, c.section)].append(c)
    shingled: dict[str, frozenset[str]] = {}

    def _shingled(o: Chunk) -> frozenset[str]:
        if o.id not in shingled:
            shingled[o.id] = shingles(o.text)
        return shingled[o.id]

    out: list[Chunk] = []
    for c in chunks:
        key = (c.source, c.part_index, c.section)
        original = canon.get(key)
        if original is None:
            out.append(c)
            continue
        mine = shingles(c.text)
        best = max(by_section[original], key=lambda o: containment(mine, _shingled(o)))
        if containment(mine, _shingled(best)) >= CHUNK_THRESHOLD:
            out.append(replace(c, dup_group=best.dup_group))
        else:
            out.append(c)
    return out, _part_duplicates(chunks, canon)


def _part_duplicates(
    chunks: list[Chunk], canon: dict[Key, Key]
) -> dict[tuple[str, int], tuple[str, int]]:
    size: Counter[tuple[str, int]] = Counter()
    shared: dict[tuple[str, int], Counter[tuple[str, int]]] = defaultdict(Counter)
    for c in chunks:
        part = (c.source, c.part_index)
        size[part] += len(c.text)
        original = canon.get((c.source, c.part_index, c.section))
        if original:
            shared[part][original[:2]] += len(c.text)
    result = {}
    for part, counts in shared.items():
        other, amount = counts.most_common(1)[0]
        if amount >= 0.5 * size[part]:
            result[part] = other
    return result
