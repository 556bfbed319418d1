"""Types of textstat 0.7 (it copies its functions into the package at import time,
so pyright sees no names in it).

Only what iop_assistant/readability.py uses; add a name here when the code needs it.
"""

def flesch_kincaid_grade(text: str) -> float: ...
