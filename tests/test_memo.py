"""`dehusk.memo`: bounded caches of pure functions that the garbage collector never walks."""

from __future__ import annotations

import gc

from dehusk.html_tokens import value_mask
from dehusk.memo import memo
from dehusk.names import _lists, name_evidence
from dehusk.notices import _notice_reason, notice_reason


def test_answers_are_the_functions_and_each_is_computed_once() -> None:
    calls: list[str] = []

    @memo(100)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert [shout(w) for w in ("a", "b", "a", "b", "c")] == ["A", "B", "A", "B", "C"]
    assert calls == ["a", "b", "c"]
    assert shout.__wrapped__("d") == "D" and "d" not in shout.cache  # the function itself, not remembered


def test_a_none_answer_is_remembered_too() -> None:
    calls: list[str] = []

    @memo(10)
    def nothing(text: str) -> None:
        calls.append(text)

    nothing("x")
    nothing("x")
    assert calls == ["x"]


def test_several_arguments_are_one_key() -> None:
    @memo(10)
    def join(a: str, b: bool) -> str:
        return f"{a}:{b}"

    assert join("x", True) == "x:True" and join("x", False) == "x:False"
    assert set(join.cache) == {("x", True), ("x", False)}


def test_a_full_cache_starts_afresh_and_stays_bounded() -> None:
    @memo(3)
    def double(n: int) -> int:
        return 2 * n

    sizes = []
    for n in range(10):
        assert double(n) == 2 * n
        sizes.append(len(double.cache))
    assert max(sizes) == 3 and sizes[3] == 1  # the fourth answer found the cache full: emptied first
    double.cache_clear()
    assert not double.cache


def test_the_collector_does_not_track_a_filled_token_mask_cache() -> None:
    for i in range(500):
        value_mask(f"widget-{i} sidebar-item promo col-{i % 7}")
    for line in ("Advertisement", "Accept all cookies", "Ferry timetable changes"):
        notice_reason(line)
    gc.collect()  # (a dict of strings to ints is untracked at a full collection)
    assert len(value_mask.cache) >= 500
    assert not gc.is_tracked(value_mask.cache)
    assert not gc.is_tracked(_notice_reason.cache)


def test_the_name_lists_are_not_tracked_and_still_answer() -> None:
    assert name_evidence(["Maria Nowak"]) == (1.0, 1.0)
    gc.collect()
    given, surnames = _lists()
    assert "maria" in given and "nowak" in surnames and "nowak" not in given
    assert not gc.is_tracked(given) and not gc.is_tracked(surnames)


def test_a_missing_model_is_looked_for_on_disk_once(monkeypatch) -> None:  # noqa: ANN001
    """`html_mode.members` asks for the member after the last on every page: the answer for a
    model that is not shipped is remembered, not looked for again."""
    from dehusk import classify, pagetype

    looked: list[str] = []
    real = classify._model_path

    def counting(name: str):  # noqa: ANN202
        looked.append(name)
        return real(name)

    monkeypatch.setattr(classify, "_model_path", counting)
    name = "html_block_m7_not_shipped"
    assert pagetype.model(name) is None
    assert pagetype.model(name) is None
    assert looked == [name]
