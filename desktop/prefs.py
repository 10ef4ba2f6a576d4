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
    value = language_choice() or os.environ.get("COOPREC_LANG", "")
    if not value:
        value = QLocale.system().name()
    return "zh" if str(value).lower().startswith("zh") else "en"


def language_choice() -> str:
    """The View › Language setting: 'en', 'zh' or '' (the system's)."""
    value = str(settings().value("language", "") or "")
    return value if value in ("en", "zh") else ""


def set_language_choice(value: str) -> None:
    store = settings()
    store.setValue("language", value if value in ("en", "zh") else "")
    store.sync()


def both_languages() -> bool:
    """View › Show both languages: names and titles in both (preferred first), else one."""
    value = settings().value("view/both_languages", True)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


def set_both_languages(on: bool) -> None:
    settings().setValue("view/both_languages", bool(on))


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
