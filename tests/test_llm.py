"""The optional LLM path against a real local OpenAI-compatible stub server: a grounded
reply is used; a reply with a figure the quotations don't print, or a server that fails,
leaves the extractive answer standing. Streamed into the chat, the pieces arrive in order as
the server sends them (SSE), and a reply that fails the checks, a stalled or slow server, a
dead port or a server error give a notice and the grounded answer within the deadlines.
Every prompt renders."""

from __future__ import annotations

import json
import socket
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.llm import OpenAICompatibleChat, grounded, reword
from assistant.prompts import PROMPTS_DIR, MissingVariables, placeholders, render
from assistant.stream import NOTICE_REFUSED, final_answer, streamed
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
    """An OpenAI-compatible chat server. ``reply`` is the whole answer ("500": an error);
    a streaming request gets it as SSE chunks, ``pieces`` of it if set, each after its
    delay in ``delays`` (seconds; a stall is cut short when the test ends)."""

    reply = ""
    pieces: list[str] = []
    delays: dict[int, float] = {}  # piece index -> seconds to wait before sending it
    prompts: list[str] = []
    release = threading.Event()

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Stub.prompts.append(body["messages"][-1]["content"])
        if Stub.reply == "500":
            self.send_response(500)
            self.end_headers()
            return
        if body.get("stream"):
            self._stream(body["model"])
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

    def _stream(self, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        pieces = Stub.pieces or [Stub.reply]
        try:
            self._event(model, {"role": "assistant", "content": ""}, None)
            for k, piece in enumerate(pieces):
                if Stub.release.wait(Stub.delays.get(k, 0)):
                    return
                self._event(model, {"content": piece}, None)
            self._event(model, {}, "stop")
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on a stalled reply, as it should

    def _event(self, model: str, delta: dict, finish: str | None) -> None:
        chunk = {
            "id": "x",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.flush()

    def log_message(self, *args) -> None:
        pass


@contextmanager
def stub_server(reply: str = "", pieces=(), delays=None):
    """The stub serving on a free local port; yields its base URL (.../v1)."""
    Stub.reply, Stub.pieces, Stub.delays = reply, list(pieces), dict(delays or {})
    Stub.prompts = []
    Stub.release = threading.Event()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    finally:
        Stub.release.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server():
    with stub_server() as url:
        yield url


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


# --- the reply streamed into the chat (assistant.stream) ---------------------------------

GROUNDED_PIECES = ["Shoplifting rose ", "by +43%, ", "from 515 ", "to 736 [1]."]


def run_stream(url: str, first_token: float = 5, total: float = 10):
    """Every update of the streamed answer, with the seconds each took to arrive."""
    started = time.monotonic()
    got = []
    for update in streamed("How did shoplifting change?", ANSWER, chat(url), first_token, total):
        got.append((time.monotonic() - started, update))
    return got


def test_streamed_pieces_arrive_in_order_as_sent_and_a_grounded_reply_is_kept():
    with stub_server(pieces=GROUNDED_PIECES, delays={1: 0.4, 2: 0.4, 3: 0.4}) as url:
        got = run_stream(url)
    partial = [u.text for _, u in got if u.final is None]
    assert partial == ["", *("".join(GROUNDED_PIECES[: k + 1]) for k in range(4))]
    assert got[1][0] < got[-1][0] - 0.8  # shown as it came, not when the reply was whole
    last = got[-1][1]
    assert last.final == Answer("".join(GROUNDED_PIECES), ANSWER.citations)
    assert last.notice == "" and all(u.sources == ANSWER for _, u in got)
    assert "Shoplifting\t+43%" in Stub.prompts[-1]


def test_a_streamed_reply_with_an_unprinted_figure_is_replaced_by_the_grounded_answer():
    with stub_server(pieces=["Shoplifting rose ", "by 45% [1]."]) as url:
        got = run_stream(url)
    assert "by 45%" in got[-2][1].text  # it was shown while it came ...
    assert got[-1][1].final == ANSWER and got[-1][1].notice == NOTICE_REFUSED  # ... then not


@pytest.mark.parametrize("delays", [{0: 30}, {2: 30}], ids=["before the first piece", "mid-stream"])
def test_a_stalled_server_gives_the_notice_and_the_grounded_answer_in_time(delays):
    with stub_server(pieces=GROUNDED_PIECES, delays=delays) as url:
        got = run_stream(url, first_token=1, total=5)
    seconds, last = got[-1]
    assert last.final == ANSWER and "too slow" in last.notice
    assert 0.9 < seconds < 2.5


def test_a_reply_slower_than_the_whole_timeout_is_dropped_in_time():
    with stub_server(pieces=GROUNDED_PIECES, delays={1: 0.6, 2: 0.6, 3: 0.6}) as url:
        got = run_stream(url, first_token=1, total=1.5)
    seconds, last = got[-1]
    assert last.final == ANSWER and "too slow" in last.notice and seconds < 2.3
    assert [u.text for _, u in got[1:3]] == ["Shoplifting rose ", "Shoplifting rose by +43%, "]


def test_a_dead_port_or_a_server_error_gives_the_notice_and_the_grounded_answer():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"  # bound, never listening
        got = run_stream(dead, first_token=2, total=4)
    assert got[-1][0] < 2 and got[-1][1].final == ANSWER
    assert "could not be reached" in got[-1][1].notice
    with stub_server(reply="500") as url:
        last = run_stream(url)[-1][1]
    assert last.final == ANSWER and "error 500" in last.notice


def test_without_an_llm_or_anything_to_reword_the_grounded_answer_comes_at_once(server):
    assert [u.final for u in streamed("q", ANSWER, None, 1, 1)] == [ANSWER]
    declined = Answer("The documents don't cover this.", (), covered=False)
    assert [u.final for u in streamed("q", declined, chat(server), 1, 1)] == [declined]
    assert Stub.prompts == []  # the server was not asked
    assert final_answer(streamed("q", ANSWER, None, 1, 1)) == ANSWER


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
