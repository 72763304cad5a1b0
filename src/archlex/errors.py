"""Operational failures: the model cannot be read at all (exit code 2)."""


class ArchlexError(Exception):
    """A failure that stops the run before any finding can be made, with a hint to fix it."""

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.file = file  # where the failure is written, when it is in a model file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return self.message
