"""A newly loaded model reads a few messages before the first person writes (issue 17).

Right after start-up (or ``PUT /model``), the first message longer than a greeting took
about 400 ms against about 20 ms for the next ones (2026-12-04): TensorFlow traces
DIET's graph for its first input, and the language detector builds its models on first
use. The first person after a restart, often someone writing for the first time, paid
for it. :func:`install` wraps ``MessageProcessor.__init__`` so that every new processor
(one per loaded model) reads :data:`MESSAGES` through the whole NLU pipeline once. Only
the pipeline runs: no conversation is created, nothing is stored, no action runs, and
the parse cache keeps nothing of them (they are longer than a short message). A failure
is logged and never stops the model from loading.
"""

from __future__ import annotations

import functools
import logging
import time
from typing import Any

from rasa.core.channels import UserMessage
from rasa.core.processor import MessageProcessor

from iop_assistant.rasa_hooks import patching

logger = logging.getLogger(__name__)

# an English question and a Spanish one: DIET, the featurizers and the language detector
MESSAGES = (
    "what is intensive outpatient and how many days a week is it",
    "hola necesito ayuda para mi hijo que toma mucho",
)


def warm(processor: MessageProcessor) -> float:
    """Reads :data:`MESSAGES` through the processor's NLU pipeline; seconds taken."""
    started = time.perf_counter()
    for text in MESSAGES:
        processor._parse_message_with_graph(UserMessage(text), None)  # type: ignore[arg-type]
    return time.perf_counter() - started


def _wrap(original: Any) -> Any:
    @functools.wraps(original)
    def init(self: MessageProcessor, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        try:
            logger.info("model warmed up in %.2f s", warm(self))
        except Exception:
            logger.exception("model warm-up failed; the first message will be slower")

    return init


def installed() -> bool:
    return patching.replaced(MessageProcessor, "__init__", __name__)


def install() -> bool:
    """Wraps the processor's constructor (idempotent); True when installed now."""
    return patching.replace(MessageProcessor, "__init__", __name__, _wrap)


def uninstall() -> None:
    """Back to Rasa's constructor."""
    patching.restore(MessageProcessor, "__init__", __name__)
