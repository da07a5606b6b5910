"""Request-size limit (an ASGI middleware) and the bounded pool that runs extractions.

`BodyLimit` reads a request body before the app sees it and answers 413 past the limit,
whether the client declared a Content-Length or streamed the body in chunks, and 408 if the
body does not arrive in time (a client trickling bytes cannot hold a request open for ever).

`ExtractionPool` runs the CPU-bound `extract` calls in a few threads so the event loop never
blocks: at most `threads` pages are extracted at once, at most `threads + queue` requests are
admitted (the rest get 503 at once), and a caller waits at most `timeout + grace` seconds for
its page (504 after that; the thread's slot is freed only when the extraction really ends, so a
runaway page can never push the pool over its bound).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

T = TypeVar("T")

#: After answering 413 the middleware still reads (and drops) this much of the body, so that a
#: client that sends the whole body before reading the answer gets the 413 rather than a reset.
DRAIN_LIMIT = 64 * 1024 * 1024


async def send_error(send: Send, status: int, code: str, message: str, *, close: bool = False) -> None:
    """Answer with dehusk's JSON error shape straight from ASGI."""
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


class BodyLimit:
    """Buffer each request body up to `max_bytes` (413 beyond) within `timeout` seconds (408 after)."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float = 30.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await send_error(send, 400, "bad_request", "Content-Length is not a number", close=True)
                    return
        loop = asyncio.get_running_loop()
        end = loop.time() + self.timeout

        async def next_message() -> Message:
            return await asyncio.wait_for(receive(), max(0.0, end - loop.time()))

        chunks: list[bytes] = []
        total = 0
        try:
            if declared is not None and declared > self.max_bytes:
                await self._too_large(next_message, send, 0)
                return
            while True:
                message = await next_message()
                if message["type"] == "http.disconnect":
                    return  # the client went away: nothing to answer
                chunk = message.get("body", b"")
                total += len(chunk)
                if total > self.max_bytes:
                    await self._too_large(next_message, send, total)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
        except TimeoutError:
            await send_error(
                send,
                408,
                "body_timeout",
                f"the request body did not arrive within {self.timeout:g} s",
                close=True,
            )
            return
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # later calls wait for the disconnect, as usual

        await self.app(scope, replay, send)

    async def _too_large(self, next_message: Callable[[], Awaitable[Message]], send: Send, seen: int) -> None:
        more = True
        try:
            while more and seen <= DRAIN_LIMIT:
                message = await next_message()
                if message["type"] == "http.disconnect":
                    return
                seen += len(message.get("body", b""))
                more = message.get("more_body", False)
        except TimeoutError:
            pass  # answer now; the connection closes after
        await send_error(
            send,
            413,
            "too_large",
            f"request body is larger than the limit of {self.max_bytes} bytes",
            close=True,
        )


class Overloaded(Exception):
    """More requests are waiting than the pool admits."""


class HardTimeout(Exception):
    """A page ran past timeout + grace without the cooperative limit stopping it."""


class ExtractionPool:
    """A bounded thread pool for extraction; create it inside the running event loop."""

    def __init__(self, threads: int, queue: int) -> None:
        self.threads = threads
        self.capacity = threads + queue
        self.admitted = 0  # requests inside `admit()`
        self.running = 0  # extractions in a thread right now (including abandoned ones)
        self._slots = asyncio.Semaphore(threads)
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="dehusk-extract")

    @contextlib.contextmanager
    def admit(self) -> Iterator[None]:
        """Count a request in, or raise `Overloaded` if the queue is full."""
        if self.admitted >= self.capacity:
            raise Overloaded(f"the server is busy ({self.admitted} requests in progress); retry shortly")
        self.admitted += 1
        try:
            yield
        finally:
            self.admitted -= 1

    async def run(self, fn: Callable[[], T], wait_limit: float) -> T:
        """Run `fn` in a pool thread; raise `HardTimeout` if it takes more than `wait_limit` s."""
        await self._slots.acquire()
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._executor, fn)
        except BaseException:
            self._slots.release()
            raise
        self.running += 1
        future.add_done_callback(self._finished)
        try:
            return await asyncio.wait_for(asyncio.shield(future), wait_limit)
        except TimeoutError as exc:
            raise HardTimeout(f"page took longer than {wait_limit:g} s") from exc

    def _finished(self, future: asyncio.Future[Any]) -> None:
        self.running -= 1
        self._slots.release()
        if not future.cancelled():
            future.exception()  # mark as retrieved: an abandoned page's error is not news

    def stats(self) -> dict[str, int]:
        return {
            "threads": self.threads,
            "capacity": self.capacity,
            "admitted": self.admitted,
            "running": self.running,
        }

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
