"""check: each problem a clerk could meet is found, said in both languages with the fix, and the
safe ones are repaired."""
from __future__ import annotations

import datetime as dt
import sqlite3

from db import backup, check, certificates, filestore, organisations, people, search
from db.library import open_library

from tests.db.scans import add_scan

UTC = dt.timezone.utc


def _backed_up(lib, tmp_path):
    backup.set_backup_dir(lib, tmp_path / "b")
    backup.backup(lib)


def test_a_healthy_library_has_no_problems(lib, tmp_path):
    cert = certificates.create(lib, title_en="Training Base", title_zh="培训基地")
    add_scan(lib, tmp_path, 1, owner_kind="certificate", owner_id=cert.id)
    _backed_up(lib, tmp_path)
    report = check.run(lib)
    assert report.problems == [] and report.ok


def test_no_backup_is_a_warning_with_the_fix(lib):
    report = check.run(lib)
    assert report.codes == ["check_no_backup"] and report.ok
    p = report.problems[0]
    assert "Back up now" in p.fix and "立即备份" in p.fix_zh


def test_missing_and_changed_scans_are_named_and_put_back_from_the_backup(lib, tmp_path):
    cert = certificates.create(lib, title_en="Training Base")
    a = add_scan(lib, tmp_path, 1, owner_kind="certificate", owner_id=cert.id)
    b = add_scan(lib, tmp_path, 2, owner_kind="certificate", owner_id=cert.id)
    _backed_up(lib, tmp_path)
    filestore.path_for(lib, a).unlink()
    changed = filestore.path_for(lib, b)
    changed.chmod(0o644)
    changed.write_bytes(b"scribbled over")
    report = check.run(lib)
    assert report.codes == ["check_scan_missing", "check_scan_changed"] and not report.ok
    missing = report.get("check_scan_missing")
    assert "scan-1.png" in missing.message_en and "Training Base" in missing.message_en
    assert "证书" in missing.message_zh and missing.repairable
    fixed = check.repair(lib)
    assert fixed.scans_restored == 2 and fixed.after.problems == []
    assert filestore.hash_file(changed) == b


def test_a_scan_that_no_backup_has_stays_reported(lib, tmp_path):
    cert = certificates.create(lib, title_en="Award")
    _backed_up(lib, tmp_path)
    sha = add_scan(lib, tmp_path, 3, owner_kind="certificate", owner_id=cert.id)
    filestore.path_for(lib, sha).unlink()
    fixed = check.repair(lib)
    assert fixed.scans_restored == 0
    assert fixed.after.codes == ["check_scan_missing"]


def test_orphans_are_reported_and_cleaned(lib, tmp_path):
    _backed_up(lib, tmp_path)
    stray = lib.files_dir / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir()
    stray.write_bytes(b"left by a crash")
    (lib.files_dir / ".incoming-1234.part").write_bytes(b"half")
    report = check.run(lib)
    assert report.codes == ["check_orphans"] and "2 file(s)" in report.problems[0].message_en
    assert check.repair(lib).orphans_removed == 2
    assert check.run(lib).problems == []


def test_search_index_and_history_are_restored(lib, tmp_path):
    org = organisations.create(lib, name_en="Chamber of Commerce")
    _backed_up(lib, tmp_path)
    with lib.atomic():
        lib.conn.execute("DELETE FROM search_docs")
        lib.conn.execute("DELETE FROM history")
    report = check.run(lib)
    assert set(report.codes) == {"check_search_stale", "check_history_missing"}
    fixed = check.repair(lib)
    assert fixed.search_rebuilt and fixed.history_started == 1 and fixed.after.problems == []
    assert [h.id for h in search.search(lib, "chamber")] == [org.id]


def test_damage_that_open_does_not_see_is_found(lib_path, tmp_path):
    with open_library(lib_path, create=True) as lib:
        org = organisations.create(lib, name_en="ACCA")
        for i in range(30):
            people.create(lib, name_en=f"Person {i}", organisation_id=org.id, email=f"p{i}@x.org")
    conn = sqlite3.connect(lib_path / "records.db")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX people_by_organisation ON people(email)'"
                 " WHERE name = 'people_by_organisation'")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO people (uuid, created_at, updated_at, organisation_id, name_en)"
                 " VALUES ('u', 'x', 'x', 999, 'Ghost')")
    conn.commit()
    conn.close()
    with open_library(lib_path) as lib:
        report = check.run(lib)
        assert {"check_integrity", "check_foreign_keys"} <= set(report.codes)
        damaged = report.get("check_integrity")
        assert "Restore the latest backup" in damaged.fix and not damaged.repairable
        assert "1 link(s)" in report.get("check_foreign_keys").message_en


def test_a_cloud_folder_is_a_warning(tmp_path):
    with open_library(tmp_path / "Dropbox" / "records", create=True) as lib:
        assert "location_cloud_sync" in check.run(lib).codes
