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


def test_garbled_counts_private_use_characters_as_the_plain_loop_does() -> None:
    import random

    from dehusk.decode import _garbled

    def reference(text: str) -> bool:
        sample = text[:20_000]
        return bool(sample) and (
            sample.count("\ufffd") + sum(1 for c in sample[:4000] if "\ue000" <= c <= "\uf8ff")) > 0.1 * min(len(sample), 4000)

    rng = random.Random(1)
    alphabet = "ab \ufffd\ue000\uf8ff\uf900\ud7ff"
    for _ in range(500):
        n = rng.randint(0, 6000)
        share = rng.random() * 0.4
        text = "".join(rng.choice(alphabet) if rng.random() < share else "x" for _ in range(n))
        assert _garbled(text) == reference(text)
