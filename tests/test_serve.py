"""The HTTP service in-process: routes, request parsing, error answers, limits, OpenAPI."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest

from dehusk import LABELS, Article, Block, InputError, PageTimeout
from dehusk.serve.app import STATIC, create_app
from dehusk.serve.fetch import BlockedURL, FetchedPage
from dehusk.serve.settings import ServeSettings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2 over httpx; both work
    from fastapi.testclient import TestClient

PAGE_HTML = (
    "<html><head><title>Harbour reopens | Coast Daily</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>Harbour reopens after storm repairs</h1>"
    + "".join(
        f"<p>The harbour master said on Monday that the quay, damaged in the winter storms, is safe again "
        f"and that fishing boats can use it from next week, paragraph {i}.</p>"
        for i in range(6)
    )
    + "</article><footer>Copyright Coast Daily</footer></body></html>"
)


class Recorder:
    """A stand-in for dehusk.extract that records its calls and returns a fixed article."""

    def __init__(
        self,
        article: Article | None = None,
        exc: BaseException | None = None,
        delay: float = 0.0,
        gate: threading.Event | None = None,
    ) -> None:
        self.calls: list[dict[str, Any]] = []
        self.article = article or Article(
            title="Fixed title",
            text="First paragraph.\n\nSecond one.",
            lead="First paragraph.",
            mode="text",
            markdown="First paragraph.\n\n- a list",
            blocks=(Block(0, "Fixed title", "title", 0.9, "h1"),),
        )
        self.exc = exc
        self.delay = delay
        self.gate = gate

    def __call__(self, page: str | bytes, **kwargs: Any) -> Article:
        self.calls.append({"page": page, **kwargs})
        if self.gate is not None:
            self.gate.wait(10)
        if self.delay:
            time.sleep(self.delay)
        if self.exc is not None:
            raise self.exc
        return self.article


def client(settings: ServeSettings | None = None, **kwargs: Any) -> TestClient:
    return TestClient(create_app(settings, **kwargs))


def error_of(resp: httpx.Response) -> dict[str, str]:
    body = resp.json()
    assert set(body) == {"error"}, body
    assert body["error"]["message"], body
    return body["error"]


# ---- happy paths -------------------------------------------------------------------------------


def test_healthz_and_info() -> None:
    with client() as c:
        r = c.get("/healthz")
        assert r.status_code == 200
        assert r.json()["status"] == "ok"
        info = c.get("/v1/info").json()
        assert set(info["labels"]["content"] + info["labels"]["metadata"] + info["labels"]["husk"]) == set(
            LABELS
        )
        assert info["allow_fetch"] is False


def test_extract_html_returns_article_json() -> None:
    with client() as c:
        r = c.post("/v1/extract", json={"html": PAGE_HTML, "url": "https://coast.example/harbour"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    art = r.json()
    for key in ("title", "authors", "published", "lead", "text", "url", "mode"):
        assert key in art
    assert art["mode"] == "html"
    assert art["url"] == "https://coast.example/harbour"
    assert "blocks" not in art
    assert "harbour master" in art["text"]


def test_explain_gives_labelled_blocks() -> None:
    with client() as c:
        r = c.post("/v1/extract", json={"html": PAGE_HTML, "explain": True})
    blocks = r.json()["blocks"]
    assert blocks
    assert all(b["label"] in LABELS and isinstance(b["score"], float) and b["reason"] for b in blocks)
    assert [b["index"] for b in blocks] == sorted(b["index"] for b in blocks)


def test_mode_defaults_follow_the_field_and_can_be_overridden() -> None:
    rec = Recorder()
    with client(extractor=rec) as c:
        c.post("/v1/extract", json={"html": "<p>x</p>"})
        c.post("/v1/extract", json={"text": "x"})
        c.post(
            "/v1/extract",
            json={"text": "<p>x</p>", "mode": "auto", "explain": True, "url": "https://a.example/"},
        )
    assert [call["mode"] for call in rec.calls] == ["html", "text", "auto"]
    assert rec.calls[2]["explain"] is True and rec.calls[0]["explain"] is False
    assert rec.calls[2]["url"] == "https://a.example/"


def test_timeout_is_capped_by_the_server() -> None:
    rec = Recorder()
    with client(ServeSettings(timeout=3), extractor=rec) as c:
        c.post("/v1/extract", json={"text": "x", "timeout": 1})
        c.post("/v1/extract", json={"text": "x", "timeout": 100})
        c.post("/v1/extract", json={"text": "x"})
    assert [call["timeout"] for call in rec.calls] == [1, 3, 3]


def test_text_and_markdown_formats() -> None:
    rec = Recorder()
    with client(extractor=rec) as c:
        text = c.post("/v1/extract", json={"text": "x", "format": "text"})
        md = c.post("/v1/extract", json={"text": "x", "format": "markdown"})
    assert text.headers["content-type"].startswith("text/plain")
    assert text.text == "Fixed title\n\nFirst paragraph.\n\nSecond one.\n"
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Fixed title\n\n") and "- a list" in md.text
    assert rec.calls[0]["markdown"] is False and rec.calls[1]["markdown"] is True


def test_batch_answers_each_page_in_order() -> None:
    rec = Recorder()
    with client(extractor=rec) as c:
        r = c.post(
            "/v1/extract/batch",
            json={
                "pages": [
                    {"text": "a"},
                    {},
                    {"html": "<p>b</p>", "text": "c"},
                    {"html": "<p>d</p>", "explain": True},
                ]
            },
        )
    assert r.status_code == 200
    body = r.json()
    assert [res["index"] for res in body["results"]] == [0, 1, 2, 3]
    assert [res["status"] for res in body["results"]] == [200, 422, 422, 200]
    assert body["ok"] == 2 and body["failed"] == 2
    assert body["results"][0]["article"]["title"] == "Fixed title"
    assert body["results"][1]["error"]["code"] == "missing_page"
    assert "blocks" in body["results"][3]["article"]


def test_batch_limits() -> None:
    with client(ServeSettings(max_batch=3), extractor=Recorder()) as c:
        too_many = c.post("/v1/extract/batch", json={"pages": [{"text": "a"}] * 4})
        empty = c.post("/v1/extract/batch", json={"pages": []})
        wrong = c.post("/v1/extract/batch", json={"pages": [{"text": 5}]})
    assert too_many.status_code == 413 and error_of(too_many)["code"] == "batch_too_large"
    assert empty.status_code == 422
    assert wrong.status_code == 422 and "pages.0.text" in error_of(wrong)["message"]


def test_file_upload_passes_bytes_and_charset() -> None:
    rec = Recorder()
    raw = "<html><p>Café crème</p></html>".encode("latin-1")
    with client(extractor=rec) as c:
        r = c.post(
            "/v1/extract/file",
            files={"file": ("page.html", raw, "text/html; charset=iso-8859-1")},
            data={"explain": "on", "url": "https://a.example/p", "mode": "html"},
        )
        # a browser sends an empty file part when no file is chosen, and empty text inputs
        form_text = c.post(
            "/v1/extract/file",
            files={"file": ("", b"", "application/octet-stream")},
            data={"text": "plain words", "url": "", "mode": "auto"},
        )
        wrong = c.post("/v1/extract/file", json={"text": "x"})
        unknown = c.post("/v1/extract/file", data={"text": "x", "colour": "red"})
    assert r.status_code == 200
    call = rec.calls[0]
    assert call["page"] == raw and call["content_type"].startswith("text/html")
    assert call["mode"] == "html" and call["explain"] is True and call["url"] == "https://a.example/p"
    assert form_text.status_code == 200 and rec.calls[1]["page"] == "plain words"
    assert wrong.status_code == 415
    assert unknown.status_code == 422 and "colour" in error_of(unknown)["message"]


def test_file_upload_real_extraction_decodes_bytes() -> None:
    raw = PAGE_HTML.replace("said", "said café").encode("cp1252")
    with client() as c:
        r = c.post("/v1/extract/file", files={"file": ("p.html", raw, "text/html; charset=windows-1252")})
    assert r.status_code == 200
    assert "café" in r.json()["text"]


# ---- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "ctype", "status", "code"),
    [
        (b'{"html": "<p>x</p>"', "application/json", 400, "invalid_json"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe binary", "application/json", 400, "invalid_json"),
        (b"", "application/json", 400, "empty_body"),
        (b'{"html": "x"}', "text/plain", 415, "unsupported_media_type"),
        (b'{"html": "x"}', "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        (b'{"html": "x"}', None, 415, "unsupported_media_type"),
        (b'["html"]', "application/json", 422, "invalid_request"),
        (b"{}", "application/json", 422, "missing_page"),
        (b'{"html": "a", "text": "b"}', "application/json", 422, "invalid_request"),
        (b'{"html": "a", "mode": "pdf"}', "application/json", 422, "invalid_request"),
        (b'{"html": "a", "colour": 1}', "application/json", 422, "invalid_request"),
        (b'{"html": "a", "timeout": -1}', "application/json", 422, "invalid_request"),
        (b'{"url": "https://a.example/"}', "application/json", 400, "fetch_disabled"),
        (b"[" * 100_000, "application/json", 400, "invalid_json"),
    ],
)
def test_bad_requests_get_4xx_with_a_message(body: bytes, ctype: str | None, status: int, code: str) -> None:
    headers = {"content-type": ctype} if ctype else {}
    with client() as c:
        r = c.post("/v1/extract", content=body, headers=headers)
        assert r.status_code == status, r.text
        assert error_of(r)["code"] == code
        assert c.get("/healthz").status_code == 200


def test_body_over_the_limit_is_413() -> None:
    with client(ServeSettings(max_body_bytes=1000)) as c:
        r = c.post("/v1/extract", json={"text": "x" * 2000})
        ok = c.post("/v1/extract", json={"text": "short text"})
    assert r.status_code == 413 and error_of(r)["code"] == "too_large"
    assert ok.status_code == 200


def test_unknown_route_and_method_are_json_errors() -> None:
    with client() as c:
        assert error_of(c.get("/v2/nothing"))["code"] == "not_found"
        assert error_of(c.get("/v1/extract"))["code"] == "method_not_allowed"


def test_input_error_is_400_and_crash_is_500_and_the_server_goes_on() -> None:
    with client(extractor=Recorder(exc=InputError("cannot read this page"))) as c:
        r = c.post("/v1/extract", json={"text": "x"})
    assert r.status_code == 400 and "cannot read" in error_of(r)["message"]
    with client(extractor=Recorder(exc=RuntimeError("bug"))) as c:
        r = c.post("/v1/extract", json={"text": "x"})
        assert r.status_code == 500 and error_of(r)["code"] == "internal_error"
        assert c.get("/healthz").status_code == 200


def test_page_timeout_is_504() -> None:
    with client(extractor=Recorder(exc=PageTimeout("page took longer than 10 s"))) as c:
        r = c.post("/v1/extract", json={"text": "x"})
    assert r.status_code == 504 and error_of(r)["code"] == "page_timeout"


def test_runaway_page_gets_504_and_keeps_its_slot_until_it_ends() -> None:
    settings = ServeSettings(timeout=0.2, grace=0.1, threads=1)
    with client(settings, extractor=Recorder(delay=2.0)) as c:
        r = c.post("/v1/extract", json={"text": "x"})
        assert r.status_code == 504
        stats = c.get("/healthz").json()["pool"]
        assert stats["running"] == 1 and stats["admitted"] == 0  # the thread is still busy
        for _ in range(200):
            if c.get("/healthz").json()["pool"]["running"] == 0:
                break
            time.sleep(0.05)
        assert c.get("/healthz").json()["pool"]["running"] == 0


def test_overload_is_503_with_retry_after() -> None:
    gate = threading.Event()
    app = create_app(ServeSettings(threads=1, queue=1), extractor=Recorder(gate=gate))

    async def scenario() -> tuple[list[int], httpx.Response]:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
                first = [asyncio.create_task(c.post("/v1/extract", json={"text": "x"})) for _ in range(2)]
                for _ in range(200):
                    if app.state.pool.admitted == 2:
                        break
                    await asyncio.sleep(0.01)
                third = await c.post("/v1/extract", json={"text": "x"})
                gate.set()
                return [(await t).status_code for t in first], third

    statuses, third = asyncio.run(scenario())
    assert statuses == [200, 200]
    assert third.status_code == 503 and third.headers["retry-after"] == "1"
    assert error_of(third)["code"] == "overloaded"


# ---- fetching (with a stand-in fetcher: the fetcher itself is tested in test_serve_fetch.py) ----


def test_url_alone_is_fetched_when_enabled() -> None:
    rec = Recorder()
    seen: list[str] = []

    def fetcher(url: str) -> FetchedPage:
        seen.append(url)
        return FetchedPage(
            url="https://a.example/final",
            status=200,
            content_type="text/html; charset=utf-8",
            body=b"<p>fetched</p>",
        )

    with client(ServeSettings(allow_fetch=True), extractor=rec, fetcher=fetcher) as c:
        r = c.post("/v1/extract", json={"url": "https://a.example/start"})
    assert r.status_code == 200
    assert seen == ["https://a.example/start"]
    call = rec.calls[0]
    assert call["page"] == b"<p>fetched</p>" and call["mode"] == "auto"
    assert call["url"] == "https://a.example/final" and call["content_type"].startswith("text/html")


def test_blocked_fetch_is_400() -> None:
    def fetcher(url: str) -> FetchedPage:
        raise BlockedURL("host '127.0.0.1' resolves to a loopback address")

    with client(ServeSettings(allow_fetch=True), fetcher=fetcher) as c:
        r = c.post("/v1/extract", json={"url": "http://127.0.0.1/"})
    assert r.status_code == 400 and error_of(r)["code"] == "blocked_url"


# ---- OpenAPI and the page ---------------------------------------------------------------------


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "$ref"] + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_openapi_describes_the_api_and_every_ref_resolves() -> None:
    with client() as c:
        spec = c.get("/openapi.json").json()
    assert {"/v1/extract", "/v1/extract/batch", "/v1/extract/file", "/healthz"} <= set(spec["paths"])
    body = spec["paths"]["/v1/extract"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/ExtractRequest"}
    schemas = spec["components"]["schemas"]
    assert {"html", "text", "url", "mode", "format", "explain"} <= set(
        schemas["ExtractRequest"]["properties"]
    )
    for ref in _refs(spec):
        node: Any = spec
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        assert isinstance(node, dict), ref
    json.dumps(spec)


def test_index_page_ships_its_assets_and_loads_nothing_from_elsewhere() -> None:
    with client() as c:
        page = c.get("/")
        assert page.status_code == 200
        assert "default-src 'none'" in page.headers["content-security-policy"]
        for asset in ("static/app.js", "static/app.css"):  # relative: the app can be mounted under a prefix
            assert f'"{asset}"' in page.text
            assert c.get("/" + asset).status_code == 200
    for path in Path(STATIC).iterdir():
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//cdn" not in text, path.name


def test_the_app_works_mounted_under_a_prefix() -> None:
    from starlette.applications import Starlette
    from starlette.routing import Mount

    parent = Starlette(routes=[Mount("/dehusk", app=create_app(extractor=Recorder()))])
    with TestClient(parent) as c:
        assert c.post("/dehusk/v1/extract", json={"text": "x"}).json()["title"] == "Fixed title"
        assert c.get("/dehusk/").status_code == 200
        assert c.get("/dehusk/static/app.js").status_code == 200
