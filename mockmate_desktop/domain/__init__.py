"""Pure domain layer: models, rules and prompt text. No Qt, no SDKs, no I/O."""
