"""SSRF-safe fetching: address checks, URL checks, redirects re-checked per hop, size and time limits.

The only server contacted is one this test starts on 127.0.0.1 (let through by an explicit
`allow_networks` exception); blocked addresses are refused before any connection is made.
"""

from __future__ import annotations

import gzip
import ipaddress
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dehusk.serve.fetch import (
    BlockedURL,
    FetchError,
    FetchLimits,
    FetchTimeout,
    InvalidURL,
    address_problem,
    fetch_page,
    parse_url,
    system_resolver,
)

BLOCKED = [
    "127.0.0.1",
    "127.8.9.10",
    "0.0.0.0",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "192.0.2.1",
    "198.18.0.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "fec0::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::1",
    "2002:a00:1::1",
    "2001:db8::1",
    "64:ff9b::808:808",  # NAT64 is refused whole (reserved range), whatever it embeds
]
PUBLIC = [
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "2606:4700:4700::1111",
    "2a00:1450:4001::200e",
    "::ffff:8.8.8.8",
]


@pytest.mark.parametrize("addr", BLOCKED)
def test_non_public_addresses_are_refused(addr: str) -> None:
    assert address_problem(ipaddress.ip_address(addr)) is not None


@pytest.mark.parametrize("addr", PUBLIC)
def test_public_addresses_pass(addr: str) -> None:
    assert address_problem(ipaddress.ip_address(addr)) is None


def test_allow_networks_is_an_explicit_exception() -> None:
    allow = (ipaddress.ip_network("127.0.0.1/32"),)
    assert address_problem(ipaddress.ip_address("127.0.0.1"), allow) is None
    assert address_problem(ipaddress.ip_address("127.0.0.2"), allow) == "loopback"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://a.example/x",
        "gopher://a.example/",
        "//a.example/x",
        "/relative",
        "",
        "http://",
        "http://user:pw@a.example/",
        "http://a.example:99999/",
        "http://a.example/" + "x" * 3000,
        "http://a.example/a b",
        "javascript:alert(1)",
    ],
)
def test_malformed_or_unsupported_urls(url: str) -> None:
    with pytest.raises(InvalidURL):
        parse_url(url)


def test_parse_url_keeps_query_and_default_ports() -> None:
    t = parse_url("HTTPS://Example.ORG/a/b?x=1#frag")
    assert (t.scheme, t.host, t.port, t.path, t.host_header) == (
        "https",
        "example.org",
        443,
        "/a/b?x=1",
        "example.org",
    )
    t = parse_url("http://[2606:4700::1]:8080")
    assert (t.host, t.port, t.path, t.host_header) == ("2606:4700::1", 8080, "/", "[2606:4700::1]:8080")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://0x7f.0.0.1/",
        "http://127.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/",
    ],
)
def test_loopback_and_metadata_urls_are_blocked_by_the_real_resolver(url: str) -> None:
    with pytest.raises(BlockedURL, match="only pages on public addresses"):
        fetch_page(url, FetchLimits(timeout=2))


def test_every_resolved_address_must_be_public() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.7"]

    with pytest.raises(BlockedURL, match="private"):
        fetch_page("http://mixed.test/", FetchLimits(timeout=2), resolver=resolver)


def test_system_resolver_on_literals() -> None:
    assert system_resolver("127.0.0.1", 80) == ["127.0.0.1"]
    with pytest.raises(FetchError):
        system_resolver("no-such-host.invalid", 80)


# ---- against a local server -------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    hosts: list[str] = []

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(
        self, status: int, body: bytes = b"", headers: dict[str, str] | None = None, length: bool = True
    ) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        Handler.hosts.append(self.headers.get("Host", ""))
        port = self.server.server_address[1]
        path = self.path
        if path.startswith("/page"):
            self._send(200, b"<html><title>Local</title><p>hello</p></html>", {"Content-Type": "text/html"})
        elif path == "/to-page":
            self._send(302, headers={"Location": "/page?via=redirect"})
        elif path == "/to-evil":
            self._send(301, headers={"Location": "http://evil.test/steal"})
        elif path == "/to-loopback-2":
            self._send(307, headers={"Location": f"http://127.0.0.2:{port}/page"})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/no-location":
            self._send(302)
        elif path == "/big":
            self._send(200, b"x" * 5000, {"Content-Type": "text/plain"})
        elif path == "/big-unannounced":
            self._send(200, b"y" * 5000, {"Content-Type": "text/plain", "Connection": "close"}, length=False)
        elif path == "/gzip":
            self._send(200, gzip.compress(b"<p>zipped page</p>"), {"Content-Encoding": "gzip"})
        elif path == "/gzip-bomb":
            self._send(200, gzip.compress(b"z" * 200_000), {"Content-Encoding": "gzip"})
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, b"late")
        else:
            self._send(404, b"no")


@pytest.fixture(scope="module")
def local_server() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()


NAMES = {"good.test": ["127.0.0.1"], "evil.test": ["10.9.8.7"]}


def resolver(host: str, port: int) -> list[str]:
    return NAMES.get(host) or system_resolver(host, port)


LOCAL = FetchLimits(
    timeout=3, max_bytes=1000, max_redirects=3, allow_networks=(ipaddress.ip_network("127.0.0.1/32"),)
)


def fetch(port: int, path: str, limits: FetchLimits = LOCAL):  # noqa: ANN201
    return fetch_page(f"http://good.test:{port}{path}", limits, resolver=resolver)


def test_fetch_connects_to_the_checked_address_with_the_original_host(local_server: int) -> None:
    Handler.hosts.clear()
    page = fetch(local_server, "/page")
    assert page.status == 200 and page.body.startswith(b"<html>") and page.content_type == "text/html"
    assert Handler.hosts == [f"good.test:{local_server}"]


def test_relative_redirect_is_followed(local_server: int) -> None:
    page = fetch(local_server, "/to-page")
    assert page.url == f"http://good.test:{local_server}/page?via=redirect"


def test_redirect_to_a_private_address_is_blocked(local_server: int) -> None:
    with pytest.raises(BlockedURL, match="evil.test"):
        fetch(local_server, "/to-evil")
    with pytest.raises(BlockedURL, match="loopback"):
        fetch(local_server, "/to-loopback-2")


def test_redirect_limit(local_server: int) -> None:
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(local_server, "/loop")
    with pytest.raises(FetchError, match="without a Location"):
        fetch(local_server, "/no-location")


def test_size_limits(local_server: int) -> None:
    for path in ("/big", "/big-unannounced", "/gzip-bomb"):
        with pytest.raises(FetchError, match="larger than 1000 bytes"):
            fetch(local_server, path)
    assert fetch(local_server, "/gzip").body == b"<p>zipped page</p>"


def test_upstream_error_and_time_limit(local_server: int) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as info:
        fetch(local_server, "/missing")
    assert info.value.status == 502
    limits = FetchLimits(timeout=0.5, allow_networks=LOCAL.allow_networks)
    with pytest.raises(FetchTimeout):
        fetch(local_server, "/slow", limits)
