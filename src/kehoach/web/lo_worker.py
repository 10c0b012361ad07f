"""The warm converter: run by a Python that has LibreOffice's `uno` module, NOT by kehoach's own Python.

    python3 lo_worker.py SOFFICE PROFILE_DIR

It starts one LibreOffice in the background and keeps it running; each line on stdin is a request
{"in": "/…/draft.docx", "out": "/…/draft.pdf"}, answered by one line on stdout: {"ok": true} or {"error": "…"}.
Starting LibreOffice costs seconds (tens on an office PC); a document converted by a running one costs a fraction.
End of stdin: LibreOffice is closed and the worker ends. This file imports nothing of kehoach.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

import uno
from com.sun.star.beans import PropertyValue


def _props(**values: Any) -> tuple[Any, ...]:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


class Office:
    def __init__(self, soffice: str, profile: str):
        self.soffice = soffice
        self.profile = profile
        self.pipe = f"kehoach-{os.getpid()}"
        self.process: subprocess.Popen[bytes] | None = None
        self.desktop: Any = None

    def start(self) -> None:
        url = uno.systemPathToFileUrl(self.profile)
        self.process = subprocess.Popen(
            [self.soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             f"-env:UserInstallation={url}", f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 120
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("LibreOffice không khởi động được") from None
                time.sleep(0.2)
        self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

    def convert(self, source: str, target: str) -> None:
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                                _props(Hidden=True, ReadOnly=True))
        if doc is None:
            raise RuntimeError("LibreOffice không mở được tệp")
        try:
            doc.storeToURL(uno.systemPathToFileUrl(target), _props(FilterName="writer_pdf_Export"))
        finally:
            doc.close(True)

    def stop(self) -> None:
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # already gone: the process is ended below either way
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def main() -> int:
    office = Office(sys.argv[1], sys.argv[2])
    try:
        office.start()
    except Exception as exc:
        print(json.dumps({"error": str(exc)}), flush=True)
        office.stop()
        return 1
    print(json.dumps({"ready": True}), flush=True)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            try:
                try:
                    office.convert(request["in"], request["out"])
                except Exception:
                    # LibreOffice died or hung up (a crash on one document): start it again, try once more.
                    office.stop()
                    office.start()
                    office.convert(request["in"], request["out"])
                answer: dict[str, Any] = {"ok": True}
            except Exception as exc:
                answer = {"error": str(exc)}
            print(json.dumps(answer), flush=True)
    finally:
        office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
