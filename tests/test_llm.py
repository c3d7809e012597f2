"""The optional LLM path against a real local OpenAI-compatible stub server: a grounded
reply is used; a reply with a figure the quotations don't print, or a server that fails,
leaves the extractive answer standing. Every prompt renders."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.llm import OpenAICompatibleChat, grounded, reword
from assistant.prompts import PROMPTS_DIR, MissingVariables, placeholders, render
from ingest.errors import LlmError
from ingest.settings import Settings
from ingest.types import Answer, Citation

ANSWER = Answer(
    "Table 1: “Shoplifting — Performance to Date: +43%; 515; 736” [1]",
    (
        Citation(
            1,
            "sa.md",
            "Strategic Assessment",
            "Table 1",
            None,
            "2023-12-05",
            "Shoplifting\t+43%\t515\t736\t+221\t6/15 ↔",
        ),
    ),
)


class Stub(BaseHTTPRequestHandler):
    reply = ""
    prompts: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Stub.prompts.append(body["messages"][-1]["content"])
        if Stub.reply == "500":
            self.send_response(500)
            self.end_headers()
            return
        payload = {
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": Stub.reply},
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def chat(url: str) -> OpenAICompatibleChat:
    return OpenAICompatibleChat(Settings(llm_base_url=url, llm_model="stub"), timeout=5)


def test_grounded_reply_is_used(server: str) -> None:
    Stub.reply = "Shoplifting rose by +43%, from 515 to 736 [1]."
    got = reword("How much did shoplifting change?", ANSWER, chat(server))
    assert got.text == Stub.reply and got.citations == ANSWER.citations
    assert (
        "Shoplifting\t+43%" in Stub.prompts[-1] and "How much did shoplifting" in Stub.prompts[-1]
    )


def test_reply_with_an_unprinted_figure_is_refused(server: str) -> None:
    Stub.reply = "Shoplifting rose by 45% [1]."
    assert reword("q", ANSWER, chat(server)) == ANSWER


def test_reply_citing_a_missing_source_is_refused() -> None:
    assert not grounded("Shoplifting rose by +43% [2].", ANSWER)
    assert not grounded("Shoplifting rose by +43%.", ANSWER)


def test_server_failure_is_a_typed_error(server: str) -> None:
    Stub.reply = "500"
    with pytest.raises(LlmError):
        reword("q", ANSWER, chat(server))


def test_missing_settings_are_a_typed_error() -> None:
    with pytest.raises(LlmError):
        OpenAICompatibleChat(Settings(llm_base_url="http://127.0.0.1:9/v1"))


@pytest.mark.parametrize("name", sorted(p.stem for p in PROMPTS_DIR.glob("*.md")))
def test_every_prompt_renders(name: str) -> None:
    values = {k: f"<{k}>" for k in placeholders(name)}
    text = render(name, **values)
    assert all(v in text for v in values.values()) and "{" not in text
    if values:
        with pytest.raises(MissingVariables):
            render(name)


def test_prompt_folder_is_in_the_repo() -> None:
    assert (Path(__file__).resolve().parents[1] / "prompts" / "answer.md").exists()
