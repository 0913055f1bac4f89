"""The indicative distribution (docs/model.md, "Indicative distribution")."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import (
    MUNICIPALITIES,
    SETTINGS,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    write_folder,
)
from model.core.errors import InputError
from model.core.indicative import apportion, indicative_tasks
from model.io.reading import indicative_table, read_raw


def test_largest_remainder_gives_the_exact_total():
    """10 over 5:3:2 is exact; 7 over 1:1:1 gives quotas 2 1/3 each, one unit left."""
    assert apportion(10, [5, 3, 2], ["a", "b", "c"]) == [5, 3, 2]
    assert sum(apportion(7, [1, 1, 1], ["a", "b", "c"])) == 7


def test_ties_go_to_the_larger_weight_then_to_the_smaller_code():
    """2 over 1:3: quotas 0.5 and 1.5, equal remainders, so the larger weight gets the unit;
    1 over 1:1: equal remainders and weights, so the smaller code gets it."""
    assert apportion(2, [1, 3], ["a", "b"]) == [0, 2]
    assert apportion(2, [3, 1], ["b", "a"]) == [2, 0]
    assert apportion(1, [1, 1], ["GM0002", "GM0001"]) == [0, 1]


def test_amv_tasks_never_exceed_reception_tasks():
    reception, amv = indicative_tasks(["a", "b", "c"], [1000, 2000, 7], [0.1, -0.3, 0.0], 100, 99)
    assert sum(reception) == 100 and sum(amv) == 99
    assert all(a <= r for a, r in zip(amv, reception, strict=True))


weights = st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=30)


@given(total=st.integers(min_value=0, max_value=10**5), weights=weights)
def test_apportion_sums_to_total_and_stays_within_one_of_the_quota(total, weights):
    if sum(weights) == 0:
        weights = [w + 1 for w in weights]
    keys = [f"GM{i:04d}" for i in range(len(weights))]
    shares = apportion(total, weights, keys)
    assert sum(shares) == total
    for share, w in zip(shares, weights, strict=True):
        quota = total * w / sum(weights)
        assert math.floor(quota) - 1e-9 <= share <= math.ceil(quota) + 1e-9


@given(
    population=st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=20),
    reception=st.integers(min_value=0, max_value=10**4),
    data=st.data(),
)
def test_indicative_tasks_sum_and_amv_bound(population, reception, data):
    ses = data.draw(
        st.lists(st.floats(-0.99, 0.99), min_size=len(population), max_size=len(population))
    )
    amv = data.draw(st.integers(min_value=0, max_value=reception))
    codes = [f"GM{i:04d}" for i in range(len(population))]
    rec, amv_task = indicative_tasks(codes, population, ses, reception, amv)
    assert sum(rec) == reception and sum(amv_task) == amv
    assert all(0 <= a <= r for a, r in zip(amv_task, rec, strict=True))


def test_indicative_table_uses_the_forecast_even_when_tasks_are_given(tmp_path):
    settings = SETTINGS + "[forecast]\nreception = 1000\namv = 80\n"
    table = indicative_table(read_raw(write_folder(tmp_path / "i", settings)))
    assert list(table.columns) == [
        "code",
        "name",
        "province",
        "population",
        "ses_woa",
        "reception_task",
        "amv_task",
    ]
    assert table["reception_task"].sum() == 1000 and table["amv_task"].sum() == 80
    assert table["ses_woa"].tolist() == [0.1, -0.2, 0.0]
    expected, _ = indicative_tasks(
        list(table["code"]), [10000, 30000, 20000], [0.1, -0.2, 0], 1000, 80
    )
    assert table["reception_task"].tolist() == expected


def test_indicative_table_needs_a_forecast(tmp_path):
    with pytest.raises(InputError, match="forecast.reception"):
        indicative_table(read_raw(write_folder(tmp_path / "i", municipalities=MUNICIPALITIES)))
