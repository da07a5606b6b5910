"""`decode.to_text` on str input: the non-ASCII path finds NULs in the UTF-8 bytes it makes for the
surrogate check; the result must equal the plain rule (drop NULs and control characters, then
replace lone surrogates) on every mix of ASCII / non-ASCII, NULs, controls and surrogates."""

from __future__ import annotations

import itertools
import re

from dehusk.decode import to_text

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _reference(text: str) -> str:
    text = _CONTROL.sub("", text.replace("\x00", ""))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def test_to_text_str_paths_equal_reference() -> None:
    parts = ["plain", "café", "\u2019quote", "\x00", "\x07", "\ud800", "\udfff", "\U0001f600", "\n\t"]
    for n in (1, 2, 3):
        for combo in itertools.product(parts, repeat=n):
            text = "".join(combo)
            assert to_text(text) == _reference(text), repr(text)


def test_control_after_first_10k_chars_is_kept_as_before() -> None:
    # only NULs or a control character in the first 10,000 characters trigger the clean-up
    text = "é" + "a" * 20_000 + "\x07"
    assert to_text(text) == text
    assert to_text("\x00" + text) == _CONTROL.sub("", text)
