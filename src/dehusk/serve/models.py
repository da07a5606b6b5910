"""Request models of the HTTP API, the error shape, and their OpenAPI description."""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..article import ARTICLE_SCHEMA


class ApiError(Exception):
    """An error answered as ``{"error": {"code": ..., "message": ...}}`` with `status`."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


class ExtractRequest(BaseModel):
    """One page: `html` or `text` (or `url` alone, where the server fetches pages)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "html": "<html><head><title>A title</title></head><body><p>...</p></body></html>",
                    "url": "https://example.org/news/1",
                    "explain": True,
                },
                {"text": "Menu\nHome\n\nThe headline\n\nFirst paragraph ...", "format": "text"},
            ]
        },
    )

    html: str | None = Field(
        None, description="The page's HTML. Read in HTML mode unless `mode` says otherwise."
    )
    text: str | None = Field(
        None, description="A plain-text dump of the page. Read in text mode unless `mode` says otherwise."
    )
    url: str | None = Field(
        None,
        max_length=2048,
        description="The page's URL (helps site features). Alone, without html or text, the server "
        "fetches it, if started with --allow-fetch (public addresses only).",
    )
    mode: Literal["auto", "text", "html"] | None = Field(
        None,
        description="How to read the page; default: html for `html`, text for `text`, auto for fetched pages.",
    )
    format: Literal["json", "text", "markdown"] = Field(
        "json",
        description="json: the Article JSON. text / markdown: the title and text (or Markdown) as a "
        "text/plain answer; in a batch, markdown adds the `markdown` field to the Article JSON.",
    )
    explain: bool = Field(False, description="Add `blocks`: every block with its label, score and reason.")
    timeout: float | None = Field(
        None, gt=0, description="Seconds for this page; at most the server's own limit (the default)."
    )


class BatchRequest(BaseModel):
    """Several pages in one request; each is answered on its own (one failure fails only itself)."""

    model_config = ConfigDict(extra="forbid")

    pages: list[ExtractRequest] = Field(
        ..., min_length=1, description="The pages; at most the server's max_batch."
    )


def _article_schema() -> dict[str, Any]:
    schema = copy.deepcopy(ARTICLE_SCHEMA)
    schema.pop("$schema", None)
    schema["title"] = "Article"
    return schema


ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "machine-readable, e.g. invalid_json, too_large"},
                "message": {"type": "string", "description": "what went wrong, for people"},
            },
        }
    },
}

BATCH_RESPONSE_SCHEMA: dict[str, Any] = {
    "title": "BatchResponse",
    "type": "object",
    "required": ["results", "ok", "failed"],
    "properties": {
        "ok": {"type": "integer"},
        "failed": {"type": "integer"},
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["index", "status"],
                "properties": {
                    "index": {"type": "integer"},
                    "status": {"type": "integer", "description": "the HTTP status this page alone would get"},
                    "article": {"$ref": "#/components/schemas/Article"},
                    "error": {"$ref": "#/components/schemas/Error/properties/error"},
                },
            },
        },
    },
}


def component_schemas() -> dict[str, Any]:
    """Schemas to add under `components.schemas` of the OpenAPI document."""
    out: dict[str, Any] = {}
    for model in (ExtractRequest, BatchRequest):
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        out.update(schema.pop("$defs", {}))
        out[model.__name__] = schema
    out["Article"] = _article_schema()
    out["Error"] = ERROR_SCHEMA
    out["BatchResponse"] = BATCH_RESPONSE_SCHEMA
    return out


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    texts = {
        400: "Malformed JSON, a page that cannot be read, or a URL that may not be fetched",
        413: "Request body (or batch) larger than the server's limit",
        415: "Content-Type is not application/json",
        422: "JSON that does not match the request schema",
        502: "The page to fetch could not be fetched",
        503: "The server is busy: retry after the Retry-After seconds",
        504: "The page took longer than the time limit",
    }
    return {
        s: {"description": texts[s], "content": {"application/json": {"schema": ref("Error")}}}
        for s in statuses
    }
