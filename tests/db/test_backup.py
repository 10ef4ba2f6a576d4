"""Backups: a snapshot restores to an identical library, verify finds every damage, retention keeps
what it promises, the current library is never overwritten."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from db import backup, errors, events, organisations, people, records
from db.library import open_library

from tests.db.scans import add_scan

UTC = dt.timezone.utc


def _dump(db_file) -> dict:
    """Every row of every real table of a database file, for equality checks."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_%'"
            " AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        conn.close()


def _fill(lib, tmp_path, scans: int = 2) -> list[str]:
    org = organisations.create(lib, name_en="Ministry of Education", name_zh="教育部", kind="ministry")
    p = people.create(lib, name_en="Wu Hao", organisation_id=org.id, is_staff=True)
    ev = events.create(lib, title_en="China-ASEAN Education Week", start_date="2022-08")
    people.update(lib, p.id, position="Dean")
    pytest.importorskip("db.attachments")
    return [add_scan(lib, tmp_path, i, owner_kind="event", owner_id=ev.id) for i in range(scans)]


def test_restore_round_trip_is_identical(lib, tmp_path):
    shas = _fill(lib, tmp_path)
    dest = tmp_path / "backups"
    result = backup.backup(lib, dest)
    assert result.files == 2 and result.new_files == 2 and not result.missing
    assert backup.verify(result.snapshot) == []

    restored = backup.restore(dest, tmp_path / "restored")
    assert _dump(restored / "records.db") == _dump(result.snapshot / "records.db")
    lib.close()
    assert _dump(restored / "records.db") == _dump(lib.db_path)
    with open_library(restored) as again:
        assert people.list_page(again).items[0].position == "Dean"
        for sha in shas:
            from db import filestore
            assert filestore.hash_file(filestore.path_for(again, sha)) == sha
        assert records.history(again, "person", 1)[-1]["new"] == "Dean"


def test_second_backup_copies_only_new_scans(lib, tmp_path):
    _fill(lib, tmp_path, scans=2)
    dest = tmp_path / "b"
    backup.backup(lib, dest, now=dt.datetime(2024, 5, 1, tzinfo=UTC))
    add_scan(lib, tmp_path, 99, owner_kind="event", owner_id=1)
    second = backup.backup(lib, dest, now=dt.datetime(2024, 5, 2, tzinfo=UTC))
    assert (second.files, second.new_files) == (3, 1)
    assert len(list((dest / "store").glob("*/*"))) == 3
    assert [p.name for p in backup.snapshots(dest)] == ["2024-05-01T000000Z", "2024-05-02T000000Z"]
    manifest = backup.read_manifest(second.snapshot)
    assert manifest["db"]["sha256"] == backup.sha256_of(second.snapshot / "records.db")
    assert {f["sha256"] for f in manifest["files"]} == {
        p.name for p in (dest / "store").glob("*/*")}


def test_default_destination_is_beside_the_library_and_configurable(lib, tmp_path):
    organisations.create(lib, name_en="ACCA")
    result = backup.backup(lib)
    assert result.snapshot.parent == lib.path.parent / "library backups"
    backup.set_backup_dir(lib, tmp_path / "usb")
    assert backup.backup(lib).snapshot.parent == tmp_path / "usb"


def test_backup_inside_the_library_is_refused(lib):
    with pytest.raises(errors.LibraryError) as info:
        backup.backup(lib, lib.path / "backups")
    assert info.value.code == "backup_inside_library"


def test_verify_finds_a_changed_scan_a_missing_scan_and_a_damaged_database(lib, tmp_path):
    _fill(lib, tmp_path, scans=2)
    dest = tmp_path / "b"
    snap = backup.backup(lib, dest).snapshot
    stored = sorted((dest / "store").glob("*/*"))
    stored[0].write_bytes(b"not the scan")
    stored[1].unlink()
    codes = sorted(p.code for p in backup.verify(snap))
    assert codes == ["backup_file_hash", "backup_file_missing"]

    db_file = snap / "records.db"
    data = bytearray(db_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db_file.write_bytes(bytes(data))
    assert "backup_db_hash" in {p.code for p in backup.verify(snap)}
    with pytest.raises(errors.LibraryError) as info:
        backup.restore(snap, tmp_path / "new")
    assert info.value.code == "backup_damaged"
    assert not (tmp_path / "new").exists()


def test_verify_of_a_folder_without_backup(tmp_path):
    assert [p.code for p in backup.verify(tmp_path)] == ["backup_manifest"]


def test_restore_never_overwrites(lib, tmp_path):
    organisations.create(lib, name_en="ACCA")
    snap = backup.backup(lib, tmp_path / "b").snapshot
    with pytest.raises(errors.LibraryError) as info:
        backup.restore(snap, lib.path)
    assert info.value.code == "restore_target_not_empty"
    assert organisations.count(lib) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    assert backup.restore(snap, empty) == empty
    assert (empty / "records.db").is_file()


def test_backup_while_a_write_is_pending_sees_only_committed_data(lib, tmp_path):
    organisations.create(lib, name_en="Committed")
    with lib.atomic():
        organisations.create(lib, name_en="Not yet committed")
        snap = backup.backup(lib, tmp_path / "b").snapshot
    names = [r[0] for r in sqlite3.connect(snap / "records.db").execute(
        "SELECT name_en FROM organisations")]
    assert names == ["Committed"]


def test_a_killed_backup_leaves_no_snapshot_and_is_cleaned_next_time(lib, tmp_path):
    organisations.create(lib, name_en="ACCA")
    dest = tmp_path / "b"
    (dest / ".partial-2024-01-01T000000Z").mkdir(parents=True)
    (dest / "2024-01-01T000000Z").mkdir()  # no manifest: never finished
    assert backup.latest(dest) is None
    backup.backup(lib, dest)
    assert not list(dest.glob(".partial-*"))
    assert len(backup.snapshots(dest)) == 1


def test_due_daily_and_on_change(lib, tmp_path):
    dest = tmp_path / "b"
    t0 = dt.datetime(2024, 5, 1, 9, tzinfo=UTC)
    assert backup.due(lib, dest=dest, now=t0)
    backup.library_uuid(lib)
    organisations.create(lib, name_en="ACCA")
    backup.backup(lib, dest, now=t0)
    assert not backup.due(lib, dest=dest, now=t0 + dt.timedelta(days=3))  # nothing changed
    organisations.create(lib, name_en="CCPIT")
    assert not backup.due(lib, dest=dest, now=t0 + dt.timedelta(hours=5))
    assert backup.due(lib, dest=dest, now=t0 + dt.timedelta(days=1))
    assert backup.due(lib, dest=dest, now=t0 + dt.timedelta(hours=5), interval=dt.timedelta(0))


def test_retention_plan_keeps_daily_weekly_monthly():
    start = dt.datetime(2023, 1, 1, 12, tzinfo=UTC)
    stamps = [start + dt.timedelta(days=i) for i in range(500)]
    stamps += [stamps[-1] + dt.timedelta(hours=3)]  # two on the last day
    keep = backup.plan_prune(stamps)
    newest = max(stamps)
    assert newest in keep
    days = sorted({t.date() for t in keep}, reverse=True)
    assert days[:7] == [newest.date() - dt.timedelta(days=i) for i in range(7)]
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12
    assert len(keep) <= 7 + 4 + 12
    assert backup.plan_prune(stamps[:3]) == set(stamps[:3])


def test_prune_deletes_old_snapshots_and_unreferenced_scans(lib, tmp_path):
    _fill(lib, tmp_path, scans=1)
    dest = tmp_path / "b"
    first = backup.backup(lib, dest, now=dt.datetime(2024, 1, 1, tzinfo=UTC))
    from db import attachments
    for a in attachments.for_owner(lib, "event", 1):
        attachments.delete(lib, a.id)
    from db import trash
    trash.empty(lib)
    for day in range(2, 12):
        organisations.create(lib, name_en=f"Org {day}")
        backup.backup(lib, dest, now=dt.datetime(2024, 3, day, tzinfo=UTC))
    removed = backup.prune(dest, keep_daily=3, keep_weekly=1, keep_monthly=1)
    kept = [p.name for p in backup.snapshots(dest)]
    assert kept == ["2024-03-09T000000Z", "2024-03-10T000000Z", "2024-03-11T000000Z"]
    assert first.snapshot in removed
    assert list((dest / "store").glob("*/*")) == []  # the scan only the first snapshot had
    for name in kept:
        assert backup.verify(dest / name) == []


def test_manifest_names_the_app_version_and_time(lib, tmp_path):
    organisations.create(lib, name_en="ACCA")
    snap = backup.backup(lib, tmp_path / "b", now=dt.datetime(2024, 5, 1, 8, 30, tzinfo=UTC)).snapshot
    manifest = json.loads((snap / "manifest.json").read_text("utf-8"))
    assert manifest["created_at"] == "2024-05-01T08:30:00Z"
    assert manifest["app_version"]
    assert manifest["files"] == [] and manifest["missing"] == []


def test_many_backups_within_one_second_each_get_a_snapshot(lib, tmp_path):
    organisations.create(lib, name_en="ACCA")
    t = dt.datetime(2024, 5, 1, 8, 0, 0, tzinfo=UTC)
    names = [backup.backup(lib, tmp_path / "b", now=t).snapshot.name for _ in range(4)]
    assert names == ["2024-05-01T080000Z", "2024-05-01T080001Z", "2024-05-01T080002Z",
                     "2024-05-01T080003Z"]


def test_command_line_backup_verify_restore(lib_path, tmp_path):
    import io

    from db import cli

    with open_library(lib_path, create=True) as lib:
        organisations.create(lib, name_en="ACCA")

    def run(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["--library", str(lib_path), *argv], out=out, err=err)
        return code, out.getvalue() + err.getvalue()

    code, text = run("backup", str(tmp_path / "usb"))
    assert code == 0 and "Backed up to" in text
    code, text = run("verify", str(tmp_path / "usb"))
    assert code == 0 and "sound" in text
    code, text = run("restore", str(tmp_path / "usb"), str(lib_path))
    assert code == 1 and "not empty" in text
    code, text = run("--lang", "zh", "restore", str(tmp_path / "usb"), str(tmp_path / "new"))
    assert code == 0 and "已恢复" in text
    snap = backup.latest(tmp_path / "usb")
    (snap / "records.db").write_bytes(b"garbage")
    code, text = run("verify", str(snap))
    assert code == 1 and "changed since the backup" in text
