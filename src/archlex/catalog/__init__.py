"""The regulation catalog: provision references, queries, the index and its cache.

Nothing is imported here: `archlex catalog` answers from the index without loading pydantic or
YAML, so each caller imports the module it needs.
"""
