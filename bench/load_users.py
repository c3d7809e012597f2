"""Concurrent users through the web app's JSON route while an ingest adds and changes files.

    nice -n 10 .venv/bin/python bench/load_users.py --data /tmp/load-data [--users 20]

1. Copies corpus/ to ``DATA-corpus``, ingests it (``python -m ingest``) into ``DATA``.
2. Starts ``python app.py`` on a free local port and ``--users`` threads, each its own
   ``gradio_client.Client``, asking the public questions through ``/answer`` in a loop.
3. Meanwhile an officer adds a new paper (``python -m ingest FILE``) and then changes an
   indexed one (a sentence appended, ``python -m ingest FILE`` again).
4. When both ingests are done, the users stop; then two questions check that answers
   reflect the new paper and the changed text.

Prints requests, errors, latency p50/p95 and the checks; exits 1 on any error or failed
check. The real model and real Chroma throughout; nothing leaves localhost.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
       "GRADIO_ANALYTICS_ENABLED": "False", "TOKENIZERS_PARALLELISM": "false"}

NEW_PAPER = "load-test-minutes-2024-03-14.md"
NEW_TEXT = """COMMUNITY SAFETY PARTNERSHIP

MINUTES OF THE MEETING HELD ON 14 MARCH 2024

1 LANTERN PATROL SCHEME

The partnership discussed the lantern patrol scheme for the town centre at night.

AGREED that the lantern patrol scheme be funded with £12,345 from the partnership budget.
"""
CHANGED_SENTENCE = (
    "\n\nThe Chair reported that the harbour watch pilot would begin in the spring and "
    "report back to the partnership in the autumn.\n"
)
CHECKS = (
    ("the new paper", "How much funding was agreed for the lantern patrol scheme?",
     lambda r: "12,345" in r["answer"] and any(c["source"].endswith(NEW_PAPER)
                                               for c in r["citations"])),
    ("the changed paper", "What did the Chair report about the harbour watch pilot?",
     lambda r: "harbour watch" in json.dumps(r).lower()),
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ingest(env: dict, *args: str) -> tuple[int, float, str]:
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "ingest", "--quiet", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    return done.returncode, time.perf_counter() - t, (done.stdout + done.stderr).strip()


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the app exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the app did not answer at {url} within {seconds:.0f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="a data folder, emptied first")
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--settle", type=float, default=10.0,
                    help="seconds of load before the first ingest starts, and after the last")
    args = ap.parse_args()
    from gradio_client import Client

    data, corpus = args.data, args.data.with_name(args.data.name + "-corpus")
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.copytree(ROOT / "corpus", corpus)
    port = free_port()
    env = {**ENV, "CSP_DATA_DIR": str(data), "CSP_CORPUS_DIR": str(corpus), "CSP_PORT": str(port)}
    code, seconds, said = ingest(env)
    print(f"first ingest: exit {code} in {seconds:.0f} s: {said.splitlines()[0] if said else ''}")
    questions = [json.loads(line)["question"] for line in
                 (ROOT / "tests/data/dev_questions.jsonl").read_text().splitlines() if line.strip()]

    log = (data / "app.log").open("w")
    app = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log,
                           stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    stop = threading.Event()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def user(n: int) -> None:
        client = Client(url, verbose=False, download_files=False)
        try:
            i = n
            while not stop.is_set():
                question = questions[i % len(questions)]
                i += 1
                t = time.perf_counter()
                try:
                    got = client.predict(question, api_name="/answer")
                    ok = isinstance(got, dict) and "answer" in got
                    problem = None if ok else f"user {n}: not an answer: {str(got)[:100]}"
                except Exception as exc:  # noqa: BLE001 - every failure is counted, not raised
                    problem = f"user {n}: {type(exc).__name__}: {str(exc)[:160]}"
                with lock:
                    latencies.append(time.perf_counter() - t)
                    if problem:
                        errors.append(problem)
        finally:
            client.close()

    try:
        wait_for(url, app)
        users = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(args.users)]
        for u in users:
            u.start()
        time.sleep(args.settle)
        (corpus / NEW_PAPER).write_text(NEW_TEXT, encoding="utf-8")
        added = ingest(env, str(corpus / NEW_PAPER))
        print(f"ingest adding {NEW_PAPER}: exit {added[0]} in {added[1]:.0f} s")
        changed_file = sorted(p for p in corpus.glob("*minutes*") if p.name != NEW_PAPER)[0]
        with changed_file.open("a", encoding="utf-8") as f:
            f.write(CHANGED_SENTENCE)
        changed = ingest(env, str(changed_file))
        print(f"ingest changing {changed_file.name}: exit {changed[0]} in {changed[1]:.0f} s")
        time.sleep(args.settle)
        stop.set()
        for u in users:
            u.join(timeout=300)

        client = Client(url, verbose=False, download_files=False)
        results = []
        for name, question, check in CHECKS:
            got = client.predict(question, api_name="/answer")
            results.append((name, bool(check(got)), got["answer"][:160]))
        client.close()
    finally:
        stop.set()
        app.terminate()
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
        log.close()

    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 100
    print(f"{args.users} users, {len(ms)} requests, {len(errors)} errors; "
          f"latency p50 {q[49]:.0f} ms, p95 {q[94]:.0f} ms")
    for e in errors[:10]:
        print(f"  error: {e}")
    for name, ok, answer in results:
        print(f"after the ingests, {name}: {'reflected' if ok else 'NOT reflected'}: {answer!r}")
    failed = errors or added[0] or changed[0] or not all(ok for _, ok, _ in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
