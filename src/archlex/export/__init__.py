"""Exports of the model to other tools: ArchiMate exchange format, Structurizr DSL, ReqIF."""
