"""The application's own preferences (QSettings): window state, recent libraries, language.
Library-wide settings (institution name, logo) live in the library itself (`db.settings`)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings

ORGANISATION = "Cooperation Records"
APPLICATION = "Cooperation Records"
MAX_RECENT = 8


def settings() -> QSettings:
    """The user's settings, in the default format (tests point it at a temporary folder)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def language() -> str:
    """'zh' or 'en': the `language` setting, else COOPREC_LANG, else the system locale."""
    value = settings().value("language", "") or os.environ.get("COOPREC_LANG", "")
    if not value:
        value = QLocale.system().name()
    return "zh" if str(value).lower().startswith("zh") else "en"


def recent_libraries() -> list[Path]:
    value = settings().value("libraries/recent", [])
    if isinstance(value, str):
        value = [value] if value else []
    return [Path(p) for p in (value or [])]


def remember_library(path: Path) -> None:
    """Make `path` the last opened library and the first of the recent ones."""
    path = Path(path)
    recent = [p for p in recent_libraries() if p != path]
    store = settings()
    store.setValue("libraries/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])
    store.setValue("libraries/last", str(path))


def last_library() -> Path | None:
    value = settings().value("libraries/last", "")
    return Path(value) if value else None
