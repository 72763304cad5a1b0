"""`archlex init`: a new model folder from the bundled starter files."""

from archlex.scaffold.create import create_model

__all__ = ["create_model"]
