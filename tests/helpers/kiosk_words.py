"""Find the kiosk's own words that bypass the translation catalogue (kiosk/i18n.py).

A practical scan of the source, not a proof: string literals (and f-strings, and module
constants holding them) that reach a label, a button, an accessible name or the speech
engine without going through `tr()`. Words with no letters (arrows, digits, dots) are fine.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# Methods whose first argument is shown or spoken to a visitor.
SHOWN_BY = {
    "setText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "show_message",
    "say",
}
# Builders: the positions of their arguments a visitor sees or hears.
BUILDERS: dict[str, tuple[int, ...]] = {
    "QPushButton": (0,),
    "QLabel": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "big_button": (0, 2),
    "TileButton": (0, 1, 2),
    "Utterance": (0,),
    "PanelButton": (1,),  # the display settings' buttons: (name, description, ...)
    "add_label": (0,),
    "PageItem": (0, 1, 3),  # the kiosk's help pages: label, detail, key, description
    "HelpPage": (1,),
}
# Keyword arguments shown or spoken wherever they are passed.
SHOWN_KEYWORDS = {"note", "spoken"}
WORDS = re.compile(r"[A-Za-z]{2,}")  # ("Aa", a picture of text on a button, is not words)


@dataclass(frozen=True)
class Bypass:
    file: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.text!r} is not passed through tr()"


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "words" (a QT_TR_NOOP(...) is words too: it still needs tr())."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            if isinstance(value, ast.Call) and _name(value) == "QT_TR_NOOP" and value.args:
                value = value.args[0]
            if (
                isinstance(target, ast.Name)
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
            ):
                found[target.id] = value.value
    return found


def _literal_tr(node: ast.expr) -> bool:
    """tr("words") itself, or with .format(...) after it."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _literal_tr(node.func.value)
    return (
        isinstance(node, ast.Call)
        and _name(node) == "tr"
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
    )


def _words_in(node: ast.expr, constants: dict[str, str]) -> str | None:
    """The untranslated words `node` carries, if any."""
    if isinstance(node, ast.Call) and _name(node) == "tr":
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORDS.search(node.value.replace("Aa", "")) else None
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id] if WORDS.search(constants[node.id]) else None
    if isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant) and WORDS.search(str(part.value).replace("Aa", "")):
                return ast.unparse(node)
            if isinstance(part, ast.FormattedValue) and _words_in(part.value, constants):
                return ast.unparse(node)
            if isinstance(part, ast.FormattedValue) and _literal_tr(part.value):
                # pyside6-lupdate does not look inside f-strings: the catalogue would lack it.
                return ast.unparse(node)
        return None
    if isinstance(node, ast.BinOp):
        return _words_in(node.left, constants) or _words_in(node.right, constants)
    if isinstance(node, ast.IfExp):
        return _words_in(node.body, constants) or _words_in(node.orelse, constants)
    return None


def bypasses(path: Path, root: Path) -> list[Bypass]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = _constants(tree)
    found: list[Bypass] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name in SHOWN_BY:
            positions: tuple[int, ...] = (0,)
        elif name in BUILDERS:
            positions = BUILDERS[name]
        else:
            positions = ()
        for position in positions:
            if position < len(node.args):
                words = _words_in(node.args[position], constants)
                if words is not None:
                    found.append(Bypass(str(path.relative_to(root)), node.lineno, words))
        for keyword in node.keywords:
            if keyword.arg in SHOWN_KEYWORDS:
                words = _words_in(keyword.value, constants)
                if words is not None:
                    found.append(Bypass(str(path.relative_to(root)), node.lineno, words))
    return found
