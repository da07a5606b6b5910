"""Settings of the HTTP service: limits, pool sizes and the URL-fetching switch."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from typing import Any

#: Environment variable that carries the settings (JSON) to uvicorn worker processes.
SETTINGS_ENV = "DEHUSK_SERVE_SETTINGS"

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """Everything `dehusk serve` can be told. Defaults suit one 2-core machine."""

    max_body_bytes: int = 10 * MIB  # larger request bodies get 413
    body_timeout: float = 30.0  # seconds to receive a request body; after it, 408
    max_batch: int = 32  # pages per POST /v1/extract/batch
    threads: int = 2  # pages extracted at once, per server process
    queue: int = 64  # requests admitted beyond `threads` that wait for a slot; more get 503
    timeout: float = 10.0  # seconds per page (cooperative limit inside extract)
    grace: float = 5.0  # the server answers 504 at timeout + grace even if extract has not stopped
    allow_fetch: bool = False  # accept {"url": ...} alone and fetch the page (public addresses only)
    fetch_timeout: float = 10.0  # seconds for the whole fetch, redirects included
    fetch_max_bytes: int = 5 * MIB  # larger fetched pages are refused
    fetch_max_redirects: int = 5

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_batch", "threads", "fetch_max_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("queue", "fetch_max_redirects"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        for name in ("timeout", "fetch_timeout", "body_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.grace < 0:
            raise ValueError("grace must not be negative")

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str) -> ServeSettings:
        data: dict[str, Any] = json.loads(raw)
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @classmethod
    def from_env(cls) -> ServeSettings:
        raw = os.environ.get(SETTINGS_ENV)
        return cls.from_json(raw) if raw else cls()
