"""`--engine ray` on a local Ray cluster (started here, on loopback) gives the local engine's records."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from dehusk.corpus import RunConfig, read_output, run
from dehusk.corpus.build import write_inputs
from test_corpus_hooks import site_pages

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray's own DataContext deprecations


@pytest.fixture(scope="module")
def ray_cluster():  # noqa: ANN201
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    # Ray resolves 127.0.0.1 to the machine's routable address unless told it runs no multi-node
    # cluster (read when ray is imported): then every Ray server binds and talks on loopback only.
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
    import ray
    from ray._private import ray_constants

    ray_constants.ENABLE_RAY_CLUSTER = False  # in case ray was imported before the variable was set

    assert not ray.is_initialized()
    ray.init(
        _node_ip_address="127.0.0.1",
        include_dashboard=False,
        num_cpus=2,
        logging_level=logging.WARNING,
        log_to_driver=False,
    )
    try:
        addresses = {n["NodeManagerAddress"] for n in ray.nodes()}
        assert addresses == {"127.0.0.1"}, addresses  # the cluster listens on loopback only
        yield ray
    finally:
        ray.shutdown()  # only the cluster this test started


def _outputs(out: Path) -> tuple[list[dict], str]:
    return list(read_output(out)), (out / "errors.jsonl").read_text()


def test_ray_engine_gives_the_local_records(ray_cluster, tmp_path: Path) -> None:  # noqa: ANN001
    pages = site_pages("news.example", 5) + site_pages("other.example", 2)
    paths = write_inputs(pages, tmp_path / "in")
    with open(paths["text_jsonl"], "a") as fh:
        fh.write("{not json\n")
    inputs = [str(paths[k]) for k in ("warc", "wet", "text_jsonl", "html_dir")]
    common = dict(inputs=inputs, workers=2, progress=False, shard_size=len(pages))
    local = run(RunConfig(**common, out=tmp_path / "local"))
    ray_summary = run(RunConfig(**common, out=tmp_path / "ray", engine="ray"))
    assert ray_cluster.is_initialized()  # a cluster the caller started is left running
    recs, errs = _outputs(tmp_path / "ray")
    assert (recs, errs) == _outputs(tmp_path / "local")
    assert len(recs) == 4 * len(pages) and errs.count("\n") == 1
    assert [p.name for p in sorted((tmp_path / "ray").glob("part-*"))] == [
        p.name for p in sorted((tmp_path / "local").glob("part-*"))
    ]
    assert {k: v for k, v in ray_summary.items() if k in ("pages_in", "pages_out", "errors")} == {
        k: v for k, v in local.items() if k in ("pages_in", "pages_out", "errors")
    }
    # a run committed by one engine resumes on the other: roll back to the first commit, resume on Ray
    out = tmp_path / "local"
    state = json.loads((out / "_state.json").read_text())
    n = len(pages)  # the first shard holds the WARC file, the first input, whole
    state.update(
        done=False,
        seq=n,
        file=1,
        index=0,
        shards=state["shards"][:1],
        errors_bytes=0,
        counts={"in": n, "out": n},
    )
    (out / "_state.json").write_text(json.dumps(state))
    run(RunConfig(**common, out=out, engine="ray", resume=True))
    assert _outputs(out) == _outputs(tmp_path / "ray")
