"""`rasa data validate`, failing on every warning except a documented allow-list.

Rasa warns that a response is "not used in any story or rule" when only a
custom action utters it. Those warnings are allowed when the response name
is in actions/ source code or among the response generator's notes (language/nlg.py)
or repeats (language/repeats.py),
or follows the ``utter_more_<faq intent>`` / ``utter_no_more_<faq intent>`` conventions of
action_tell_more and language/repeats.py, or is uttered by one of Rasa's default
actions, or asks for a form's slot (utter_ask_<slot>). Everything else fails the build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
UNUSED = re.compile(r"The utterance '(utter_[a-z0-9_]+)' is not used in any story or rule")
WARNING = re.compile(r"UserWarning: (.*)")
# Responses Rasa's own default actions utter (action_default_fallback -> utter_default).
RASA_DEFAULT_RESPONSES = {"utter_default"}


def responses_uttered_by_actions() -> set:
    failsafe = REPO / "iop_assistant/rasa_hooks/action_failsafe.py"
    # notes the response generator adds after an answer (language/nlg.py NOTES)
    generator = REPO / "iop_assistant/language/nlg.py"
    # what a repeat is said as instead (language/repeats.py CRISIS_REPEATS)
    repeats = REPO / "iop_assistant/language/repeats.py"
    # notes added after a reply for who the person is or what they named (round 23)
    notes = [
        REPO / f"iop_assistant/language/{name}.py"
        for name in (
            "veterans",
            "child_safety",
            "mixing",
            "teen_at_home",
            "hidden_chat",
            "drug_class",
            "already_stopped",
        )
    ]
    sources = [*(REPO / "actions").glob("*.py"), failsafe, generator, repeats, *notes]
    source = "\n".join(p.read_text() for p in sources)
    return set(re.findall(r"utter_[a-z0-9_]+", source))


def form_questions() -> set:
    """utter_ask_<slot> responses, which Rasa's forms utter to request each slot."""
    from iop_assistant import domain_files

    domain = domain_files.load_raw()
    return {
        f"utter_ask_{slot}"
        for form in (domain.get("forms") or {}).values()
        for slot in form.get("required_slots") or []
    }


def allowed(warning: str, by_actions: set) -> bool:
    match = UNUSED.search(warning)
    if not match:
        return False
    name = match.group(1)
    return (
        name in by_actions
        or name in RASA_DEFAULT_RESPONSES
        or name.startswith(("utter_more_", "utter_no_more_"))
    )


def main() -> int:
    rasa = str(REPO / ".venv/bin/rasa")
    cmd = [rasa, "data", "validate", "--domain", "domain", "--max-history", "5"]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    by_actions = responses_uttered_by_actions() | form_questions()
    warnings = [m.group(1) for m in WARNING.finditer(output)]
    bad = [w for w in warnings if not allowed(w, by_actions)]
    print(
        f"rasa data validate: exit {proc.returncode}, {len(warnings)} warnings, "
        f"{len(warnings) - len(bad)} allowed (responses uttered by custom actions)"
    )
    for warning in bad:
        print(f"  NOT ALLOWED: {warning}")
    if proc.returncode != 0 and not bad:
        print(output[-3000:])
    return 1 if bad or proc.returncode != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
