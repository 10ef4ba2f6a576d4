"""The list models: pages from the library, sort in SQL, search hits, reload on change."""
from __future__ import annotations

import pytest

from db import events, organisations, people, records
from desktop.facade import Facade
from desktop.models import ID_ROLE, RecordTableModel
from desktop.models.record_model import PAGE


def _bulk_events(lib, n):
    with lib.atomic():
        for i in range(n):
            records.create(lib, events.SPEC, {"title_en": f"Event {i:04d}",
                                              "start_date": f"20{i % 30:02d}"})


@pytest.mark.parametrize("kind", ["event", "certificate", "person", "organisation"])
def test_every_model_passes_the_model_tester(qtmodeltester, facade, kind):
    org = facade.create("organisation", {"name_zh": "教育部", "name_en": "Ministry of Education"})
    facade.create("person", {"name_zh": "吕蕊", "organisation_id": org.id})
    facade.create("event", {"title_en": "Skills conference", "kind": "conference"})
    facade.create("certificate", {"title_en": "Training base", "issuer_id": org.id})
    model = RecordTableModel(facade, kind)
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    trash = RecordTableModel(facade, kind, trash=True)
    qtmodeltester.check(trash)


def test_pages_through_more_than_500_records(facade):
    _bulk_events(facade.lib, 530)
    model = RecordTableModel(facade, "event")
    assert model.rowCount() == PAGE and model.total == 530
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 530
    assert len(set(model.id_at(r) for r in range(530))) == 530


def test_sorts_in_sql_by_a_sortable_column_only(facade):
    for title in ("Beta", "Alpha", "Gamma"):
        facade.create("event", {"title_en": title})
    model = RecordTableModel(facade, "event")
    model.sort(0)
    assert [model.index(r, 0).data() for r in range(3)] == ["Alpha", "Beta", "Gamma"]
    from PySide6.QtCore import Qt
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(3)] == ["Gamma", "Beta", "Alpha"]
    model.sort(1)  # kind: not sortable, the order stays
    assert model.index(0, 0).data() == "Gamma"


def test_search_shows_hits_of_its_kind_and_clears(facade):
    facade.create("person", {"name_zh": "吕蕊", "name_en": "Lu Rui"})
    facade.create("person", {"name_en": "Someone Else"})
    facade.create("event", {"title_zh": "吕蕊的活动"})
    model = RecordTableModel(facade, "person")
    model.set_query("吕蕊")
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Lu Rui · 吕蕊"
    model.set_query("")
    assert model.rowCount() == 2


def test_reloads_when_its_kind_changes_and_names_come_from_the_page(qtbot, facade):
    org = facade.create("organisation", {"name_en": "Chamber"})
    p = facade.create("person", {"name_en": "Ann", "organisation_id": org.id})
    model = RecordTableModel(facade, "person")
    assert model.index(0, 2).data() == "Chamber"
    with qtbot.waitSignal(model.reloaded):
        facade.update("organisation", org.id, {"name_en": "Chamber of Commerce"})
    assert model.index(0, 2).data() == "Chamber of Commerce"
    assert model.index(0, 0).data(ID_ROLE) == p.id
    with qtbot.waitSignal(model.count_changed):
        facade.delete("person", p.id)
    assert model.rowCount() == 0
    trash = RecordTableModel(facade, "person", trash=True)
    assert trash.rowCount() == 1 and trash.index(0, 0).data() == "Ann"
