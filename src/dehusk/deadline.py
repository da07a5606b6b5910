"""A cooperative per-page time limit: works in threads, processes and the service alike.

Long loops call `Deadline.check()`; past the limit it raises `PageTimeout`. No signals are
used, so the limit works off the main thread too. Worker processes in corpus mode add a hard
limit on top (the parent kills a worker that stops answering).
"""

from __future__ import annotations

import time

from .errors import PageTimeout


class Deadline:
    __slots__ = ("limit", "start", "_end")

    def __init__(self, seconds: float | None) -> None:
        self.limit = seconds
        self.start = time.monotonic()
        self._end = None if seconds is None or seconds <= 0 else self.start + seconds

    def check(self, stage: str = "") -> None:
        if self._end is not None and time.monotonic() > self._end:
            where = f" during {stage}" if stage else ""
            raise PageTimeout(f"page took longer than {self.limit:g} s{where}")

    def remaining(self) -> float | None:
        return None if self._end is None else self._end - time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.start


NO_DEADLINE = Deadline(None)
