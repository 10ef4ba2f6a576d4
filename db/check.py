"""Check a library and repair what is safe to repair.

`run(lib)` looks at: the database's integrity (`PRAGMA integrity_check`) and links
(`foreign_key_check`), every scan (present, and its bytes still hash to its name), files nobody
names (orphans), records without history, the search index, the age of the latest backup and the
folder the library is in (cloud sync, network share). Each problem says, in English and Chinese,
what is wrong and what to do.

`repair(lib)` does only what cannot lose anything: delete orphan files, put missing or changed
scans back from the latest backup (checked by hash), rebuild the search index, start the history
of records that have none. A damaged database is never "repaired" in place: restore a backup."""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field

from db import backup, filestore, location, messages, search
from db.library import Library

ERROR, WARNING = "error", "warning"
_KINDS = {"event": "events", "certificate": "certificates", "person": "people",
          "organisation": "organisations", "attendance": "attendances",
          "organiser": "event_organisers", "attachment": "attachments"}
REPAIRABLE = {"check_orphans", "check_scan_missing", "check_scan_changed", "check_search_stale",
              "check_history_missing"}
BACKUP_WARN_DAYS = 7


@dataclass
class Problem:
    code: str
    message_en: str
    message_zh: str
    fix: str  # what to do, in English
    fix_zh: str = ""
    severity: str = ERROR  # error | warning
    repairable: bool = False  # `repair` fixes it (perhaps only partly: a scan absent from backups)
    items: list[str] = field(default_factory=list)  # the sha256s or paths concerned

    def message(self, lang: str = "en") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def fix_text(self, lang: str = "en") -> str:
        return self.fix_zh if lang.startswith("zh") else self.fix


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not any(p.severity == ERROR for p in self.problems)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def get(self, code: str) -> Problem | None:
        return next((p for p in self.problems if p.code == code), None)


@dataclass
class RepairReport:
    orphans_removed: int = 0
    scans_restored: int = 0
    search_rebuilt: bool = False
    history_started: int = 0
    after: CheckReport = field(default_factory=CheckReport)


def problem(code: str, *, severity: str = ERROR, items: list[str] | None = None, **params) -> Problem:
    fix_code = f"fix_{code}"
    has_fix = fix_code in messages.MESSAGES
    return Problem(
        code,
        messages.text(code, "en", **params),
        messages.text(code, "zh", **params),
        messages.text(fix_code, "en", **params) if has_fix else "",
        messages.text(fix_code, "zh", **params) if has_fix else "",
        severity,
        code in REPAIRABLE,
        items or [],
    )


# ---------------------------------------------------------------- the checks


def _integrity(lib: Library) -> list[Problem]:
    rows = [r[0] for r in lib.conn.execute("PRAGMA integrity_check(20)")]
    if rows == ["ok"]:
        return []
    return [problem("check_integrity", detail="; ".join(rows[:3]))]


def _foreign_keys(lib: Library) -> list[Problem]:
    rows = lib.conn.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return []
    tables = sorted({r[0] for r in rows})
    return [problem("check_foreign_keys", count=len(rows), detail=", ".join(tables))]


def _owner_label(lib: Library, sha: str) -> tuple[str, str, str]:
    """(file name, owner in English, owner in Chinese) of the first attachment naming a scan."""
    row = lib.conn.execute(
        "SELECT original_name, owner_kind, owner_id FROM attachments WHERE sha256 = ?"
        " ORDER BY deleted_at IS NOT NULL, id LIMIT 1", (sha,)).fetchone()
    if row is None:
        return sha[:12], "no record", "无记录"
    name, kind, owner_id = row
    table = _KINDS[kind]
    title_cols = "title_zh, title_en" if kind in ("event", "certificate") else "name_zh, name_en"
    t = lib.conn.execute(f"SELECT coalesce({title_cols}) FROM {table} WHERE id = ?",
                         (owner_id,)).fetchone()
    title = (t[0] if t else None) or f"#{owner_id}"
    en, zh = messages.KIND_LABELS.get(kind, (kind, kind))
    return name or sha[:12], f"the {en} “{title}”", f"{zh}“{title}”"


def _scan_problems(lib: Library, code: str, shas: list[str]) -> list[Problem]:
    out = []
    for sha in shas:
        name, owner_en, owner_zh = _owner_label(lib, sha)
        p = problem(code, items=[sha], name=name, owner=owner_en)
        p.message_zh = messages.text(code, "zh", name=name, owner=owner_zh)
        out.append(p)
    return out


def _orphans(lib: Library) -> list[Problem]:
    found = [p for p in filestore.orphans(lib) if p.is_file()]
    if not found:
        return []
    return [problem("check_orphans", severity=WARNING, count=len(found),
                    items=[str(p.relative_to(lib.path)) for p in found])]


def _without_history(lib: Library) -> list[tuple[str, int]]:
    out = []
    for kind, table in _KINDS.items():
        out += [(kind, r[0]) for r in lib.conn.execute(
            f"SELECT id FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM history h"
            " WHERE h.kind = ? AND h.record_id = t.id)", (kind,))]
    return out


def _search_differences(lib: Library) -> int:
    live = " UNION ALL ".join(
        f"SELECT '{k}' AS kind, id FROM {_KINDS[k]} WHERE deleted_at IS NULL" for k in search.KINDS)
    missing = lib.conn.execute(
        f"SELECT count(*) FROM ({live}) l WHERE NOT EXISTS (SELECT 1 FROM search_docs d"
        " WHERE d.kind = l.kind AND d.record_id = l.id)").fetchone()[0]
    extra = lib.conn.execute(
        f"SELECT count(*) FROM search_docs d WHERE NOT EXISTS (SELECT 1 FROM ({live}) l"
        " WHERE d.kind = l.kind AND d.record_id = l.id)").fetchone()[0]
    return missing + extra


def _backup_age(lib: Library, now: _dt.datetime | None) -> list[Problem]:
    dest = backup.backup_dir(lib)
    last = backup.latest(dest)
    if last is None:
        return [problem("check_no_backup", severity=WARNING, path=str(dest))]
    taken = backup._parse_stamp(last.name)
    days = ((now or _dt.datetime.now(_dt.timezone.utc)) - taken).days if taken else 0
    if days >= BACKUP_WARN_DAYS:
        return [problem("check_old_backup", severity=WARNING, path=str(dest), days=days)]
    return []


def run(lib: Library, *, now: _dt.datetime | None = None) -> CheckReport:
    """Check everything; an empty report means all is well."""
    problems = _integrity(lib)
    problems += _foreign_keys(lib)
    missing = filestore.missing(lib)
    problems += _scan_problems(lib, "check_scan_missing", missing)
    problems += _scan_problems(lib, "check_scan_changed", filestore.verify(lib))
    problems += _orphans(lib)
    no_history = _without_history(lib)
    if no_history:
        problems.append(problem("check_history_missing", severity=WARNING, count=len(no_history)))
    stale = _search_differences(lib)
    if stale:
        problems.append(problem("check_search_stale", severity=WARNING, count=stale))
    problems += _backup_age(lib, now)
    for code in location.location_warnings(lib.path):
        problems.append(problem(code, severity=WARNING, path=str(lib.path)))
    return CheckReport(problems)


# ---------------------------------------------------------------- repair


def _scan_from_backups(lib: Library, sha: str) -> bool:
    """Put one scan back from the backup store (checked by hash). True when it is back."""
    source = backup.backup_dir(lib) / backup.STORE / sha[:2] / sha
    if not source.is_file() or backup.sha256_of(source) != sha:
        return False
    target = filestore.path_for(lib, sha)
    if target.exists():
        filestore.remove(lib, sha)  # the damaged copy
    backup._copy_durably(source, target)
    os.chmod(target, 0o444)
    return filestore.hash_file(target) == sha


def repair(lib: Library, *, now: _dt.datetime | None = None) -> RepairReport:
    """Fix what is safe to fix (see the module), then check again."""
    from db import attachments, records  # attachments holds the lock of adding a file

    result = RepairReport()
    with attachments._adding:  # no add may be between "file placed" and "row committed" now
        result.orphans_removed = filestore.clean_orphans(lib)
    for sha in filestore.missing(lib) + filestore.verify(lib):
        result.scans_restored += _scan_from_backups(lib, sha)
    if _search_differences(lib):
        search.rebuild(lib)
        result.search_rebuilt = True
    pending = _without_history(lib)
    if pending:
        with lib.atomic():
            for kind, record_id in pending:
                spec = _spec(kind)
                row = records.query(lib, f"SELECT * FROM {spec.table} WHERE id = ?", (record_id,))[0]
                records._history(lib, spec, record_id, row["uuid"], "baseline",
                                 [(f, None, row[f]) for f in spec.field_names
                                  if row[f] not in (None, "", 0)] or [(None, None, None)],
                                 row["updated_at"])
                result.history_started += 1
    result.after = run(lib, now=now)
    return result


def _spec(kind: str):
    from db import attachments, attendances, certificates, events, organisations, people

    if kind == "organiser":
        return events.ORGANISER_SPEC
    return {"event": events, "certificate": certificates, "person": people,
            "organisation": organisations, "attendance": attendances,
            "attachment": attachments}[kind].SPEC
