"""The base of every model class: a plain Python object that pydantic-core validates.

A model class is written like a pydantic model (annotated fields, `Field(...)` for defaults and
descriptions, `model_validator` for checks across fields), but it is a plain class: importing
the model costs no pydantic. What validates it is a pydantic-core `SchemaValidator` made from
the core schema of the class's pydantic twin (`archlex.model.twins`), with the twin's classes
replaced by the plain ones, so the validator makes plain instances directly, with the same
checks, coercions and errors as before. That validator is kept between runs in the cache folder
(`archlex.load.validators`), so a check that finds it there imports pydantic-core only.

The instances keep pydantic's layout (the fields in `__dict__`, the fields given in
`__pydantic_fields_set__`) because pydantic-core fills it, and the methods the code base uses
(`model_validate`, `model_construct`, `model_copy`, `model_dump`, `model_fields`,
`model_fields_set`) behave as pydantic's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing import Self

    from archlex.model.core import SchemaSerializer, SchemaValidator

_MISSING: Any = object()
Function = TypeVar("Function", bound=Callable[..., Any])


class FieldSpec:
    """What a class body says of one field: its default and pydantic's keywords for it."""

    __slots__ = ("alias", "default", "default_factory", "description", "keywords", "name")

    def __init__(self, keywords: dict[str, Any]) -> None:
        self.keywords = keywords
        self.name = ""
        self.default: Any = keywords.get("default", _MISSING)
        self.default_factory: Callable[[], Any] | None = keywords.get("default_factory")
        self.alias: str | None = keywords.get("alias")
        self.description: str | None = keywords.get("description")

    def is_required(self) -> bool:
        """Whether the field has no default (as pydantic's FieldInfo says)."""
        return self.default is _MISSING and self.default_factory is None

    def default_value(self) -> Any:
        """A fresh default (the factory called), for a field that is not required."""
        return self.default_factory() if self.default_factory is not None else self.default


def Field(default: Any = _MISSING, **keywords: Any) -> Any:  # noqa: N802 (pydantic's name)
    """A field's default and what pydantic's `Field` is given for it (description, alias,
    pattern, bounds ...); the twin passes them to pydantic as they are."""
    if default is not _MISSING:
        keywords["default"] = default
    return FieldSpec(keywords)


def model_validator(*, mode: str) -> Callable[[Function], Function]:
    """Mark a method as a check across fields (pydantic's `model_validator`, which the twin
    applies): `after` methods take the instance, `before` static methods the raw data."""

    def mark(function: Function) -> Function:
        target = function.__func__ if isinstance(function, staticmethod) else function
        target.__record_validator__ = mode  # type: ignore[attr-defined]
        return function

    return mark


class RecordType(type):
    """Collects each class's fields from its annotations, after its bases' (pydantic's order:
    a field a class annotates again keeps its base's place)."""

    __record_fields__: dict[str, FieldSpec]
    __record_own__: dict[str, FieldSpec]
    # Whether the class derives something from its fields once they are set (model_post_init).
    __record_post_init__: bool

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> RecordType:
        fields: dict[str, FieldSpec] = {}
        for base in reversed(bases):
            fields.update(getattr(base, "__record_fields__", {}))
        own: dict[str, FieldSpec] = {}
        for field_name, annotation in namespace.get("__annotations__", {}).items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            value = namespace.pop(field_name, _MISSING)
            if isinstance(value, FieldSpec):
                spec = value
            else:
                spec = FieldSpec({} if value is _MISSING else {"default": value})
            spec.name = field_name
            own[field_name] = fields[field_name] = spec
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        cls.__record_fields__ = fields
        cls.__record_own__ = own
        cls.__record_post_init__ = any("model_post_init" in vars(c) for c in cls.__mro__[:-2])
        return cls

    @property
    def model_fields(cls) -> dict[str, FieldSpec]:
        """The fields by name, in pydantic's order (`twins.pydantic_fields` gives pydantic's
        FieldInfo, with the resolved annotation)."""
        return cls.__record_fields__


def validator_of(cls: type[Record]) -> SchemaValidator:
    """The class's validator: kept on it, else made from its twin."""
    found: SchemaValidator | None = cls.__dict__.get("__pydantic_validator__")
    if found is None:
        from archlex.model.twins import plain_validator  # pydantic only when none is kept

        found = plain_validator(cls)
    return found


def _serializer(cls: type[Record]) -> SchemaSerializer:
    found: SchemaSerializer | None = cls.__dict__.get("__pydantic_serializer__")
    if found is None:
        from archlex.model.twins import plain_serializer

        found = plain_serializer(cls)
    return found


class Record(metaclass=RecordType):
    """Every part of a model: immutable, and unknown fields are an error."""

    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )
    if TYPE_CHECKING:
        __pydantic_fields_set__: set[str]
        __pydantic_extra__: dict[str, Any] | None
        __pydantic_private__: dict[str, Any] | None

    def __init__(self, /, **data: Any) -> None:
        validator_of(type(self)).validate_python(data, self_instance=self)

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        """The instance `obj` (a mapping, usually) makes, or pydantic-core's ValidationError."""
        made: Self = validator_of(cls).validate_python(obj)
        return made

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """An instance of `values` as they are, not validated; the other fields' defaults."""
        instance = cls.__new__(cls)
        fields: dict[str, Any] = {}
        given: set[str] = set()
        for name, spec in cls.__record_fields__.items():
            if name in values:
                fields[name] = values[name]
                given.add(name)
            elif spec.alias is not None and spec.alias in values:
                fields[name] = values[spec.alias]
                given.add(name)
            elif not spec.is_required():
                fields[name] = spec.default_value()
        _fill(instance, fields, given if _fields_set is None else _fields_set, None, None)
        if cls.__record_post_init__:
            instance.model_post_init(None)
        return instance

    def model_post_init(self, context: object, /) -> None:
        """What a class does once validated (pydantic-core calls it when a class defines it)."""

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A shallow copy, with the fields in `update` replaced (not validated). Unlike
        pydantic's, a class's `model_post_init` runs again on the copy, so that what it
        derives from the fields (a regulation's index of its articles) follows the update."""
        copied = type(self).__new__(type(self))
        fields = dict(self.__dict__)
        given = set(self.__pydantic_fields_set__)
        if update:
            fields.update(update)
            given.update(update)
        private = self.__pydantic_private__
        _fill(copied, fields, given, self.__pydantic_extra__, private and dict(private))
        if update and type(self).__record_post_init__:
            copied.model_post_init(None)
        return copied

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """pydantic's `model_dump` (mode, by_alias, exclude_defaults, exclude_none ...)."""
        dumped: dict[str, Any] = _serializer(type(self)).to_python(self, **options)
        return dumped

    @property
    def model_fields_set(self) -> set[str]:
        """The fields the data gave (not filled by a default)."""
        return self.__pydantic_fields_set__

    @property
    def model_extra(self) -> dict[str, Any] | None:
        """Fields the class does not declare (never any: unknown fields are an error)."""
        return self.__pydantic_extra__

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is immutable: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is immutable: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record):
            return NotImplemented
        return (
            type(self) is type(other)
            and self.__dict__ == other.__dict__
            and self.__pydantic_extra__ == other.__pydantic_extra__
        )

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        yield from self.__dict__.items()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    def __getstate__(self) -> dict[str, Any]:
        return {
            "__dict__": self.__dict__,
            "__pydantic_extra__": self.__pydantic_extra__,
            "__pydantic_fields_set__": self.__pydantic_fields_set__,
            "__pydantic_private__": self.__pydantic_private__,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        _fill(
            self,
            state["__dict__"],
            state["__pydantic_fields_set__"],
            state["__pydantic_extra__"],
            state.get("__pydantic_private__"),
        )


def _fill(
    record: Record,
    fields: dict[str, Any],
    given: set[str],
    extra: dict[str, Any] | None,
    private: dict[str, Any] | None,
) -> None:
    """Set what pydantic-core sets on an instance it validates (a record is immutable)."""
    setter = object.__setattr__
    setter(record, "__dict__", fields)
    setter(record, "__pydantic_fields_set__", given)
    setter(record, "__pydantic_extra__", extra)
    setter(record, "__pydantic_private__", private)
