"""The optional LLM's reply streamed into the chat, within deadlines, and checked at the end.

The grounded (extractive) answer comes first. When an LLM is configured its rewording is
passed on piece by piece as it arrives; once complete it must pass the checks of
`assistant.llm.accepted` (every [n] exists, every figure is printed in the quotations).
If it fails them, or the server fails, or its first words (or a later pause) take longer
than ``first_token`` seconds, or the whole reply longer than ``total``, the grounded answer
replaces the streamed text, with a notice saying why. The server is read in a worker thread,
so a stalled server cannot hold the chat past the deadlines.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from assistant.llm import SLOW, accepted, prompt_for
from ingest.errors import LlmError
from ingest.types import Answer

NOTICE_REFUSED = (
    "The language model's wording was not used: it stated something the quoted papers "
    "do not print. This is the answer quoted from the papers."
)
NOTICE_FAILED = (
    "The language model did not answer ({reason}). This is the answer quoted from the papers."
)


class StreamingChat(Protocol):
    def stream(self, prompt: str) -> Iterator[str]: ...


@dataclass(frozen=True)
class Update:
    """One step of an answer being shown. ``text`` is the reply so far; ``sources`` is the
    grounded answer, whose citations the sources panel shows throughout. The last update
    has ``final``: the answer to show (the LLM's when it passed the checks, else the
    grounded one) and, when the LLM's reply was dropped, a ``notice`` saying why."""

    text: str
    sources: Answer
    final: Answer | None = None
    notice: str = ""


def grounded_only(answer: Answer) -> Iterator[Update]:
    yield Update(answer.text, answer, final=answer)


def streamed(
    question: str,
    answer: Answer,
    model: StreamingChat | None,
    first_token: float,
    total: float,
) -> Iterator[Update]:
    """The updates for ``answer`` (already grounded), reworded by ``model`` if there is one
    and the answer has quotations to reword."""
    if model is None or not answer.covered or not answer.citations:
        yield from grounded_only(answer)
        return
    yield Update("", answer)  # the sources are known; the wording is on its way
    pieces = _Reader(model, prompt_for(question, answer))
    started = time.monotonic()
    last = started
    reply = ""
    try:
        while True:
            now = time.monotonic()
            wait = min(last + first_token, started + total) - now
            kind, value = pieces.next(max(wait, 0.0))
            if kind == "timeout":
                yield _fallback(answer, NOTICE_FAILED.format(reason=SLOW))
                return
            if kind == "error":
                yield _fallback(answer, NOTICE_FAILED.format(reason=value))
                return
            if kind == "end":
                break
            if value:
                reply += value
                last = time.monotonic()
                yield Update(reply, answer)
    finally:
        pieces.stop()
    reply = reply.strip()
    if not accepted(reply, answer):
        yield _fallback(answer, NOTICE_REFUSED)
        return
    yield Update(reply, answer, final=Answer(reply, answer.citations, covered=True))


def streaming(model: object | None) -> StreamingChat | None:
    """``model`` as a `StreamingChat`: a model that can only `complete` gives its whole
    reply as one piece (still within the deadlines, still checked)."""
    if model is None or callable(getattr(model, "stream", None)):
        return model  # type: ignore[return-value]
    return _Whole(model)


class _Whole:
    def __init__(self, model) -> None:
        self.model = model

    def stream(self, prompt: str) -> Iterator[str]:
        yield self.model.complete(prompt)


def final_answer(updates: Iterator[Update]) -> Answer:
    """The answer the last update settles on (for callers that do not stream)."""
    for update in updates:
        if update.final is not None:
            return update.final
    raise RuntimeError("an answer stream ended without a final answer")


def _fallback(answer: Answer, notice: str) -> Update:
    return Update(answer.text, answer, final=answer, notice=notice)


class _Reader:
    """The model's pieces read in a daemon thread into a queue, so the caller can wait for
    the next one with a deadline. After `stop`, the thread drops whatever still arrives and
    ends at its next piece (or when the HTTP client's own timeout ends the request)."""

    def __init__(self, model: StreamingChat, prompt: str) -> None:
        self._queue: queue.Queue[tuple[str, str]] = queue.Queue()
        self._stopped = threading.Event()
        threading.Thread(target=self._read, args=(model, prompt), daemon=True).start()

    def _read(self, model: StreamingChat, prompt: str) -> None:
        try:
            for piece in model.stream(prompt):
                if self._stopped.is_set():
                    return
                self._queue.put(("piece", piece))
        except LlmError as err:
            self._queue.put(("error", str(err)))
            return
        self._queue.put(("end", ""))

    def next(self, timeout: float) -> tuple[str, str]:
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return "timeout", ""

    def stop(self) -> None:
        self._stopped.set()
