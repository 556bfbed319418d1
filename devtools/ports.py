"""A free TCP port on the loopback interface: the one helper the tests, the benchmarks,
``devtools.local_services`` and ``make scale-demo`` use to start their servers."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A port nothing listens on now (the OS picks it; the socket is closed again).

    Another process could take it before the caller binds it; on one test machine
    that has not happened, and a server that cannot bind fails loudly at start.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
