"""The optional LLM: any OpenAI-compatible server (Ollama, vLLM, llama.cpp) set by
``CSP_LLM_BASE_URL`` and ``CSP_LLM_MODEL``. It only rewords the extractive answer's
quotations; its reply is kept only if every [n] it cites exists and every figure it states
is printed in those quotations. Otherwise the extractive answer stands: exact beats fluent.
`stream` gives the reply piece by piece for the chat (`assistant.stream` keeps the deadlines
and runs the same checks on the whole reply).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from assistant.prompts import render
from ingest.errors import LlmError
from ingest.settings import Settings
from ingest.types import Answer

NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?")
MARKER = re.compile(r"\[(\d+)\]")
SLOW = "it was too slow"  # why a reply was dropped, as the chat's notice says it
DECLINED = "The documents don't cover this"  # the prompt's words for "no answer here"


class ChatModel(Protocol):
    def complete(self, prompt: str) -> str: ...


class OpenAICompatibleChat:
    """LangChain's ChatOpenAI pointed at a local server: `complete` for the whole reply,
    `stream` for its pieces as they arrive (no retry: the chat has deadlines to keep)."""

    def __init__(self, settings: Settings, timeout: float | None = None) -> None:
        from langchain_openai import ChatOpenAI

        if not settings.llm_base_url or not settings.llm_model:
            raise LlmError("set both CSP_LLM_BASE_URL and CSP_LLM_MODEL to use an LLM")
        options = {
            "base_url": settings.llm_base_url,
            "model": settings.llm_model,
            "api_key": settings.llm_api_key,
            "temperature": 0,
            "timeout": timeout or settings.llm_timeout,
        }
        self.chat = ChatOpenAI(**options, max_retries=1)
        self.streaming = ChatOpenAI(**options, max_retries=0)

    def complete(self, prompt: str) -> str:
        import openai

        try:
            return str(self.chat.invoke(prompt).content)
        except openai.APIError as exc:
            raise LlmError(f"the LLM server did not answer: {exc}") from exc

    def stream(self, prompt: str) -> Iterator[str]:
        """The reply's text piece by piece; a failure is an `LlmError` saying briefly why."""
        import httpx
        import openai

        try:
            for chunk in self.streaming.stream(prompt):
                if isinstance(chunk.content, str):
                    yield chunk.content
        except openai.APITimeoutError as exc:
            raise LlmError(SLOW) from exc
        except openai.APIConnectionError as exc:
            raise LlmError("the server could not be reached") from exc
        except openai.APIStatusError as exc:
            raise LlmError(f"the server replied with error {exc.status_code}") from exc
        except (openai.APIError, httpx.HTTPError) as exc:
            raise LlmError(f"the server's reply broke off: {type(exc).__name__}") from exc


def _figures(text: str) -> set[str]:
    return {n.replace(",", "").lstrip("£").rstrip("%") for n in NUMBER.findall(text)}


def grounded(reply: str, answer: Answer) -> bool:
    """Every marker names a citation, and every figure appears in the quotations."""
    numbers = {c.n for c in answer.citations}
    markers = {int(m) for m in MARKER.findall(reply)}
    if not markers or not markers <= numbers:
        return False
    quoted = _figures(" ".join(c.quote for c in answer.citations) + " " + answer.text)
    stated = _figures(MARKER.sub("", reply))
    return stated <= quoted


def prompt_for(question: str, answer: Answer) -> str:
    """The prompt asking to reword ``answer`` from its numbered quotations."""
    quotations = "\n".join(f"[{c.n}] {c.quote}" for c in answer.citations)
    return render("answer", question=question, quotations=quotations)


def accepted(reply: str, answer: Answer) -> bool:
    """The LLM's reply may be shown instead of ``answer``: it does not decline, and it
    keeps to the quotations (`grounded`)."""
    return not reply.startswith(DECLINED) and grounded(reply, answer)


def reword(question: str, answer: Answer, model: ChatModel) -> Answer:
    if not answer.covered or not answer.citations:
        return answer
    reply = model.complete(prompt_for(question, answer)).strip()
    if not accepted(reply, answer):
        return answer
    return Answer(reply, answer.citations, covered=True)
