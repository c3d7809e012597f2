"""Fitting the answer gate (`assistant.gate`) on questions whose right answers are known.

``python -m assistant eval FILES --corpus ... --json --no-gate`` records, for every answer
given, the gate's features (``checks``) and whether the answer was right. This module fits
a logistic model on those records: an answer is "good" when it contains every expected
string, "bad" when the question is unanswerable or the answer misses what was asked (a
wrong answer withheld is a gain: "the documents don't cover this" beats a guess). The
threshold is chosen on cross-validated probabilities (each fold scored by a model that
never saw it), so the figures it reports are what a new set can expect, not what the
training set allows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from assistant.gate import FEATURES, Gate

# What a withheld answer is worth: an unanswerable question declined is a right answer; a
# wrong one withheld is worth less (the reader is spared a wrong figure, but still has no
# answer); a right one withheld is a right answer lost.
GAIN_UNANSWERABLE = 1.0
GAIN_WRONG = 0.3
LOSS_RIGHT = 1.0
FOLDS = 5
SEEDS = 5  # the folds drawn this many ways: one draw's threshold is noise
VETO_MIN = 5  # a check with no right answer among this many firings withholds alone
REGULARISATION = 0.05  # inverse strength (scikit-learn's C): a few hundred answers, 30 features


@dataclass(frozen=True)
class Record:
    values: dict[str, float]
    good: bool
    unanswerable: bool


def records(paths: list[Path]) -> list[Record]:
    """Every given answer in the eval JSON files that carries the gate's features."""
    out = []
    for path in paths:
        for q in json.loads(path.read_text(encoding="utf-8"))["questions"]:
            if not q.get("covered") or "cover" not in (q.get("checks") or {}):
                continue  # declined, or read from a register or table (not gated)
            out.append(
                Record(
                    q["checks"],
                    good=bool(q["answerable"] and q["right"]),
                    unanswerable=not q["answerable"],
                )
            )
    return out


def _matrix(rows: list[Record]):
    import numpy as np

    return np.array([[r.values.get(f, 0.0) for f in FEATURES] for r in rows]), np.array(
        [r.good for r in rows]
    )


def _fit(x, y):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=REGULARISATION, max_iter=1000).fit(scaler.transform(x), y)
    return scaler, model


def _vetoes(x, y) -> list[int]:
    """The yes/no checks that, whenever they fired, never fired on a right answer (at least
    ``VETO_MIN`` times): "what did the review find?" answered by a review still to come.
    A logistic model shrinks such a rare check's weight; a veto lets it decide."""
    out = []
    for k, name in enumerate(FEATURES):
        column = x[:, k]
        if name.startswith("kind:") or not set(column.tolist()) <= {0.0, 1.0}:
            continue
        fired = column >= 0.5
        if fired.sum() >= VETO_MIN and not y[fired].any():
            out.append(k)
    return out


def _cross_validated(x, y, seed: int):
    """Each answer's probability from a model (and vetoes) fitted without its fold."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(y))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(x, y):
        scaler, model = _fit(x[train], y[train])
        out[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
        for k in _vetoes(x[train], y[train]):
            out[test[x[test, k] >= 0.5]] = 0.0
    return out


def outcome(rows: list[Record], probabilities, threshold: float) -> dict[str, float]:
    """What withholding every answer below ``threshold`` does."""
    held = [r for r, p in zip(rows, probabilities) if p < threshold]
    unanswerable = sum(r.unanswerable for r in held)
    wrong = sum(not r.good and not r.unanswerable for r in held)
    lost = sum(r.good for r in held)
    return {
        "threshold": round(threshold, 3),
        "withheld": len(held),
        "unanswerable_declined": unanswerable,
        "unanswerable_given": sum(r.unanswerable for r in rows),
        "wrong_withheld": wrong,
        "wrong_given": sum(not r.good and not r.unanswerable for r in rows),
        "right_lost": lost,
        "right_given": sum(r.good for r in rows),
        "gain": GAIN_UNANSWERABLE * unanswerable + GAIN_WRONG * wrong - LOSS_RIGHT * lost,
    }


def best_threshold(rows: list[Record], draws: list) -> dict[str, float]:
    """The threshold of the best mean gain over the draws of cross-validated
    probabilities, with that mean outcome."""
    candidates = [k / 100 for k in range(100)]

    def mean(t: float) -> dict[str, float]:
        outcomes = [outcome(rows, p, t) for p in draws]
        return {key: round(sum(o[key] for o in outcomes) / len(outcomes), 2) for key in outcomes[0]}

    means = [mean(t) for t in candidates]
    best = max(means, key=lambda o: (o["gain"], -o["threshold"]))
    # the one-standard-error rule: the lowest threshold whose gain is within the draws'
    # noise of the best (the gain curve is flat near its top; withhold no more than needed)
    gains = [outcome(rows, p, best["threshold"])["gain"] for p in draws]
    spread = (sum((g - best["gain"]) ** 2 for g in gains) / max(1, len(gains) - 1)) ** 0.5
    noise = spread / max(1, len(gains)) ** 0.5
    near = [o for o in means if o["gain"] >= best["gain"] - noise]
    return min(near, key=lambda o: o["threshold"])


def fit(paths: list[Path]) -> tuple[Gate, dict]:
    """The gate fitted on every record, its threshold chosen on cross-validated
    probabilities, and that choice's outcome (the estimate for unseen questions)."""
    rows = records(paths)
    if len(rows) < 2 * FOLDS or len({r.good for r in rows}) < 2:
        raise ValueError("too few answers with features to fit the gate")
    x, y = _matrix(rows)
    chosen = best_threshold(rows, [_cross_validated(x, y, seed) for seed in range(SEEDS)])
    scaler, model = _fit(x, y)
    gate = Gate(
        mean={f: float(m) for f, m in zip(FEATURES, scaler.mean_)},
        scale={f: float(s) for f, s in zip(FEATURES, scaler.scale_)},
        weights={f: float(w) for f, w in zip(FEATURES, model.coef_[0])},
        bias=float(model.intercept_[0]),
        threshold=float(chosen["threshold"]),
        vetoes=tuple(FEATURES[k] for k in _vetoes(x, y)),
    )
    return gate, chosen
