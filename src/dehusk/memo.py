"""Bounded caches of pure functions that cost the garbage collector nothing.

dehusk remembers the answers of small pure functions (a class string's token mask, a line's
notice reason, a text's cleaned form...): the same strings come back on every page of a site.
`functools.lru_cache` keeps each entry in a linked list that CPython's cyclic garbage collector
walks at every full collection, and full collections come more often the more entries a cache
gains. With the caches filled by a few hundred pages, a full collection took about 40 ms, nearly
half of it in the two token-mask caches, and collections were 3% of HTML mode's time.

`memo` keeps the answers in a plain dict instead. A dict whose keys are strings (or tuples of
strings and flags) and whose values are ints, strings, booleans or None holds no object the
collector tracks, so CPython stops tracking the dict itself: the collector never walks it (the
date scan's cache keeps frozen `DateMatch` records, which it does walk: a few thousand). A full
cache is emptied, not trimmed entry by entry: the answers are the function's own either
way, and the memory stays bounded.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def memo(maxsize: int) -> Callable[[F], F]:
    """Remember `fn`'s answers, at most `maxsize` of them (then the cache starts afresh).

    `fn` must be pure and called with positional arguments only. The wrapper has `__wrapped__`
    (the function itself), `cache_clear()` and `cache` (the dict: to look at, not to change)."""

    def decorate(fn: F) -> F:
        cache: dict[Any, Any] = {}
        get = cache.get
        missing = object()
        one = len(inspect.signature(fn).parameters) == 1

        # two copies of one body: the one-argument functions (most, and the hottest: the token masks,
        # the notices) are keyed by their argument itself, with no tuple made at each call
        if one:
            def cached(arg: Any) -> Any:
                value = get(arg, missing)
                if value is missing:
                    value = fn(arg)
                    if len(cache) >= maxsize:
                        cache.clear()
                    cache[arg] = value
                return value
        else:
            def cached(*args: Any) -> Any:  # type: ignore[misc]
                value = get(args, missing)
                if value is missing:
                    value = fn(*args)
                    if len(cache) >= maxsize:
                        cache.clear()
                    cache[args] = value
                return value

        wrapper: Any = functools.update_wrapper(cached, fn)
        wrapper.cache_clear = cache.clear
        wrapper.cache = cache
        return wrapper  # type: ignore[no-any-return]

    return decorate
