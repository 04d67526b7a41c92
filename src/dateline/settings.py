"""One settings object for every stage, loadable from TOML and overridable from the command line.

Modelled on trafilatura's settings file: the defaults live in the dataclasses below (the stages'
own option classes are reused, so there is one source for each default); ``settings.toml`` in this
package documents them. A TOML file (``--config FILE``) overrides some of them and
``--set section.key=value`` overrides single keys after it. Sections and keys:

  [clean]             min_words                  (fewer words after cleaning: rejected)
                      only_supported_languages   (a text confidently not English is rejected; false
                                                  keeps it, for language-independent stages)
  [run]               jobs                       (worker processes for the per-document phase)
  [timeline]          events.TimelineOptions     (max_dates, sentences_per_date, query, ...)
  [timeline.select]   events.select.SelectWeights   (how timeline days are chosen)
  [timeline.summary]  events.summarize.SummaryWeights (how each day's sentences are chosen)
  [stories]           stories.StoryOptions      (how a pile is split into stories)

An unknown section or key, or a value of the wrong type, raises ``SettingsError`` naming it and
the keys that exist.
"""

from __future__ import annotations

import copy
import dataclasses
import tomllib
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .events import TimelineOptions
from .stories.options import StoryOptions

MIN_WORDS = 5  # fewer words than this after cleaning is not an article
DEFAULT_TOML = "settings.toml"


class SettingsError(ValueError):
    """An unknown setting, a malformed ``--set``, or a value of the wrong type."""


@dataclass
class CleanSettings:
    min_words: int = MIN_WORDS
    only_supported_languages: bool = True


@dataclass
class RunSettings:
    jobs: int = 1


@dataclass
class Settings:
    """Every stage's settings (see the module docstring for the sections)."""

    clean: CleanSettings = field(default_factory=CleanSettings)
    run: RunSettings = field(default_factory=RunSettings)
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def fingerprint(self) -> str:
        """A stable text of every value (for cache keys)."""
        import json

        return json.dumps(self.to_dict(), sort_keys=True, default=str)


def any_language_settings() -> Settings:
    """Defaults, but texts in every language are kept: for evaluators of the stages that do not
    depend on the language (main-text extraction, publication dating) on multilingual benchmarks;
    ``dateline analyze`` keeps refusing confidently non-English text."""
    s = Settings()
    s.clean.only_supported_languages = False
    return s


def _hints(cls: type) -> dict[str, Any]:
    import sys

    mod = sys.modules[cls.__module__]
    return typing.get_type_hints(cls, globalns=vars(mod))


def _section(settings: Any, path: list[str]) -> Any:
    obj = settings
    for i, part in enumerate(path):
        if not dataclasses.is_dataclass(obj) or part not in {f.name for f in dataclasses.fields(obj)} \
                or not dataclasses.is_dataclass(getattr(obj, part)):
            known = ", ".join(section_names())
            raise SettingsError(f"unknown settings section [{'.'.join(path[: i + 1])}]; the sections are: {known}")
        obj = getattr(obj, part)
    return obj


def section_names(settings: Any = None, prefix: str = "") -> list[str]:
    """Every section name (``timeline.select`` ...)."""
    obj = settings if settings is not None else Settings()
    out: list[str] = []
    for f in dataclasses.fields(obj):
        v = getattr(obj, f.name)
        if dataclasses.is_dataclass(v):
            name = prefix + f.name
            out.append(name)
            out.extend(section_names(v, name + "."))
    return out


def section_keys(section: str) -> list[str]:
    """The ``section.key`` names of the plain values of one section."""
    obj = _section(Settings(), section.split("."))
    return [f"{section}.{f.name}" for f in dataclasses.fields(obj) if not dataclasses.is_dataclass(getattr(obj, f.name))]


def _check_type(value: Any, hint: Any, where: str) -> Any:
    """``value`` converted to ``hint`` (int -> float allowed) or ``SettingsError``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        if value is None and type(None) in args:
            return None
        errors = []
        for a in args:
            if a is type(None):
                continue
            try:
                return _check_type(value, a, where)
            except SettingsError as exc:
                errors.append(str(exc))
        raise SettingsError(errors[0] if errors else f"{where}: bad value {value!r}")
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list):
            raise SettingsError(f"{where}: expected a list, got {value!r}")
        return [_check_type(v, item, where) for v in value]
    if hint is Any:
        return value
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise SettingsError(f"{where}: expected true or false, got {value!r}")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise SettingsError(f"{where}: expected a number, got {value!r}")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise SettingsError(f"{where}: expected an integer, got {value!r}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise SettingsError(f"{where}: expected a string, got {value!r}")
    return value


def _apply(obj: Any, table: Mapping[str, Any], prefix: str) -> None:
    hints = _hints(type(obj))
    names = {f.name for f in dataclasses.fields(obj)}
    for key, value in table.items():
        where = f"{prefix}{key}"
        if key not in names:
            keys = ", ".join(sorted(names))
            raise SettingsError(f"unknown setting {where!r}; [{prefix.rstrip('.') or 'top level'}] has: {keys}")
        current = getattr(obj, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, Mapping):
                raise SettingsError(f"{where} is a section: give it as [{where}] or {where}.KEY=VALUE")
            _apply(current, value, where + ".")
            continue
        setattr(obj, key, _check_type(value, hints[key], where))


def apply_mapping(settings: Settings, table: Mapping[str, Any]) -> Settings:
    """``settings`` with the values of a nested mapping (a parsed TOML document) applied in place."""
    top = {f.name for f in dataclasses.fields(settings)}
    for key, value in table.items():
        if key not in top or not isinstance(value, Mapping):
            raise SettingsError(f"unknown settings section [{key}]; the sections are: {', '.join(section_names())}")
    _apply(settings, table, "")
    return settings


def parse_assignment(text: str) -> tuple[list[str], Any]:
    """``'timeline.select.referenced=2.5'`` -> (['timeline', 'select', 'referenced'], 2.5).

    The value is read as a TOML value (numbers, true/false, "strings", [lists]); anything that is
    not valid TOML is taken as a bare string; ``none``/``null`` mean no value."""
    if "=" not in text:
        raise SettingsError(f"--set expects SECTION.KEY=VALUE, got {text!r}")
    key, raw = text.split("=", 1)
    path = [p.strip() for p in key.strip().split(".") if p.strip()]
    if len(path) < 2:
        raise SettingsError(f"--set expects SECTION.KEY=VALUE, got {text!r}")
    raw = raw.strip()
    if raw.lower() in ("none", "null"):
        return path, None
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    return path, value


def apply_assignments(settings: Settings, assignments: Iterable[str]) -> Settings:
    """``settings`` with every ``section.key=value`` applied in place."""
    for text in assignments:
        path, value = parse_assignment(text)
        section = _section(settings, path[:-1])
        _apply(section, {path[-1]: value}, ".".join(path[:-1]) + ".")
    return settings


def load_settings(config: str | Path | None = None, assignments: Iterable[str] = (),
                  base: Settings | None = None) -> Settings:
    """The defaults (or a copy of ``base``), then the TOML file ``config``, then ``assignments``."""
    settings = copy.deepcopy(base) if base is not None else Settings()
    if config:
        path = Path(config)
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise SettingsError(f"cannot read settings file {path}: {exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"settings file {path} is not valid TOML: {exc}") from exc
        try:
            apply_mapping(settings, table)
        except SettingsError as exc:
            raise SettingsError(f"{path}: {exc}") from exc
    apply_assignments(settings, assignments)
    return settings


def default_toml_text() -> str:
    """The documented default settings file shipped in the package."""
    return resources.files("dateline").joinpath(DEFAULT_TOML).read_text(encoding="utf-8")


def settings_from_args(args: Any) -> Settings:
    """Settings from a parsed command line: ``--config``, then ``--set``, then the analyse flags
    (``--dates --sentences --query --start --end --jobs``) where they were given."""
    s = load_settings(getattr(args, "config", None), getattr(args, "set", None) or ())
    tl = s.timeline
    if getattr(args, "dates", None) is not None:
        tl.max_dates = args.dates
    if getattr(args, "sentences", None) is not None:
        tl.sentences_per_date = args.sentences
    query = getattr(args, "query", None)
    if query:
        tl.query = [q.strip() for q in query.split(",") if q.strip()] or None
    if getattr(args, "start", None):
        tl.start = args.start
    if getattr(args, "end", None):
        tl.end = args.end
    if getattr(args, "jobs", None) is not None:
        s.run.jobs = max(1, args.jobs)
    return s


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    raise TypeError(type(v))


def to_toml(settings: Settings) -> str:
    """``settings`` as a TOML document (values that are None are left out: TOML has no null)."""
    lines: list[str] = []

    def emit(obj: Any, name: str) -> None:
        plain = [(f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj) if not dataclasses.is_dataclass(getattr(obj, f.name))]
        lines.append(f"[{name}]")
        for k, v in plain:
            lines.append(f"{k} = {_toml_value(v)}" if v is not None else f"# {k} = (none)")
        lines.append("")
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            if dataclasses.is_dataclass(v):
                emit(v, f"{name}.{f.name}")

    for f in dataclasses.fields(settings):
        emit(getattr(settings, f.name), f.name)
    return "\n".join(lines).rstrip() + "\n"
