"""The base of the pipeline steps that read words by rule: nothing to train, no settings.

Rasa asks every graph component for its default config and builds it with ``create``;
for these steps both are the same, so they are written once here.
"""

from __future__ import annotations

from typing import Any, Dict

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from typing_extensions import Self


class RuleComponent(GraphComponent):
    """A stateless, untrained pipeline step (subclasses implement ``process``)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Self:
        return cls()
