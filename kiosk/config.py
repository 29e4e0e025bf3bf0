"""Kiosk settings: the one typed schema, loading with validation, and safe rewriting.

The `Settings` dataclass *is* the schema: each field carries its key, default, allowed values
and description (in the field's metadata), so the docs table, validation and `--print-config`
can never drift apart. Staff edit a TOML file (`kiosk.toml`); a bad value never stops the
kiosk: it falls back to its default and yields a `Problem` that names the file, the line, the
key, what is wrong and what is allowed.

This module knows nothing of Qt, so it can be tested and used from the command line alone.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Final, NamedTuple, TypeVar

from . import paths
from .guarded import FileProblem, guard, load_toml

MAX_SETTINGS_BYTES: Final = 256_000  # a settings file is a few hundred bytes
SETTINGS_TABLE_START: Final = "<!-- settings-table:start -->"
SETTINGS_TABLE_END: Final = "<!-- settings-table:end -->"

_PIN_HASH_RE = re.compile(r"^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$")
_VOICE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.+-]*$")

THEMES: Final = ("standard", "high-contrast", "dark", "cream")
# The speech service's own steps (kiosk.speech.RATE_STEPS, VOLUME_STEPS_DB); copied rather than
# imported so settings stay free of Qt. tests/ops checks that they agree.
SPEECH_RATES: Final = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
SPEECH_VOLUMES_DB: Final = (0.0, -6.0, -12.0, -18.0)


class Spec(NamedTuple):
    """What one setting may hold. The key is derived from the field name (see `Settings`)."""

    type: type
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] = ()
    unit: str = ""
    # Extra check for values of the right type; returns what is wrong, or None.
    check: Callable[[Any], str | None] | None = None
    allowed_text: str = ""
    # A bad value is kept rather than replaced by the default: used where the default would be
    # the less safe choice (an unreadable PIN hash must lock the admin screen, not open it).
    fail_closed: bool = False

    def allowed(self) -> str:
        if self.allowed_text:
            return self.allowed_text
        if self.choices:
            listed = ", ".join(f"{c:g}" if isinstance(c, float) else str(c) for c in self.choices)
            return f"one of: {listed}" + (f" {self.unit}" if self.unit else "")
        if self.type is bool:
            return "true or false"
        if self.minimum is not None or self.maximum is not None:
            kind = "a whole number" if self.type is int else "a number"
            unit = f" {self.unit}" if self.unit else ""
            if self.minimum is not None and self.maximum is not None:
                return f"{kind} from {_fmt_num(self.minimum)} to {_fmt_num(self.maximum)}{unit}"
            if self.minimum is not None:
                return f"{kind}, at least {_fmt_num(self.minimum)}{unit}"
            return f"{kind}, at most {_fmt_num(self.maximum)}{unit}"
        return "text"


def _fmt_num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


_T = TypeVar("_T")


def _setting(default: _T, description: str, **kwargs: Any) -> _T:
    """A dataclass field whose metadata holds its `Spec`; typed as the value for mypy."""
    spec = Spec(type=type(default), default=default, description=description, **kwargs)
    made: _T = field(default=default, metadata={"spec": spec})
    return made


def _check_voice(value: str) -> str | None:
    if not _VOICE_RE.match(value):
        return "is not a voice id (letters, digits and / _ . + - only)"
    return None


def _check_pin_hash(value: str) -> str | None:
    if value and not _PIN_HASH_RE.match(value):
        return "is not a PIN hash written by --set-pin"
    return None


def _check_hours(value: str) -> str | None:
    from .opening_hours import check_day

    wrong = check_day(value)
    return f"is not opening hours: {wrong}" if wrong else None


def _check_closures(value: str) -> str | None:
    from .opening_hours import check_closures

    wrong = check_closures(value)
    return f"is not a list of dates: {wrong}" if wrong else None


def _hours_day(day: str) -> str:
    return _setting(
        "",
        f"{day}'s opening hours, such as 09:00-17:00 or 09:00-12:30, 13:30-17:00; closed; "
        "or empty for open all day. Outside them the kiosk shows a dark, still 'closed' screen.",
        check=_check_hours,
        allowed_text="empty, closed, or ranges such as 09:00-17:00",
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, typed. Field `section_name` is the TOML key `section.name`."""

    session_idle_timeout: int = _setting(
        90,
        "Seconds with no touch before the 'Are you still there?' warning appears.",
        minimum=20,
        maximum=3600,
        unit="s",
    )
    session_warning_seconds: int = _setting(
        30,
        "Seconds the warning counts down (one touch cancels it) before the kiosk resets to "
        "the start screen. At least 20 s, as WCAG 2.2.1 asks.",
        minimum=20,
        maximum=300,
        unit="s",
    )
    display_hide_cursor: bool = _setting(
        True, "Hide the mouse pointer (touchscreens); set false when a mouse is used."
    )
    display_theme: str = _setting(
        "standard",
        "Colour theme the kiosk starts in (visitors can change it until the next reset).",
        choices=THEMES,
    )
    display_text_size: int = _setting(
        100,
        "Text size the kiosk starts at, in percent of the normal size.",
        minimum=100,
        maximum=250,
        unit="%",
    )
    speech_voice: str = _setting(
        "gmw/en",
        "Speech engine voice id (eSpeak NG: gmw/en is British English).",
        check=_check_voice,
        allowed_text="a voice id such as gmw/en, gmw/en-gb-x-rp, gmw/en-gb-scotland",
    )
    speech_rate: float = _setting(
        1.0,
        "Reading speed the kiosk starts at, as a multiple of normal speech (1 = about 175 "
        "words a minute). Visitors can change it until the next reset.",
        choices=SPEECH_RATES,
    )
    speech_volume: float = _setting(
        0.0,
        "Reading volume the kiosk starts at, in decibels below full volume (0 is loudest, "
        "-18 quietest). Set the loudspeaker level itself in the operating system.",
        choices=SPEECH_VOLUMES_DB,
        unit="dB",
    )
    content_folder: str = _setting(
        "",
        "Folder of leaflet content to show; empty means the leaflet built into the kiosk. "
        "A relative path is relative to the settings file's folder.",
        allowed_text="empty, or a folder path",
    )
    admin_pin_hash: str = _setting(
        "",
        "Salted hash of the staff PIN, written by `--set-pin` (never the PIN itself). Empty "
        "means no PIN yet: the admin screen asks for one to be set.",
        check=_check_pin_hash,
        allowed_text="empty, or a hash written by --set-pin",
        fail_closed=True,
    )
    admin_exit_to_desktop: bool = _setting(
        True,
        "Offer 'Exit to desktop' on the staff screen. With a system-wide settings file, "
        "only that file can set this.",
    )
    stats_enabled: bool = _setting(
        True,
        "Keep anonymous daily usage counts (no card text, no personal data) on this machine.",
    )
    # Opening hours (kiosk.opening_hours): empty means open all day.
    hours_monday: str = _hours_day("Monday")
    hours_tuesday: str = _hours_day("Tuesday")
    hours_wednesday: str = _hours_day("Wednesday")
    hours_thursday: str = _hours_day("Thursday")
    hours_friday: str = _hours_day("Friday")
    hours_saturday: str = _hours_day("Saturday")
    hours_sunday: str = _hours_day("Sunday")
    hours_closed_dates: str = _setting(
        "",
        "Dates the kiosk is closed all day (bank holidays, closures): 2026-12-25, or "
        "2026-12-24..2027-01-01 for a range, comma-separated.",
        check=_check_closures,
        allowed_text="empty, or dates and date ranges, comma-separated",
    )

    def content_path(self) -> Path | None:
        """The content folder to load, or None for the bundled leaflet."""
        return Path(self.content_folder) if self.content_folder else None


def _key_of(name: str) -> str:
    section, _, leaf = name.partition("_")
    return f"{section}.{leaf}"


def _spec_of(f: Field[Any]) -> Spec:
    spec = f.metadata["spec"]
    assert isinstance(spec, Spec)
    return spec


SCHEMA: Final[Mapping[str, Spec]] = {_key_of(f.name): _spec_of(f) for f in fields(Settings)}
_ATTR: Final[Mapping[str, str]] = {_key_of(f.name): f.name for f in fields(Settings)}


class Problem(NamedTuple):
    """One thing wrong with a settings file. `key` is empty for file-level problems."""

    file: Path
    line: int | None
    key: str
    message: str
    allowed: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        what = f"{self.key}: {self.message}" if self.key else self.message
        tail = f" (allowed: {self.allowed})" if self.allowed else ""
        return f"{where}: {what}{tail}"


class LoadedSettings(NamedTuple):
    """Settings read from one file, with its problems and where each value came from."""

    settings: Settings
    problems: list[Problem]
    # key -> where the value came from: "default", or "FILE:LINE".
    sources: dict[str, str]


# --- locating keys in the text (tomllib reports no positions) ---

_HEADER_RE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY_RE = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split_dotted(text: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _key_lines(text: str) -> dict[str, int]:
    """Best-effort map of dotted key (and table name) -> line number."""
    lines: dict[str, int] = {}
    table: list[str] = []
    in_multiline: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if in_multiline:
            if raw.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER_RE.match(raw)
        if header:
            table = _split_dotted(header.group(1))
            lines.setdefault(".".join(table), number)
            continue
        key = _KEY_RE.match(raw)
        if key:
            dotted = ".".join([*table, *_split_dotted(key.group(1))])
            lines.setdefault(dotted, number)
            rest = raw[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
    return lines


def _line_for(key: str, lines: Mapping[str, int]) -> int | None:
    parts = key.split(".")
    while parts:
        found = lines.get(".".join(parts))
        if found:
            return found
        parts.pop()
    return None


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and key not in SCHEMA:
            out.update(_flatten(value, key + "."))
        else:
            out[key] = value
    return out


def _suggest(key: str) -> str:
    import difflib  # only for a key that is not known: not held by every running kiosk

    known = list(SCHEMA)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if not close:
        leaf = key.rsplit(".", 1)[-1]
        by_leaf = {k.rsplit(".", 1)[-1]: k for k in known}
        leaf_close = difflib.get_close_matches(leaf, list(by_leaf), n=1, cutoff=0.6)
        close = [by_leaf[leaf_close[0]]] if leaf_close else []
    return f"; did you mean '{close[0]}'?" if close else ""


def _toml_type_name(value: object) -> str:
    names = {bool: "true/false", int: "a whole number", float: "a number", str: "text"}
    for kind, name in names.items():
        if type(value) is kind:
            return name
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def validate_value(key: str, value: object) -> tuple[Any, str | None]:
    """Check one value against the schema: (value to use, what is wrong or None)."""
    spec = SCHEMA[key]
    want = spec.type
    ok_type = type(value) is want or (want is float and type(value) is int)
    if not ok_type:
        return (
            spec.default,
            f"is {_toml_type_name(value)} {value!r}; expected {_toml_type_name(want())}",
        )
    if want in (int, float):
        number = float(value)  # type: ignore[arg-type]
        if (
            math.isnan(number)
            or (spec.minimum is not None and number < spec.minimum)
            or (spec.maximum is not None and number > spec.maximum)
        ):
            return spec.default, f"{value!r} is out of range"
    if spec.choices and value not in spec.choices:
        return spec.default, f"{value!r} is not a choice"
    if want is float:
        value = float(value)  # type: ignore[arg-type]
    if spec.check is not None:
        wrong = spec.check(value)
        if wrong:
            return spec.default, f"{value!r} {wrong}"
    return value, None


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """Read a settings file. Never raises for bad content: every problem is returned."""
    loaded = load_settings_with_sources(path)
    return loaded.settings, loaded.problems


def load_settings_with_sources(path: Path) -> LoadedSettings:
    path = Path(path)
    defaults = Settings()
    sources = dict.fromkeys(SCHEMA, "default")
    try:
        raw, text = load_toml(path, max_bytes=MAX_SETTINGS_BYTES)
        return guard(path, lambda: _apply(path, raw, text, sources))
    except FileProblem as problem:
        if problem.missing:
            return LoadedSettings(defaults, [], sources)
        why = f"{problem.message}; using all defaults"
        return LoadedSettings(
            defaults,
            [Problem(path, problem.line, problem.key, why)],
            dict.fromkeys(SCHEMA, "default"),
        )


def _apply(path: Path, raw: dict[str, Any], text: str, sources: dict[str, str]) -> LoadedSettings:
    defaults = Settings()
    lines = _key_lines(text)
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in _flatten(raw).items():
        line = _line_for(key, lines)
        if key not in SCHEMA:
            problems.append(Problem(path, line, key, f"unknown setting{_suggest(key)}"))
            continue
        spec = SCHEMA[key]
        use, wrong = validate_value(key, value)
        if wrong:
            fallback = (
                "kept, so the admin screen stays locked until a new PIN is set with --set-pin"
                if spec.fail_closed
                else (f"using the default {_toml_value(spec.default)}")
            )
            problems.append(Problem(path, line, key, f"{wrong}; {fallback}", spec.allowed()))
            if not spec.fail_closed:
                continue
            use = str(value) or "!"
        if key == "content.folder" and use:
            folder = (path.parent / Path(use).expanduser()).resolve()
            if not folder.is_dir():
                why = f"folder {folder} does not exist; using the built-in leaflet"
                problems.append(Problem(path, line, key, why, spec.allowed()))
                continue
            use = str(folder)
        values[_ATTR[key]] = use
        sources[key] = f"{path}:{line}" if line else str(path)
    problems.sort(key=lambda p: (p.line or 0, p.key))
    return LoadedSettings(replace(defaults, **values), problems, sources)


def _toml_value(value: object) -> str:
    import tomlkit

    return tomlkit.item(value).as_string()


def setting_value(settings: Settings, key: str) -> Any:
    return getattr(settings, _ATTR[key])


# --- command-line entry points ---


def check_config_main(path: Path) -> int:
    """`--check-config FILE`: print every problem; 0 if the file is fine, 1 otherwise."""
    path = Path(path)
    if not path.exists():
        print(f"{path}: no such file (the kiosk would use all defaults)", file=sys.stderr)
        return 1
    _settings, problems = load_settings(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    print(f"{path}: OK")
    return 0


# --- documentation ---


def settings_table_markdown() -> str:
    """Markdown table of every setting (README and docs/settings.md carry it verbatim)."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    rows = [
        "| key | type | default | allowed | description |",
        "|---|---|---|---|---|",
    ]
    type_names = {bool: "bool", int: "integer", float: "number", str: "text"}
    for key, spec in SCHEMA.items():
        default = _toml_value(spec.default)
        rows.append(
            f"| `{key}` | {type_names[spec.type]} | `{cell(default)}` | {cell(spec.allowed())} "
            f"| {cell(spec.description)} |"
        )
    return "\n".join(rows) + "\n"


def replace_between_markers(text: str, table: str) -> str:
    """Put `table` between the settings-table markers, appending a section if they are absent."""
    block = f"{SETTINGS_TABLE_START}\n{table}{SETTINGS_TABLE_END}"
    start = text.find(SETTINGS_TABLE_START)
    end = text.find(SETTINGS_TABLE_END, start + 1) if start >= 0 else -1
    if start >= 0 and end >= 0:
        return text[:start] + block + text[end + len(SETTINGS_TABLE_END) :]
    sep = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    return f"{text}{sep}## Settings\n\n{block}\n"


def table_between_markers(text: str) -> str | None:
    start = text.find(SETTINGS_TABLE_START)
    end = text.find(SETTINGS_TABLE_END, start + 1) if start >= 0 else -1
    if start < 0 or end < 0:
        return None
    return text[start + len(SETTINGS_TABLE_START) : end].lstrip("\n")


def sync_settings_table(doc: Path) -> bool:
    """Rewrite the table in a Markdown file; True if the file changed."""
    old = doc.read_text("utf-8") if doc.exists() else ""
    new = replace_between_markers(old, settings_table_markdown())
    if new != old:
        _atomic_write(doc, new)
    return new != old


# --- writing ---


class ConfigWriteError(Exception):
    """The settings file could not be rewritten (it is left as it was)."""


def _atomic_write(path: Path, text: str) -> None:
    # Write beside the target then rename over it, so a crash or a full disk leaves either
    # the old file or the new one, never half of one.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def save_setting(path: Path, key: str, value: object) -> None:
    """Set one key in a settings file, keeping every other line and comment as it was.

    Raises `ValueError` for an unknown key or a value the schema refuses, and
    `ConfigWriteError` when the file cannot be parsed or written.
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    if key not in SCHEMA:
        raise ValueError(f"unknown setting {key!r}{_suggest(key)}")
    _use, wrong = validate_value(key, value)
    if wrong:
        raise ValueError(f"{key}: {wrong} (allowed: {SCHEMA[key].allowed()})")
    path = Path(path)
    try:
        # Read and checked the guarded way first: tomlkit recurses as deep as the file nests.
        _raw, text = load_toml(path, max_bytes=MAX_SETTINGS_BYTES)
    except FileProblem as problem:
        if not problem.missing:
            raise ConfigWriteError(f"cannot update this file: {problem}") from problem
        text = ""
    try:
        doc = tomlkit.parse(text)
    except (TOMLKitError, RecursionError) as exc:
        raise ConfigWriteError(f"{path}: cannot update this file: {exc}") from exc
    section, leaf = key.split(".", 1)
    table = doc.get(section)
    if table is None:
        table = tomlkit.table()
        doc[section] = table
    if not isinstance(table, dict):
        raise ConfigWriteError(f"{path}: '{section}' is not a table; fix the file by hand")
    table[leaf] = value
    try:
        _atomic_write(path, tomlkit.dumps(doc))
    except OSError as exc:
        raise ConfigWriteError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _main(argv: list[str]) -> int:
    # Developer helper: `python -m kiosk.config --write-docs` refreshes the settings tables.
    if argv != ["--write-docs"]:
        print("usage: python -m kiosk.config --write-docs", file=sys.stderr)
        return 2
    root = paths.bundle_root()
    for doc in (root / "README.md", root / "docs" / "settings.md"):
        changed = sync_settings_table(doc)
        print(f"{doc}: {'updated' if changed else 'up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
