"""`archlex lsp`: the language server for editors, on stdin and stdout."""

from __future__ import annotations


def lsp() -> None:
    """Run the language server on stdin/stdout, for an editor to start (docs/editor.md).

    Serves the model folder the editor has open: diagnostics as you type, hover on provisions,
    ids and rules, go to definition, references, completion and quick fixes.

    Example (what an editor runs): archlex lsp
    """
    # Imported here: pygls is needed only by this command.
    from archlex.lsp.features import serve

    serve()
