"""Translated labels for the library's choice values (kinds, roles) and the language of messages.

The library stores English keys (`conference`, `keynote`); the clerk sees them in their language.
Each label is a literal `translate` call so that lupdate finds it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def _t(text: str) -> str:
    return QCoreApplication.translate("Choices", text)


def _event_kinds() -> dict[str, str]:
    return {
        "conference": _t("Conference"), "seminar": _t("Seminar"), "ceremony": _t("Ceremony"),
        "visit": _t("Visit"), "meeting": _t("Meeting"), "exhibition": _t("Exhibition"),
        "training": _t("Training"), "other": _t("Other"),
    }


def _organisation_kinds() -> dict[str, str]:
    return {
        "ministry": _t("Ministry"), "chamber": _t("Chamber"), "alliance": _t("Alliance"),
        "company": _t("Company"), "college": _t("College"), "embassy": _t("Embassy"),
        "committee": _t("Committee"), "other": _t("Other"),
    }


def _certificate_kinds() -> dict[str, str]:
    return {
        "certificate": _t("Certificate"), "licence": _t("Licence"), "award": _t("Award"),
        "membership": _t("Membership"), "plaque": _t("Plaque"), "letter": _t("Letter"),
    }


def _attendance_roles() -> dict[str, str]:
    return {
        "delegate": _t("Delegate"), "speaker": _t("Speaker"), "keynote": _t("Keynote"),
        "guest": _t("Guest"), "organiser": _t("Organiser"),
    }


def _organiser_roles() -> dict[str, str]:
    return {
        "organiser": _t("Organiser"), "co-organiser": _t("Co-organiser"), "host": _t("Host"),
        "supporter": _t("Supporter"),
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


def display_name(zh: str | None, en: str | None) -> str:
    """Both names of a record, Chinese first: '吕蕊 · Lu Rui'."""
    return " · ".join(n for n in (zh, en) if n)
