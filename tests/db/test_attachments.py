"""Attaching scans: every format, dedup, bad files leave nothing behind, batches, metadata,
thumbnails, and the files/ checks (orphans, missing, verify)."""
from __future__ import annotations

import hashlib
import os
import shutil
import stat

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from db import attachments, certificates, events, filestore, media, people, records, search
from db.errors import FileRejected, NotFound, ValidationError
from tests.fixtures import corpus


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return corpus.build(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def cert(lib):
    return certificates.create(lib, title_en="Training Base licence", title_zh="培训基地证书")


def _state(lib):
    """Everything an add may leave behind: rows and files."""
    rows = tuple(
        lib.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("attachments", "files", "thumbnails", "history")
    )
    stored = sorted(p.relative_to(lib.files_dir) for p in lib.files_dir.rglob("*") if p.is_file())
    return rows, stored


def _nothing_left(lib, before):
    assert _state(lib) == before
    assert filestore.orphans(lib) == []


@pytest.mark.parametrize("key", sorted(corpus.GOOD))
def test_attach_every_format(lib, cert, files, key):
    name, media_type, width, height, pages = corpus.GOOD[key]
    source = files[key]
    original = source.read_bytes()
    result = attachments.add(lib, source, owner_kind="certificate", owner_id=cert.id)
    att = result.attachment
    assert result.stored_new_file and not result.already_on_record
    assert (att.original_name, att.media_type, att.width, att.height, att.pages) == (
        name, media_type, width, height, pages)
    assert att.bytes == len(original) and att.rotation == 0
    stored = attachments.file_path(lib, att)
    assert stored.read_bytes() == original == source.read_bytes()
    assert att.sha256 == hashlib.sha256(original).hexdigest() == stored.name
    assert not stat.S_IMODE(stored.stat().st_mode) & 0o222  # the original is read-only
    thumb = attachments.thumbnail(lib, att.sha256)
    assert thumb[:3] == b"\xff\xd8\xff" or thumb[:4] == b"\x89PNG"
    assert attachments.for_owner(lib, "certificate", cert.id) == [att]
    assert filestore.orphans(lib) == [] and filestore.missing(lib) == [] and filestore.verify(lib) == []


def test_pasted_bytes_get_a_name_by_type(lib, cert, files):
    result = attachments.add(lib, files["png_alpha"].read_bytes(), owner_kind="certificate",
                             owner_id=cert.id)
    assert result.attachment.original_name == "pasted.png"
    assert result.attachment.media_type == media.PNG


def test_chinese_file_name_is_kept_and_searchable(lib, cert, files):
    att = attachments.add(lib, files["chinese_name"], owner_kind="certificate", owner_id=cert.id).attachment
    assert att.original_name == "证书.JPG"
    other = events.create(lib, title_en="Seminar")
    attachments.add(lib, files["jpeg"], owner_kind="event", owner_id=other.id,
                    original_name="会议照片.jpg")
    hits = search.search(lib, "会议照片")
    assert [(h.kind, h.id) for h in hits] == [("event", other.id)]


def test_same_bytes_are_stored_once(lib, cert, files):
    person = people.create(lib, name_en="Wu Lin")
    first = attachments.add(lib, files["jpeg"], owner_kind="certificate", owner_id=cert.id)
    copy = files["jpeg"].parent / "copy of scan.jpg"
    shutil.copy(files["jpeg"], copy)
    second = attachments.add(lib, copy, owner_kind="person", owner_id=person.id)
    assert first.stored_new_file and not second.stored_new_file
    assert not second.already_on_record
    assert second.attachment.sha256 == first.attachment.sha256
    assert second.attachment.original_name == "copy of scan.jpg"
    assert lib.conn.execute("SELECT count(*) FROM files").fetchone()[0] == 1
    assert filestore.orphans(lib) == []


def test_same_file_twice_on_one_record_is_not_attached_twice(lib, cert, files):
    first = attachments.add(lib, files["pdf"], owner_kind="certificate", owner_id=cert.id)
    before = _state(lib)
    again = attachments.add(lib, files["pdf"], owner_kind="certificate", owner_id=cert.id)
    assert again.already_on_record and not again.stored_new_file
    assert again.attachment.id == first.attachment.id
    _nothing_left(lib, before)


@pytest.mark.parametrize("key", sorted(corpus.BROKEN))
def test_bad_file_is_rejected_and_leaves_nothing(lib, cert, files, key):
    name, code = corpus.BROKEN[key]
    before = _state(lib)
    with pytest.raises(FileRejected) as err:
        attachments.add(lib, files[key], owner_kind="certificate", owner_id=cert.id)
    assert err.value.code == code and err.value.params["name"] == name
    _nothing_left(lib, before)


def test_missing_folder_too_big_and_bomb_leave_nothing(lib, cert, files, tmp_path, monkeypatch):
    before = _state(lib)
    folder = tmp_path / "folder.jpg"
    folder.mkdir()
    cases = [(tmp_path / "gone.jpg", "file_not_found"), (folder, "file_unreadable")]
    for path, code in cases:
        with pytest.raises(FileRejected) as err:
            attachments.add(lib, path, owner_kind="certificate", owner_id=cert.id)
        assert err.value.code == code
    monkeypatch.setattr(media, "MAX_BYTES", 1000)
    with pytest.raises(FileRejected) as err:
        attachments.add(lib, files["pdf"], owner_kind="certificate", owner_id=cert.id)
    assert err.value.code == "file_too_big"
    monkeypatch.setattr(media, "MAX_BYTES", 200 * 1024 * 1024)
    monkeypatch.setattr(media, "MAX_PIXELS", 100)
    with pytest.raises(FileRejected) as err:
        attachments.add(lib, files["jpeg"].read_bytes(), owner_kind="certificate", owner_id=cert.id)
    assert err.value.code == "file_bomb"
    _nothing_left(lib, before)


def test_unknown_owner_is_refused_before_copying(lib, files):
    before = _state(lib)
    with pytest.raises(ValidationError) as err:
        attachments.add(lib, files["jpeg"], owner_kind="certificate", owner_id=999)
    assert err.value.code == "bad_ref" and err.value.field == "owner_id"
    with pytest.raises(ValidationError):
        attachments.add(lib, files["jpeg"], owner_kind="organisation", owner_id=1)
    _nothing_left(lib, before)


def test_failure_after_the_file_is_placed_removes_it(lib, cert, files, monkeypatch):
    before = _state(lib)

    def boom(*a, **kw):
        raise RuntimeError("power cut")

    monkeypatch.setattr(attachments, "_store_thumbnail", boom)
    with pytest.raises(RuntimeError):
        attachments.add(lib, files["webp"], owner_kind="certificate", owner_id=cert.id)
    _nothing_left(lib, before)


def test_failure_never_removes_a_file_already_in_the_library(lib, cert, files, monkeypatch):
    kept = attachments.add(lib, files["bmp"], owner_kind="certificate", owner_id=cert.id).attachment
    other = events.create(lib, title_en="Forum")
    before = _state(lib)
    monkeypatch.setattr(attachments, "_store_thumbnail", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        attachments.add(lib, files["bmp"], owner_kind="event", owner_id=other.id)
    _nothing_left(lib, before)
    assert attachments.file_path(lib, kept).is_file()


def test_batch_with_one_bad_file(lib, cert, files):
    paths = [files["jpeg"], files["truncated_jpeg"], files["tiff_g4"], files["empty"], files["heic"]]
    seen = []
    result = attachments.add_many(lib, paths, owner_kind="certificate", owner_id=cert.id,
                                  progress=lambda done, total, name: seen.append((done, total, name)))
    assert [r.attachment.original_name for r in result.added] == ["scan.jpg", "fax-g4.tif", "phone.heic"]
    assert [(e.params["name"], e.code) for e in result.rejected] == [
        ("truncated.jpg", "file_damaged"), ("empty.jpg", "file_empty")]
    assert seen[0] == (0, 5, "scan.jpg") and seen[-1] == (5, 5, "")
    assert [a.position for a in attachments.for_owner(lib, "certificate", cert.id)] == [0, 1, 2]
    assert filestore.orphans(lib) == []


def test_batch_cancel_stops_between_files(lib, cert, files):
    class Stop(Exception):
        pass

    def progress(done, total, name):
        if done == 2:
            raise Stop()

    with pytest.raises(Stop):
        attachments.add_many(lib, [files["jpeg"], files["webp"], files["bmp"]],
                             owner_kind="certificate", owner_id=cert.id, progress=progress)
    assert len(attachments.for_owner(lib, "certificate", cert.id)) == 2
    assert filestore.orphans(lib) == []


def test_caption_rotation_order_and_trash(lib, cert, files):
    a = attachments.add(lib, files["jpeg"], owner_kind="certificate", owner_id=cert.id).attachment
    b = attachments.add(lib, files["tiff_multipage"], owner_kind="certificate", owner_id=cert.id).attachment
    original = attachments.file_path(lib, a).read_bytes()
    a = attachments.update(lib, a.id, caption="Plaque, front", rotation=90)
    assert (a.caption, a.rotation) == ("Plaque, front", 90)
    assert attachments.rotate(lib, a.id, 270).rotation == 0
    assert attachments.rotate(lib, a.id, -90).rotation == 270
    assert attachments.file_path(lib, a).read_bytes() == original  # rotation is metadata
    with pytest.raises(ValidationError) as err:
        attachments.update(lib, a.id, rotation=45)
    assert err.value.code == "bad_rotation" and err.value.field == "rotation"
    with pytest.raises(ValidationError):
        attachments.update(lib, a.id, sha256="0" * 64)
    assert search.search(lib, "Plaque, front")[0].id == cert.id

    assert [x.id for x in attachments.move(lib, b.id, 0)] == [b.id, a.id]
    assert attachments.first_for_owner(lib, "certificate", cert.id).id == b.id

    attachments.delete(lib, b.id)
    assert [x.id for x in attachments.for_owner(lib, "certificate", cert.id)] == [a.id]
    assert [x.id for x in attachments.for_owner(lib, "certificate", cert.id, trash=True)] == [b.id]
    assert attachments.file_path(lib, b).is_file()  # the trash keeps the file
    assert attachments.restore(lib, b.id).deleted_at is None
    assert attachments.count_for_owner(lib, "certificate", cert.id) == 2
    actions = [h["action"] for h in records.history(lib, "attachment", b.id)]
    assert [x for i, x in enumerate(actions) if not i or actions[i - 1] != x] == [
        "create", "update", "delete", "restore"]
    with pytest.raises(NotFound):
        attachments.get(lib, 12345)


def test_thumbnails_are_cached_per_page_and_size(lib, cert, files):
    att = attachments.add(lib, files["pdf"], owner_kind="certificate", owner_id=cert.id).attachment
    assert attachments.thumbnail(lib, att.sha256, page=1) is None
    page2 = attachments.ensure_thumbnail(lib, att.sha256, page=1, size=64)
    assert attachments.thumbnail(lib, att.sha256, page=1, size=64) == page2
    lib.conn.execute("DELETE FROM thumbnails")
    assert attachments.ensure_thumbnail(lib, att.sha256) == attachments.thumbnail(lib, att.sha256)
    made = media.make_thumbnail(attachments.file_path(lib, att), att.media_type, 0, 100)
    attachments.store_thumbnail(lib, att.sha256, 0, 100, made)
    assert attachments.thumbnail(lib, att.sha256, 0, 100) == made


def test_orphans_missing_and_verify(lib, cert, files):
    a = attachments.add(lib, files["jpeg"], owner_kind="certificate", owner_id=cert.id).attachment
    b = attachments.add(lib, files["webp"], owner_kind="certificate", owner_id=cert.id).attachment
    stray = lib.files_dir / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"left by a crash")
    temp = lib.files_dir / f"{filestore.TEMP_PREFIX}dead{filestore.TEMP_SUFFIX}"
    temp.write_bytes(b"half a file")
    assert sorted(filestore.orphans(lib)) == sorted([stray, temp])

    path_b = attachments.file_path(lib, b)
    os.chmod(path_b, 0o644)
    path_b.write_bytes(b"bit rot")
    assert filestore.verify(lib) == [b.sha256]

    attachments.file_path(lib, a).unlink()
    assert filestore.missing(lib) == [a.sha256]
    assert filestore.verify(lib) == [b.sha256]  # a missing file is reported by missing() only

    assert filestore.clean_orphans(lib) == 2
    assert filestore.orphans(lib) == []
    # attaching the same bytes again puts the missing original back
    again = attachments.add(lib, files["jpeg"], owner_kind="certificate", owner_id=cert.id)
    assert again.already_on_record and filestore.missing(lib) == []


_SEEDS: dict[str, bytes] = {}


# Pillow warns about the damage it meets on the way (corrupt EXIF, oversized tags): expected here.
@pytest.mark.filterwarnings("ignore::UserWarning:PIL")
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_bytes_never_crash_nor_leave_partial_state(lib, cert, files, data):
    if not _SEEDS:
        for key in ("jpeg", "png_alpha", "tiff_multipage", "tiff_g4", "webp", "bmp", "pdf", "heic"):
            _SEEDS[key] = files[key].read_bytes()
    key = data.draw(st.sampled_from(sorted(_SEEDS)))
    blob = bytearray(_SEEDS[key])
    for _ in range(data.draw(st.integers(1, 8))):
        blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    (rows_before, _), live = _state(lib), len(attachments.for_owner(lib, "certificate", cert.id))
    try:
        result = attachments.add(lib, bytes(blob), owner_kind="certificate", owner_id=cert.id)
    except FileRejected as exc:
        assert exc.code.startswith("file_")
        assert _state(lib)[0] == rows_before
    else:
        added = 0 if result.already_on_record else 1
        assert len(attachments.for_owner(lib, "certificate", cert.id)) == live + added
        assert attachments.file_path(lib, result.attachment).read_bytes() == bytes(blob)
    assert filestore.orphans(lib) == [] and filestore.missing(lib) == []


def test_permission_denied_is_named_and_leaves_nothing(lib, cert, files, monkeypatch):
    # Tests run as root, who may read anything: make the source's open fail as it would for a clerk.
    real_open = open

    def guarded(path, mode="r", *args, **kwargs):
        if str(path) == str(files["jpeg"]):
            raise PermissionError(13, "Permission denied")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(filestore, "open", guarded, raising=False)
    before = _state(lib)
    result = attachments.add_many(lib, [files["jpeg"], files["webp"]], owner_kind="certificate",
                                  owner_id=cert.id)
    assert [e.code for e in result.rejected] == ["file_unreadable"]
    message = result.rejected[0].message("en")
    assert "scan.jpg" in message and "permission denied" in message
    assert "没有读取权限" in result.rejected[0].message("zh")
    assert len(result.added) == 1
    assert filestore.orphans(lib) == []
    assert _state(lib)[0][1] == before[0][1] + 1  # one files row: the WebP
