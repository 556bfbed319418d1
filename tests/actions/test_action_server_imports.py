"""The action server loads the rasa-sdk, never Rasa itself or TensorFlow.

Importing ``rasa.engine`` pulls in TensorFlow (seconds of start-up and a
large memory footprint) into a process that only runs small Python actions.
The check runs in a fresh interpreter: this test process has Rasa loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("rasa", "rasa.engine", "tensorflow")

LOAD_LIKE_THE_SERVER = """
import json, sys
from rasa_sdk.executor import ActionExecutor
import iop_assistant.action_server
executor = ActionExecutor()
executor.register_package("actions")
print(json.dumps({"actions": sorted(executor.actions), "modules": sorted(sys.modules)}))
"""


def test_registering_the_actions_loads_neither_rasa_nor_tensorflow():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", LOAD_LIKE_THE_SERVER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert "action_clarify" in loaded["actions"]  # the package really was registered
    assert [name for name in FORBIDDEN if name in loaded["modules"]] == []
