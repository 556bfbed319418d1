"""The pages allowed to talk to Rasa (CORS) come from one setting, passed after one --cors.

Rasa 3.6's ``--cors`` takes several origins after one flag; given the flag
twice, it keeps only the last (that once left http://localhost:8000/, the
README's address, unable to connect).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from iop_assistant.webpage import page_origins

REPO = Path(__file__).resolve().parents[1]


def test_default_is_both_local_addresses_of_the_page():
    assert page_origins(8000, env={}) == ["http://localhost:8000", "http://127.0.0.1:8000"]


def test_setting_accepts_spaces_commas_and_trailing_slashes():
    env = {
        "IOP_WEB_ORIGINS": "https://www.example.org/, https://example.org  https://www.example.org"
    }
    assert page_origins(8000, env=env) == ["https://www.example.org", "https://example.org"]


def test_print_origins_is_what_the_scripts_read():
    out = subprocess.run(
        [sys.executable, "-m", "iop_assistant.webpage", "--port", "8123", "--print-origins"],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == ["http://localhost:8123", "http://127.0.0.1:8123"]


@pytest.mark.parametrize("script", ["scripts/run.sh", "scripts/scale_demo.sh"])
def test_scripts_pass_every_origin_after_one_cors_flag(script):
    text = (REPO / script).read_text()
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    flags = re.findall(r"--cors\s+\S+", code)
    assert flags == ['--cors "${WEB_ORIGINS[@]}"'], flags
    assert "iop_assistant.webpage" in text and "--print-origins" in text


def test_rasa_keeps_every_origin_after_one_flag():
    from rasa.__main__ import create_argument_parser

    origins = page_origins(8000, env={})
    args = create_argument_parser().parse_args(["run", "--cors", *origins, "--model", "m.tar.gz"])
    assert args.cors == origins
    # the old way: two flags, only the last survives
    args = create_argument_parser().parse_args(["run", "--cors", origins[0], "--cors", origins[1]])
    assert args.cors == [origins[1]]
