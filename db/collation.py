"""Sort keys for names: Chinese by pinyin, mixed sensibly with English names.

A name's key is the Latin spelling of its preferred form, case-folded: 吕蕊 → "lü rui" → "lu rui",
so Chinese and English names interleave alphabetically. Stored in each record's `sort_key` column
and indexed, so lists sort in SQL."""
from __future__ import annotations

import functools
import unicodedata


def has_cjk(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2FA1F
        or 0xF900 <= o <= 0xFAFF
        or 0x3040 <= o <= 0x30FF
        or 0xAC00 <= o <= 0xD7AF
    )


@functools.lru_cache(maxsize=1)
def _pinyin():
    from pypinyin import Style, lazy_pinyin

    return lambda text: lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=True)


def romanise(text: str) -> str:
    """Chinese characters to space-separated toneless pinyin, reading whole words (phrases) for
    the right sound of polyphones; other text unchanged. For search documents."""
    if not has_cjk(text):
        return text
    return " ".join(_pinyin()(text))


@functools.lru_cache(maxsize=65536)
def _char_pinyin(ch: str) -> str:
    return _pinyin()(ch)[0]


def _romanise_by_char(text: str) -> str:
    """Like romanise, a character at a time (cached): fast enough for sort keys of every record
    in a bulk import; a polyphone takes its most common reading."""
    if not has_cjk(text):
        return text
    out: list[str] = []
    for ch in text:
        if is_cjk(ch):
            out.append(f" {_char_pinyin(ch)} ")
        else:
            out.append(ch)
    return "".join(out)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def sort_key(name_zh: str | None, name_en: str | None) -> str:
    """The key that orders a record by its name: the Chinese name by pinyin if there is one,
    else the English name."""
    primary = name_zh or name_en or ""
    key = _fold(_romanise_by_char(primary))
    # Tie-break identical spellings by the characters themselves, so order is stable.
    return f"{key}\x1f{primary}"
