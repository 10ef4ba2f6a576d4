"""One search box over every kind of record, both languages, substring, short Chinese queries."""
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck

from db import certificates, events, organisations, people, search


@pytest.fixture
def seeded(lib):
    ministry = organisations.create(lib, name_zh="中华人民共和国人力资源和社会保障部",
                                    name_en="Ministry of Human Resources and Social Security",
                                    abbreviation="MOHRSS", kind="ministry")
    sgaee = organisations.create(lib, name_en="Sino-German Alliance of Enterprises and Education",
                                 abbreviation="SGAEE", kind="alliance")
    conf = events.create(lib, title_en="2023 Education Plus (7th) China (Changsha) International "
                         "Vocational Education Conference", kind="conference", start_date="2023-08-15",
                         city="Changsha", region="Hunan", notes="Expo in the exhibition centre")
    events.add_organiser(lib, conf.id, sgaee.id)
    lu = people.create(lib, name_zh="吕蕊", name_en="Lu Rui", position="Officer", is_staff=True)
    mo = people.create(lib, name_zh="莫晓进", name_en="Mo Xiaojin", position="Dean")
    wu = people.create(lib, name_en="Wu Jingjing", organisation_id=ministry.id,
                       position="Director of Bilateral Cooperation Division")
    lic = certificates.create(lib, title_zh="中欧实习就业人才培养基地证书",
                              title_en="China-Europe Internship and Employment Talent Training Base",
                              kind="licence", issuer_id=sgaee.id, event_id=conf.id, number="CEIE-2023-017")
    return dict(lib=lib, ministry=ministry, sgaee=sgaee, conf=conf, lu=lu, mo=mo, wu=wu, lic=lic)


def ids(hits, kind=None):
    return [(h.kind, h.id) for h in hits if kind is None or h.kind == kind]


def test_two_character_chinese_name(seeded):
    hits = search.search(seeded["lib"], "吕蕊")
    assert ids(hits)[0] == ("person", seeded["lu"].id)


def test_two_character_chinese_word_inside_a_title(seeded):
    assert ("certificate", seeded["lic"].id) in ids(search.search(seeded["lib"], "证书"))


def test_one_character_chinese_query(seeded):
    assert ("person", seeded["mo"].id) in ids(search.search(seeded["lib"], "莫"))
    assert ("certificate", seeded["lic"].id) in ids(search.search(seeded["lib"], "证"))


def test_three_plus_characters_chinese_substring(seeded):
    assert ("organisation", seeded["ministry"].id) in ids(search.search(seeded["lib"], "社会保障"))


@pytest.mark.parametrize("query", ["changsha", "CHANGSHA", "ngsha", "Vocational Education", "sgaee"])
def test_english_substring_case_insensitive(seeded, query):
    assert ("event", seeded["conf"].id) in ids(search.search(seeded["lib"], query))


def test_one_and_two_letter_queries_match_word_starts(seeded):
    assert ("person", seeded["wu"].id) in ids(search.search(seeded["lib"], "wu"))
    assert ("person", seeded["wu"].id) in ids(search.search(seeded["lib"], "w"))


@pytest.mark.parametrize("query,key", [
    ("CEIE-2023-017", "lic"),          # reference number
    ("017", "lic"),
    ("exhibition centre", "conf"),    # notes
    ("Bilateral", "wu"),              # position
    ("Human Resources", "wu"),        # the person's organisation
    ("Alliance of Enterprises", "lic"),  # issuer
])
def test_numbers_notes_positions_and_linked_names(seeded, query, key):
    rec = seeded[key]
    kind = {"lic": "certificate", "conf": "event", "wu": "person"}[key]
    assert (kind, rec.id) in ids(search.search(seeded["lib"], query))


@pytest.mark.parametrize("query", ["moxiaojin", "mo xiaojin", "mxj", "Mo Xiao"])
def test_pinyin_finds_chinese_names(seeded, query):
    assert ids(search.search(seeded["lib"], query))[0] == ("person", seeded["mo"].id)


@pytest.mark.parametrize("query", ["moxiaojin", "mo xiaojin", "Mo Xiaojin", "mo xiao jin", "mxj"])
def test_pinyin_finds_a_chinese_name_without_an_english_one(lib, query):
    person = people.create(lib, name_zh="莫晓金")
    assert ids(search.search(lib, query)) == [("person", person.id)]


def test_title_matches_rank_before_body_matches(seeded):
    lib = seeded["lib"]
    hits = search.search(lib, "SGAEE")
    assert hits[0].kind == "organisation" and hits[0].id == seeded["sgaee"].id


def test_hits_have_kind_id_title_and_a_snippet_around_the_match(seeded):
    hit = next(h for h in search.search(seeded["lib"], "exhibition") if h.kind == "event")
    assert hit.title.startswith("2023 Education Plus")
    assert "exhibition" in hit.snippet.lower()


def test_kind_filter_and_limit(seeded):
    lib = seeded["lib"]
    assert {h.kind for h in search.search(lib, "education", kinds=["event"])} == {"event"}
    for i in range(80):
        events.create(lib, title_en=f"Education seminar {i}")
    assert len(search.search(lib, "education", limit=50)) == 50


def test_renaming_an_organisation_updates_the_people_found_through_it(seeded):
    lib = seeded["lib"]
    organisations.update(lib, seeded["ministry"].id, name_en="Renamed Ministry")
    assert ("person", seeded["wu"].id) in ids(search.search(lib, "Renamed Ministry"))
    assert ("person", seeded["wu"].id) not in ids(search.search(lib, "Human Resources"))


def test_trashed_records_are_not_found_until_restored(seeded):
    lib = seeded["lib"]
    people.delete(lib, seeded["lu"].id)
    assert search.search(lib, "吕蕊") == []
    people.restore(lib, seeded["lu"].id)
    assert ids(search.search(lib, "吕蕊")) == [("person", seeded["lu"].id)]


def test_rebuild_gives_the_same_answers(seeded):
    lib = seeded["lib"]
    before = [ids(search.search(lib, q)) for q in ("吕蕊", "证", "changsha", "mxj")]
    search.rebuild(lib)
    assert [ids(search.search(lib, q)) for q in ("吕蕊", "证", "changsha", "mxj")] == before


@pytest.mark.parametrize("query", ['"', "'", "%", "_", "a\"b", "(", "*", "NEAR(", "AND", "-", "  ", "'; DROP TABLE events; --", "\\"])
def test_odd_queries_never_crash(seeded, query):
    search.search(seeded["lib"], query)
    assert events.count(seeded["lib"]) == 1


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=12))
def test_any_text_query_is_answered(seeded, q):
    hits = search.search(seeded["lib"], q)
    assert len(hits) <= 50


def test_a_word_common_in_bodies_but_in_no_title(lib):
    """Many events mention Changsha only in their place; an organisation has it in its name."""
    for i in range(250):
        events.create(lib, title_en=f"Seminar {i}", city="Changsha")
    office = organisations.create(lib, name_en="Changsha Education Office")
    hits = search.search(lib, "Changsha", limit=50)
    assert (hits[0].kind, hits[0].id) == ("organisation", office.id)
    assert len(hits) == 50
    only_events = search.search(lib, "changsha", kinds=["event"], limit=200)
    assert len(only_events) == 200 and {h.kind for h in only_events} == {"event"}
    assert search.search(lib, "changsha", kinds=["person"]) == []
