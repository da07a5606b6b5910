"""The run state that makes `--resume` exact.

``_state.json`` (replaced atomically) is the commit point of a run. It names the committed
shards, the committed lengths of ``errors.jsonl`` and ``duplicates.jsonl``, and the input
position ``(file, index)`` up to which every item is accounted for. Anything written after
the last commit (a shard not in the list, log lines past the lengths, ``*.tmp`` files) is
discarded on resume, and reading restarts at the committed position: every input item ends
up exactly once in a shard, in the error log or in the duplicate log.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DehuskError
from .writers import SHARD_PREFIX, _fsync_dir

STATE = "_state.json"
TEMPLATES_DIR = "_templates"
ERRORS = "errors.jsonl"
DUPLICATES = "duplicates.jsonl"
SUMMARY = "summary.json"
VERSION = 1


@dataclass
class RunState:
    inputs: list[str]
    settings: dict[str, Any]  # what must not change between a run and its resume
    templates_done: bool = False
    seq: int = 0  # items accounted for
    file: int = 0  # next input position: leaf file index ...
    index: int = 0  # ... and item index within it
    shards: list[str] = field(default_factory=list)
    errors_bytes: int = 0
    duplicates_bytes: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # extraction time of the previous sessions of this run
    total: int | None = None  # items in the input, when the template pass counted them
    done: bool = False
    version: int = VERSION

    def save(self, out: Path) -> None:
        tmp = out / f".{STATE}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(asdict(self), fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out / STATE)
        _fsync_dir(out)

    @classmethod
    def load(cls, out: Path) -> RunState | None:
        path = out / STATE
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise DehuskError(f"{path}: state of another dehusk version ({data.get('version')})")
        return cls(**data)


def prepare(out: Path, inputs: list[str], settings: dict[str, Any], resume: bool) -> RunState:
    """Open the output directory for a new run or a resumed one; clean what was not committed."""
    out.mkdir(parents=True, exist_ok=True)
    state = RunState.load(out)
    if state is not None and not resume:
        raise DehuskError(f"{out} already holds a run (use --resume to continue it, or another directory)")
    if state is None:
        stray = [p.name for p in out.iterdir() if p.name.startswith(SHARD_PREFIX) or p.name == ERRORS]
        if stray:
            raise DehuskError(f"{out} holds output files but no run state: use an empty directory")
        state = RunState(inputs=inputs, settings=settings)
    else:
        if state.inputs != inputs:
            raise DehuskError("--resume: the inputs differ from the run being resumed")
        changed = sorted(
            k for k in set(settings) | set(state.settings) if settings.get(k) != state.settings.get(k)
        )
        if changed:
            raise DehuskError(f"--resume: settings differ from the run being resumed: {', '.join(changed)}")
    committed = set(state.shards)
    for p in out.iterdir():
        if p.name.endswith(".tmp") or (p.name.startswith(SHARD_PREFIX) and p.name not in committed):
            p.unlink()
    if not state.templates_done and (out / TEMPLATES_DIR).exists():
        for p in (out / TEMPLATES_DIR).iterdir():
            p.unlink()
    return state
