"""Fetching a page by URL without becoming a proxy into the server's own network (no SSRF).

Every hop: only http and https; the host is resolved once and *every* address it resolves to
must be public (no loopback, private, link-local, shared, reserved, multicast or unspecified
address, including IPv4 addresses hidden in IPv6 forms); the connection then goes to one of the
addresses that were checked (so a second DNS answer cannot swap in another address), and the
Host header and TLS name carry the original host name. Redirects are followed by hand, at most
`max_redirects` of them, each re-checked the same way. One deadline covers the whole fetch, and
the body is refused past `max_bytes`.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import DehuskError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

#: name -> list of IP address strings (the resolver can be swapped in tests)
Resolver = Callable[[str, int], list[str]]

_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_REDIRECTS = (301, 302, 303, 307, 308)
_MAX_URL = 2048


class FetchError(DehuskError):
    """The page could not be fetched. `status` is the HTTP status the service answers with."""

    stage = "fetch"
    status = 502
    code = "fetch_failed"


class InvalidURL(FetchError):
    status = 400
    code = "invalid_url"


class BlockedURL(FetchError):
    status = 400
    code = "blocked_url"


class FetchTimeout(FetchError):
    status = 504
    code = "fetch_timeout"


@dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout: float = 10.0  # seconds for the whole fetch, redirects included
    max_bytes: int = 5 * 1024 * 1024  # decoded body size limit
    max_redirects: int = 5
    #: exceptions to the public-only rule, for operators who mean it (and tests); empty by default
    allow_networks: tuple[IPNetwork, ...] = ()
    user_agent: str = "dehusk/0.1 (article extraction)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    status: int
    content_type: str | None
    body: bytes


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}") from exc
    seen: list[str] = []
    for info in infos:
        addr = str(info[4][0])
        if addr not in seen:
            seen.append(addr)
    return seen


def address_problem(ip: IPAddress, allow: Sequence[IPNetwork] = ()) -> str | None:
    """Why `ip` must not be fetched from (e.g. "loopback"), or None if it is a public address."""
    if any(ip.version == net.version and ip in net for net in allow):
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        embedded: list[IPAddress] = []
        if ip.ipv4_mapped is not None:
            embedded.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            embedded.append(ip.sixtofour)
        if ip.teredo is not None:
            embedded.extend(ip.teredo)
        if any(ip in net for net in _NAT64):
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        for inner in embedded:
            if problem := address_problem(inner, allow):
                return problem
        if ip.ipv4_mapped is not None:
            return None  # the embedded address decides
        if ip.is_site_local:
            return "site-local"
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-public", not ip.is_global),
    )
    for name, hit in checks:
        if hit:
            return name
    return None


@dataclass(frozen=True, slots=True)
class _Target:
    scheme: str
    host: str  # ASCII (IDNA) host name or IP literal, without brackets
    port: int
    path: str  # path and query

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def parse_url(url: str) -> _Target:
    """Check the URL's form (not its addresses) and split it."""
    if not isinstance(url, str) or not url.strip():
        raise InvalidURL("url is empty")
    url = url.strip()
    if len(url) > _MAX_URL:
        raise InvalidURL(f"url is longer than {_MAX_URL} characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(f"url is malformed: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidURL(f"only http and https URLs can be fetched, not {scheme or 'a relative URL'!r}")
    if parts.username is not None or parts.password is not None:
        raise InvalidURL("URLs with a user name or password are not fetched")
    host = parts.hostname
    if not host:
        raise InvalidURL("url has no host")
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as exc:
        raise InvalidURL(f"host {host!r} is not a valid name") from exc
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    if any(c in path for c in "\r\n ") or any(c in ascii_host for c in "\r\n /\\"):
        raise InvalidURL("url contains spaces or line breaks")
    return _Target(scheme, ascii_host, port or (443 if scheme == "https" else 80), path)


def check_addresses(target: _Target, resolver: Resolver, allow: Sequence[IPNetwork]) -> list[str]:
    """Resolve the host and return its addresses, or raise `BlockedURL` if any is not public."""
    addresses = resolver(target.host, target.port)
    if not addresses:
        raise FetchError(f"host {target.host!r} has no address")
    for raw in addresses:
        try:
            ip = ipaddress.ip_address(raw.split("%", 1)[0])
        except ValueError as exc:
            raise BlockedURL(f"host {target.host!r} resolved to an unusable address {raw!r}") from exc
        if problem := address_problem(ip, allow):
            raise BlockedURL(
                f"host {target.host!r} resolves to a {problem} address ({ip}): "
                "only pages on public addresses are fetched"
            )
    return addresses


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise FetchTimeout(f"fetching took longer than {self.seconds:g} s")
        return left


def _connect(target: _Target, addresses: list[str], deadline: _Deadline) -> socket.socket:
    last: OSError | None = None
    for addr in addresses:
        try:
            sock = socket.create_connection((addr, target.port), timeout=deadline.left())
        except TimeoutError as exc:
            raise FetchTimeout(f"connecting to {target.host} timed out") from exc
        except OSError as exc:
            last = exc
            continue
        if target.scheme == "https":
            try:
                context = ssl.create_default_context()
                sock = context.wrap_socket(sock, server_hostname=target.host)
            except (OSError, ssl.SSLError) as exc:
                sock.close()
                raise FetchError(f"TLS with {target.host} failed: {exc}") from exc
        return sock
    raise FetchError(f"cannot connect to {target.host}: {last.strerror if last and last.strerror else last}")


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTPConnection over a socket that was opened to a checked address."""

    def __init__(self, sock: socket.socket, timeout: float) -> None:
        super().__init__("unused.invalid", timeout=timeout)
        self.sock = sock

    def connect(self) -> None:  # never open another connection
        raise http.client.NotConnected("connection was closed")


def _decode_body(raw: bytes, encoding: str, max_bytes: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding in ("gzip", "x-gzip", "deflate"):
        wbits = zlib.MAX_WBITS | 32  # gzip or zlib header, detected
        try:
            decoder = zlib.decompressobj(wbits)
            body = decoder.decompress(raw, max_bytes + 1)
        except zlib.error as exc:
            raise FetchError(f"the page's {encoding} body is corrupt") from exc
        if len(body) > max_bytes:
            raise FetchError(f"the page is larger than {max_bytes} bytes once decompressed")
        return body
    raise FetchError(f"the page uses an unsupported content encoding {encoding!r}")


def _arm(sock: socket.socket, deadline: _Deadline) -> None:
    """Bound the next socket operation by the time left (the response may have closed the socket)."""
    left = deadline.left()
    if sock.fileno() >= 0:
        sock.settimeout(left)


def _get(target: _Target, sock: socket.socket, limits: FetchLimits, deadline: _Deadline):  # noqa: ANN202
    conn = _PinnedConnection(sock, timeout=deadline.left())
    try:
        conn.putrequest("GET", target.path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", target.host_header)
        conn.putheader("User-Agent", limits.user_agent)
        conn.putheader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
        conn.putheader("Accept-Encoding", "gzip, identity")
        conn.putheader("Connection", "close")
        conn.endheaders()
        _arm(sock, deadline)
        resp = conn.getresponse()
        if resp.status in _REDIRECTS:
            return resp.status, resp.getheader("Location"), None, b""
        if resp.status >= 400:
            raise FetchError(f"the page answered HTTP {resp.status}")
        declared = resp.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > limits.max_bytes:
            raise FetchError(f"the page is larger than {limits.max_bytes} bytes")
        chunks: list[bytes] = []
        size = 0
        while not resp.isclosed():
            _arm(sock, deadline)
            chunk = resp.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_bytes:
                raise FetchError(f"the page is larger than {limits.max_bytes} bytes")
            chunks.append(chunk)
        body = _decode_body(b"".join(chunks), resp.getheader("Content-Encoding") or "", limits.max_bytes)
        return resp.status, None, resp.getheader("Content-Type"), body
    except TimeoutError as exc:
        raise FetchTimeout(f"fetching took longer than {limits.timeout:g} s") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"fetching from {target.host} failed: {type(exc).__name__}: {exc}") from exc
    finally:
        conn.close()


def fetch_page(
    url: str, limits: FetchLimits | None = None, *, resolver: Resolver = system_resolver
) -> FetchedPage:
    """Fetch `url` (public addresses only). Raises `FetchError` subclasses with a clear message."""
    limits = limits or FetchLimits()
    deadline = _Deadline(limits.timeout)
    current = url
    for _hop in range(limits.max_redirects + 1):
        target = parse_url(current)
        addresses = check_addresses(target, resolver, limits.allow_networks)
        deadline.left()
        sock = _connect(target, addresses, deadline)
        status, location, content_type, body = _get(target, sock, limits, deadline)
        if location is None and status in _REDIRECTS:
            raise FetchError(f"the page answered HTTP {status} without a Location")
        if location is None:
            return FetchedPage(url=current, status=status, content_type=content_type, body=body)
        current = urljoin(current, location.strip())
    raise FetchError(f"more than {limits.max_redirects} redirects")
