"""Imports into the model from the tools integrators and ministries use: ReqIF, spreadsheets,
the reviewed traceability matrix. One module per format, each registered in `registry`."""

from archlex.imports.registry import (
    EntityUpdate,
    ImportPlan,
    ImportRequest,
    importer_names,
    run_importer,
)

__all__ = ["EntityUpdate", "ImportPlan", "ImportRequest", "importer_names", "run_importer"]
