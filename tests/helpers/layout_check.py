"""Find clipped text and overlapping controls in a shown widget tree, the way a visitor would
notice them: a label or button shown smaller than its text needs, a word wider than its line,
a control cut off by the widget that holds it, or two sibling controls drawn on each other.

Content inside a scroll area is allowed to run past the visible part: it can be scrolled to.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QPushButton,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from kiosk.ui.tile import TileButton

SLACK = 1  # px of rounding Qt's layouts are allowed


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = f" {widget.text()[:40]!r}"
    return f"{type(widget).__name__}#{widget.objectName() or '?'}{text}"


def _in_scroll_content(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        owner = parent.parentWidget()
        if isinstance(owner, QAbstractScrollArea) and owner.viewport() is parent:
            return True
        parent = owner
    return False


def _longest_word(label: QLabel) -> tuple[str, int]:
    metrics = QFontMetrics(label.font())
    # A zero-width space is a place the line may break (long addresses carry them).
    words = label.text().replace("\u200b", " ").split()
    if not words:
        return "", 0
    word = max(words, key=metrics.horizontalAdvance)
    return word, metrics.horizontalAdvance(word)


def label_problems(label: QLabel) -> list[str]:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    room = label.contentsRect()
    problems = []
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            problems.append(f"{_name(label)} needs {need}px tall, shown {label.height()}px")
        word, advance = _longest_word(label)
        if advance > room.width() + SLACK:
            problems.append(
                f"{_name(label)}: the word {word!r} needs {advance}px, line is {room.width()}px"
            )
    else:
        hint = label.sizeHint()
        if hint.width() > label.width() + SLACK or hint.height() > label.height() + SLACK:
            problems.append(
                f"{_name(label)} needs {hint.width()}x{hint.height()},"
                f" shown {label.width()}x{label.height()}"
            )
    return problems


def tile_problems(tile: TileButton) -> list[str]:
    """A tile draws its words itself, each part where its layout put it: each part must be
    as large as a word-wrapped QLabel with its words would need (the tile's own sums are not
    their own judge) and lie inside the tile."""
    problems = []
    for part in (tile.title, tile.description, tile.meta):
        if not part.is_shown():
            continue
        room = part.geometry()
        label = QLabel(part.text())
        label.setObjectName(f"{tile.objectName()}.words")
        label.setWordWrap(True)
        label.setFont(part.font)
        label.setAlignment(part.align)
        label.resize(room.size())
        problems += label_problems(label)
        if not tile.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(room):
            problems.append(f"{_name(label)} at {room.getRect()} runs outside its tile")
    return problems


def button_problems(button: QPushButton) -> list[str]:
    if isinstance(button, TileButton):
        return tile_problems(button)
    if not button.text():
        return []
    hint = button.sizeHint()
    if hint.width() > button.width() + SLACK or hint.height() > button.height() + SLACK:
        return [
            f"{_name(button)} needs {hint.width()}x{hint.height()},"
            f" shown {button.width()}x{button.height()}"
        ]
    return []


def text_edit_problems(edit: QTextEdit) -> list[str]:
    doc = edit.document()
    doc_width = doc.size().width()
    room = edit.viewport().width()
    problems = []
    if doc_width > room + SLACK:
        problems.append(f"{_name(edit)}: text {doc_width:.0f}px wide, room for {room}px")
    return problems + broken_words(edit)


def broken_words(edit: QTextEdit) -> list[str]:
    """Lines that end in the middle of a word: Qt breaks a word that is wider than the
    line anywhere, which turns "www.example.org.uk" into "www.examp" / "le.org.uk"."""
    doc = edit.document()
    problems = []
    block = doc.begin()
    while block.isValid():
        doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        text = block.text()
        for n in range(layout.lineCount() - 1):
            line = layout.lineAt(n)
            end = line.textStart() + line.textLength()
            inside = 0 < end < len(text) and not (text[end - 1].isspace() or text[end].isspace())
            if inside and text[end - 1] not in "-/\u00ad":
                problems.append(
                    f"{_name(edit)}: {text[max(0, end - 12) : end]!r} | "
                    f"{text[end : end + 12]!r} broken mid-word"
                )
        block = block.next()
    return problems


def cut_by_ancestor(widget: QWidget, root: QWidget) -> list[str]:
    """A widget whose rectangle runs outside a visible ancestor is drawn cut off."""
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        owner = parent.parentWidget()
        if isinstance(owner, QAbstractScrollArea) and owner.viewport() is parent:
            return []  # the content scrolls: what is out of view can be reached
        area = QRect(
            parent.mapTo(root, QPoint(0, 0)) if parent is not root else QPoint(0, 0),
            parent.size(),
        )
        if not area.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
            return [
                f"{_name(widget)} at {rect.getRect()} runs outside {_name(parent)}"
                f" at {area.getRect()}"
            ]
        if parent is root:
            break
        parent = owner
    return []


def overlap_problems(root: QWidget, floating: tuple[QWidget, ...] = ()) -> list[str]:
    """Sibling widgets that are drawn on top of each other. `floating` are overlays meant
    to cover what is under them (the idle warning, the settings panel, the "More below" cue)."""
    problems = []
    parents = [root, *root.findChildren(QWidget)]
    for parent in parents:
        if not _shown(parent, root) and parent is not root:
            continue
        if isinstance(parent, QAbstractScrollArea | QScrollBar):
            continue  # viewport and scroll bars are managed by Qt
        children = [
            c
            for c in parent.findChildren(QWidget, options=_direct())
            if _shown(c, root) and not c.isWindow() and c not in floating
        ]
        for i, a in enumerate(children):
            for b in children[i + 1 :]:
                common = a.geometry().intersected(b.geometry())
                if common.width() > SLACK and common.height() > SLACK:
                    problems.append(
                        f"{_name(a)} {a.geometry().getRect()} overlaps "
                        f"{_name(b)} {b.geometry().getRect()}"
                    )
    return problems


def _direct():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def layout_problems(root: QWidget, floating: tuple[QWidget, ...] = ()) -> list[str]:
    """Everything wrong with how `root` (a shown window or screen) is laid out now."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root) or any(
            f is widget or f.isAncestorOf(widget) for f in floating if not f.isVisible()
        ):
            continue
        hidden_behind = False
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if not parent.isVisibleTo(root):
                hidden_behind = True
                break
            parent = parent.parentWidget()
        if hidden_behind:
            continue
        if isinstance(widget, QLabel):
            problems += label_problems(widget)
        elif isinstance(widget, QPushButton):
            problems += button_problems(widget)
        elif isinstance(widget, QTextEdit):
            problems += text_edit_problems(widget)
        if isinstance(widget, QLabel | QPushButton) and not isinstance(
            widget.parentWidget(), QScrollBar
        ):
            problems += cut_by_ancestor(widget, root)
    problems += overlap_problems(root, floating)
    return problems


def in_scroll_content(widget: QWidget, root: QWidget) -> bool:
    return _in_scroll_content(widget, root)
