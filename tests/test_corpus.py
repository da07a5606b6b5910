"""Corpus mode: inputs of every kind, same records whatever the container, outputs, bad input."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from dehusk.corpus import RunConfig, WorkConfig, read_output, run
from dehusk.corpus.build import warc_record, write_inputs, write_warc
from dehusk.corpus.readers import ReaderConfig, iter_items
from dehusk.corpus.runner import format_summary
from test_corpus_hooks import site_pages

PROVENANCE = ("id", "source_path", "source_offset")
FAKE = "test_corpus_hooks:fake_extract"


def errors_of(out: Path) -> list[dict]:
    with open(out / "errors.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def corpus_run(inputs: list, out: Path, **kw) -> dict:
    work = kw.pop("work", WorkConfig())
    return run(
        RunConfig(
            inputs=[str(p) for p in inputs],
            out=out,
            workers=kw.pop("workers", 2),
            work=work,
            progress=False,
            **kw,
        )
    )


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, str, str]]:
    return site_pages("news.example", 5) + site_pages("blog.example.org", 4) + site_pages("shop.example", 1)


def test_same_records_from_warc_wet_jsonl_and_directory(tmp_path: Path, pages: list) -> None:
    paths = write_inputs(pages, tmp_path / "in")
    order = ["warc", "html_jsonl", "html_dir", "wet", "text_jsonl", "text_dir"]
    summary = corpus_run([paths[k] for k in order], tmp_path / "out")
    assert summary["pages_in"] == summary["pages_out"] == 6 * len(pages)
    records = list(read_output(tmp_path / "out"))
    groups: dict[str, dict[str, dict]] = {}
    for rec in records:
        key = next(k for k in order if rec["source_path"].startswith(str(paths[k])))
        groups.setdefault(key, {})[rec["url"]] = {k: v for k, v in rec.items() if k not in PROVENANCE}
    urls = {u for u, _, _ in pages}
    for kind in order:
        assert set(groups[kind]) == urls, kind
    for a, b in (("warc", "html_jsonl"), ("warc", "html_dir"), ("wet", "text_jsonl"), ("wet", "text_dir")):
        assert groups[a] == groups[b], (a, b)
    # the records are real extractions, with the input's identity beside the article
    rec = next(r for r in records if r["source_path"] == str(paths["warc"]))
    assert rec["id"].startswith("<urn:uuid:") and rec["mode"] == "html" and rec["url"] == pages[0][0]
    wet = next(r for r in records if r["source_path"] == str(paths["text_jsonl"]))
    assert wet["id"].startswith("p") and wet["source_offset"] >= 1 and wet["mode"] == "text"
    assert "council" in wet["text"] and wet["language"] == "en"
    assert all(r["id"] for r in records)


def test_warc_response_filter_and_compressed_inputs(tmp_path: Path) -> None:
    import zstandard

    html = b"<html><body><p>kept page</p></body></html>"
    redirect = warc_record("response", "http://a.example/r", b"").replace(b"200 OK", b"301 Moved")
    image = warc_record("response", "http://a.example/i.png", b"\x89PNG").replace(b"text/html", b"image/png")
    request = warc_record("request", "http://a.example/", b"GET / HTTP/1.1\r\n\r\n")
    recs = [request, warc_record("response", "http://a.example/", html), redirect, image]
    write_warc(tmp_path / "a.warc", recs)
    (tmp_path / "b.warc.zst").write_bytes(zstandard.ZstdCompressor().compress(b"".join(recs)))
    (tmp_path / "p.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "html": "<p>hello</p>"}\n\n'))
    (tmp_path / "page.txt.zst").write_bytes(zstandard.ZstdCompressor().compress(b"plain text page"))
    items = [it for _, _, it in iter_items([str(tmp_path)], ReaderConfig())]
    assert [(type(it).__name__, it.url, it.mode) for it in items] == [
        ("Page", "http://a.example/", "html"),
        ("Page", "http://a.example/", "html"),
        ("Page", None, "html"),
        ("Page", None, "text"),
    ]
    assert (
        items[2].id == "x" and items[2].payload == "<p>hello</p>" and items[3].payload == b"plain text page"
    )


def test_parquet_output_is_typed_and_matches_jsonl(tmp_path: Path, pages: list) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = write_inputs(pages[:4], tmp_path / "in")
    corpus_run([paths["warc"]], tmp_path / "pq", fmt="parquet", workers=1, work=WorkConfig(minhash=True))
    corpus_run([paths["warc"]], tmp_path / "js", workers=1, work=WorkConfig(minhash=True))
    files = sorted((tmp_path / "pq").glob("part-*.parquet"))
    schema = pq.read_schema(files[0])
    assert schema.field("authors").type == pa.list_(pa.string())
    assert schema.field("tags").type == pa.list_(pa.string())
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("source_offset").type == pa.int64()
    assert schema.field("minhash").type == pa.list_(pa.uint32())
    assert not schema.field("id").nullable and schema.field("title").nullable
    assert list(read_output(tmp_path / "pq")) == list(read_output(tmp_path / "js"))


def test_jsonl_shard_compressions(tmp_path: Path, pages: list) -> None:
    paths = write_inputs(pages[:3], tmp_path / "in")
    outs = {}
    for comp in ("zstd", "gzip", "none"):
        corpus_run(
            [paths["text_jsonl"]],
            tmp_path / comp,
            compression=comp,
            workers=1,
            shard_size=2,
            work=WorkConfig(extract_fn=FAKE),
        )
        names = sorted(p.name for p in (tmp_path / comp).glob("part-*"))
        assert len(names) == 2 and all(
            n.endswith({"zstd": ".zst", "gzip": ".gz", "none": ".jsonl"}[comp]) for n in names
        )
        outs[comp] = list(read_output(tmp_path / comp))
    assert outs["zstd"] == outs["gzip"] == outs["none"] and len(outs["none"]) == 3


def test_workers_freeze_what_they_loaded_and_the_caller_is_left_alone(tmp_path: Path, pages: list) -> None:
    import gc

    before = gc.get_freeze_count()
    paths = write_inputs(pages[:2], tmp_path / "in")
    corpus_run([paths["text_jsonl"]], tmp_path / "out", workers=1, work=WorkConfig(extract_fn="test_corpus_hooks:gc_probe"))
    records = list(read_output(tmp_path / "out"))
    assert len(records) == 2 and all(int(r["title"]) > 1000 for r in records)  # modules, models, tables
    assert gc.get_freeze_count() == before  # the process that called the runner is not touched


def test_bad_inputs_are_logged_and_the_run_completes(tmp_path: Path, pages: list) -> None:
    d = tmp_path / "in"
    d.mkdir()
    good = warc_record("response", "http://ok.example/1", b"<html><body><p>one good page</p></body></html>")
    good2 = warc_record(
        "response", "http://ok.example/2", b"<html><body><p>another good page</p></body></html>"
    )
    # a gzip page cut in the middle
    (d / "cut.html.gz").write_bytes(gzip.compress(pages[0][1].encode() * 20)[:400])
    # a multi-member WARC.gz cut inside its third record
    members = [gzip.compress(r) for r in (good, good2, good)]
    (d / "cut.warc.gz").write_bytes(b"".join(members)[: len(members[0]) + len(members[1]) + 60])
    # a WARC whose second record claims more bytes than it has (it swallows the rest of the file)
    corrupt = good2.replace(b"Content-Length: ", b"Content-Length: 9")
    (d / "corrupt.warc").write_bytes(good + corrupt)
    # a WARC with garbage between records
    (d / "garbage.warc").write_bytes(good + b"THIS IS NOT A WARC RECORD\r\n\r\n" + good2)
    # JSONL: a good line, a line that is not JSON, a record without the text field, a non-object
    (d / "lines.jsonl").write_text(
        '{"id": "j1", "text": "fine page"}\n{not json\n{"id": "j3", "title": "no text"}\n[1, 2]\n'
    )
    # an unreadable file: a dangling symlink
    os.symlink(tmp_path / "nowhere.html", d / "dangling.html")
    summary = corpus_run(
        [d, tmp_path / "missing.warc"], tmp_path / "out", workers=1, work=WorkConfig(extract_fn=FAKE)
    )
    errs = errors_of(tmp_path / "out")
    by_id = {e["id"]: e for e in errs}
    assert by_id[str(d / "cut.html.gz")]["error"] == "EOFError"
    assert by_id[str(d / "dangling.html")]["error"] == "FileNotFoundError"
    assert by_id[str(tmp_path / "missing.warc")]["stage"] == "read"
    cut = [e for e in errs if e["source_path"] == str(d / "cut.warc.gz")]
    assert len(cut) == 1 and cut[0]["error"] == "EOFError" and "cannot read" in cut[0]["message"]
    corrupt_errs = [e for e in errs if e["source_path"] == str(d / "corrupt.warc")]
    assert len(corrupt_errs) == 1 and corrupt_errs[0]["error"] == "TruncatedRecord"
    assert corrupt_errs[0]["id"].startswith("<urn:uuid:") and "claims" in corrupt_errs[0]["message"]
    garbage = [e for e in errs if e["source_path"] == str(d / "garbage.warc")]
    assert len(garbage) == 1 and garbage[0]["stage"] == "read"
    jl = {e["id"]: e for e in errs if e["source_path"] == str(d / "lines.jsonl")}
    assert jl[f"{d / 'lines.jsonl'}:2"]["error"] == "JSONDecodeError"
    assert (
        jl[f"{d / 'lines.jsonl'}:3"]["error"] == "MissingField"
        and "no html" in jl[f"{d / 'lines.jsonl'}:3"]["message"]
    )
    assert jl[f"{d / 'lines.jsonl'}:4"]["stage"] == "parse"
    for e in errs:
        assert set(e) >= {"id", "stage", "error", "message"} and e["message"]
    out_ids = [r["id"] for r in read_output(tmp_path / "out")]
    assert "j1" in out_ids and len(out_ids) == 5  # cut.warc: 2, corrupt.warc: 1, garbage.warc: 1, j1
    assert summary["errors"] == len(errs) == 9 and summary["pages_in"] == len(out_ids) + len(errs)
    assert "errors (" in format_summary(summary)


def test_output_directory_guard_and_finished_resume(tmp_path: Path, pages: list) -> None:
    from dehusk import DehuskError

    paths = write_inputs(pages[:2], tmp_path / "in")
    corpus_run([paths["text_jsonl"]], tmp_path / "out", workers=1, work=WorkConfig(extract_fn=FAKE))
    with pytest.raises(DehuskError, match="--resume"):
        corpus_run([paths["text_jsonl"]], tmp_path / "out", workers=1, work=WorkConfig(extract_fn=FAKE))
    with pytest.raises(DehuskError, match="inputs differ"):
        corpus_run(
            [paths["html_jsonl"]], tmp_path / "out", workers=1, resume=True, work=WorkConfig(extract_fn=FAKE)
        )
    again = corpus_run(
        [paths["text_jsonl"]], tmp_path / "out", workers=1, resume=True, work=WorkConfig(extract_fn=FAKE)
    )
    assert again["pages_in"] == 2 and again["pages_this_session"] == 0


def test_cli_run_writes_summary(tmp_path: Path, pages: list, capsys: pytest.CaptureFixture) -> None:
    from dehusk.cli import main

    paths = write_inputs(pages[:3], tmp_path / "in")
    rc = main(
        [
            "run",
            str(paths["wet"]),
            "-o",
            str(tmp_path / "out"),
            "--workers",
            "1",
            "--no-templates",
            "--extract-fn",
            FAKE,
            "--format",
            "parquet",
        ]
    )
    assert rc == 0
    err = capsys.readouterr().err
    assert "3 pages in, 3 out, 0 errors" in err and "pages/s" in err
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["pages_out"] == 3 and summary["shards"] == 1
