"""Output shards: JSONL (plain, gzip or zstd) or Parquet (typed schema), each written to a
temporary name and renamed into place once complete and synced."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

SHARD_PREFIX = "part-"
JSONL_COMPRESSION = {"none": "", "gzip": ".gz", "zstd": ".zst"}
ROW_GROUP = 512


def parquet_schema(minhash: bool = False, duplicate_of: bool = False) -> Any:
    """The Parquet schema of corpus records (see docs/corpus.md)."""
    import pyarrow as pa

    s = pa.string()
    fields = [
        pa.field("id", s, nullable=False),
        pa.field("url", s),
        pa.field("source_path", s),
        pa.field("source_offset", pa.int64()),
        pa.field("title", s),
        pa.field("authors", pa.list_(s)),
        pa.field("published", s),
        pa.field("modified", s),
        pa.field("lead", s),
        pa.field("text", s),
        pa.field("source", s),
        pa.field("tags", pa.list_(s)),
        pa.field("language", s),
        pa.field("site_name", s),
        pa.field("canonical_url", s),
        pa.field("page_type", s),
        pa.field("confidence", pa.float64()),
        pa.field("empty_reason", s),
        pa.field("mode", s),
        pa.field("markdown", s),
        pa.field("language_score", pa.float64()),
    ]
    if minhash:
        fields.append(pa.field("minhash", pa.list_(pa.uint32())))
    if duplicate_of:
        fields.append(pa.field("duplicate_of", s))
    return pa.schema(fields)


def shard_name(index: int, fmt: str, compression: str) -> str:
    if fmt == "parquet":
        return f"{SHARD_PREFIX}{index:06d}.parquet"
    return f"{SHARD_PREFIX}{index:06d}.jsonl{JSONL_COMPRESSION[compression]}"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class ShardWriter:
    """One shard being written: `write(record)`..., then `commit()` (atomic rename) or `abort()`."""

    def __init__(
        self,
        directory: Path,
        index: int,
        fmt: str,
        compression: str = "zstd",
        minhash: bool = False,
        duplicate_of: bool = False,
    ) -> None:
        self.directory = directory
        self.name = shard_name(index, fmt, compression)
        self.tmp = directory / f".{self.name}.tmp"
        self.fmt = fmt
        self.count = 0
        self._raw: IO[bytes] = open(self.tmp, "wb")  # noqa: SIM115 - closed in commit/abort
        self._fh: Any = self._raw
        self._rows: list[dict[str, Any]] = []
        self._pq: Any = None
        if fmt == "parquet":
            import pyarrow.parquet as pq

            self._schema = parquet_schema(minhash, duplicate_of)
            self._pq = pq.ParquetWriter(self._raw, self._schema, compression="zstd")
        elif compression == "gzip":
            self._fh = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=6)
        elif compression == "zstd":
            import zstandard

            self._fh = zstandard.ZstdCompressor(level=3).stream_writer(self._raw, closefd=False)

    def write(self, record: dict[str, Any]) -> None:
        self.count += 1
        if self._pq is not None:
            self._rows.append(record)
            if len(self._rows) >= ROW_GROUP:
                self._flush_rows()
        else:
            self._fh.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))

    def _flush_rows(self) -> None:
        if self._rows:
            import pyarrow as pa

            self._pq.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def commit(self) -> str:
        if self._pq is not None:
            self._flush_rows()
            self._pq.close()
        elif self._fh is not self._raw:
            self._fh.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self.tmp, self.directory / self.name)
        _fsync_dir(self.directory)
        return self.name

    def abort(self) -> None:
        try:
            if self._pq is not None:
                self._pq.close()
            self._raw.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def read_shard(path: Path, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Records of a committed shard (JSONL in any compression, or Parquet)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        present = None if columns is None else [c for c in columns if c in pf.schema_arrow.names]
        for batch in pf.iter_batches(columns=present):
            for rec in batch.to_pylist():
                yield rec if columns is None else {k: rec.get(k) for k in columns}
        return
    from .readers import open_binary

    with open_binary(str(path)) as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                yield {k: rec.get(k) for k in columns} if columns else rec


def read_output(directory: Path, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """All records of a finished run directory, shard by shard."""
    for path in sorted(directory.glob(f"{SHARD_PREFIX}*")):
        yield from read_shard(path, columns)


class AppendLog:
    """An append-only JSONL log (errors.jsonl, duplicates.jsonl) whose committed length is tracked."""

    def __init__(self, path: Path, committed: int) -> None:
        self.path = path
        if path.exists() and path.stat().st_size > committed:
            with open(path, "r+b") as fh:
                fh.truncate(committed)
        self._fh = open(path, "ab")  # noqa: SIM115 - closed in close()
        self.pending: list[bytes] = []

    def add(self, record: dict[str, Any]) -> None:
        self.pending.append((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))

    def flush(self) -> int:
        """Write the pending lines, sync, return the new committed length."""
        if self.pending:
            self._fh.write(b"".join(self.pending))
            self.pending = []
            self._fh.flush()
            os.fsync(self._fh.fileno())
        return self._fh.tell()

    def close(self) -> None:
        self._fh.close()
