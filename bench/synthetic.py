"""A synthetic archive at N times the corpus, for measuring growth.

    .venv/bin/python bench/synthetic.py --copies 10 --out /tmp/h11-synth-10x [--corpus corpus]

Copy 0 is the corpus itself, unchanged, so the public questions and their evidence still
hold. Copies 1..N-1 are other partnerships over other years: each copy has its own

- names: every capitalised word the corpus never prints in lower case (places, people,
  organisations) becomes a made-up word, in every case it is printed in (``Xxx``/``XXX``);
  words of the conventions file (role titles, headings, months) are kept;
- dates: every year (``2023``, ``2023/24``, ``2023-01-26``) moves by the copy's offset;
- prose: about a third of the lower-case words (four letters or more, not words of the
  conventions) become another word of the corpus, so nothing folds away as a duplicate of
  another partnership's paper;
- figures: numbers of two digits or more (not years, not parts of dates) are scaled.

Each change is a function of the copy and the word, never of where the word is, so within
a copy the minutes filed alone and the same minutes bound into an agenda pack stay the
same text: real duplicates still exist at every size and must still be grouped.

Files go to ``OUT/<copy slug>/<file name with the place and years changed>``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import conventions  # noqa: E402
from ingest.conventions import DEFAULT_PATH  # noqa: E402
from ingest.load import iter_corpus  # noqa: E402

TEXT_SUFFIXES = (".md", ".txt")
PROSE_SHARE = 0.35  # of distinct lower-case words replaced in each copy
YEAR_SHIFTS = (-1, -2, -3, -4, -5, -6, -7, -8, 1, 2)  # copy k moves its years by one of these
SYLLABLES = (
    "bar ton ley wick ham stead ford mere dale by thorpe well brook field ash holm "
    "win cot den lan mar bel cas ros tal ver ock ing ber ald wyn hurst"
).split()
MONTHS = (
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
).split()
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
YEAR = re.compile(r"(?<![\d.,])(19[89]\d|20[0-4]\d)(?:([/-])(\d{2})(?!\d))?(?![\d,])")
DAY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?(?=\s+(?:%s)\b)" % "|".join(MONTHS[:12]), re.IGNORECASE
)
NUMBER = re.compile(r"(?<![\d.,/:£$-])(\d{2,}|\d{1,3}(?:,\d{3})+)(?![\d/:-]|,\d)")


def _hash(*parts: object) -> int:
    digest = hashlib.blake2b("\0".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _unit(*parts: object) -> float:
    return _hash(*parts) / 2**64


class Vocabulary:
    """What the corpus prints: which capitalised words are names, which lower-case words
    prose is made of, and which words must stay (the conventions' words, months)."""

    def __init__(self, texts: list[str]) -> None:
        kept = {w.lower() for w in WORD.findall(DEFAULT_PATH.read_text(encoding="utf-8"))}
        kept |= set(MONTHS)
        lower: set[str] = set()
        capital: set[str] = set()
        for text in texts:
            for w in WORD.findall(text):
                if w.islower():
                    lower.add(w)
                elif w[0].isupper() and w[1:].islower():
                    capital.add(w)
        self.names = {w for w in capital if w.lower() not in lower and w.lower() not in kept}
        self.names -= {w for w in self.names if w.lower() in kept}
        # The words of the partnerships' own names always change ("North West X" too), so
        # each copy is a partnership of its own and a partnership filter tells them apart.
        places = _place_words(texts)
        self.names |= {w for w in capital if w.lower() in places}
        self.prose = sorted(w for w in lower if len(w) >= 4 and w not in kept and "'" not in w)
        self.kept = kept
        self.prose_set = set(self.prose)


def _place_words(texts: list[str]) -> set[str]:
    """The words of the places the papers' partnerships are named after."""
    c = conventions.current()
    out: set[str] = set()
    for text in texts:
        for pattern in c.partnership_names:
            for m in pattern.finditer(text):
                out |= {w.lower() for w in WORD.findall(m.group("place"))}
    return out - c.partnership_words - c.not_places


class Copy:
    """One synthetic partnership: its word, name, year and figure maps."""

    def __init__(self, k: int, vocab: Vocabulary) -> None:
        self.k = k
        self.vocab = vocab
        self.shift = YEAR_SHIFTS[k % len(YEAR_SHIFTS)] if k else 0
        self.slug = f"{self.name_for('slug').lower()}{k}" if k else ""

    def name_for(self, word: str) -> str:
        h = _hash("name", self.k, word)
        n = 2 + h % 2
        out = "".join(SYLLABLES[(h >> (8 * i + 4)) % len(SYLLABLES)] for i in range(n))
        return out.capitalize()

    def word_for(self, word: str) -> str:
        if _unit("prose?", self.k, word) >= PROSE_SHARE:
            return word
        prose = self.vocab.prose
        return prose[_hash("prose", self.k, word) % len(prose)]

    def _word(self, m: re.Match[str]) -> str:
        w = m.group(0)
        if w.islower():
            return w if w not in self.vocab.prose_set else self.word_for(w)
        title = w.capitalize()
        if title in self.vocab.names:
            new = self.name_for(title)
            return new.upper() if w.isupper() and len(w) > 1 else new
        return w

    def _year(self, m: re.Match[str]) -> str:
        year = int(m.group(1)) + self.shift
        if m.group(3) and int(m.group(3)) == (int(m.group(1)) + 1) % 100:  # 2023/24, 2023-24
            return f"{year}{m.group(2)}{(year + 1) % 100:02d}"
        return f"{year}{m.group(2) or ''}{m.group(3) or ''}"

    def _number(self, m: re.Match[str]) -> str:
        raw = m.group(0)
        value = int(raw.replace(",", ""))
        if 1980 <= value <= 2049 and "," not in raw:
            return raw
        scaled = max(10, round(value * (0.6 + 0.8 * _unit("num", self.k, value))))
        return f"{scaled:,}" if "," in raw else str(scaled)

    def text(self, text: str) -> str:
        if not self.k:
            return text
        # Years are moved and days of the month kept; neither is then a figure to scale.
        text = YEAR.sub(lambda m: "\0Y" + self._year(m) + "\0", text)
        text = DAY.sub(lambda m: "\0Y" + m.group(0) + "\0", text)
        pieces = re.split(r"(\0Y[^\0]*\0)", text)
        out = []
        for piece in pieces:
            if piece.startswith("\0Y"):
                out.append(piece[2:-1])
            else:
                piece = NUMBER.sub(self._number, piece)
                out.append(WORD.sub(self._word, piece))
        return "".join(out)

    def file_name(self, name: str) -> str:
        if not self.k:
            return name
        stem, dot, suffix = name.rpartition(".")
        words = stem.split("-")
        place = words[0].capitalize()  # the place opens the corpus's file names
        words[0] = self.name_for(place).lower() if place in self.vocab.names else self.slug
        stem = YEAR.sub(self._year, "-".join(words))
        return f"{stem}{dot}{suffix}"


def generate(corpus: Path, out: Path, copies: int) -> list[Path]:
    files = [p for p in iter_corpus([corpus]) if p.suffix.lower() in TEXT_SUFFIXES]
    texts = {p: p.read_text(encoding="utf-8") for p in files}
    vocab = Vocabulary(list(texts.values()))
    if out.exists():
        shutil.rmtree(out)
    written: list[Path] = []
    for k in range(copies):
        copy = Copy(k, vocab)
        folder = out / (copy.slug or "original")
        folder.mkdir(parents=True, exist_ok=True)
        for path, text in texts.items():
            target = folder / copy.file_name(path.name)
            target.write_text(copy.text(text), encoding="utf-8")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--copies", type=int, default=10, help="10 for 10x, 100 for 100x")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    written = generate(args.corpus, args.out, args.copies)
    size = sum(p.stat().st_size for p in written)
    print(f"{len(written)} files, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
