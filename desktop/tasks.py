"""The one helper for background work: run a function on a worker thread, get its result or its
error back on the UI thread. Work that may take over 50 ms goes through here."""
from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Cancelled(Exception):
    """Raised inside a task function (via `progress`) when the user cancelled."""


class Task(QObject):
    """A running piece of background work. Connect before it starts; signals arrive on the UI thread."""

    progress = Signal(int, int, str)  # done, total, label
    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception
    done = Signal()  # after finished or failed, always

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def report(self, done: int, total: int, label: str = "") -> None:
        """Call from the worker: report progress; raises Cancelled if the user cancelled."""
        if self._cancelled:
            raise Cancelled()
        self.progress.emit(done, total, label)


class _Runner(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args, kwargs):
        super().__init__()
        self.task, self.fn, self.args, self.kwargs = task, fn, args, kwargs

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - delivered to the UI thread
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            self.task.error = exc
            self.task.failed.emit(exc)
        else:
            self.task.result = result
            self.task.finished.emit(result)
        self.task.done.emit()


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they are done."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def start(self, fn: Callable[..., Any], *args: Any, with_task: bool = False,
              on_finished: Callable | None = None, on_failed: Callable | None = None,
              on_progress: Callable | None = None, on_done: Callable | None = None,
              **kwargs: Any) -> Task:
        """Run fn(*args, **kwargs) in the background. With `with_task`, fn gets the Task as its
        first argument, to call `task.report(done, total, label)`. Pass the slots as `on_*`
        (`on_done` after either end): they are connected before fn runs (a task that ends at
        once would otherwise signal before anyone listens)."""
        task = Task(self)
        if with_task:
            args = (task, *args)
        self._running.add(task)
        task.done.connect(lambda: self._running.discard(task))
        for signal, slot in ((task.finished, on_finished), (task.failed, on_failed),
                             (task.progress, on_progress), (task.done, on_done)):
            if slot is not None:
                signal.connect(slot)
        self.pool.start(_Runner(task, fn, args, kwargs))
        return task

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
