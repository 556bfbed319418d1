"""Short messages that many people send ("hi", "yes", "thanks", "1", a button's title)
are read by the NLU pipeline once per model, not once per message (issue 17).

Reading a message (spaCy, four featurizers, DIET and the project's rule components) is
about half of a turn's CPU, and greetings, yes/no answers, thanks and goodbyes are a
large share of real turns. The pipeline is a pure function of the message's text and
metadata (no component reads the conversation; the widget's language setting is
metadata), so :func:`install` wraps ``MessageProcessor._parse_message_with_graph`` with
a bounded least-recently-used table, keyed by the text, the metadata and the output
flag, for messages of at most :data:`MAX_WORDS` words and :data:`MAX_CHARS`
characters. Longer messages, where people describe their own situation, are always
read afresh and never kept. The table lives on the processor, so a new model (``PUT
/model``) starts with an empty one. Every answer is a deep copy: nobody can change what
the next person gets.
"""

from __future__ import annotations

import copy
import functools
import json
from collections import OrderedDict
from typing import Any, Dict, Hashable, Tuple

from rasa.core.processor import MessageProcessor

from iop_assistant.rasa_hooks import patching

MAX_WORDS = 3
MAX_CHARS = 40
CAPACITY = 2048
_METHOD = "_parse_message_with_graph"
_TABLE = "_iop_parse_table"


def cache_key(message: Any, only_output_properties: bool) -> Tuple[Hashable, ...] | None:
    """The key for a short message, or None for one that is read afresh every time."""
    text = getattr(message, "text", None)
    if not isinstance(text, str) or len(text) > MAX_CHARS or len(text.split()) > MAX_WORDS:
        return None
    try:
        metadata = json.dumps(getattr(message, "metadata", None), sort_keys=True)
    except (TypeError, ValueError):
        return None  # metadata that is not plain JSON: no safe key
    return (text, metadata, only_output_properties)


def table(processor: MessageProcessor) -> OrderedDict[Tuple[Hashable, ...], Dict[str, Any]]:
    """The processor's own table (one per loaded model)."""
    found = getattr(processor, _TABLE, None)
    if found is None:
        found = OrderedDict()
        setattr(processor, _TABLE, found)
    return found


def _wrap(original: Any) -> Any:
    @functools.wraps(original)
    def parse_message_with_graph(
        self: MessageProcessor, message: Any, tracker: Any, only_output_properties: bool = True
    ) -> Dict[str, Any]:
        key = cache_key(message, only_output_properties)
        if key is None:
            return original(self, message, tracker, only_output_properties)
        kept = table(self)
        if key in kept:
            kept.move_to_end(key)
            return copy.deepcopy(kept[key])
        parse_data = original(self, message, tracker, only_output_properties)
        kept[key] = copy.deepcopy(parse_data)
        while len(kept) > CAPACITY:
            kept.popitem(last=False)
        return parse_data

    return parse_message_with_graph


def installed() -> bool:
    return patching.replaced(MessageProcessor, _METHOD, __name__)


def install() -> bool:
    """Wraps the NLU parse (idempotent); True when installed now."""
    return patching.replace(MessageProcessor, _METHOD, __name__, _wrap)


def uninstall() -> None:
    """Back to Rasa's own parse."""
    patching.restore(MessageProcessor, _METHOD, __name__)
