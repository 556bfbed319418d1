"""How heavy the chat widget is and how soon it can be used.

    .venv/bin/python benchmarks/widget_load.py [--loads 9] [--rasa-url URL]

Prints the bundle size (raw and gzip) and, over several cold loads of the demo
page in headless Chromium (fresh context each time, so no cache):

- ready: navigation start -> the widget's launcher is on screen (``iopw:ready``);
- connected: click on the launcher -> the socket.io session is confirmed.

Without ``--rasa-url`` it starts `rasa run` itself (models/iop.tar.gz, no action
server: connecting needs none). Needs `make widget` first. Not part of make test.
"""

from __future__ import annotations

import argparse
import gzip
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script: devtools.ports is importable from the repo root
from devtools.ports import free_port  # noqa: E402

DIST = REPO / "web" / "dist"
CHROMIUM = "/usr/bin/chromium"

INIT = """
window.__iopw = {};
document.addEventListener('iopw:ready', () => { window.__iopw.ready = performance.now(); });
new MutationObserver(() => {
  const root = document.querySelector('.iopw-root');
  if (root && root.getAttribute('data-iopw-connection') === 'online' && !window.__iopw.online) {
    window.__iopw.online = performance.now();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-iopw-connection']});
"""
CLICK = "() => { document.querySelector('.iopw-launcher').click(); return performance.now(); }"


def wait_up(url: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(url)


def sizes() -> list:
    rows = []
    for name in ("iop-widget.js", "iop-widget.css"):
        data = (DIST / name).read_bytes()
        rows.append((name, len(data), len(gzip.compress(data, 9))))
    return rows


def measure(url: str, loads: int) -> tuple:
    from playwright.sync_api import sync_playwright

    ready, connected = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for _ in range(loads):
            # bypass_csp: only so the measuring hooks can poll; the widget needs no exception
            context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
            context.add_init_script(INIT)
            page = context.new_page()
            page.goto(url)
            page.wait_for_function("window.__iopw && window.__iopw.ready", timeout=60_000)
            ready.append(page.evaluate("window.__iopw.ready"))
            clicked = page.evaluate(CLICK)
            page.wait_for_function("window.__iopw.online", timeout=60_000)
            connected.append(page.evaluate("window.__iopw.online") - clicked)
            context.close()
        browser.close()
    return ready, connected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loads", type=int, default=9)
    parser.add_argument("--rasa-url", default="")
    args = parser.parse_args()
    if not (DIST / "iop-widget.js").exists():
        sys.exit("web/dist is missing: run `make widget`")

    web_port = free_port()
    procs = []
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    rasa_url = args.rasa_url
    try:
        if not rasa_url:
            rasa_port = free_port()
            rasa_url = f"http://127.0.0.1:{rasa_port}"
            tmp = Path(tempfile.mkdtemp(prefix="widget-bench-"))
            # the API token through the environment (iop_assistant/serve.py)
            env["RASA_AUTH_TOKEN"] = secrets.token_hex(16)
            rasa_cmd = [
                sys.executable,
                "-m",
                "iop_assistant.serve",
                "run",
                "--port",
                str(rasa_port),
                "--cors",
                f"http://127.0.0.1:{web_port}",
                "--model",
                str(REPO / "models" / "iop.tar.gz"),
                "--credentials",
                str(REPO / "credentials.yml"),
            ]
            print("starting rasa run (model load takes a while)...", flush=True)
            procs.append(
                subprocess.Popen(
                    rasa_cmd,
                    cwd=tmp,
                    env=env,
                    stdout=open(tmp / "rasa.log", "wb"),
                    stderr=subprocess.STDOUT,
                )
            )
            wait_up(rasa_url + "/")
        page_cmd = [
            sys.executable,
            "-m",
            "iop_assistant.webpage",
            "--port",
            str(web_port),
            "--rasa-url",
            rasa_url,
        ]
        procs.append(subprocess.Popen(page_cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL))
        page_url = f"http://127.0.0.1:{web_port}/"
        wait_up(page_url, 60)

        print("bundle (web/dist):")
        for name, raw, gz in sizes():
            print(f"  {name:16} {raw / 1024:6.1f} KiB raw  {gz / 1024:5.1f} KiB gzip")
        ready, connected = measure(page_url, args.loads)
        print(f"{args.loads} cold loads of the demo page (headless Chromium, loopback):")
        for label, values in (("ready", ready), ("connected", connected)):
            print(
                f"  {label:10} median {statistics.median(values):6.0f} ms"
                f"  (min {min(values):.0f}, max {max(values):.0f})"
            )
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
