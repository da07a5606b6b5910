"""The segmenter's walk also makes the metadata's body scan (`segment_and_scan`): its record must
equal `metadata_page.scan_body`'s own walk, and its segments `segment_html`'s, on every kind of
subtree the walk does not enter (scripts, svg, <pre>, inline code, a skipped <noscript>) and
around the MAX_SCAN budget."""

from __future__ import annotations

from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from dehusk.metadata_page import MAX_SCAN, Scan, scan_body
from dehusk.segment_html import segment_and_scan, segment_html

_BITS = (
    "<p>Jane Doe is a reporter who covers the city council and its plans.</p>",
    "<p class='byline'>By <a href='/author/jane'>Jane Doe</a></p>",
    "<time datetime='2024-04-04'>4 April 2024</time>",
    "<script>Jane Doe is a script that looks like a bio 2024 and more text here</script>",
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\"}</script>",
    "<meta itemprop='datePublished' content='2024-04-04'>",
    "<svg><g><text>Published 12 May 2023</text></g><title>By Jim Smith</title></svg>",
    "<pre>By Ann Lee\n  posted 2021-03-02\n</pre>",
    "<p>Use <code>By Bob 2020</code> here, <kbd>Ctrl</kbd> 2019.</p>",
    "<noscript><p>Posted by Max Mustermann on 3 March 2022</p></noscript>",
    "<!-- By Comment 2024 -->",
    "<hr>",
    "<style>.a{}</style><template><p>By Tim 2024</p></template>",
    "<div>Updated 2023-01-01 <b>Written by Carla Gomez</b></div>",
    "<textarea>By Text Area 2020</textarea><select><option>By Opt 2020</option></select>",
    "<p>" + "Long prose, " * 40 + "written by nobody in 2024.</p>",
    "   \n  ",
)


def _key(scan: Scan) -> tuple[Any, ...]:
    return (
        scan.n,
        sorted(scan.positions.items()),
        [(i, t, n.mem_id) for i, t, n in scan.dates],
        [(i, t, n.mem_id) for i, t, n in scan.bylines],
        [(i, t, n.mem_id) for i, t, n in scan.bios],
    )


def _fields(obj: Any) -> tuple[Any, ...]:
    return tuple(getattr(obj, k) for k in obj.__slots__ if k != "chains")


def _check(html: str, include_noscript: bool = True) -> Scan:
    tree = LexborHTMLParser(html)
    body = tree.body
    wanted = tree.css("h1, time, [itemprop], a, p, svg, pre, code, noscript, hr, script, meta, body")
    ref = scan_body(body, wanted)
    segs, page, scan = segment_and_scan(
        tree.root, body=body, want=frozenset(n.mem_id for n in wanted), include_noscript=include_noscript
    )
    assert scan is not None
    assert _key(scan) == _key(ref)
    plain_segs, plain_page = segment_html(tree.root, include_noscript=include_noscript)
    assert [_fields(s) for s in segs] == [_fields(s) for s in plain_segs]
    assert _fields(page) == _fields(plain_page)
    return ref


@pytest.mark.parametrize("include_noscript", [True, False])
def test_scan_equals_scan_body_on_every_subtree_kind(include_noscript: bool) -> None:
    body = "".join(_BITS)
    ref = _check(f"<html><head><title>T</title></head><body><h1>Head</h1>{body}</body></html>", include_noscript)
    assert ref.dates and ref.bylines and ref.bios and ref.positions
    for i in range(len(_BITS)):  # each kind first, last and alone
        rest = _BITS[:i] + _BITS[i + 1 :]
        _check("<body>" + _BITS[i] + "".join(rest) + "</body>", include_noscript)
        _check("<body><div>" + "".join(rest) + "</div>" + _BITS[i] + "</body>", include_noscript)
        _check("<body>" + _BITS[i] + "</body>", include_noscript)


def test_scan_of_bare_and_empty_bodies() -> None:
    for html in ("", "<p>By Jane Doe</p>", "<html><body></body></html>", "<body>By Jane 2024</body>",
                 "<html><body><p>x</p></body></html><!-- after 2024 -->", "<frameset><frame></frameset>"):
        tree = LexborHTMLParser(html)
        if tree.body is None:
            continue
        _check(html)


@pytest.mark.parametrize("tail", [
    "<p>By Jane Doe on 4 April 2024</p>",
    "<script>var x = 2024;</script>",
    "<pre>By Ann 2020\nx</pre>",
    "<svg>" + "<g></g>" * 5 + "</svg>",
    "<p><code>By Bob 2020</code></p>",
])
def test_scan_around_the_node_budget(tail: str) -> None:
    # bodies whose node count straddles MAX_SCAN, with the subtree kind at the boundary
    unit = "<span>a</span>"  # two nodes
    for pad in range(MAX_SCAN // 2 - 6, MAX_SCAN // 2 + 3):
        html = "<html><body>" + unit * pad + tail + unit * 2 + "</body></html>"
        _check(html)
        _check("<html><body>" + unit * pad + tail + "</body></html>")
        _check("<html><body>x" + unit * pad + tail + "</body></html>")  # (odd counts: 8000 exactly)
