"""Corpus mode: `dehusk run` over directories, JSONL, WARC and WET, in parallel, resumable.

See docs/corpus.md. The entry points are `run(RunConfig(...))` and the `dehusk run` command.
"""

from .readers import Page, ReaderConfig, ReadError
from .runner import RunConfig, run
from .work import WorkConfig
from .writers import parquet_schema, read_output

__all__ = [
    "Page",
    "ReadError",
    "ReaderConfig",
    "RunConfig",
    "WorkConfig",
    "parquet_schema",
    "read_output",
    "run",
]
