"""Promises the article never makes ship unconfirmed and unsaid (issue 13, "Answers")."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from iop_assistant import domain_files, program_confirm, program_facts

REPO = Path(__file__).resolve().parents[2]
PROMISES = re.compile(
    r"24 hours|24/7|any time at \{helpline\}|call \{helpline\} any time|someone will answer"
    r"|verify your insurance|doesn't disqualify|staff call 911|housing options"
    r"|at your own pace|not to punish|arrange detox",
    re.IGNORECASE,
)
REWRITTEN_ON_MAIN: set = set()


def test_shipped_defaults_make_no_unconfirmed_promise():
    for name in program_confirm.unconfirmed():
        entry = program_confirm.entries(yaml.safe_load((REPO / "program.yml").read_text()))[name]
        assert entry.get("value") and entry.get("ask"), name
    assert program_facts.load().hours == ""  # the article gives no help line hours
    for name, variations in domain_files.load_raw()["responses"].items():
        if name in REWRITTEN_ON_MAIN:
            continue
        for v in variations:
            assert not PROMISES.search(v.get("text", "")), (name, v.get("text"))


def test_a_confirmed_fact_is_used_and_an_unconfirmed_one_is_not(tmp_path):
    entry = {"confirmed": False, "value": "Open 9-5.", "default": ""}
    assert program_confirm.fact({"confirm_before_launch": {"hours": entry}}, "hours") == ""
    entry["confirmed"] = True
    assert program_confirm.fact({"confirm_before_launch": {"hours": entry}}, "hours") == "Open 9-5."
    assert program_confirm.fact({"hours": "Old style."}, "hours") == "Old style."


def test_make_run_warns_while_any_fact_is_unconfirmed(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "iop_assistant.program_confirm"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert "WARNING" in out.stdout and "hours" in out.stdout
    assert "iop_assistant.program_confirm" in (REPO / "scripts" / "run.sh").read_text()
    confirmed = tmp_path / "program.yml"
    data = yaml.safe_load((REPO / "program.yml").read_text())
    for entry in data["confirm_before_launch"].values():
        entry["confirmed"] = True
    confirmed.write_text(yaml.safe_dump(data))
    assert program_confirm.warning(confirmed) == ""


def test_cost_answer_names_the_free_national_helpline():
    text = domain_files.load_raw()["responses"]["utter_ask_cost_insurance"][0]["text"]
    # the number as digits, a slot like the others (a phone reads "HELP" aloud as letters)
    assert "SAMHSA" in text and "{samhsa_helpline}" in text and "{helpline}" in text
