"""One WARC / WET record handed to `extract` as a page (`dehusk.warc_record`)."""

from __future__ import annotations

import pytest

import dehusk
from conftest import load_text_fixture
from dehusk.warc_record import split_record

URL = "https://news.example.org/2024/03/14/orkney-tidal-array"


def wet_head(date: str = "2024-03-20T08:15:00Z", url: str = URL) -> str:
    return (
        "WARC/1.0\r\nWARC-Type: conversion\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: {date}\r\n"
        "WARC-Record-ID: <urn:uuid:6a8f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b>\r\n"
        "WARC-Refers-To: <urn:uuid:6a8f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5c>\r\n"
        "WARC-Block-Digest: sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ\r\n"
        "Content-Type: text/plain\r\nContent-Length: 4321\r\n\r\n"
    )


@pytest.fixture(scope="module")
def page() -> str:
    data, _ = load_text_fixture("en-news-blanklines")
    return data.decode("utf-8")


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_a_wet_record_gives_its_page_and_url(page: str, as_bytes: bool) -> None:
    record = wet_head() + page + "\r\n\r\n"
    art = dehusk.extract(record.encode() if as_bytes else record)
    plain = dehusk.extract(page, url=URL)
    assert art.url == URL
    assert art.mode == "text"
    assert art.to_dict() == plain.to_dict()  # the header lines are no lines of the page


def test_the_record_date_is_the_fetch_date(page: str) -> None:
    """A published date after the record's WARC-Date cannot be the page's (the fixture's byline
    says 14 March 2024)."""
    assert dehusk.extract(wet_head("2024-03-20T08:15:00Z") + page).published == "2024-03-14"
    assert dehusk.extract(wet_head("2023-01-02T00:00:00Z") + page).published != "2024-03-14"
    # a fetch date given by the caller wins over the record's
    art = dehusk.extract(wet_head("2023-01-02T00:00:00Z") + page, fetch_date="2024-06-01")
    assert art.published == "2024-03-14"


def test_a_response_record_is_decoded_by_its_http_charset() -> None:
    html = (
        "<html><head><title>Новости города</title></head><body><h1>Мост через реку откроют в мае</h1>"
        + "".join(f"<p>Строители завершили работы на {i}-м пролёте моста, и теперь движение по нему "
                  "откроют раньше, чем планировалось в прошлом году.</p>" for i in range(1, 8))
        + "</body></html>"
    )
    http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\nServer: test\r\n\r\n"
    head = f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: <{URL}>\r\nWARC-Date: 2024-05-01T00:00:00Z\r\n\r\n"
    record = head.encode() + http.encode() + html.encode("windows-1251")
    got = split_record(record)
    assert got is not None
    assert got[0].content_type == "text/html; charset=windows-1251" and got[0].url == URL
    art = dehusk.extract(record)
    assert art.mode == "html" and art.url == URL
    assert "Строители завершили работы" in art.text
    assert art.title in ("Новости города", "Мост через реку откроют в мае")


def test_several_records_are_refused_with_a_clear_error(page: str) -> None:
    records = wet_head() + page + "\r\n\r\n" + wet_head(url=URL + "?2") + page + "\r\n\r\n"
    with pytest.raises(dehusk.InputError, match="dehusk run"):
        dehusk.extract(records)


@pytest.mark.parametrize(
    "text",
    [
        "WARC/1.0 is the format web archives are written in.\n\nIt stores each response as a record.",
        "WARC/1.0\nthis line is no header\n\nbody",
        "WARC/1.0\r\nContent-Length: 3\r\n\r\nabc",  # (no WARC-Type: no record)
    ],
)
def test_text_that_only_looks_like_a_record_is_page_text(text: str) -> None:
    assert split_record(text) is None
    assert dehusk.extract(text, mode="text").url is None
