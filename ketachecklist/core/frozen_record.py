"""FrozenRecord: a frozen dataclass's behaviour at a fraction of its cost to define.

``@dataclass`` compiles up to six methods for every class it makes (about 0.6 ms each on the
machine in docs/performance.md), and an export or the app's start imports some eighty of them.
A record instead shares one set of methods: fields come from the class's annotations, in
order, with the class attribute as the default (or ``field(default=…)`` /
``field(default_factory=…)``, nothing else of ``field``); instances are built positionally or
by keyword, compared (same class and fields), hashed and shown like a frozen dataclass's,
cannot be changed, match class patterns positionally, and ``replaced(**changes)`` is
``dataclasses.replace``. A record may extend one record (its fields come first), and
``class R(Base, kw_only=True)`` makes R's own fields keyword-only. Type checkers see a frozen
dataclass (``dataclass_transform``), so ``dataclasses.fields``, ``replace`` and ``asdict`` work
too: the ``Field``s they read are made the first time one is asked for. No
``__post_init__``, slots or ordering.

A record is built with one ``__dict__`` update and its fields are read together by one
``operator.attrgetter``: it hashes and compares about as fast as a dataclass and builds in up
to twice a dataclass's time (about 1 µs more), so a class made thousands of times per run (the
PDF engine's paragraphs and lines) stays a dataclass.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from operator import attrgetter
from typing import Any, ClassVar, Self, dataclass_transform


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class FrozenRecord:
    _fields: ClassVar[tuple[str, ...]] = ()
    _positional: ClassVar[tuple[str, ...]] = ()  # the fields that may be given by position
    _keyword_only: ClassVar[frozenset[str]] = frozenset()
    _types: ClassVar[dict[str, Any]] = {}  # name -> its annotation, as written
    _defaults: ClassVar[dict[str, Any]] = {}
    _factories: ClassVar[dict[str, Any]] = {}  # name -> default_factory
    _field_names: ClassVar[frozenset[str]] = frozenset()
    _read: ClassVar[Callable[[Any], tuple[Any, ...]]] = staticmethod(lambda _: ())

    def __init_subclass__(cls, *, kw_only: bool = False) -> None:
        super().__init_subclass__()
        annotations = cls.__annotations__  # its own (Python 3.10+), never a base's
        own = tuple(  # the class's own annotations, in order; no ClassVar
            name
            for name, kind in annotations.items()
            if not str(kind).startswith(("ClassVar", "typing.ClassVar"))
        )
        # A record extends at most one record: its fields first, as a dataclass's base's.
        bases = [b for b in cls.__bases__ if issubclass(b, FrozenRecord) and b._fields]
        if len(bases) > 1:
            raise TypeError(f"{cls.__name__} extends more than one record")
        base = bases[0] if bases else FrozenRecord
        fields = (*base._fields, *(name for name in own if name not in base._fields))
        cls._fields = fields
        cls._types = {**base._types, **{name: annotations[name] for name in own}}
        cls._keyword_only = base._keyword_only | frozenset(own if kw_only else ())
        cls._positional = tuple(name for name in fields if name not in cls._keyword_only)
        cls._defaults = {n: v for n, v in base._defaults.items() if n not in own}
        cls._factories = {n: v for n, v in base._factories.items() if n not in own}
        for name in own:
            if name in cls.__dict__:
                _take_default(cls, name, cls.__dict__[name])
        cls._field_names = frozenset(fields)
        # What @dataclass adds too: class patterns' positions, dataclasses' view of the fields.
        for name, value in (
            ("__match_args__", cls._positional),
            ("__dataclass_fields__", _DATACLASS_FIELDS),
        ):
            setattr(cls, name, value)
        # attrgetter of several names gives a tuple; of one, the value itself.
        read = attrgetter(*fields) if len(fields) > 1 else lambda r: (getattr(r, fields[0]),)
        cls._read = staticmethod(read)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        values = dict(zip(self._positional, args, strict=False))
        if len(args) > len(self._positional) or not values.keys().isdisjoint(kwargs):
            raise TypeError(f"{type(self).__name__} takes the fields {fields}")
        if kwargs:
            values.update(kwargs)
            if not self._field_names.issuperset(kwargs):
                unknown = next(name for name in kwargs if name not in self._field_names)
                raise TypeError(f"{type(self).__name__} has no field {unknown!r}")
        if len(values) < len(fields):
            values = {**self._defaults, **values}
            for name, make in self._factories.items():
                if name not in values:
                    values[name] = make()
            if len(values) < len(fields):
                missing = next(name for name in fields if name not in values)
                raise TypeError(f"{type(self).__name__} needs its field {missing!r}")
        self.__dict__.update(values)  # past __setattr__, which refuses every change

    def replaced(self, **changes: Any) -> Self:
        """A copy with ``changes`` (``dataclasses.replace`` for a record)."""
        return type(self)(
            **{**dict(zip(self._fields, type(self)._read(self), strict=True)), **changes}
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, FrozenRecord)
        return type(self)._read(self) == type(other)._read(other)

    def __hash__(self) -> int:
        return hash(type(self)._read(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


def _take_default(cls: type[FrozenRecord], name: str, value: Any) -> None:
    """Record a field's default as ``dataclass`` would: the class keeps a plain default as its
    attribute, and loses a ``field()`` with a factory or none."""
    if not isinstance(value, Field):
        cls._defaults[name] = value
        return
    plain = field(default=value.default, default_factory=value.default_factory)
    options = ("init", "repr", "hash", "compare", "metadata", "kw_only")
    if any(getattr(value, option) != getattr(plain, option) for option in options):
        raise TypeError(f"{cls.__name__}.{name}: a record's field() takes only a default")
    if value.default_factory is not MISSING:
        cls._factories[name] = value.default_factory
        delattr(cls, name)
    elif value.default is not MISSING:
        cls._defaults[name] = value.default
        setattr(cls, name, value.default)
    else:
        delattr(cls, name)


class _DataclassFields:
    """A record's ``__dataclass_fields__``, what ``dataclasses.fields``, ``replace``, ``asdict``
    and ``is_dataclass`` read: made on first use (most records are never asked) and kept on
    the class. The ``Field``s are ``field()``'s own, named and typed as ``@dataclass`` names
    and types them (``_field_type`` marks an ordinary field; tests/core hold it to a real
    frozen dataclass's)."""

    def __get__(self, instance: object, owner: type[FrozenRecord]) -> dict[str, Field[Any]]:
        made = {}
        for name in owner._fields:
            made[name] = made_field = field(
                default=owner._defaults.get(name, MISSING),
                default_factory=owner._factories.get(name, MISSING),
                kw_only=name in owner._keyword_only,
            )
            made_field.name = name
            made_field.type = owner._types[name]
            made_field._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        type.__setattr__(owner, "__dataclass_fields__", made)
        return made


_DATACLASS_FIELDS = _DataclassFields()
