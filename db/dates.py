"""Partial dates: a year (`2016`), a month (`2022-12`) or a day (`2022-12-16`).

Stored as ISO text, so that plain text order is the right order: `2022` < `2022-12` <
`2022-12-16` < `2023`. A partial date sorts before the more precise dates inside it."""
from __future__ import annotations

import calendar
import datetime as _dt
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$")
_CHINESE = re.compile(r"^(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?$")

MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]


def normalise(value: str | None) -> str | None:
    """Return the canonical form of a partial date, None for empty, or raise ValueError.

    Accepts `2022-12-16`, `2022-12`, `2022`, `2022/12/16`, `2022.12.16`, `2022年12月16日`."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = _ISO.match(text) or _SLASHED.match(text) or _CHINESE.match(text)
    if not m:
        raise ValueError(text)
    year, month, day = (int(g) if g else None for g in m.groups())
    if not 1000 <= year <= 9999:
        raise ValueError(text)
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise ValueError(text)
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(text)
    return f"{year:04d}-{month:02d}-{day:02d}"


def precision(value: str) -> str:
    """'year', 'month' or 'day'."""
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def end_bound(value: str) -> str:
    """The last day a partial date can mean, as YYYY-MM-DD (for range checks)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return f"{parts[0]:04d}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return f"{parts[0]:04d}-{parts[1]:02d}-{last:02d}"
    return value


def start_bound(value: str) -> str:
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def ends_before(end: str, start: str) -> bool:
    """True when `end` cannot be on or after `start`, whatever days the partial dates mean."""
    return end_bound(end) < start_bound(start)


def format_date(value: str | None, lang: str = "en") -> str:
    """Write a partial date naturally: 'December 2022', '16 December 2022', '2022年12月16日'."""
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if lang.startswith("zh"):
        units = ["年", "月", "日"]
        return "".join(f"{p}{u}" for p, u in zip(parts, units))
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS_EN[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS_EN[parts[1] - 1]} {parts[0]}"


def format_range(start: str | None, end: str | None, lang: str = "en") -> str:
    if start and end and end != start:
        sep = "至" if lang.startswith("zh") else " – "
        return f"{format_date(start, lang)}{sep}{format_date(end, lang)}"
    return format_date(start or end, lang)


def utc_now() -> str:
    """Now, UTC, ISO 8601 with microseconds and a Z."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
