"""`dehusk serve` as a real process on loopback: the bad-input bar, and settings reaching workers.

Each bad request must get a 4xx with a message, and the same server must go on serving.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
PAGE = {
    "html": "<html><head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1>"
    + "<p>The quay is open again after the repairs, the harbour master said on Monday.</p>" * 5
    + "</article></body></html>"
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [
            sys.executable,
            "-m",
            "dehusk.cli",
            "serve",
            "--port",
            str(self.port),
            "--no-access-log",
            "--log-level",
            "warning",
            *extra,
        ]
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError("server did not start: " + self.output())

    def output(self) -> str:
        if self.proc.poll() is None:
            return "(running)"
        return self.proc.stdout.read().decode(errors="replace") if self.proc.stdout else ""

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    srv = Server("--allow-fetch", "--max-body", "10M")
    yield srv
    srv.stop()


def assert_4xx_with_message(resp: httpx.Response) -> str:
    assert 400 <= resp.status_code < 500, (resp.status_code, resp.text[:300])
    message = resp.json()["error"]["message"]
    assert isinstance(message, str) and len(message) > 10
    return message


def assert_still_serving(srv: Server) -> None:
    assert srv.proc.poll() is None
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        assert c.get("/healthz").status_code == 200
        r = c.post("/v1/extract", json=PAGE)
        assert r.status_code == 200 and "harbour master" in r.json()["text"]


def test_20_mb_body_is_413(server: Server) -> None:
    body = b'{"html": "' + b"a" * (20 * MIB) + b'"}'
    with httpx.Client(base_url=server.url, timeout=60) as c:
        r = c.post("/v1/extract", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert "larger than the limit" in assert_4xx_with_message(r)

        def chunks() -> Iterator[bytes]:  # no Content-Length: the server counts as it reads
            for _ in range(20):
                yield b"a" * MIB

        r = c.post("/v1/extract", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
    assert_still_serving(server)


@pytest.mark.parametrize(
    ("content", "ctype", "status"),
    [
        (b'{"html": "<p>x</p>"}', "text/plain", 415),
        (b"<html><p>x</p></html>", "text/html", 415),
        (b'{"html": "<p>x</p>"', "application/json", 400),
        (b'{"html": <p>x</p>}', "application/json", 400),
        (os.urandom(4096), "application/json", 400),
        (os.urandom(4096), "application/octet-stream", 415),
        (b"\x00" * 1000, "application/json", 400),
        (b'{"pages": 1}', "application/json", 422),
    ],
)
def test_bad_bodies_get_4xx(server: Server, content: bytes, ctype: str, status: int) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        r = c.post("/v1/extract", content=content, headers={"content-type": ctype})
        assert r.status_code == status
        assert_4xx_with_message(r)
        r = c.post("/v1/extract/batch", content=content, headers={"content-type": ctype})
        assert_4xx_with_message(r)
    assert_still_serving(server)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/healthz",
        "http://localhost:{port}/",
        "http://[::1]:{port}/",
        "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433/",
        "file:///etc/passwd",
    ],
)
def test_urls_to_this_machine_are_refused_with_fetching_on(server: Server, url: str) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        r = c.post("/v1/extract", json={"url": url.format(port=server.port)})
    message = assert_4xx_with_message(r)
    assert r.json()["error"]["code"] in ("blocked_url", "invalid_url")
    assert "public" in message or "http" in message
    assert_still_serving(server)


def test_a_burst_of_mixed_requests(server: Server) -> None:
    bodies = [
        (b'{"html": "x"', "application/json"),
        (b"junk", "text/plain"),
        (httpx.Request("POST", "/", json=PAGE).content, "application/json"),
    ] * 20

    def send(item: tuple[bytes, str]) -> int:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            return c.post("/v1/extract", content=item[0], headers={"content-type": item[1]}).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(send, bodies))
    assert statuses.count(200) == 20 and statuses.count(400) == 20 and statuses.count(415) == 20
    assert_still_serving(server)


def test_settings_reach_worker_processes() -> None:
    srv = Server("--workers", "2", "--max-batch", "3", "--max-body", "2k")
    try:
        with httpx.Client(base_url=srv.url, timeout=30) as c:
            assert c.get("/v1/info").json()["limits"]["max_batch"] == 3
            r = c.post("/v1/extract", json={"text": "x" * 4000})
            assert r.status_code == 413
            assert c.post("/v1/extract", json={"text": "A short page."}).status_code == 200
    finally:
        srv.stop()


def test_a_body_that_never_finishes_gets_408() -> None:
    srv = Server("--body-timeout", "1")
    try:
        with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as sock:
            head = (
                "POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Content-Length: 1000\r\n\r\n"
            )
            sock.sendall(head.encode() + b'{"text": "only the start')
            answer = b""
            while b"\r\n\r\n" not in answer:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert_still_serving(srv)
    finally:
        srv.stop()


def test_bad_settings_exit_with_a_message() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "dehusk.cli", "serve", "--threads", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "threads" in proc.stderr
