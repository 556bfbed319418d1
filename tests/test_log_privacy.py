"""Rasa warnings that quote a message are rewritten to kind and length (issue 14, item 8)."""

import logging
import warnings

from iop_assistant import log_privacy


def test_shown_and_logged_warnings_are_redacted(caplog, monkeypatch):
    # install() replaces warnings.showwarning and adds a filter: both undone after the test
    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    py_warnings = logging.getLogger("py.warnings")
    monkeypatch.setattr(py_warnings, "filters", list(py_warnings.filters))
    log_privacy.install()
    log_privacy.install()  # idempotent
    with warnings.catch_warnings(record=True):
        pass
    record = logging.LogRecord(
        "py.warnings",
        logging.WARNING,
        __file__,
        1,
        "%s",
        ("x.py:1: UserWarning: Failed to parse arguments in line '/greet{Maria 555}'",),
        None,
    )
    for f in py_warnings.filters:
        f.filter(record)
    assert "Maria" not in record.getMessage() and "text not logged" in record.getMessage()
    assert log_privacy.redacted("something else") == "something else"
