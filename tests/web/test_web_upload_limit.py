"""An upload over the limit through the real server (waitress), not the test client: audit B item 4 (issue 12.5) —
waitress answered English plain text "Request Entity Too Large" above 26 MB before Flask could."""

from __future__ import annotations

import contextlib
import http.client
import http.cookiejar
import re
import threading
import urllib.request
from pathlib import Path

from kehoach.web.server import make_server
from kehoach.web.uploads import MAX_BYTES


def test_an_upload_far_over_the_limit_gets_the_vietnamese_page(workspace: Path) -> None:
    server = make_server(workspace, port=0)
    def run() -> None:
        with contextlib.suppress(OSError):  # waitress's loop meets its closed sockets when the test ends
            server.run()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        host, port = "127.0.0.1", server.effective_port
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(f"http://{host}:{port}/kiem-tra/", timeout=60).read().decode("utf-8")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page) or re.search(
            r'value="([^"]+)"[^>]*name="csrf_token"', page)
        assert token, page
        boundary = "kehoach-ranh-gioi"
        size = MAX_BYTES + 20 * 1024 * 1024  # 45 MB: a scanned parent of 30 pages
        head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token[1]}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"to.pdf\"\r\n"
                "Content-Type: application/pdf\r\n\r\n").encode()
        tail = f"\r\n--{boundary}--\r\n".encode()
        connection = http.client.HTTPConnection(host, port, timeout=120)
        connection.putrequest("POST", "/kiem-tra/")
        connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
        connection.putheader("Content-Length", str(len(head) + size + len(tail)))
        connection.putheader("Cookie", "; ".join(f"{c.name}={c.value}" for c in jar))
        connection.endheaders()
        connection.send(head)
        chunk = b"x" * (1024 * 1024)
        for _ in range(size // len(chunk)):
            connection.send(chunk)
        connection.send(tail)
        answer = connection.getresponse()
        body = answer.read().decode("utf-8")
        assert answer.status == 413
        assert answer.getheader("Content-Type", "").startswith("text/html")
        assert "Tệp quá lớn" in body and f"Tệp gửi lên lớn hơn {MAX_BYTES // (1024 * 1024)} MB." in body
        assert "Request Entity Too Large" not in body
    finally:
        server.close()
