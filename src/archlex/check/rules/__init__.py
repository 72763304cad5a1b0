"""The rules, one module each: id, severity, phase, summary and function declared together,
the explanation as the module's docstring, bad and good examples in examples/ (see
archlex.rules and docs/contributing.md)."""
