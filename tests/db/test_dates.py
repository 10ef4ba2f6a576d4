import pytest
from hypothesis import given, strategies as st

from db import dates


@pytest.mark.parametrize("raw,expected", [
    ("2016", "2016"), ("2022-12", "2022-12"), ("2022-12-16", "2022-12-16"), ("2022-2-5", "2022-02-05"),
    ("2022/12/16", "2022-12-16"), ("2022.12", "2022-12"), ("2022年12月16日", "2022-12-16"),
    ("2022年12月", "2022-12"), ("2022年", "2022"), ("  2016 ", "2016"), ("", None), (None, None),
    ("2024-02-29", "2024-02-29"),
])
def test_normalise_accepts_what_clerks_type(raw, expected):
    assert dates.normalise(raw) == expected


@pytest.mark.parametrize("raw", ["2022-13", "2022-02-30", "2023-02-29", "16/12/2022", "next week", "999", "2022-12-16T10:00", "12"])
def test_normalise_rejects_non_dates(raw):
    with pytest.raises(ValueError):
        dates.normalise(raw)


def test_partial_dates_sort_as_text_in_the_right_order():
    values = ["2023", "2022-12-16", "2016", "2022-12", "2022", "2022-02-05", "2022-12-01"]
    assert sorted(values) == ["2016", "2022", "2022-02-05", "2022-12", "2022-12-01", "2022-12-16", "2023"]


def test_ends_before_uses_the_whole_period_of_a_partial_date():
    assert not dates.ends_before("2022-12", "2022-12-16")  # December contains the 16th
    assert not dates.ends_before("2022", "2022-06")
    assert dates.ends_before("2022-11", "2022-12-01")
    assert dates.ends_before("2021", "2022")


@pytest.mark.parametrize("value,en,zh", [
    ("2022-12", "December 2022", "2022年12月"),
    ("2022-12-16", "16 December 2022", "2022年12月16日"),
    ("2016", "2016", "2016年"),
])
def test_format_date_naturally(value, en, zh):
    assert dates.format_date(value, "en") == en
    assert dates.format_date(value, "zh") == zh


def test_format_range():
    assert dates.format_range("2023-08-15", "2023-08-17", "en") == "15 August 2023 – 17 August 2023"
    assert dates.format_range("2023-08-15", None, "zh") == "2023年8月15日"


@given(st.dates(min_value=__import__("datetime").date(1000, 1, 1)))
def test_every_real_day_round_trips(d):
    iso = d.isoformat()
    assert dates.normalise(iso) == iso
    assert dates.normalise(iso[:7]) == iso[:7]
