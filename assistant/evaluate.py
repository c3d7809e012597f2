"""Scoring the assistant against a file of questions (`python -m assistant eval`).

A question (one JSON line, as in tests/data/dev_questions.jsonl) has an ``id``, the
``question``, its ``kind``, ``must`` (strings a right answer contains; ``a|b`` means
either) and ``evidence`` (``{"docs": [...], "text": ...}``: where the answer is printed);
optionally a ``split`` (tune, holdout) and a ``source``. A question with neither ``must``
nor ``evidence`` is unanswerable: it is right when the answer says the documents don't
cover it (``covered`` False).

Everything here but `collect` and `eval_data_dir` is a pure function of plain data, so the
matching rules and the arithmetic are tested without a model.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

from ingest.errors import CspError

if TYPE_CHECKING:
    from assistant.engine import Assistant

K = 5  # evidence is looked for in the top K passages of a search
FIRST_CHARS = 600  # what a reader sees of an answer before scrolling
ANSWER_PREVIEW = 200
NGRAM, NGRAM_SHARE = 3, 0.8  # as bench/compare_langchain.py: evidence split across chunks
NO_SPLIT = "none"

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "`": "'",
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
    }
)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # 1,495 / 11,861.15 / 1,234,567
_SPACE = re.compile(r"\s+")


class QuestionsInvalid(CspError):
    """A questions file that cannot be scored: ``problems`` has one line for each fault."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


# --- the questions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    kind: str = ""
    must: tuple[str, ...] = ()
    evidence: tuple[dict, ...] = ()
    split: str = NO_SPLIT

    @property
    def answerable(self) -> bool:
        return bool(self.must or self.evidence)

    @property
    def evidence_docs(self) -> set[str]:
        return {d for e in self.evidence for d in e["docs"]}


def json_object(line: str) -> dict:
    """One JSON line that must hold an object; ValueError says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"not valid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    return record


def parse_question(line: str) -> Question:
    """One JSON line as a Question; ValueError says what is wrong with it."""
    record = json_object(line)
    for name in ("id", "question"):
        if not isinstance(record.get(name), str) or not record[name].strip():
            raise ValueError(f'"{name}" must be non-empty text')
    for name in ("must", "evidence"):
        if not isinstance(record.get(name), list):
            raise ValueError(f'"{name}" must be a list (empty for an unanswerable question)')
    if not all(isinstance(m, str) and m.strip() for m in record["must"]):
        raise ValueError('every "must" item must be non-empty text')
    for e in record["evidence"]:
        if not (
            isinstance(e, dict)
            and isinstance(e.get("text"), str)
            and e["text"].strip()
            and isinstance(e.get("docs"), list)
            and e["docs"]
            and all(isinstance(d, str) for d in e["docs"])
        ):
            raise ValueError('every "evidence" item must be {"docs": [names], "text": "..."}')
    for name in ("kind", "split"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ValueError(f'"{name}" must be text')
    return Question(
        id=record["id"],
        question=record["question"].strip(),
        kind=record.get("kind") or "",
        must=tuple(record["must"]),
        evidence=tuple(record["evidence"]),
        split=record.get("split") or NO_SPLIT,
    )


def parse_questions(named_texts: Iterable[tuple[str, str]]) -> list[Question]:
    """The questions of each (name, text) in turn, or QuestionsInvalid naming every bad
    line (and every repeated id) by file and line number."""
    named_texts = list(named_texts)
    out: list[Question] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for name, text in named_texts:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{name}, line {number}"
            try:
                q = parse_question(line)
            except ValueError as err:
                problems.append(f"{where}: {err}")
                continue
            if q.id in seen:
                problems.append(f"{where}: id {q.id!r} repeats {seen[q.id]}")
                continue
            seen[q.id] = where
            out.append(q)
    if not problems and not out:
        problems.append("no questions in " + ", ".join(name for name, _ in named_texts))
    if problems:
        raise QuestionsInvalid(problems)
    return out


def read_questions(paths: list[Path]) -> list[Question]:
    named = []
    for p in paths:
        try:
            named.append((str(p), p.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise QuestionsInvalid([f"cannot read {p}: {err}"]) from None
    return parse_questions(named)


# --- matching -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """For `must` matching: case, runs of whitespace, curly or straight quotes and
    thousands separators (1,495 = 1495) make no difference."""
    text = _THOUSANDS.sub("", text.translate(_QUOTES))
    return _SPACE.sub(" ", text).strip().casefold()


def contains(item: str, text: str) -> bool:
    """Whether ``text`` holds ``item``, or one of its ``|``-separated alternatives."""
    have = normalise(text)
    return any(normalise(alt) in have for alt in item.split("|") if alt.strip())


def missing(must: Iterable[str], text: str) -> list[str]:
    """The `must` items ``text`` does not hold."""
    return [m for m in must if not contains(m, text)]


def evidence_norm(text: str) -> str:
    """For evidence matching, as the benchmark does: lower case, whitespace as one space."""
    return _SPACE.sub(" ", text).strip().lower()


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < NGRAM:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + NGRAM]) for i in range(len(words) - NGRAM + 1)}


def holds_evidence(evidence: Iterable[dict], source: str, text: str) -> bool:
    """Whether one passage (from ``source``) holds one evidence item: it comes from one of
    the item's docs and has its text, after `evidence_norm`, as a substring or (split
    across a chunk boundary) with at least 80% of its word 3-grams. The same rule as
    `evidence_found` in bench/compare_langchain.py, so the figures compare."""
    have = evidence_norm(text)
    for ev in evidence:
        if Path(source).name not in ev["docs"]:
            continue
        want = evidence_norm(ev["text"])
        if want in have:
            return True
        want_grams = _grams(want.split())
        if len(want_grams & _grams(have.split())) >= NGRAM_SHARE * len(want_grams) > 0:
            return True
    return False


def evidence_rank(evidence: Iterable[dict], hits: Iterable[tuple[str, str]], k: int = K) -> int:
    """1-based rank of the first of the top ``k`` (source, text) hits holding evidence;
    0 when none does."""
    evidence = list(evidence)
    for rank, (source, text) in enumerate(list(hits)[:k], start=1):
        if holds_evidence(evidence, source, text):
            return rank
    return 0


# --- one question's score -----------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    id: str
    split: str
    kind: str
    question: str
    answerable: bool
    answer: str
    covered: bool
    cited: tuple[str, ...]
    ms: float
    missing: tuple[str, ...] = ()  # must items not in the answer
    missing_first600: tuple[str, ...] = ()  # must items not in its first 600 characters
    cites_evidence: bool = False
    evidence_rank: int = 0  # 0: no top-5 hit holds the evidence
    right: bool = False
    first600: bool = False
    problems: tuple[str, ...] = field(default=())
    checks: dict[str, float] | None = None  # the answer gate's features (assistant.gate)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for name in ("cited", "missing", "missing_first600", "problems"):
            out[name] = list(out[name])
        out["ms"] = round(self.ms, 1)
        return out


def score(
    q: Question,
    answer: str,
    covered: bool,
    cited: Iterable[str],
    hits: Iterable[tuple[str, str]],
    ms: float,
) -> Score:
    """How one answer (its text, coverage flag and cited sources) and one search (the
    (source, text) of its hits, best first) did on question ``q``."""
    cited = tuple(dict.fromkeys(Path(s).name for s in cited))
    base = dict(
        id=q.id,
        split=q.split,
        kind=q.kind,
        question=q.question,
        answerable=q.answerable,
        answer=answer,
        covered=covered,
        cited=cited,
        ms=ms,
    )
    if not q.answerable:
        declined = not covered
        problems = () if declined else ("answered, though the documents don't cover it",)
        return Score(**base, right=declined, first600=False, problems=problems)
    absent = tuple(missing(q.must, answer))
    late = tuple(missing(q.must, answer[:FIRST_CHARS]))
    cites = bool(set(cited) & q.evidence_docs)
    rank = evidence_rank(q.evidence, hits)
    problems = []
    if not covered:
        problems.append("declined")
    if absent:
        problems.append("missing " + ", ".join(_show(m) for m in absent))
    late_only = [m for m in late if m not in absent]
    if late_only:
        problems.append(
            f"not in the first {FIRST_CHARS} chars: " + ", ".join(_show(m) for m in late_only)
        )
    if not cites:
        problems.append("no evidence doc cited")
    if not rank:
        problems.append(f"evidence not in top {K}")
    return Score(
        **base,
        missing=absent,
        missing_first600=late,
        cites_evidence=cites,
        evidence_rank=rank,
        right=not absent,
        first600=not late,
        problems=tuple(problems),
    )


def _show(item: str) -> str:
    return json.dumps(item, ensure_ascii=False)


# --- metrics ------------------------------------------------------------------------------


class Share(NamedTuple):
    count: int
    of: int

    @property
    def value(self) -> float | None:
        return self.count / self.of if self.of else None

    def as_dict(self) -> dict[str, Any]:
        value = self.value
        share = None if value is None else round(value, 4)
        return {"count": self.count, "of": self.of, "share": share}


def percentile(values: Iterable[float], p: float) -> float | None:
    """The ``p``-th percentile, interpolated between closest ranks (as
    ``statistics.quantiles(method="inclusive")``); None for no values."""
    xs = sorted(values)
    if not xs:
        return None
    pos = (len(xs) - 1) * p / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def metrics(scores: list[Score]) -> dict[str, Any]:
    """The figures for one group of questions. Shares are over answerable questions except
    ``right`` (all questions: answerable ones right plus unanswerable ones declined) and
    ``declined`` (unanswerable ones); MRR is the mean over answerable questions of 1/rank
    of the first top-5 hit holding the evidence (0 when none does)."""
    answerable = [s for s in scores if s.answerable]
    unanswerable = [s for s in scores if not s.answerable]
    latencies = [s.ms for s in scores]
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    return {
        "n": len(scores),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "right": Share(sum(s.right for s in scores), len(scores)),
        "answerable_right": Share(sum(s.right for s in answerable), len(answerable)),
        "declined": Share(sum(s.right for s in unanswerable), len(unanswerable)),
        "first600": Share(sum(s.first600 for s in answerable), len(answerable)),
        "cites_evidence": Share(sum(s.cites_evidence for s in answerable), len(answerable)),
        "evidence_at_5": Share(sum(bool(s.evidence_rank) for s in answerable), len(answerable)),
        "mrr": (
            sum(1 / s.evidence_rank for s in answerable if s.evidence_rank) / len(answerable)
            if answerable
            else None
        ),
        "latency_p50_ms": p50,
        "latency_p95_ms": p95,
    }


def breakdown(scores: list[Score]) -> dict[str, Any]:
    """Metrics overall, by split and by kind (groups in order of first appearance)."""
    return {
        "all": metrics(scores),
        "split": {
            name: metrics([s for s in scores if s.split == name])
            for name in dict.fromkeys(s.split for s in scores)
        },
        "kind": {
            name: metrics([s for s in scores if s.kind == name])
            for name in dict.fromkeys(s.kind for s in scores)
        },
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, Share):
        return value.as_dict()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 4)
    return value


def as_json(scores: list[Score], **about: Any) -> dict[str, Any]:
    """One object: ``about`` (files, index), the metrics, and every question's score."""
    return {
        **about,
        "metrics": _jsonable(breakdown(scores)),
        "questions": [s.as_dict() for s in scores],
    }


# --- the text report ----------------------------------------------------------------------

COLUMNS = (
    ("right", "right"),
    ("answerable_right", "answerable"),
    ("declined", "declined"),
    ("first600", "first600"),
    ("cites_evidence", "cites ev"),
    ("evidence_at_5", "ev@5"),
)


def _cell(value: Share | float | None, digits: int = 0) -> str:
    if isinstance(value, Share):
        if not value.of:
            return "-"
        return f"{100 * value.count / value.of:.0f}% {value.count}/{value.of}"
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def table(scores: list[Score]) -> str:
    """The metrics as plain aligned text: one row overall, then by split, then by kind."""
    groups = breakdown(scores)
    rows = [("all", groups["all"])]
    rows += [(f"split {name}", m) for name, m in groups["split"].items()]
    rows += [(f"kind {name or '(none)'}", m) for name, m in groups["kind"].items()]
    header = ["", "n", *(label for _, label in COLUMNS), "MRR", "p50 ms", "p95 ms"]
    body = [
        [
            label,
            str(m["n"]),
            *(_cell(m[key]) for key, _ in COLUMNS),
            _cell(m["mrr"], 2),
            _cell(m["latency_p50_ms"]),
            _cell(m["latency_p95_ms"]),
        ]
        for label, m in rows
    ]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:]))
        return "  ".join([first, *rest]).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in body]
    return "\n".join(out)


def failures(scores: list[Score]) -> list[str]:
    """One line for each question that fails a check: id, split, what fell short, and the
    first 200 characters of the answer on one line."""
    out = []
    for s in scores:
        if not s.problems:
            continue
        preview = _SPACE.sub(" ", s.answer).strip()
        if len(preview) > ANSWER_PREVIEW:
            preview = preview[:ANSWER_PREVIEW].rstrip() + "…"
        verdict = "right" if s.right else "WRONG"
        out.append(f"{s.id} [{s.split}] {verdict}: {'; '.join(s.problems)} | {preview}")
    return out


def report(scores: list[Score], heading: str = "") -> str:
    """The table, then the questions that fail a check."""
    parts = [heading] if heading else []
    parts.append(table(scores))
    lines = failures(scores)
    if lines:
        parts.append(f"\n{len(lines)} question(s) failing a check:")
        parts.extend(lines)
    else:
        parts.append("\nEvery question passed every check.")
    return "\n".join(parts)


# --- running the assistant (not pure: used by the CLI) ------------------------------------


def collect(
    assistant: Assistant, questions: list[Question], clock=time.perf_counter
) -> list[Score]:
    """Ask every question (timed) and search it (top 5), and score each. One untimed
    question first, so the model load is not counted as a question's latency."""
    if questions:
        assistant.ask(questions[0].question)
    out = []
    for q in questions:
        started = clock()
        answer = assistant.ask(q.question)
        ms = (clock() - started) * 1000
        hits = [(h.chunk.source, h.chunk.text) for h in assistant.passages_for(q.question, k=K)]
        scored = score(
            q, answer.text, answer.covered, [c.source for c in answer.citations], hits, ms
        )
        out.append(replace(scored, checks=answer.checks))
    return out


def eval_data_dir(data_dir: Path, paths: list[Path]) -> Path:
    """``data_dir/eval/<hash>``: the hash of the paths given (resolved, sorted) and of every
    file under them (its path and bytes; hidden files left out), so the same papers reuse
    one index and changed papers get another."""
    digest = hashlib.sha256()
    for given in sorted({p.resolve() for p in paths}):
        digest.update(f"path\0{given}\0".encode())
        files = (
            sorted(
                f
                for f in given.rglob("*")
                if f.is_file() and not any(x.startswith(".") for x in f.relative_to(given).parts)
            )
            if given.is_dir()
            else [given]
        )
        for f in files:
            digest.update(f"file\0{f.relative_to(given) if f != given else f.name}\0".encode())
            digest.update(hashlib.sha256(f.read_bytes()).digest())
    return data_dir / "eval" / digest.hexdigest()[:16]
