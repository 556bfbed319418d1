"""IOP Assistant: everything that is not a rasa-sdk action (see docs/architecture.md)."""
