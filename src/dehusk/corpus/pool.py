"""Worker processes with a hard per-page time limit.

Each worker works through its pages in the order it was given them, with the next page
already sent while it works on the current one (a sender thread per worker writes them, so
the parent never waits on a busy worker). The parent therefore always knows which page a
worker is on: a worker that passes the hard limit is killed (SIGKILL) and replaced, and its
page is reported as a ``timeout``; a worker that dies (segfault, ``os._exit``, OOM kill)
loses only its current page, reported as a ``crash``; the pages queued behind it go to
another worker. Workers start from a forkserver (or spawn) context: no state is inherited
from the parent by fork.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import DehuskError
from .readers import Page
from .work import WorkConfig, Worker, error_record, run_task

WAIT = object()  # yielded by a task source that has nothing to hand out right now
_STOP = object()  # tells a sender thread to end


def _sender(conn: Connection, outbox: queue.SimpleQueue) -> None:
    """Write the messages of one worker in order; ends at _STOP or when the worker is gone."""
    while True:
        msg = outbox.get()
        if msg is _STOP:
            return
        try:
            conn.send(msg)
        except (OSError, ValueError):
            return


def _worker_main(conn: Connection, config: WorkConfig) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        worker = Worker(config)
        worker.warm_up()
    except BaseException as exc:  # noqa: BLE001 - report and stop
        conn.send(("fatal", None, f"{type(exc).__name__}: {exc}"))
        return
    # this process is ours: what is loaded now (modules, models, tables) lives as long as it does,
    # so the garbage collector's full collections need not walk it again for every page
    gc.freeze()
    conn.send(("ready", None, None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, kind, page = msg
        try:
            result = run_task(worker, kind, page)
        except Exception as exc:  # noqa: BLE001 - run_task already catches extraction errors
            result = (
                ("error", error_record(page, kind, type(exc).__name__, str(exc)))
                if kind == "extract"
                else None
            )
        conn.send(("done", seq, result))


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    outbox: queue.SimpleQueue
    sender: threading.Thread
    ready: bool = False
    tasks: deque = field(default_factory=deque)  # (seq, page) sent, in order: [0] is the current one
    started: float = 0.0  # when the current task started (about)


class PoolError(DehuskError):
    """The worker processes cannot start (a broken --extract-fn, a broken install...)."""


class WorkerPool:
    """`run(tasks)` yields ``(seq, page, status, value)`` as pages finish, in any order.

    status is ``"done"`` (value: the task's result), ``"timeout"`` or ``"crash"`` (value: a message).
    """

    def __init__(
        self,
        workers: int,
        config: WorkConfig,
        hard_timeout: float | None = 60.0,
        start_method: str = "forkserver",
    ) -> None:
        self.n = max(1, workers)
        self.config = config
        self.hard_timeout = hard_timeout
        self.ctx = mp.get_context(start_method)
        if start_method == "forkserver":  # workers fork from a server that has dehusk loaded and warm
            self.ctx.set_forkserver_preload(["dehusk.corpus.preload"])
        self.slots: list[_Slot] = []
        self.restarts = 0
        self.failed_starts = 0

    def __enter__(self) -> WorkerPool:
        self.slots = [self._spawn() for _ in range(self.n)]
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> _Slot:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main, args=(child, self.config), daemon=True)
        proc.start()
        child.close()
        outbox: queue.SimpleQueue = queue.SimpleQueue()
        sender = threading.Thread(target=_sender, args=(parent, outbox), daemon=True)
        sender.start()
        return _Slot(proc, parent, outbox, sender)

    def _replace(self, slot: _Slot) -> list[tuple[int, Page]]:
        """Kill and replace the slot's worker; returns the tasks that were queued behind its current one."""
        self._kill(slot)
        self.restarts += 1
        self.slots[self.slots.index(slot)] = self._spawn()
        return list(slot.tasks)[1:]

    @staticmethod
    def _kill(slot: _Slot) -> None:
        if slot.proc.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(slot.proc.pid, signal.SIGKILL)
        slot.proc.join(5)
        slot.outbox.put(_STOP)
        slot.sender.join(2)
        slot.conn.close()

    def close(self) -> None:
        for slot in self.slots:
            slot.outbox.put(None)  # the worker's signal to stop, after what it was given
            slot.outbox.put(_STOP)
        deadline = time.monotonic() + 5
        for slot in self.slots:
            slot.proc.join(max(0.0, deadline - time.monotonic()))
            self._kill(slot)
        self.slots = []

    def run(
        self, tasks: Iterator[Any], kind: str = "extract", limit: bool = True, prefetch: int = 2
    ) -> Iterator[tuple[int, Page, str, Any]]:
        """Hand out ``(seq, page)`` tasks (or `WAIT`) to the workers; yield what they give back.

        `limit`: apply the hard time limit (not for long tasks such as a first-pass shard).
        `prefetch`: tasks a worker holds at once (its current one and those queued behind it).
        """
        hard_timeout = self.hard_timeout if limit else None
        if not self.slots:
            self.slots = [self._spawn() for _ in range(self.n)]
        retry: deque[tuple[int, Page]] = deque()  # queued on a worker that died: to hand out again
        exhausted = False
        try:
            while True:
                waiting = False
                for depth in range(1, max(1, prefetch) + 1):  # one each first, then top up
                    for slot in self.slots:
                        if waiting or not slot.ready or len(slot.tasks) >= depth:
                            continue
                        if retry:
                            task = retry.popleft()
                        elif exhausted:
                            continue
                        else:
                            try:
                                task = next(tasks)
                            except StopIteration:
                                exhausted = True
                                continue
                            if task is WAIT:
                                waiting = True
                                continue
                        if not slot.tasks:
                            slot.started = time.monotonic()
                        slot.tasks.append(task)
                        slot.outbox.put((task[0], kind, task[1]))
                busy = [s for s in self.slots if s.tasks]
                if exhausted and not busy and not retry:
                    return
                timeout = 1.0
                if hard_timeout and busy:
                    timeout = min(
                        timeout, max(0.0, min(s.started for s in busy) + hard_timeout - time.monotonic())
                    )
                if waiting and not busy:
                    timeout = 0.01
                ready = set(
                    wait([s.conn for s in self.slots] + [s.proc.sentinel for s in self.slots], timeout)
                )
                for slot in list(self.slots):
                    if slot.conn not in ready and slot.proc.sentinel not in ready:
                        continue
                    msg = None
                    if slot.conn in ready:
                        try:
                            msg = slot.conn.recv()
                        except (EOFError, OSError):
                            msg = None
                    if msg is None:  # the process is gone
                        if slot.proc.sentinel not in ready and slot.proc.is_alive():
                            continue
                        current = slot.tasks[0] if slot.tasks else None
                        code = slot.proc.exitcode
                        if not slot.ready:
                            self.failed_starts += 1
                            if self.failed_starts > 3 * self.n:
                                raise PoolError(f"worker processes keep dying at start (exit code {code})")
                        retry.extendleft(reversed(self._replace(slot)))
                        if current is not None:
                            yield current[0], current[1], "crash", f"worker process died (exit code {code})"
                        continue
                    status, seq, value = msg
                    if status == "ready":
                        slot.ready = True
                        self.failed_starts = 0
                    elif status == "fatal":
                        raise PoolError(f"worker process failed to start: {value}")
                    elif status == "done" and slot.tasks and slot.tasks[0][0] == seq:
                        task = slot.tasks.popleft()
                        slot.started = time.monotonic()  # the next one starts now
                        yield task[0], task[1], "done", value
                if hard_timeout:
                    now = time.monotonic()
                    for slot in list(self.slots):
                        if slot.tasks and now - slot.started > hard_timeout:
                            current = slot.tasks[0]
                            retry.extendleft(reversed(self._replace(slot)))
                            yield (
                                current[0],
                                current[1],
                                "timeout",
                                (
                                    f"page took longer than the hard limit of {hard_timeout:g} s: worker killed"
                                ),
                            )
        except BaseException:
            self.close()
            raise
