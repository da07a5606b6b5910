"""dehusk's exceptions: every failure on bad input is one of these, with a clear message."""

from __future__ import annotations


class DehuskError(Exception):
    """Base class of all errors dehusk raises on purpose."""

    stage: str = "extract"


class InputError(DehuskError):
    """The input cannot be read as a page (wrong type, undecodable, ...)."""

    stage = "input"


class PageTimeout(DehuskError):
    """The page took longer than `Options.timeout` seconds."""

    stage = "timeout"
