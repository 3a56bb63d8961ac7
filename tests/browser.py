"""A headless Chromium driven through its DevTools protocol: what a person sees on a page, and a screenshot.

Debian's ``chromium`` (``make install`` installs it). Started with a fresh profile and no background
networking: the machine has no internet, and Chromium's own update and sync connections would only fail.
"""
from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import websockets

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--remote-debugging-port=0", "--window-size=1100,1400"]
START_SECONDS = 30
LOAD_SECONDS = 30


def chromium_path() -> str | None:
    return next((p for name in CHROMIUM_NAMES if (p := shutil.which(name))), None)


class Browser:
    """One Chromium process; :meth:`visible_text` and :meth:`screenshot` each open the page in a new tab."""

    def __init__(self) -> None:
        path = chromium_path()
        if path is None:
            raise RuntimeError("no Chromium on this machine: run make install")
        self.profile = tempfile.mkdtemp(prefix="newsarchive-chromium-")
        self.proc = subprocess.Popen([path, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.port = self._devtools_port()
        self._ids = itertools.count(1)

    def _devtools_port(self) -> int:
        marker = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if marker.exists() and marker.read_text().strip():
                return int(marker.read_text().split()[0])
            if self.proc.poll() is not None:
                raise RuntimeError(f"Chromium exited with {self.proc.returncode}")
            time.sleep(0.1)
        raise RuntimeError("Chromium did not open its DevTools port")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ the protocol

    def _new_tab(self) -> dict[str, Any]:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/json/new?about:blank", method="PUT")
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.load(resp)

    async def _call(self, ws, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        await ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(await ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def _open(self, ws, url: str) -> None:
        """Navigate and wait until the page has loaded (its load event)."""
        await self._call(ws, "Page.enable")
        await self._call(ws, "Page.navigate", url=url)
        while True:
            message = json.loads(await ws.recv())
            if message.get("method") == "Page.loadEventFired":
                return

    async def _session(self, url: str, script: str | None, shot: bool) -> Any:
        tab = self._new_tab()
        async with websockets.connect(tab["webSocketDebuggerUrl"], max_size=None) as ws:
            await asyncio.wait_for(self._open(ws, url), LOAD_SECONDS)
            if shot:
                result = await self._call(ws, "Page.captureScreenshot", format="png", captureBeyondViewport=True)
                return base64.b64decode(result["data"])
            result = await self._call(ws, "Runtime.evaluate", expression=script, returnByValue=True)
            return result["result"].get("value")

    # ------------------------------------------------------------------ what tests use

    def visible_text(self, url: str) -> str:
        """The page's text as rendered for a reader (``innerText``: hidden elements left out, layout applied)."""
        return asyncio.run(self._session(url, "document.body.innerText", shot=False))

    def evaluate(self, url: str, script: str) -> Any:
        return asyncio.run(self._session(url, script, shot=False))

    def screenshot(self, url: str, path: Path) -> None:
        path.write_bytes(asyncio.run(self._session(url, None, shot=True)))
