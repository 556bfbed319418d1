"""Calls DIET's compiled prediction graph directly.

Every NLU parse goes through DIET's ``RasaModel._rasa_predict``, which calls
a ``tf.function`` (config.yml has no other TensorFlow model). The graph itself
runs in about 2 ms here, but before running it TensorFlow 2.12 spends about
as long again in Python, canonicalising the arguments and looking the traced
graph up by their types, on every call (py-spy and cProfile of one Rasa
server, docs/performance.md). Rasa gives the function a fixed input
signature, so there is exactly one traced graph: :func:`install` looks it up
once per model and then feeds it the batch directly.

The graph, its inputs and its outputs are the same; only the lookup is
skipped. A batch that does not fit the signature (a dtype or shape the graph
was not traced for) takes Rasa's own path, which raises as before. A test
compares intents, confidences and action probabilities with and without it.

It calls private TensorFlow/Keras APIs (``_call_flat``, ``keras.utils.tf_utils``),
which is why the launcher refuses TensorFlow versions other than the tested one
(:mod:`iop_assistant.serve`). Measured gain: docs/performance.md.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable, Dict, Sequence

import numpy as np
import tensorflow as tf
from keras.utils import tf_utils
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.utils.tensorflow.models import RasaModel

_ORIGINAL = "_iop_original_rasa_predict"
_GRAPH = "_iop_concrete_predict"


@dataclass(frozen=True)
class _Graph:
    """A model's one traced prediction graph and its flat input signature."""

    function: Any
    specs: tuple[tf.TensorSpec, ...]


def _traced_graph(model: RasaModel) -> _Graph | None:
    """Looked up once per model (None before Rasa traced it)."""
    graph = getattr(model, _GRAPH, None)
    if graph is None and model._tf_predict_step is not None:
        function = model._tf_predict_step.get_concrete_function()
        specs = tuple(tf.nest.flatten(function.structured_input_signature[0]))
        graph = _Graph(function, specs)
        setattr(model, _GRAPH, graph)
    return graph


def _tensors(graph: _Graph, batch_in: Sequence[np.ndarray]) -> list[tf.Tensor] | None:
    """The batch as the graph's input tensors; None when it does not fit the signature."""
    if len(graph.specs) != len(batch_in):
        return None
    tensors = []
    for spec, value in zip(graph.specs, batch_in, strict=True):
        if not spec.shape.is_compatible_with(np.shape(value)):
            return None
        if np.asarray(value).dtype != spec.dtype.as_numpy_dtype:
            return None
        tensors.append(tf.convert_to_tensor(value))
    return tensors


def _fast_rasa_predict(
    original: Callable[[RasaModel, Any], Dict[str, Any]],
) -> Callable[[RasaModel, Any], Dict[str, Any]]:
    @functools.wraps(original)
    def predict(self: RasaModel, batch_in: Any) -> Dict[str, Any]:
        ready = self.prepared_for_prediction and not self._run_eagerly
        graph = _traced_graph(self) if ready else None
        tensors = _tensors(graph, batch_in) if graph is not None else None
        if tensors is None:  # first call (Rasa traces the graph) or an unexpected batch
            return original(self, batch_in)
        self._training = False
        # Rasa's own conversion of the outputs, as in ``_rasa_predict``
        outputs = tf_utils.sync_to_numpy_or_python_type(
            graph.function._call_flat(tensors, graph.function.captured_inputs)
        )
        if DIAGNOSTIC_DATA in outputs:
            outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
        return outputs

    setattr(predict, _ORIGINAL, original)
    return predict


def installed() -> bool:
    return hasattr(RasaModel._rasa_predict, _ORIGINAL)


def install() -> bool:
    """Wraps ``RasaModel._rasa_predict`` (idempotent); True when installed now."""
    if installed():
        return False
    RasaModel._rasa_predict = _fast_rasa_predict(RasaModel._rasa_predict)  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """Back to Rasa's own call path (tests compare the two)."""
    if installed():
        RasaModel._rasa_predict = getattr(RasaModel._rasa_predict, _ORIGINAL)  # type: ignore[method-assign]
