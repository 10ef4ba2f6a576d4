"""The interchange format: round trip, no duplicates, newer wins, broken documents rejected whole."""
from __future__ import annotations

import json
import shutil

import pytest

from db import attachments, certificates, events, interchange, people, search
from db.errors import ImportRejected
from db.library import open_library
from tests.bench.generate import generate


def _doc(path):
    d = json.loads(path.read_text(encoding="utf-8"))
    d.pop("exported_at")
    return d


def _counts(lib):
    tables = ["organisations", "people", "events", "event_organisers", "attendances",
              "certificates", "attachments", "files", "history", "search_docs"]
    return {t: lib.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def small(tmp_path):
    return generate(tmp_path / "small.json", events=60, people=30, attendances=200,
                    certificates=25, seed=7)


@pytest.fixture
def other(tmp_path):
    lib = open_library(tmp_path / "other", create=True)
    yield lib
    lib.close()


def test_round_trip_gives_the_same_document(lib, other, small, tmp_path):
    interchange.import_(lib, small)
    cert = certificates.list_page(lib, limit=1).items[0]
    attachments.add(lib, _png(), owner_kind="certificate",
                    owner_id=cert.id, caption="scan")
    people.update(lib, 1, position="Dean")
    events.delete(lib, 3)
    first = tmp_path / "first.json"
    interchange.export(lib, first)
    assert (tmp_path / "first.files").is_dir()
    interchange.import_(other, first)
    second = tmp_path / "second.json"
    interchange.export(other, second)
    assert _doc(first) == _doc(second)
    assert _doc(first)["attachments"][0]["caption"] == "scan"
    got = attachments.for_owner(other, "certificate", other.conn.execute(
        "SELECT id FROM certificates WHERE uuid = ?", (cert.uuid,)).fetchone()[0])
    assert attachments.file_path(other, got[0]).read_bytes() == _png()


def test_zip_round_trip(lib, other, tmp_path):
    from db import demo

    demo.load(lib)
    z = tmp_path / "all.zip"
    interchange.export(lib, z)
    interchange.import_(other, z)
    again = tmp_path / "again.zip"
    interchange.export(other, again)
    import zipfile
    a = json.loads(zipfile.ZipFile(z).read("records.json"))
    b = json.loads(zipfile.ZipFile(again).read("records.json"))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b and len(a["attachments"]) == 3


def test_importing_twice_adds_nothing(lib, small):
    first = interchange.import_(lib, small)
    before = _counts(lib)
    second = interchange.import_(lib, small)
    assert _counts(lib) == before
    assert sum(second.added.values()) == 0 and sum(second.updated.values()) == 0
    assert second.unchanged["attendances"] == first.added["attendances"] == 200


def test_newer_updated_at_wins_older_is_ignored(lib, small, tmp_path):
    interchange.import_(lib, small)
    doc = json.loads(small.read_text(encoding="utf-8"))
    p = doc["people"][0]
    newer = dict(p, position="Newer position", updated_at="2099-01-01T00:00:00.000000Z")
    older = dict(doc["people"][1], position="Older position", updated_at="2000-01-01T00:00:00.000000Z")
    doc["people"] = [newer, older]
    for k in ("organisations", "events", "organisers", "attendances", "certificates"):
        doc[k] = []
    path = tmp_path / "change.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = interchange.import_(lib, path)
    assert report.updated["people"] == 1 and report.unchanged["people"] == 1
    assert people.get_by_uuid(lib, p["uuid"]).position == "Newer position"
    assert people.get_by_uuid(lib, older["uuid"]).position != "Older position"
    assert search.search(lib, "Newer position")[0].id == people.get_by_uuid(lib, p["uuid"]).id


def _broken(doc):
    return {
        "missing name": lambda d: d["people"][0].update(name_zh=None, name_en=None),
        "bad date": lambda d: d["events"][5].update(start_date="2023-02-30"),
        "dangling uuid": lambda d: d["attendances"][150].update(
            person="00000000-0000-4000-8000-000000000000"),
        "bad choice": lambda d: d["certificates"][3].update(kind="trophy"),
        "missing link": lambda d: d["attendances"][7].update(event=None),
        "bad role": lambda d: d["attendances"][9].update(role="spectator"),
        "unknown field": lambda d: d["events"][0].update(colour="red"),
        "duplicate uuid": lambda d: d["people"].append(dict(d["people"][0])),
        "bad uuid": lambda d: d["organisations"][0].update(uuid="42"),
        "bad stamp": lambda d: d["events"][1].update(updated_at="yesterday"),
        "cycle": lambda d: (d["events"][0].update(parent=d["events"][1]["uuid"]),
                            d["events"][1].update(parent=d["events"][0]["uuid"])),
        "wrong marker": lambda d: d.update(format="something-else"),
        "too new": lambda d: d.update(version=99),
        "section not a list": lambda d: d.update(people={}),
    }


@pytest.mark.parametrize("case", list(_broken({})))
def test_broken_documents_are_rejected_whole(lib, small, tmp_path, case):
    from db import demo

    demo.load(lib)
    before = _counts(lib)
    files_before = sorted(p.name for p in lib.files_dir.rglob("*"))
    doc = json.loads(small.read_text(encoding="utf-8"))
    _broken(doc)[case](doc)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        interchange.import_(lib, path)
    assert _counts(lib) == before
    assert sorted(p.name for p in lib.files_dir.rglob("*")) == files_before
    en, zh = exc.value.message("en"), exc.value.message("zh")
    assert "broken.json" in en and "Nothing was imported" in en and "未导入" in zh


def test_rejection_names_the_record_and_field(lib, small, tmp_path):
    doc = json.loads(small.read_text(encoding="utf-8"))
    doc["events"][5]["start_date"] = "2023-02-30"
    path = tmp_path / "b.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        interchange.import_(lib, path)
    assert exc.value.field == "start_date"
    msg = exc.value.message("en")
    assert "events, record 6" in msg and doc["events"][5]["uuid"] in msg and "2023-02-30" in msg
    assert "活动第 6 条" in exc.value.message("zh")


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]",
                                     b'{"format": "cooperation-records"}'])
def test_not_a_document(lib, tmp_path, content):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(ImportRejected):
        interchange.import_(lib, path)
    assert _counts(lib)["events"] == 0


def test_missing_or_changed_scan_rejects_the_import(lib, other, tmp_path):
    from db import demo

    demo.load(lib)
    out = tmp_path / "e.json"
    interchange.export(lib, out)
    folder = tmp_path / "e.files"
    victim = sorted(folder.iterdir())[0]
    victim.write_bytes(b"changed")
    with pytest.raises(ImportRejected) as exc:
        interchange.import_(other, out)
    assert "sha256" in exc.value.message("en")
    victim.unlink()
    with pytest.raises(ImportRejected):
        interchange.import_(other, out)
    assert _counts(other)["files"] == 0 and not any(other.files_dir.rglob("*.*"))


def test_history_travels_and_records_without_history_get_one(lib, other, small, tmp_path):
    interchange.import_(lib, small)
    assert lib.conn.execute("SELECT count(DISTINCT record_uuid) FROM history").fetchone()[0] == \
        sum(lib.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
            ("organisations", "people", "events", "event_organisers", "attendances", "certificates"))
    person = people.get(lib, 2)
    people.update(lib, person.id, organisation_id=1)
    out = tmp_path / "h.json"
    interchange.export(lib, out)
    changes = [h for h in json.loads(out.read_text())["history"]
               if h["record"] == person.uuid and h["field"] == "organisation_id"]
    assert changes and changes[0]["new"] == lib.conn.execute(
        "SELECT uuid FROM organisations WHERE id = 1").fetchone()[0]  # ids never leave the library
    interchange.import_(other, out)
    got = other.conn.execute("SELECT new FROM history WHERE field = 'organisation_id'").fetchone()[0]
    assert got == str(other.conn.execute(
        "SELECT id FROM organisations WHERE uuid = ?", (changes[0]["new"],)).fetchone()[0])


def test_import_into_a_library_with_records_keeps_them(lib, small):
    mine = people.create(lib, name_en="Already here")
    interchange.import_(lib, small)
    assert people.get(lib, mine.id).name_en == "Already here"
    assert search.search(lib, "Already here")[0].id == mine.id


def _png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(buf, "PNG")
    return buf.getvalue()
