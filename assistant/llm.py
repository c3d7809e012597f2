"""The optional LLM: any OpenAI-compatible server (Ollama, vLLM, llama.cpp) set by
``CSP_LLM_BASE_URL`` and ``CSP_LLM_MODEL``. It only rewords the extractive answer's
quotations; its reply is kept only if every [n] it cites exists and every figure it states
is printed in those quotations. Otherwise the extractive answer stands: exact beats fluent.
"""

from __future__ import annotations

import re
from typing import Protocol

from assistant.prompts import render
from ingest.errors import LlmError
from ingest.settings import Settings
from ingest.types import Answer

NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?")
MARKER = re.compile(r"\[(\d+)\]")


class ChatModel(Protocol):
    def complete(self, prompt: str) -> str: ...


class OpenAICompatibleChat:
    """LangChain's ChatOpenAI pointed at a local server."""

    def __init__(self, settings: Settings, timeout: float = 60.0) -> None:
        from langchain_openai import ChatOpenAI

        if not settings.llm_base_url or not settings.llm_model:
            raise LlmError("set both CSP_LLM_BASE_URL and CSP_LLM_MODEL to use an LLM")
        self.chat = ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key,
            temperature=0,
            timeout=timeout,
            max_retries=1,
        )

    def complete(self, prompt: str) -> str:
        import openai

        try:
            return str(self.chat.invoke(prompt).content)
        except openai.APIError as exc:
            raise LlmError(f"the LLM server did not answer: {exc}") from exc


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


def reword(question: str, answer: Answer, model: ChatModel) -> Answer:
    if not answer.covered or not answer.citations:
        return answer
    quotations = "\n".join(f"[{c.n}] {c.quote}" for c in answer.citations)
    reply = model.complete(render("answer", question=question, quotations=quotations)).strip()
    if reply.startswith("The documents don't cover this") or not grounded(reply, answer):
        return answer
    return Answer(reply, answer.citations, covered=True)
