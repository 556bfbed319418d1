"""Issue 14 item 14, against the real page server: static URLs that answered 500 or leaked.

``GET /static/`` (a directory) answered 500 and the widget's source map was
served in production. The console's side is in
tests/console/test_console_attention.py (``test_static_and_paging_edges``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
import requests

from devtools.ports import free_port
from iop_assistant.webpage import not_served

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "web" / "dist"


@pytest.fixture(scope="module")
def page_server() -> Iterator[str]:
    if not (DIST / "iop-widget.js").exists():
        pytest.fail("web/dist/iop-widget.js is missing: run `make widget` (make test does)")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "IOP_WEB_DEV"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "iop_assistant.webpage", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if requests.get(url + "/config.json", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("path", ["/static/", "/widget/", "/static/nope.css"])
def test_directories_and_missing_files_are_404(page_server, path):
    assert requests.get(page_server + path, timeout=10).status_code == 404


def test_files_are_still_served(page_server):
    assert requests.get(page_server + "/static/site.css", timeout=10).status_code == 200
    assert requests.get(page_server + "/widget/iop-widget.js", timeout=10).status_code == 200


def test_no_source_map_in_production(page_server):
    assert requests.get(page_server + "/widget/iop-widget.js.map", timeout=10).status_code == 404
    bundle = (DIST / "iop-widget.js").read_text()
    assert "sourceMappingURL" not in bundle, "a production build links no source map"
    assert not (DIST / "iop-widget.js.map").exists(), "a production build writes no source map"


def test_source_maps_only_in_dev_mode():
    assert not_served("/widget/iop-widget.js.map", dev=False)
    assert not not_served("/widget/iop-widget.js.map", dev=True)
    assert not_served("/static/", dev=True)
    assert not not_served("/", dev=False) and not not_served("/privacy.html", dev=False)
