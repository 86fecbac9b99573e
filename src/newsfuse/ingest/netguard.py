"""Which network addresses a link found inside fetched content may reach.

A URL the user typed is theirs to fetch. A link that arrived inside content
(a feed item, an HTTP redirect) is the server's choice, and a hostile server
can point it at the machine running newsfuse (``127.0.0.1``, ``localhost``),
its private network (``10.0.0.0/8``, ``192.168.0.0/16``), or a cloud metadata
service (``169.254.169.254``, ``fd00:ec2::254``). Such links are refused unless
the user passes ``--allow-private``. The check is on the addresses the name
resolves to (all of them), not on its spelling, so ``localhost``,
``0x7f.1``, ``[::ffff:127.0.0.1]`` and a public-looking name that resolves to
a private address are all caught; the caller then connects to the address
that was checked, so a second DNS answer cannot swap it (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Addresses that ``ipaddress``'s flags miss but no news link should reach:
#: the AWS IPv6 metadata service lives in the unique-local range (caught as
#: private), and carrier-grade NAT (100.64.0.0/10) is shared, not global.
_EXTRA_BLOCKED = (
    ipaddress.ip_network("100.64.0.0/10"),  # carrier-grade NAT: is_private is False, is_global False
    ipaddress.ip_network("fd00:ec2::254/128"),  # AWS IMDS over IPv6
)


def is_public_address(address: str | IPAddress) -> bool:
    """True for a globally routable unicast address; False for loopback, private, link-local, multicast,
    reserved, unspecified, carrier-grade NAT and metadata addresses, and for anything that is not an address.

    IPv4-mapped and 6to4/Teredo-wrapped IPv6 addresses are judged by the IPv4 address they carry.
    """
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            return is_public_address(inner)
    if (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified or not ip.is_global):
        return False
    return not any(ip in net for net in _EXTRA_BLOCKED if net.version == ip.version)


@dataclass(frozen=True)
class Resolved:
    """A URL's host and the address it was checked at (connect here, not to a fresh DNS answer)."""

    host: str
    address: str
    port: int


class AddressRefused(Exception):
    """A link leads to an address newsfuse will not reach; ``reason`` says which and why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def resolve_public(url: str, timeout: float | None = None) -> Resolved:
    """Resolve ``url``'s host and return a public address for it, or raise ``AddressRefused``.

    Every address the name resolves to must be public: a name with one private
    answer among public ones is refused, since the connection could use either.
    ``getaddrinfo`` has no timeout of its own; with ``timeout`` the lookup runs
    in a worker thread and a slow resolver is given up on.
    """
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise AddressRefused("link has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise AddressRefused(f"link has a bad port ({exc})") from exc
    try:
        infos = _lookup(host, port, timeout)
    except (OSError, UnicodeError) as exc:
        raise AddressRefused(f"cannot resolve host {host!r} ({exc})") from exc
    addresses = list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))
    if not addresses:
        raise AddressRefused(f"host {host!r} has no address")
    blocked = [a for a in addresses if not is_public_address(a)]
    if blocked:
        shown = host if blocked[0] == host else f"{host} ({blocked[0]})"
        raise AddressRefused(
            f"link to a non-public address {shown} (loopback, private, link-local, multicast, reserved "
            "or metadata) refused; pass --allow-private to fetch it"
        )
    return Resolved(host, addresses[0], port)


def _lookup(host: str, port: int, timeout: float | None) -> list:
    if timeout is None:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    from concurrent.futures import ThreadPoolExecutor
    from concurrent.futures import TimeoutError as LookupTimeout

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfuse-dns")
    try:
        return pool.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM).result(timeout=max(timeout, 0.01))
    except LookupTimeout as exc:
        raise OSError(f"no answer within {timeout:.0f} s") from exc
    finally:
        pool.shutdown(wait=False)
