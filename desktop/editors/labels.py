"""Translated labels for the library's choice values (kinds, roles) and the language of messages.

The library stores English keys (`conference`, `keynote`); the clerk sees them in their language.
Each label is a literal `translate` call so that lupdate finds it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop import prefs


def _event_kinds() -> dict[str, str]:
    return {
        "conference": QCoreApplication.translate("Choices", "Conference"),
        "seminar": QCoreApplication.translate("Choices", "Seminar"),
        "ceremony": QCoreApplication.translate("Choices", "Ceremony"),
        "visit": QCoreApplication.translate("Choices", "Visit"),
        "meeting": QCoreApplication.translate("Choices", "Meeting"),
        "exhibition": QCoreApplication.translate("Choices", "Exhibition"),
        "training": QCoreApplication.translate("Choices", "Training"),
        "other": QCoreApplication.translate("Choices", "Other"),
    }


def _organisation_kinds() -> dict[str, str]:
    return {
        "ministry": QCoreApplication.translate("Choices", "Ministry"),
        "chamber": QCoreApplication.translate("Choices", "Chamber"),
        "alliance": QCoreApplication.translate("Choices", "Alliance"),
        "company": QCoreApplication.translate("Choices", "Company"),
        "college": QCoreApplication.translate("Choices", "College"),
        "embassy": QCoreApplication.translate("Choices", "Embassy"),
        "committee": QCoreApplication.translate("Choices", "Committee"),
        "other": QCoreApplication.translate("Choices", "Other"),
    }


def _certificate_kinds() -> dict[str, str]:
    return {
        "certificate": QCoreApplication.translate("Choices", "Certificate"),
        "licence": QCoreApplication.translate("Choices", "Licence"),
        "award": QCoreApplication.translate("Choices", "Award"),
        "membership": QCoreApplication.translate("Choices", "Membership"),
        "plaque": QCoreApplication.translate("Choices", "Plaque"),
        "letter": QCoreApplication.translate("Choices", "Letter"),
    }


def _attendance_roles() -> dict[str, str]:
    return {
        "delegate": QCoreApplication.translate("Choices", "Delegate"),
        "speaker": QCoreApplication.translate("Choices", "Speaker"),
        "keynote": QCoreApplication.translate("Choices", "Keynote"),
        "guest": QCoreApplication.translate("Choices", "Guest"),
        "organiser": QCoreApplication.translate("Choices", "Organiser", "attendee role"),
    }


def _organiser_roles() -> dict[str, str]:
    return {
        "organiser": QCoreApplication.translate("Choices", "Organiser", "organiser role"),
        "co-organiser": QCoreApplication.translate("Choices", "Co-organiser"),
        "host": QCoreApplication.translate("Choices", "Host"),
        "supporter": QCoreApplication.translate("Choices", "Supporter"),
    }


_TABLES = {
    "event_kind": _event_kinds,
    "organisation_kind": _organisation_kinds,
    "certificate_kind": _certificate_kinds,
    "attendance_role": _attendance_roles,
    "organiser_role": _organiser_roles,
}


def choice_labels(table: str, values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(value, label) pairs for the library's choices, in the library's order."""
    labels = _TABLES[table]()
    return [(v, labels.get(v, v)) for v in values]


def choice_label(table: str, value: str | None) -> str:
    if not value:
        return ""
    return _TABLES[table]().get(value, value)


def ui_lang() -> str:
    """'zh' or 'en': the language of the library's messages for this user."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def display_name(zh: str | None, en: str | None, lang: str | None = None,
                 both: bool | None = None) -> str:
    """A record's name in the clerk's language, the other as a fallback; with `both` (the View ›
    Show both languages setting by default) the other follows: '吕蕊 · Lu Rui' / 'Lu Rui · 吕蕊'."""
    lang = lang or ui_lang()
    both = prefs.both_languages() if both is None else both
    first, second = (zh, en) if lang == "zh" else (en, zh)
    if both:
        return " · ".join(n for n in (first, second) if n)
    return first or second or ""
