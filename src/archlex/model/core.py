"""pydantic-core's validator, serializer and error classes, without the package's Python side.

A check whose validators are kept (`archlex.load.validators`) needs only pydantic-core's compiled
extension. Importing the `pydantic_core` package also runs its `core_schema` module (a TypedDict
for every kind of schema) and typing_extensions: about 10 ms, a twentieth of a small check. So
the extension is loaded on its own, under its own name, where the package would load it; a
later `import pydantic_core` (pydantic, when a twin is made) finds it there and uses the same
classes. Where the extension cannot be found that way, the package is imported as usual.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

_NAME = "pydantic_core._pydantic_core"


def _extension() -> ModuleType:
    loaded = sys.modules.get(_NAME)
    if loaded is not None:
        return loaded
    package = importlib.util.find_spec("pydantic_core")  # finds it, does not run it
    if package is not None and package.submodule_search_locations:
        for folder in package.submodule_search_locations:
            for suffix in importlib.machinery.EXTENSION_SUFFIXES:
                path = Path(folder) / f"_pydantic_core{suffix}"
                if path.is_file():
                    loader = importlib.machinery.ExtensionFileLoader(_NAME, str(path))
                    spec = importlib.util.spec_from_loader(_NAME, loader)
                    if spec is None:
                        continue
                    module = importlib.util.module_from_spec(spec)
                    sys.modules[_NAME] = module
                    loader.exec_module(module)
                    return module
    import pydantic_core._pydantic_core as compiled

    return compiled


if TYPE_CHECKING:
    from pydantic_core import SchemaSerializer, SchemaValidator, ValidationError

    VERSION: str
else:
    _compiled = _extension()
    SchemaSerializer = _compiled.SchemaSerializer
    SchemaValidator = _compiled.SchemaValidator
    ValidationError = _compiled.ValidationError
    VERSION = _compiled.__version__

__all__ = ["VERSION", "SchemaSerializer", "SchemaValidator", "ValidationError"]
