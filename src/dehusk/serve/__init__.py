"""dehusk over HTTP: the ASGI app (`create_app`), its settings, and SSRF-safe fetching.

Needs the `serve` extra (FastAPI, uvicorn). `dehusk serve` starts it; see docs/serve.md.
"""

from .settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]


def __getattr__(name: str):  # noqa: ANN202 - import FastAPI only when the app is asked for
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
