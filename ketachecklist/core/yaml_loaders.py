"""The PyYAML side of ``safe_yaml``: strict loaders and the parse itself.

Kept apart so that importing the core does not import PyYAML (about 12 ms): the app's start
reads the bundled catalogue from a cache and needs no YAML at all (``yaml_cache``).
``safe_yaml.load_yaml_bytes`` imports this module the first time a file is parsed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver, Resolver

from ketachecklist.core.errors import FileFormatError, Problem
from ketachecklist.core.limits import MAX_DEPTH, MAX_NODES
from ketachecklist.core.safe_yaml import (
    LineDict,
    LineList,
    SourceFloat,
    SourceInt,
    TooManyValuesError,
)
from ketachecklist.text import tr

# What YAML 1.1 does not allow in a file, as yaml's pure Python reader defines it; checked here
# so the message and line are the same whichever parser reads the file.
_UNPRINTABLE = yaml.reader.Reader.NON_PRINTABLE


class _RefusalError(Exception):
    def __init__(self, message: str, line: int | None, *, too_many: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.too_many = too_many


_TAGGED_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)


class _PlainResolver(BaseResolver):
    """Plain scalars as YAML 1.2's core schema reads them, minus its surprises.

    Only null (``~``, ``null``, empty), ``true``/``false`` and decimal numbers are typed; every
    other plain scalar is text exactly as written. YAML 1.1's octal (``007``, ``01234567``),
    hex (``0x1F``), sexagesimal (``12:30:45``), ``on``/``off``/``yes``/``no``, underscores and
    timestamps all stay text. Each typed form is also typed by YAML 1.1, so the app's writer
    (PyYAML's 1.1 emitter, which quotes text that 1.1 would type) never writes text this reads
    as something else. Numbers keep their source text (``SourceInt``/``SourceFloat``) so a
    text field given ``1.50`` gets "1.50".
    """


# Recognised only so that it is refused with its own message (see _construct_mapping).
_PlainResolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])
_PlainResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_PlainResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_PlainResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_PlainResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?$"),
    list("-+0123456789."),
)


if TYPE_CHECKING:
    _StrictnessBase = yaml.SafeLoader
else:
    _StrictnessBase = object


class _Strictness(_StrictnessBase):
    """The refusals, shared by both loaders below (a mixin ahead of yaml's Composer)."""

    _depth = 0
    _nodes = 0
    # Ahead of yaml's Resolver in both loaders: its class attribute is what ``resolve`` reads.
    yaml_implicit_resolvers = _PlainResolver.yaml_implicit_resolvers

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _RefusalError(
                tr("the file holds more than {count} values; no comparison needs that many").format(
                    count=f"{MAX_NODES:,}"
                ),
                line,
                too_many=True,
            )
        if isinstance(event, yaml.AliasEvent):
            message = tr("YAML aliases (*name) are not allowed in ketachecklist files")
            raise _RefusalError(message, line)
        if isinstance(event, _TAGGED_EVENTS) and event.tag is not None:
            shown_tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")[:60]
            raise _RefusalError(
                tr(
                    "YAML tags like '{tag}' are not allowed "
                    "(only plain YAML is allowed: no program objects)"
                ).format(tag=shown_tag),
                line,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                message = tr("nesting is deeper than {count} levels").format(count=MAX_DEPTH)
                raise _RefusalError(message, line)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except _RefusalError:
            raise
        except (ValueError, OverflowError, ArithmeticError) as error:
            # Implicitly typed plain values: an impossible date, an integer too long to convert.
            shown = str(node.value)[:40] if isinstance(node, yaml.ScalarNode) else tr("a value")
            raise _RefusalError(
                tr("the value '{value}' cannot be read ({reason})").format(
                    value=shown, reason=str(error)[:120]
                ),
                node.start_mark.line + 1,
            ) from None


class _StrictLoader(_Strictness, yaml.SafeLoader):
    """Pure Python: used where PyYAML was built without libyaml (tests check both agree)."""


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _StrictCLoader(_Strictness, Composer, CParser, SafeConstructor, Resolver):
        """libyaml scans and parses (about 8× faster: the catalogue loads at every start),
        yaml's own Composer builds the nodes, so the refusals above still see every event.
        The same parts as ``yaml.CSafeLoader``, with our composer in front."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _LOADER: type[Any] = _StrictCLoader
else:  # pragma: no cover - PyPI's PyYAML wheels include libyaml
    _LOADER = _StrictLoader


def _construct_mapping(loader: _Strictness, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise _RefusalError(tr("YAML merge keys (<<) are not allowed"), key_line)
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in result
        except TypeError:
            raise _RefusalError(tr("a mapping key must be a plain value"), key_line) from None
        if duplicate:
            first = result.key_lines[key]
            message = tr("duplicate key '{key}' (first given on line {line})")
            raise _RefusalError(message.format(key=key, line=first), key_line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_line
    return result


def _construct_int(loader: _Strictness, node: yaml.ScalarNode) -> SourceInt:
    return SourceInt(int(node.value), node.value)


def _construct_float(loader: _Strictness, node: yaml.ScalarNode) -> SourceFloat:
    return SourceFloat(float(node.value), node.value)


def _construct_sequence(loader: _Strictness, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


LOADERS: tuple[type[Any], ...] = (
    (_LOADER,) if _LOADER is _StrictLoader else (_LOADER, _StrictLoader)
)
"""The loader used, first; then the pure Python one, which tests check as well."""
for _loader_class in LOADERS:
    _loader_class.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader_class.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
    _loader_class.add_constructor("tag:yaml.org,2002:int", _construct_int)
    _loader_class.add_constructor("tag:yaml.org,2002:float", _construct_float)


def parse_yaml_text(text: str, source: str) -> Any:
    """Parse decoded text; every failure becomes a FileFormatError naming ``source``."""
    unprintable = _UNPRINTABLE.search(text)
    if unprintable is not None:
        raise FileFormatError.single(
            source,
            tr(
                "the file contains a control character (U+{code}) that is "
                "not allowed in a YAML text file"
            ).format(code=f"{ord(unprintable.group()):04X}"),
            text.count("\n", 0, unprintable.start()) + 1,
        )
    loader: Any = None
    try:
        loader = _LOADER(text)
        return loader.get_single_data()
    except _RefusalError as refusal:
        kind = TooManyValuesError if refusal.too_many else FileFormatError
        raise kind(source, [Problem(refusal.message, refusal.line)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        what = error.problem or error.context or tr("not valid YAML")
        if isinstance(error, yaml.constructor.ConstructorError) and "tag" in what:
            what = tr("{problem} (only plain YAML is allowed: no program objects)").format(
                problem=what
            )
        message = tr("not valid YAML: {problem}").format(problem=what)
        raise FileFormatError(source, [Problem(message, line)]) from None
    except yaml.YAMLError as error:
        message = tr("not valid YAML: {problem}").format(problem=error)
        raise FileFormatError.single(source, message) from None
    except RecursionError:
        raise FileFormatError.single(source, tr("the file is nested too deeply")) from None
    finally:
        if loader is not None:
            loader.dispose()
