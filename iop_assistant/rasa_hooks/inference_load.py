"""A model loaded for serving builds only its prediction graph (issue 17: memory).

Rasa's ``RasaModel.load`` trains on one example before restoring the weights, only to
create variables of the right shapes. That builds Keras's training graph and Adam's
two slots per weight, which a server never uses: 214 MiB of the Rasa server's
resident memory with this project's model (999 vs 785 MiB after loading and reading
the 325 held-out messages, 2026-12-04, late). Here DIET restores its weights from the
checkpoint as its variables are created (TensorFlow's restore-on-create) while it
traces the prediction graph on Rasa's own example. Every held-out message got the
same ranking and the same confidences, to the last bit, as with Rasa's load
(``tests/rasa_hooks/test_inference_load.py`` checks it with the trained model).

Loading for fine-tuning (``rasa train --finetune``), or without a prediction example,
is left to Rasa; so are models other than DIET (this project has no other).
"""

from __future__ import annotations

import functools
from typing import Any

from rasa.nlu.classifiers.diet_classifier import DIET
from rasa.utils.tensorflow.model_data import RasaModelData

from iop_assistant.rasa_hooks import patching


def _wrap(original: Any) -> Any:
    @functools.wraps(original)
    def load(
        cls: Any,
        model_file_name: str,
        model_data_example: RasaModelData,
        predict_data_example: RasaModelData | None = None,
        finetune_mode: bool = False,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        if finetune_mode or predict_data_example is None:
            return original(
                cls,
                model_file_name,
                model_data_example,
                predict_data_example,
                finetune_mode,
                *args,
                **kwargs,
            )
        model = cls(*args, **kwargs)
        # restore-on-create: each variable gets its trained value when it is built;
        # the optimizer's slots in the checkpoint are not wanted here
        model.load_weights(model_file_name).expect_partial()
        model.run_inference(predict_data_example)
        return model

    return load


def installed() -> bool:
    return patching.replaced(DIET, "load", __name__)


def install() -> bool:
    """Replaces DIET's load (idempotent); True when installed now."""
    return patching.replace(DIET, "load", __name__, _wrap)


def uninstall() -> None:
    """Back to Rasa's load."""
    patching.restore(DIET, "load", __name__)
