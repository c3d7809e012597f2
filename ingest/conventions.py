"""The conventions that differ between councils' papers, read from data.

`ingest/conventions.toml` is the default and documents the format; a corpus may add its
own `conventions.toml` beside its papers. Lists are appended to the defaults, tables are
merged key by key, and a top-level ``replace = ["words.stop", ...]`` drops a default before
the corpus's own value is used. Nothing here names a council: they are all in data.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.errors import CspError

DEFAULT_PATH = Path(__file__).with_name("conventions.toml")
FILE_NAME = "conventions.toml"


class ConventionsInvalid(CspError):
    """A conventions.toml that is not valid TOML or holds a bad pattern."""


@dataclass(frozen=True)
class Conventions:
    stop: frozenset[str]
    question: frozenset[str]
    partnership_words: frozenset[str]
    figure: frozenset[str]
    decision: frozenset[str]
    rank_high: frozenset[str]
    rank_low: frozenset[str]
    rank_rise: frozenset[str]
    rank_fall: frozenset[str]
    total_rows: frozenset[str]
    continues: frozenset[str]
    row_generic: frozenset[str]
    synonyms: tuple[tuple[re.Pattern[str], str], ...]
    partnership_names: tuple[re.Pattern[str], ...]
    not_places: frozenset[str]
    title_fields: tuple[str, ...]
    running_header_share: float
    table_intro: tuple[re.Pattern[str], ...]
    cover_fields: tuple[str, ...]
    vice_chair_roles: tuple[str, ...]
    person_titles: tuple[str, ...]
    preamble: tuple[re.Pattern[str], ...] = ()
    not_ranking: tuple[re.Pattern[str], ...] = ()
    bodies: frozenset[str] = frozenset()
    measure_heads: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    no_change: tuple[str, ...] = ()
    pointers: tuple[re.Pattern[str], ...] = ()
    future_holder: tuple[str, ...] = ()
    kinds: tuple[tuple[str, str], ...] = ()
    position_worst: frozenset[str] = frozenset()
    furniture: tuple[re.Pattern[str], ...] = ()

    def rewrite(self, text: str) -> str:
        """``text`` (lower case) with each synonym replaced by its common form."""
        for pattern, common in self.synonyms:
            text = pattern.sub(common, text)
        return text


def _merge(base: dict, extra: dict, prefix: str = "") -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value, f"{prefix}{key}.")
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        elif isinstance(value, str) and key in _WORD_LISTS.get(prefix.rstrip("."), ()):
            out[key] = f"{out.get(key, '')} {value}"
        else:
            out[key] = value
    return out


_WORD_LISTS = {
    "words": (
        "stop", "question", "partnership", "figure", "decision",
        "rank_high", "rank_low", "rank_rise", "rank_fall", "total_rows", "continues", "row_generic",
        "position_worst",
    ),
    "partnership": ("not_places",),
}


def _drop(data: dict, dotted: str) -> None:
    *path, last = dotted.split(".")
    for key in path:
        data = data.get(key, {})
    data.pop(last, None)


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConventionsInvalid(f"{path}: {exc}") from exc


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConventionsInvalid(f"{where}: {pattern!r} is not a valid pattern ({exc})") from exc


def data_for(corpus_dir: Path | None = None) -> dict:
    """The default file's data with the corpus's own ``conventions.toml`` merged in (its
    ``replace`` list dropping defaults first): what every section is read from."""
    data = _read(DEFAULT_PATH)
    own = Path(corpus_dir) / FILE_NAME if corpus_dir else None
    if own and own.exists():
        extra = _read(own)
        for dotted in extra.pop("replace", []):
            _drop(data, dotted)
        data = _merge(data, extra)
    return data


@lru_cache(maxsize=8)
def load(corpus_dir: Path | None = None) -> Conventions:
    """The default conventions, with the corpus's own ``conventions.toml`` added."""
    data = data_for(corpus_dir)
    words = data.get("words", {})
    docs = data.get("documents", {})
    roles = data.get("roles", {})
    part = data.get("partnership", {})
    asked = data.get("questions", {})
    return Conventions(
        stop=_word_set(words.get("stop", "")),
        question=_word_set(words.get("question", "")),
        partnership_words=_word_set(words.get("partnership", "")),
        figure=_word_set(words.get("figure", "")),
        decision=_word_set(words.get("decision", "")),
        rank_high=_word_set(words.get("rank_high", "")),
        rank_low=_word_set(words.get("rank_low", "")),
        position_worst=_word_set(words.get("position_worst", "")),
        rank_rise=_word_set(words.get("rank_rise", "")),
        rank_fall=_word_set(words.get("rank_fall", "")),
        total_rows=_word_set(words.get("total_rows", "")),
        continues=_word_set(words.get("continues", "")),
        row_generic=_word_set(words.get("row_generic", "")),
        synonyms=tuple(
            (_compile(s["pattern"], "synonyms"), s["as"]) for s in data.get("synonyms", [])
        ),
        partnership_names=tuple(
            _compile(p, "partnership.names") for p in part.get("names", [])
        ),
        not_places=_word_set(part.get("not_places", "")),
        measure_heads=_word_set(words.get("measure_heads", "")),
        count_nouns=_word_set(words.get("count_nouns", "")),
        no_change=tuple(p.lower() for p in words.get("no_change", ())),
        title_fields=tuple(docs.get("title_fields", ())),
        kinds=tuple((str(w).lower(), str(k)) for w, k in docs.get("kinds", ())),
        furniture=tuple(
            _compile(f"(?i){p}", "documents.furniture") for p in docs.get("furniture", ())
        ),
        running_header_share=float(docs.get("running_header_share", 0.5)),
        cover_fields=tuple(sorted(docs.get("cover_fields", ()), key=len, reverse=True)),
        table_intro=tuple(
            _compile(f"(?i){p}", "documents.table_intro") for p in docs.get("table_intro", ())
        ),
        pointers=tuple(
            _compile(f"(?i){p}", "documents.pointers") for p in docs.get("pointers", ())
        ),
        vice_chair_roles=tuple(roles.get("vice_chair", ())),
        person_titles=tuple(sorted(roles.get("person_titles", ()), key=len, reverse=True)),
        bodies=_word_set(roles.get("bodies", "")),
        future_holder=tuple(roles.get("future_holder", ())),
        preamble=tuple(
            _compile(f"(?i){p}", "questions.preamble") for p in asked.get("preamble", ())
        ),
        not_ranking=tuple(
            _compile(f"(?i){p}", "questions.not_ranking") for p in asked.get("not_ranking", ())
        ),
    )


def key() -> str:
    """The configured conventions as data, in a stable form: what a cache of work that
    depends on them is keyed by (a repr of their sets changes order from one process to
    the next, so a cache keyed on it never hit across two runs)."""
    folder = corpus_dir(os.environ.get("CSP_CORPUS_DIR"))
    return json.dumps(data_for(folder), sort_keys=True, default=str)


def current() -> Conventions:
    """The conventions for the configured corpus (``CSP_CORPUS_DIR``). Called for every
    word the answering side looks up, so the settings are read once per corpus folder
    (building them each time was most of a cold figure answer)."""
    return load(corpus_dir(os.environ.get("CSP_CORPUS_DIR")))


@lru_cache(maxsize=8)
def corpus_dir(_corpus_env: str | None = None) -> Path:
    """The configured corpus folder, resolved once per ``CSP_CORPUS_DIR`` value (building
    the settings for every word looked up was most of a cold answer)."""
    from ingest.settings import Settings

    return Settings().corpus_dir.resolve()
