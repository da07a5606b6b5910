"""The ASGI app: `POST /v1/extract`, `/v1/extract/batch`, `/v1/extract/file`, `GET /healthz`, the
inspection page at `/`, and the OpenAPI description at `/openapi.json`.

Build it with `create_app(ServeSettings(...))`; `dehusk serve` runs it with uvicorn.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..article import CONTENT_LABELS, HUSK_LABELS, METADATA_LABELS
from ..errors import DehuskError, PageTimeout
from ..pipeline import extract
from .fetch import FetchedPage, FetchError, FetchLimits, fetch_page
from .limits import BodyLimit, ExtractionPool, HardTimeout
from .models import (
    ApiError,
    BatchRequest,
    ExtractRequest,
    component_schemas,
    error_responses,
    ref,
)
from .settings import ServeSettings

log = logging.getLogger("dehusk.serve")

STATIC = Path(__file__).parent / "static"

Extractor = Callable[..., Any]  # dehusk.extract's signature
Fetcher = Callable[[str], FetchedPage]

_PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_TRUE = {"1", "true", "on", "yes"}


@dataclass(frozen=True, slots=True)
class _Page:
    content: str | bytes
    mode: str
    url: str | None
    content_type: str | None = None


def _json_request_body(op: str) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": ref(op)}}}}


async def _read_json(request: Request, model: type[ExtractRequest] | type[BatchRequest]) -> Any:
    """Parse and validate a JSON body, with a 4xx and a plain message for each way it can be wrong."""
    ctype = request.headers.get("content-type", "")
    media = ctype.split(";", 1)[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        got = repr(ctype) if ctype else "no Content-Type"
        raise ApiError(
            415,
            "unsupported_media_type",
            f"send a JSON object with Content-Type: application/json (got {got}); "
            "to upload a file, use POST /v1/extract/file",
        )
    raw = await request.body()
    if not raw.strip():
        raise ApiError(
            400, "empty_body", 'the request body is empty: send a JSON object such as {"html": "..."}'
        )
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise ApiError(
            400, "invalid_json", "the request body is not JSON text (it does not decode as UTF-8)"
        ) from None
    except json.JSONDecodeError as exc:
        raise ApiError(
            400,
            "invalid_json",
            f"the request body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
        ) from None
    except RecursionError:
        raise ApiError(400, "invalid_json", "the request body is nested too deeply") from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", f"the JSON body must be an object, not {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", _validation_message(exc.errors())) from None


def _validation_message(errors: Any) -> str:
    parts = []
    for err in list(errors)[:6]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "body"
        msg = err.get("msg", "invalid")
        if err.get("type") == "extra_forbidden":
            msg = "unknown field"
        parts.append(f"{loc}: {msg}")
    return "invalid request: " + "; ".join(parts)


def _form_flag(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() in _TRUE


def create_app(
    settings: ServeSettings | None = None,
    *,
    extractor: Extractor = extract,
    fetcher: Fetcher | None = None,
) -> FastAPI:
    """The dehusk service. `extractor` and `fetcher` can be replaced (tests, custom pipelines)."""
    settings = settings or ServeSettings()
    if fetcher is None:
        limits = FetchLimits(
            timeout=settings.fetch_timeout,
            max_bytes=settings.fetch_max_bytes,
            max_redirects=settings.fetch_max_redirects,
        )
        fetcher = functools.partial(fetch_page, limits=limits)
    index_html = (STATIC / "index.html").read_text(encoding="utf-8")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = ExtractionPool(settings.threads, settings.queue)
        try:
            yield
        finally:
            app.state.pool.close()

    app = FastAPI(
        title="dehusk",
        version=__version__,
        summary="The article inside a web page, over HTTP.",
        description="Send a page (HTML or a plain-text dump) and get the article back: title, authors, "
        "dates, lead and text, and with `explain` every block of the page with its label, score and reason.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads its assets from a CDN: the description is at /openapi.json
        redoc_url=None,
    )
    app.state.settings = settings
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, timeout=settings.body_timeout)

    # ---- errors: every failure is {"error": {"code", "message"}} with a fitting status ----
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(
            {"error": {"code": code, "message": str(exc.detail)}},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            {"error": {"code": "invalid_request", "message": _validation_message(exc.errors())}},
            status_code=422,
        )

    @app.exception_handler(Exception)
    async def _internal_error(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return JSONResponse(
            {"error": {"code": "internal_error", "message": f"internal error ({type(exc).__name__})"}},
            status_code=500,
        )

    # ---- the work ----
    def pool_of(request: Request) -> ExtractionPool:
        pool = getattr(request.app.state, "pool", None)
        if pool is None:  # mounted inside another app, whose lifespan does not run ours
            pool = request.app.state.pool = ExtractionPool(settings.threads, settings.queue)
        return pool

    async def get_page(req: ExtractRequest, upload: _Page | None = None) -> _Page:
        given = [name for name in ("html", "text") if getattr(req, name) is not None]
        if upload is not None:
            given.append("file")
        if len(given) > 1:
            raise ApiError(422, "invalid_request", f"send one page, not {' and '.join(given)}")
        if upload is not None:
            return upload
        if req.html is not None:
            return _Page(req.html, req.mode or "html", req.url)
        if req.text is not None:
            return _Page(req.text, req.mode or "text", req.url)
        if not req.url:
            raise ApiError(
                422,
                "missing_page",
                "send the page as html or text (a JSON string)"
                + (", or a url to fetch" if settings.allow_fetch else ""),
            )
        if not settings.allow_fetch:
            raise ApiError(
                400,
                "fetch_disabled",
                "this server does not fetch URLs (start it with --allow-fetch); "
                "send the page itself as html or text",
            )
        try:
            fetched = await asyncio.wait_for(
                asyncio.to_thread(fetcher, req.url), settings.fetch_timeout + settings.grace
            )
        except FetchError as exc:
            raise ApiError(exc.status, exc.code, str(exc)) from None
        except TimeoutError:
            raise ApiError(
                504, "fetch_timeout", f"fetching took longer than {settings.fetch_timeout:g} s"
            ) from None
        return _Page(fetched.body, req.mode or "auto", fetched.url, fetched.content_type)

    async def run_extract(
        request: Request, req: ExtractRequest, upload: _Page | None = None
    ) -> dict[str, Any]:
        page = await get_page(req, upload)
        timeout = min(req.timeout, settings.timeout) if req.timeout else settings.timeout

        def job() -> dict[str, Any]:
            article = extractor(
                page.content,
                mode=page.mode,
                url=page.url,
                content_type=page.content_type,
                explain=req.explain,
                markdown=req.format == "markdown",
                timeout=timeout,
            )
            return article.to_dict()

        try:
            return await pool_of(request).run(job, timeout + settings.grace)
        except (PageTimeout, HardTimeout) as exc:
            raise ApiError(504, "page_timeout", str(exc)) from None
        except DehuskError as exc:
            raise ApiError(400, "bad_page", str(exc)) from None
        except ApiError:
            raise
        except Exception as exc:  # an extraction bug must not take the server down
            log.exception("extract failed")
            raise ApiError(500, "internal_error", f"extraction failed ({type(exc).__name__})") from None

    def render(article: dict[str, Any], fmt: str) -> Response:
        if fmt == "json":
            return JSONResponse(article)
        title = article.get("title")
        if fmt == "markdown":
            body = (f"# {title}\n\n" if title else "") + (article.get("markdown") or "") + "\n"
            return PlainTextResponse(body, media_type="text/markdown; charset=utf-8")
        return PlainTextResponse((f"{title}\n\n" if title else "") + article.get("text", "") + "\n")

    def _admit(request: Request):  # noqa: ANN202
        pool = pool_of(request)
        if pool.admitted >= pool.capacity:
            raise ApiError(
                503,
                "overloaded",
                f"the server is busy ({pool.admitted} requests in progress); retry shortly",
                headers={"Retry-After": "1"},
            )
        return pool.admit()

    # ---- routes ----
    extract_responses: dict[int | str, dict[str, Any]] = {
        200: {
            "description": "The article (format json), or its text (format text or markdown)",
            "content": {
                "application/json": {"schema": ref("Article")},
                "text/plain": {"schema": {"type": "string"}},
                "text/markdown": {"schema": {"type": "string"}},
            },
        },
        **error_responses(400, 413, 415, 422, 502, 503, 504),
    }

    @app.post(
        "/v1/extract",
        tags=["extract"],
        summary="Extract the article from one page",
        openapi_extra=_json_request_body("ExtractRequest"),
        responses=extract_responses,
    )
    async def extract_one(request: Request) -> Response:
        req = await _read_json(request, ExtractRequest)
        with _admit(request):
            article = await run_extract(request, req)
        return render(article, req.format)

    @app.post(
        "/v1/extract/batch",
        tags=["extract"],
        summary="Extract the articles from several pages",
        openapi_extra=_json_request_body("BatchRequest"),
        responses={
            200: {
                "description": "One result per page, in order",
                "content": {"application/json": {"schema": ref("BatchResponse")}},
            },
            **error_responses(400, 413, 415, 422, 503),
        },
    )
    async def extract_batch(request: Request) -> JSONResponse:
        batch = await _read_json(request, BatchRequest)
        if len(batch.pages) > settings.max_batch:
            raise ApiError(
                413,
                "batch_too_large",
                f"{len(batch.pages)} pages: a batch holds at most {settings.max_batch}",
            )

        async def one(index: int, req: ExtractRequest) -> dict[str, Any]:
            try:
                return {"index": index, "status": 200, "article": await run_extract(request, req)}
            except ApiError as exc:
                return {"index": index, "status": exc.status, **exc.body()}

        with _admit(request):
            results = await asyncio.gather(*(one(i, p) for i, p in enumerate(batch.pages)))
        ok = sum(1 for r in results if r["status"] == 200)
        return JSONResponse({"results": results, "ok": ok, "failed": len(results) - ok})

    @app.post(
        "/v1/extract/file",
        tags=["extract"],
        summary="Extract the article from an uploaded file",
        description="multipart/form-data with a `file` (or a `text` / `html` field), and optionally "
        "`mode`, `url`, `format`, `explain`, `timeout` fields. Bytes are decoded by BOM, declared "
        "charset, then detection.",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "text": {"type": "string"},
                                "html": {"type": "string"},
                                "mode": {"enum": ["auto", "text", "html"]},
                                "url": {"type": "string"},
                                "format": {"enum": ["json", "text", "markdown"]},
                                "explain": {"type": "boolean"},
                                "timeout": {"type": "number"},
                            },
                        }
                    }
                },
            }
        },
        responses=extract_responses,
    )
    async def extract_file(request: Request) -> Response:
        ctype = request.headers.get("content-type", "")
        if not ctype.lower().startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            got = repr(ctype) if ctype else "no Content-Type"
            raise ApiError(
                415, "unsupported_media_type", f"send multipart/form-data with a 'file' field (got {got})"
            )
        try:
            form = await request.form(max_files=1, max_fields=20, max_part_size=settings.max_body_bytes)
        except Exception as exc:  # python-multipart / starlette parse errors
            raise ApiError(400, "invalid_form", f"the form data cannot be read: {exc}") from None
        fields: dict[str, Any] = {}
        upload: _Page | None = None
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key != "file":
                    raise ApiError(422, "invalid_request", f"unexpected file field {key!r}: name it 'file'")
                data = await value.read()
                if not data and not value.filename:
                    continue  # a form's file input left empty
                upload = _Page(data, "auto", None, value.content_type)
            elif key == "file":  # sent as a plain field: empty (no file chosen) or the page itself
                if value:
                    upload = _Page(value, "auto", None, None)
            elif key in ("text", "html", "url", "mode", "format", "timeout") and value != "":
                fields[key] = value
            elif key == "explain":
                fields["explain"] = _form_flag(value)
            elif key not in ("text", "html", "url", "mode", "format", "timeout"):
                raise ApiError(422, "invalid_request", f"unknown form field {key!r}")
        try:
            req = ExtractRequest.model_validate(fields)
        except ValidationError as exc:
            raise ApiError(422, "invalid_request", _validation_message(exc.errors())) from None
        if upload is not None:  # a file: read in `mode` (default auto), with the form's url
            upload = _Page(upload.content, req.mode or "auto", req.url, upload.content_type)
        with _admit(request):
            article = await run_extract(request, req, upload)
        return render(article, req.format)

    @app.get("/healthz", tags=["service"], summary="Liveness and load")
    async def healthz(request: Request) -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "pool": pool_of(request).stats()}

    @app.get("/v1/info", tags=["service"], summary="Labels and limits of this server")
    async def info() -> dict[str, Any]:
        return {
            "version": __version__,
            "labels": {
                "content": list(CONTENT_LABELS),
                "metadata": list(METADATA_LABELS),
                "husk": list(HUSK_LABELS),
            },
            "limits": {
                "max_body_bytes": settings.max_body_bytes,
                "max_batch": settings.max_batch,
                "timeout": settings.timeout,
                "threads": settings.threads,
                "queue": settings.queue,
            },
            "allow_fetch": settings.allow_fetch,
        }

    @app.get("/", include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(
            index_html,
            headers={
                "Content-Security-Policy": _PAGE_CSP,
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "no-cache",
            },
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(component_schemas())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn worker processes: settings come from $DEHUSK_SERVE_SETTINGS (JSON)."""
    return create_app(ServeSettings.from_env())
