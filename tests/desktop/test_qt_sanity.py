"""Guards against known faults of the Qt binding itself that would crash the app."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)


def test_emitting_a_bool_signal_keeps_the_reference_count_of_true(qapp):
    """PySide6 6.12.0 dropped a reference to True on every emit of a Signal(bool) to a Python
    slot; after enough emits the interpreter aborts ("bool_dealloc"). pyproject excludes it."""
    emitter = _Emitter()
    seen = []
    emitter.flag.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):
        emitter.flag.emit(True)
        emitter.flag.emit(False)
    seen.clear()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
