"""Exports of the model to other architecture tools: ArchiMate exchange format, Structurizr DSL."""
