"""A hard per-page time limit for HTML mode that works everywhere: in the library (also off the
main thread: no signals), in the CLI and in worker processes."""

from __future__ import annotations

import multiprocessing as mp
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import dehusk


def slow_page() -> str:
    """A pathological page: a few hundred thousand tiny nested blocks."""
    cell = "<div class='c'><span>cell</span><a href='#'>x</a></div>"
    return "<html><body>" + ("<section>" + cell * 40 + "</section>") * 6000 + "</body></html>"


def test_library_limit() -> None:
    with pytest.raises(dehusk.PageTimeout, match="longer than"):
        dehusk.extract(slow_page(), mode="html", timeout=0.05)


def test_limit_off_the_main_thread() -> None:
    with ThreadPoolExecutor(1) as pool:
        fut = pool.submit(dehusk.extract, slow_page(), mode="html", timeout=0.05)
        with pytest.raises(dehusk.PageTimeout):
            fut.result()


def _in_worker(timeout: float) -> str:
    try:
        dehusk.extract(slow_page(), mode="html", timeout=timeout)
    except dehusk.PageTimeout as exc:
        return f"timeout: {exc}"
    return "finished"


def test_limit_in_worker_processes() -> None:
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        assert pool.apply(_in_worker, (0.05,)).startswith("timeout: ")


def test_limit_in_the_cli(tmp_path: Path) -> None:
    page = tmp_path / "slow.html"
    page.write_text(slow_page(), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "dehusk.cli", "extract", "--mode", "html", "--timeout", "0.05", str(page)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1
    assert "took longer than" in proc.stderr


def test_no_limit_finishes() -> None:
    art = dehusk.extract("<html><body><p>" + "Words in a sentence. " * 20 + "</p></body></html>", mode="html", timeout=None)
    assert isinstance(art, dehusk.Article)
