"""`archlex lsp`: a Language Server Protocol server for models, on pygls (stdio)."""
