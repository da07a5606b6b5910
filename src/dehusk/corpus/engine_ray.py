"""`--engine ray`: the same reading and per-page work on Ray Data, records back in input order.

Leaf files are grouped into read tasks (``flat_map``), pages go through an actor pool
(``map_batches`` with `Worker`), and the driver consumes the results in input order
(``preserve_order``) through the same committer as the local engine: same records, same
shards, same resume. The input paths must be readable from the Ray workers (one machine, or
a shared file system). Limits: no hard per-page kill (the cooperative `--timeout` applies) and
a page that kills its worker process fails its task (Ray retries it).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import pickle
from collections.abc import Iterator
from typing import Any

import numpy as np

from .readers import Leaf, Page, ReadError, expand, iter_leaf
from .work import WorkConfig, Worker

GROUP_FILES = 64  # page files per read task (container files get one task each)
BATCH = 8  # pages per map_batches call


def _groups(leaves: list[Leaf], start: tuple[int, int]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    current: list[tuple[int, Leaf, int]] = []
    for fi, leaf in enumerate(leaves):
        if fi < start[0]:
            continue
        skip = start[1] if fi == start[0] else 0
        if leaf.kind != "page" and current:
            groups.append({"leaves": pickle.dumps(current)})
            current = []
        current.append((fi, leaf, skip))
        if leaf.kind != "page" or len(current) >= GROUP_FILES:
            groups.append({"leaves": pickle.dumps(current)})
            current = []
    if current:
        groups.append({"leaves": pickle.dumps(current)})
    return groups


def _reader(reader_cfg: Any, keys_only: bool) -> Any:
    def read_group(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
        for fi, leaf, skip in pickle.loads(row["leaves"]):
            for ii, item in enumerate(iter_leaf(leaf, reader_cfg)):
                if ii < skip or (keys_only and not isinstance(item, Page)):
                    continue
                yield {"fi": fi, "ii": ii, "item": pickle.dumps(item)}

    return read_group


class _ExtractActor:
    def __init__(
        self, config: WorkConfig, keys: np.ndarray | None = None, counts: np.ndarray | None = None
    ) -> None:
        from ..templates import TemplateTable

        table = TemplateTable(keys, counts) if keys is not None and counts is not None else None
        self.worker = Worker(WorkConfig(**{**_fields(config), "templates_dir": None}), table)
        self.worker.warm_up()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        from .runner import read_error_record

        kinds, recs = [], []
        for blob in batch["item"]:
            item = pickle.loads(blob)
            if isinstance(item, ReadError):
                kind, rec = "error", read_error_record(item)
            else:
                kind, rec = self.worker.extract(item)
            kinds.append(kind)
            recs.append(json.dumps(rec, ensure_ascii=False))
        return {"fi": list(batch["fi"]), "ii": list(batch["ii"]), "kind": kinds, "rec": recs}


class _KeysActor:
    def __init__(self, config: WorkConfig) -> None:
        self.worker = Worker(config)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        out = []
        for blob in batch["item"]:
            try:
                keys = self.worker.template_keys(pickle.loads(blob))
            except Exception:  # noqa: BLE001 - a page that cannot be read just does not count
                keys = None
            out.append(b"" if keys is None else keys.tobytes())
        return {"keys": out}


def _fields(work: WorkConfig) -> dict[str, Any]:
    return {name: getattr(work, name) for name in work.__dataclass_fields__}


@contextlib.contextmanager
def ray_session(cfg: Any) -> Iterator[None]:
    """Connect to the cluster at `cfg.ray_address`, or start a local one on loopback for this run.

    Only a cluster started here is shut down at the end; one the caller had already joined
    (``ray.init`` before the run) is left as it was.
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not cfg.ray_address:  # a single-node cluster of our own: keep every Ray server on loopback
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    import ray

    started = False
    if not ray.is_initialized():
        if cfg.ray_address:
            ray.init(address=cfg.ray_address, logging_level=logging.WARNING, log_to_driver=False)
        else:
            ray.init(
                num_cpus=max(2, cfg.workers + 1),
                include_dashboard=False,
                _node_ip_address="127.0.0.1",
                logging_level=logging.WARNING,
                log_to_driver=False,
            )
        started = True
    try:
        yield
    finally:
        if started:
            ray.shutdown()


def _ensure_ray(cfg: Any) -> Any:
    import ray
    from ray.data import DataContext

    if not ray.is_initialized():
        raise RuntimeError("Ray is not initialised: use ray_session()")
    logging.getLogger("ray").setLevel(logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    ctx = DataContext.get_current()
    ctx.execution_options.preserve_order = True
    show = cfg.progress if cfg.progress is not None else False
    ctx.enable_progress_bars = bool(show)
    return ray


def _actors(cfg: Any) -> Any:
    from ray.data import ActorPoolStrategy

    return ActorPoolStrategy(size=max(1, cfg.workers))


def _dataset(cfg: Any, start: tuple[int, int], keys_only: bool) -> Any:
    ray = _ensure_ray(cfg)
    leaves = list(expand(cfg.inputs))
    groups = _groups(leaves, start)
    if not groups:
        return None
    ds = ray.data.from_items(groups, override_num_blocks=max(1, len(groups)))
    # reading is light: it takes no CPU slot, so it never waits behind the extraction actors
    from ray.data import TaskPoolStrategy

    return ds.flat_map(_reader(cfg.reader, keys_only), num_cpus=0, compute=TaskPoolStrategy(size=2))


def ray_template_keys(cfg: Any) -> Iterator[np.ndarray]:
    ds = _dataset(cfg, (0, 0), keys_only=True)
    if ds is None:
        return
    work = WorkConfig(options=cfg.work.options)
    ds = ds.map_batches(
        _KeysActor,
        fn_constructor_kwargs={"config": work},
        batch_size=BATCH,
        compute=_actors(cfg),
        batch_format="numpy",
    )
    for batch in ds.iter_batches(batch_size=256, batch_format="numpy"):
        for raw in batch["keys"]:
            if len(raw):
                yield np.frombuffer(raw, dtype=np.uint64)


def ray_extract(cfg: Any, work: WorkConfig, state: Any) -> Iterator[tuple[int, int, str, dict[str, Any]]]:
    """(file, index, kind, record) for every item from the committed position on, in input order."""
    ds = _dataset(cfg, (state.file, state.index), keys_only=False)
    if ds is None:
        return
    kwargs: dict[str, Any] = {"config": work}
    if work.templates_dir and os.path.exists(os.path.join(work.templates_dir, "keys.npy")):
        from pathlib import Path

        from ..templates import TemplateTable

        table = TemplateTable.load(Path(work.templates_dir), mmap=False)
        kwargs.update(keys=table.keys, counts=table.counts)
    ds = ds.map_batches(
        _ExtractActor,
        fn_constructor_kwargs=kwargs,
        batch_size=BATCH,
        compute=_actors(cfg),
        batch_format="numpy",
    )
    for batch in ds.iter_batches(batch_size=64, batch_format="numpy"):
        for fi, ii, kind, rec in zip(batch["fi"], batch["ii"], batch["kind"], batch["rec"], strict=True):
            yield int(fi), int(ii), str(kind), json.loads(rec)
