"""One way to plug in an output (or, later, an input): a named registry per family.

Every family (check formats, render products, diff formats, impact formats, exports) is a
`Registry` whose plug-ins are the modules of one package: each module registers its function
with the family's decorator, and the registry imports the package's modules the first time it
is asked for a name. A new format is a new module in that package; nothing else is edited.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from archlex.errors import ArchlexError
from archlex.text import did_you_mean

T = TypeVar("T")


@dataclass
class Registry(Generic[T]):
    """The plug-ins of one family, by name; `order` decides the order they are listed in."""

    family: str  # what one plug-in is called in messages: "format", "product", "export"
    package: str  # the package whose modules register themselves
    entries: dict[str, T] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    about: dict[str, str] = field(default_factory=dict)
    # Where some plug-ins live (name -> module): `get` imports only that module, so that a
    # command that writes one format does not import them all (tests/test_registry.py).
    modules: dict[str, str] = field(default_factory=dict)
    _loaded: bool = False

    def register(self, name: str, order: int = 0, about: str = "") -> Callable[[T], T]:
        """Register the decorated function under `name` (`about` is its one-line help)."""

        def decorate(function: T) -> T:
            self.entries[name] = function
            self.order[name] = order
            self.about[name] = about
            return function

        return decorate

    def load(self) -> dict[str, T]:
        """Every plug-in, in order (importing the package's modules registers them)."""
        if not self._loaded:
            package = importlib.import_module(self.package)
            for module in pkgutil.iter_modules(package.__path__):
                importlib.import_module(f"{self.package}.{module.name}")
            self._loaded = True
        return {name: self.entries[name] for name in self._ordered()}

    def names(self) -> list[str]:
        """The registered names, in order."""
        self.load()
        return self._ordered()

    def _ordered(self) -> list[str]:
        return sorted(self.entries, key=lambda name: (self.order[name], name))

    def get(self, name: str) -> T:
        """The plug-in called `name`, or an error that names the ones there are."""
        if name not in self.entries and name in self.modules:
            importlib.import_module(self.modules[name])
        if name in self.entries:
            return self.entries[name]
        names = self.names()
        if name not in self.entries:
            hint = did_you_mean(name, names) or f"{self.family}s: " + ", ".join(names)
            raise ArchlexError(f"there is no {self.family} {name!r}", hint)
        return self.entries[name]
