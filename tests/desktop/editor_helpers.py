"""Helpers for the editor tests: type like a clerk (Latin by keys, Chinese through the input
method, as an IME commits it) and a facade on a fresh library."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from db.collation import has_cjk


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` into a widget: ASCII as key presses, anything else as input-method commits."""
    run = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii() == (not run or run[-1].isascii()):
            run += ch
            continue
        if run:
            if run.isascii():
                qtbot.keyClicks(widget, run)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(run)
                QApplication.sendEvent(widget, event)
        run = ch if ch != "\0" else ""


def press(qtbot, widget, key=Qt.Key.Key_Return) -> None:
    qtbot.keyClick(widget, key)


__all__ = ["type_text", "press", "has_cjk"]


def show_editor(qtbot, cls, facade):
    """An editor of class `cls` on the facade, shown at a usual size."""
    editor = cls(facade)
    qtbot.addWidget(editor)
    editor.resize(760, 900)
    editor.show()
    qtbot.waitExposed(editor)
    return editor
