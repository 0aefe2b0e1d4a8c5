"""FrozenRecord: a frozen dataclass's behaviour at a fraction of its cost to define.

``@dataclass`` compiles up to six methods for every class it makes (about 0.6 ms each on the
machine in docs/performance.md), and an export or the app's start imports some eighty of them.
A record instead shares one set of methods: fields come from the class's annotations, in
order, with the class attribute as the default; instances are built positionally or by
keyword, compared (same class and fields), hashed and shown like a frozen dataclass's, cannot
be changed, and ``replaced(**changes)`` is ``dataclasses.replace``. Type checkers see a frozen
dataclass (``dataclass_transform``). No ``field()``, ``__post_init__``, slots or ordering.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any, ClassVar, Self, dataclass_transform


@dataclass_transform(frozen_default=True)
class FrozenRecord:
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        own = tuple(  # the class's own annotations (Python 3.10+), in order; no ClassVar
            name
            for name, kind in cls.__annotations__.items()
            if not str(kind).startswith(("ClassVar", "typing.ClassVar"))
        )
        cls._fields = own
        cls._defaults = {name: cls.__dict__[name] for name in own if name in cls.__dict__}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        values = dict(zip(fields, args, strict=False))
        if len(args) > len(fields) or values.keys() & kwargs.keys():
            raise TypeError(f"{type(self).__name__} takes the fields {fields}")
        values.update(kwargs)
        for name in fields:
            if name not in values:
                if name not in self._defaults:
                    raise TypeError(f"{type(self).__name__} needs its field {name!r}")
                values[name] = self._defaults[name]
            object.__setattr__(self, name, values.pop(name))
        if values:
            raise TypeError(f"{type(self).__name__} has no field {next(iter(values))!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def replaced(self, **changes: Any) -> Self:
        """A copy with ``changes`` (``dataclasses.replace`` for a record)."""
        return type(self)(**{**dict(zip(self._fields, self._values(), strict=True)), **changes})

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, FrozenRecord)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
