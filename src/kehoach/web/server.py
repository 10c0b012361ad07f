"""`kehoach web`: the page served on this machine by waitress, until Ctrl+C.

waitress is a production WSGI server in pure Python (Windows, macOS, Linux alike), with a pool of threads: a request
that waits (an import, an upload) does not hold the others. It logs no request lines, so no names of files or bodies
reach a log. The CLI prints; this module only reports through the `say` callback it is given.
"""

from __future__ import annotations

import ipaddress
import logging
import signal
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from waitress.server import create_server

from kehoach.web.app import LOCAL_HOSTS, create_app
from kehoach.web.context import state
from kehoach.web.preview import Converter

Say = Callable[[str], None]
BODY_CEILING = 1 << 30  # bytes waitress accepts in one request (1 GiB): Flask's MAX_CONTENT_LENGTH decides below it


def is_local(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8421, converter: Converter | None = None) -> Any:
    """The server (not yet serving) for the workspace `root`; port 0 takes a free port (tests)."""
    hosts = None if is_local(host) else [*LOCAL_HOSTS, host]
    app = create_app(root, converter, hosts=hosts)
    # waitress refuses a body past its own limit with an English plain-text 413 before Flask sees it: its limit is
    # far above Flask's, so that Flask's Vietnamese "Tệp quá lớn" page answers (waitress keeps the body in a
    # temporary file meanwhile, not in memory).
    server = create_server(app, host=host, port=port, threads=8, ident="kehoach", clear_untrusted_proxy_headers=True,
                           max_request_body_size=max(BODY_CEILING, 4 * app.config["MAX_CONTENT_LENGTH"]))
    server.kehoach_app = app
    return server


def address(server: Any) -> str:
    host, port = server.effective_host, server.effective_port
    shown = "127.0.0.1" if host in ("127.0.0.1", "0.0.0.0") else host
    return f"http://{shown}:{port}/"


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def serve(root: Path, say: Say, host: str = "127.0.0.1", port: int = 8421, open_browser: bool = True) -> None:
    """Serve until Ctrl+C; `say` prints a line for the person who started it."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("waitress").setLevel(logging.ERROR)
    server = make_server(root, host, port)
    app = server.kehoach_app
    with app.app_context():
        converter = state().converter
    converter.start()  # LibreOffice warms up while the person fills the first form
    url = address(server)
    say(f"kehoach web đang chạy tại {url}")
    say(f"Thư mục làm việc: {root.resolve()}")
    say("Bấm Ctrl+C để dừng.")
    if open_browser:
        webbrowser.open(url)
    # Stopped by the system (logout, service manager) as by Ctrl+C: jobs ended, LibreOffice closed.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        converter.close()
        say("Đã dừng kehoach web.")
