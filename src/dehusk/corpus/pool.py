"""Worker processes with a hard per-page time limit.

Each worker holds at most one page at a time, so the parent always knows which page a
worker is on: a worker that passes the hard limit is killed (SIGKILL) and replaced, and its
page is reported as a ``timeout``; a worker that dies (segfault, ``os._exit``, OOM kill)
loses only its page, reported as a ``crash``. Workers start from a forkserver (or spawn)
context: no state is inherited from the parent by fork.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import DehuskError
from .readers import Page
from .work import WorkConfig, Worker, error_record, run_task

WAIT = object()  # yielded by a task source that has nothing to hand out right now


def _worker_main(conn: Connection, config: WorkConfig) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        worker = Worker(config)
        worker.warm_up()
    except BaseException as exc:  # noqa: BLE001 - report and stop
        conn.send(("fatal", None, f"{type(exc).__name__}: {exc}"))
        return
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
    ready: bool = False
    task: tuple[int, Page] | None = None
    started: float = 0.0


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
        return _Slot(proc, parent)

    def _replace(self, slot: _Slot) -> None:
        self._kill(slot)
        self.restarts += 1
        self.slots[self.slots.index(slot)] = self._spawn()

    @staticmethod
    def _kill(slot: _Slot) -> None:
        if slot.proc.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(slot.proc.pid, signal.SIGKILL)
        slot.proc.join(5)
        slot.conn.close()

    def close(self) -> None:
        for slot in self.slots:
            with contextlib.suppress(OSError, ValueError):
                slot.conn.send(None)
        deadline = time.monotonic() + 5
        for slot in self.slots:
            slot.proc.join(max(0.0, deadline - time.monotonic()))
            self._kill(slot)
        self.slots = []

    def run(
        self, tasks: Iterator[Any], kind: str = "extract", limit: bool = True
    ) -> Iterator[tuple[int, Page, str, Any]]:
        """Hand out ``(seq, page)`` tasks (or `WAIT`) to the workers; yield what they give back.

        `limit`: apply the hard time limit (not for long tasks such as a first-pass shard).
        """
        hard_timeout = self.hard_timeout if limit else None
        if not self.slots:
            self.slots = [self._spawn() for _ in range(self.n)]
        exhausted = False
        try:
            while True:
                waiting = False
                for slot in self.slots:
                    if exhausted or waiting or not slot.ready or slot.task is not None:
                        continue
                    try:
                        task = next(tasks)
                    except StopIteration:
                        exhausted = True
                        break
                    if task is WAIT:
                        waiting = True
                        continue
                    slot.conn.send((task[0], kind, task[1]))
                    slot.task, slot.started = task, time.monotonic()
                busy = [s for s in self.slots if s.task is not None]
                if exhausted and not busy:
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
                        task = slot.task
                        code = slot.proc.exitcode
                        if not slot.ready:
                            self.failed_starts += 1
                            if self.failed_starts > 3 * self.n:
                                raise PoolError(f"worker processes keep dying at start (exit code {code})")
                        self._replace(slot)
                        if task is not None:
                            yield task[0], task[1], "crash", f"worker process died (exit code {code})"
                        continue
                    status, seq, value = msg
                    if status == "ready":
                        slot.ready = True
                        self.failed_starts = 0
                    elif status == "fatal":
                        raise PoolError(f"worker process failed to start: {value}")
                    elif status == "done" and slot.task is not None:
                        task, slot.task = slot.task, None
                        yield task[0], task[1], "done", value
                if hard_timeout:
                    now = time.monotonic()
                    for slot in list(self.slots):
                        if slot.task is not None and now - slot.started > hard_timeout:
                            task = slot.task
                            self._replace(slot)
                            yield (
                                task[0],
                                task[1],
                                "timeout",
                                (
                                    f"page took longer than the hard limit of {hard_timeout:g} s: worker killed"
                                ),
                            )
        except BaseException:
            self.close()
            raise
