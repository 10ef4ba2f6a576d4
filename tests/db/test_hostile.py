"""Hostile conditions: a read-only folder, a full disk, a damaged database, a missing scan, two
instances, a cloud-synced or network folder. Each gets a clear message; nothing committed is lost.

The read-only folder and the full disk use real mounts (a read-only bind mount, a 4 MB tmpfs),
which need root; without it those tests are skipped and say so."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import backup, certificates, check, errors, filestore, location, organisations
from db.library import open_library

from tests.db.scans import add_scan


def _mount(*args: str) -> None:
    out = subprocess.run(["mount", *args], capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip(f"cannot mount here ({out.stderr.strip() or 'not root'}): needs root")


@contextlib.contextmanager
def mounted(target: Path, *args: str):
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a test file system needs root")
    target.mkdir(parents=True, exist_ok=True)
    _mount(*args, str(target))
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@contextlib.contextmanager
def read_only_bind(folder: Path):
    with mounted(folder, "--bind", str(folder)):
        _mount("-o", "remount,ro,bind", str(folder))
        yield folder


def test_read_only_folder_opens_with_a_clear_message(tmp_path):
    lib_dir = tmp_path / "library"
    with open_library(lib_dir, create=True) as lib:
        organisations.create(lib, name_en="ACCA")
    with read_only_bind(lib_dir):
        with pytest.raises(errors.CannotOpen) as info:
            open_library(lib_dir)
        assert info.value.code == "read_only"
        assert "cannot be written to" in info.value.message("en")
        assert "不可写入" in info.value.message("zh")
    with open_library(lib_dir) as lib:
        assert organisations.count(lib) == 1


def test_backup_to_a_read_only_folder_says_so(lib, tmp_path):
    organisations.create(lib, name_en="ACCA")
    dest = tmp_path / "usb"
    dest.mkdir()
    with read_only_bind(dest):
        with pytest.raises(errors.LibraryError) as info:
            backup.backup(lib, dest)
    assert info.value.code == "backup_unwritable"
    assert not list(dest.iterdir())


def test_full_disk_gives_disk_full_and_keeps_committed_data(tmp_path):
    with mounted(tmp_path / "small", "-t", "tmpfs", "-o", "size=4m", "tmpfs") as disk:
        lib = open_library(disk / "library", create=True)
        try:
            org = organisations.create(lib, name_en="Committed before the disk filled")
            cert = certificates.create(lib, title_en="Training Base")
            sha = add_scan(lib, tmp_path, 1, owner_kind="certificate", owner_id=cert.id)
            filler = disk / "filler"
            with open(filler, "wb") as fh, contextlib.suppress(OSError):
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            with pytest.raises(errors.LibraryError) as info:
                for i in range(2000):
                    organisations.create(lib, name_en=f"Org {i}", notes="x" * 19000)
            assert info.value.code == "disk_full"
            assert "disk is full" in info.value.message("en")
            assert "磁盘已满" in info.value.message("zh")
            with pytest.raises(errors.LibraryError) as info:
                add_scan(lib, tmp_path, 2, owner_kind="certificate", owner_id=cert.id)
            assert info.value.code == "disk_full"
            filler.unlink()
            organisations.update(lib, org.id, notes="written after space was freed")
        finally:
            lib.close()
        with open_library(disk / "library") as lib:
            assert organisations.get(lib, org.id).notes == "written after space was freed"
            assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert filestore.missing(lib) == [] and filestore.verify(lib) == []
            assert filestore.hash_file(filestore.path_for(lib, sha)) == sha
            report = check.run(lib)
            assert report.ok, report.codes


def test_backup_to_a_full_disk_leaves_no_partial_snapshot(lib, tmp_path):
    cert = certificates.create(lib, title_en="Award")
    for i in range(6):
        add_scan(lib, tmp_path, 100 + i, owner_kind="certificate", owner_id=cert.id)
    with mounted(tmp_path / "usb", "-t", "tmpfs", "-o", "size=64k", "tmpfs") as usb:
        with open(usb / "filler", "wb") as fh, contextlib.suppress(OSError):
            fh.write(b"\0" * (60 * 1024))
        with pytest.raises(errors.LibraryError) as info:
            backup.backup(lib, usb / "backups")
        assert info.value.code in ("disk_full", "backup_failed")
        assert backup.latest(usb / "backups") is None
        assert not list((usb / "backups").glob(".partial-*"))


def test_damaged_database_refuses_to_open_and_points_at_the_latest_backup(lib_path, tmp_path):
    with open_library(lib_path, create=True) as lib:
        for i in range(400):
            organisations.create(lib, name_en=f"Organisation {i}", notes="n" * 200)
        snap = backup.backup(lib).snapshot
    db_file = lib_path / "records.db"
    size = db_file.stat().st_size
    with open(db_file, "r+b") as fh:
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(os.urandom(4096 * 4))
    with pytest.raises(errors.LibraryDamaged) as info:
        open_library(lib_path)
    assert "Restore it from a backup" in info.value.message("en")
    assert backup.latest_for_library(lib_path) == snap
    restored = backup.restore(snap, tmp_path / "restored")
    with open_library(restored) as lib:
        assert organisations.count(lib) == 400


def test_missing_scan_is_reported_with_its_record(lib, tmp_path):
    cert = certificates.create(lib, title_en="Licence")
    sha = add_scan(lib, tmp_path, 9, owner_kind="certificate", owner_id=cert.id)
    filestore.path_for(lib, sha).unlink()
    problem = check.run(lib).get("check_scan_missing")
    assert problem and "Licence" in problem.message_en and problem.items == [sha]


def test_two_instances(lib, lib_path):
    with pytest.raises(errors.LibraryLocked) as info:
        open_library(lib_path)
    assert "open elsewhere" in info.value.message("en")
    script = ("import sys; from db.library import open_library; from db import errors\n"
              "try: open_library(sys.argv[1])\nexcept errors.LibraryLocked: sys.exit(3)")
    out = subprocess.run([sys.executable, "-c", script, str(lib_path)],
                         cwd=Path(__file__).resolve().parents[2], capture_output=True)
    assert out.returncode == 3


@pytest.mark.parametrize("path", [
    "/home/li/Dropbox/Cooperation Records",
    "/home/li/OneDrive - Example College/Records",
    "/Users/li/Library/Mobile Documents/com~apple~CloudDocs/Records",
    "/home/li/坚果云/档案",
    "/home/li/Google Drive/My Drive/Records",
    "C:/Users/li/Nutstore/Records",
])
def test_cloud_folders_are_recognised(path):
    assert location.location_warnings(path, mounts_text="") == [location.CLOUD_SYNC]


def test_network_share_from_mounts():
    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              "//server/office /mnt/office cifs rw 0 0\n"
              "nas:/export /srv/nas\\040share nfs4 rw 0 0\n")
    assert location.location_warnings("/mnt/office/Records", mounts_text=mounts) == [location.NETWORK_SHARE]
    assert location.location_warnings("/srv/nas share/Records", mounts_text=mounts) == [location.NETWORK_SHARE]
    assert location.location_warnings("/home/li/Records", mounts_text=mounts) == []
    assert location.location_warnings("/mnt/officeX/Records", mounts_text=mounts) == []


def test_a_local_folder_has_no_warning(tmp_path):
    assert location.location_warnings(tmp_path / "Records") == []
