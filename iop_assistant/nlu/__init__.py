"""Custom Rasa NLU components and the builder of the project's spaCy pipeline."""
