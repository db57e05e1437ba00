"""GOV-3 small-number suppression: primary, secondary, rounding, percentages, and a
property test that no suppressed value can be worked back out from its row or column."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hscb_desktop.returns import Percent, Table
from hscb_desktop.returns import suppression as S


def column(values, total=False):
    rows = [[f"r{i}", v] for i, v in enumerate(values)]
    return Table("X1", "Test", ["Label", "Number"], rows,
                 total=["Total", sum(values)] if total else None)


def shown(table):
    return [row[1:] for row in S.published_values(table)]


def test_gov3_example_threshold_7_rounded_to_5():
    out = S.suppress(column([0, 1, 7, 8, 23]), threshold=7)
    assert [r[1] for r in out.rows] == [0, "*", "*", 10, 25]


def test_gov3_example_threshold_7_exact_counts():
    out = S.suppress(column([0, 1, 7, 8, 23]), threshold=7, round_to=1)
    assert [r[1] for r in out.rows] == [0, "*", "*", 8, 23]


def test_default_threshold_is_1_to_5_and_zero_is_kept():
    out = S.suppress(column([0, 1, 5, 6, 12]), round_to=1)
    assert [r[1] for r in out.rows] == [0, "*", "*", 6, 12]


def test_the_input_table_is_not_changed_and_a_footnote_is_added():
    table = column([3, 20], total=True)
    out = S.suppress(table)
    assert table.rows == [["r0", 3], ["r1", 20]] and table.footnotes == []
    assert out.footnotes and out.footnotes[-1].startswith("* ")


def test_secondary_suppression_when_a_column_total_has_one_star():
    # 3 alone would be 38 - 12 - 23: the next smallest cell (12) is suppressed too.
    out = S.suppress(column([3, 12, 23], total=True), threshold=5, round_to=1)
    assert [r[1] for r in out.rows] == ["*", "*", 23]
    assert out.total == ["Total", 38]


def test_no_secondary_suppression_without_a_total():
    out = S.suppress(column([3, 12, 23]), threshold=5, round_to=1)
    assert [r[1] for r in out.rows] == ["*", 12, 23]


def test_two_ones_are_not_left_as_the_only_stars_of_a_line():
    # 1 + 1 = 52 - 50 would pin both stars to 1: a third cell joins them.
    out = S.suppress(column([1, 1, 9, 41], total=True), threshold=5, round_to=1)
    assert [r[1] for r in out.rows] == ["*", "*", "*", 41]


def test_two_stars_summing_to_more_than_two_need_nothing_more():
    out = S.suppress(column([2, 3, 9, 41], total=True), threshold=5, round_to=1)
    assert [r[1] for r in out.rows] == ["*", "*", 9, 41]


def test_a_line_with_nothing_else_to_hide_suppresses_its_total():
    out = S.suppress(column([3, 0, 0], total=True), threshold=5, round_to=1)
    assert [r[1] for r in out.rows] == ["*", 0, 0] and out.total == ["Total", "*"]


def test_secondary_suppression_spreads_across_rows_and_columns():
    table = Table("X2", "Grid", ["Label", "A", "B", "Total"],
                  [["a", 2, 10, 12], ["b", 20, 30, 50], ["c", 40, 4, 44]],
                  total=["Total", 62, 44, 106])
    out = S.suppress(table, threshold=5, round_to=1)
    # 2 and 4 are primary. Row a then hides 10 (column B already has a star), and
    # column A hides 40 (row c already has one): every line keeps two stars or none.
    assert out.rows == [["a", "*", "*", 12], ["b", 20, 30, 50], ["c", "*", "*", 44]]
    assert out.total == ["Total", 62, 44, 106]
    _assert_nothing_recoverable(table, out)


def test_totals_are_the_true_totals_rounded():
    out = S.suppress(column([12, 23, 41], total=True), threshold=5, round_to=5)
    assert [r[1] for r in out.rows] == [10, 25, 40] and out.total == ["Total", 75]


def test_a_total_that_is_not_a_sum_is_not_a_total_line():
    # one contact can count in several categories: the "Contacts" row is not a sum
    table = Table("L4", "Category", ["Category", "Number"], [["a", 3], ["b", 12]],
                  total=["Contacts", 13])
    assert S.total_lines(table) == []
    out = S.suppress(table, round_to=1)
    assert out.rows == [["a", "*"], ["b", 12]] and out.total == ["Contacts", 13]


def test_percentages_beside_a_star_are_suppressed():
    table = Table("L5", "Outcomes", ["Outcome", "Number", "%"],
                  [["x", 3, Percent(0.1)], ["y", 27, Percent(0.9)]],
                  total=["Total", 30, Percent(1.0)])
    out = S.suppress(table, round_to=1)
    assert out.rows == [["x", "*", "*"], ["y", "*", "*"]]
    assert out.total == ["Total", 30, Percent(1.0)]
    transposed = Table("L2", "Share", ["Year", "Education", "Health"],
                       [["%", Percent(0.9), Percent(0.1)], ["Number", 27, 3]])
    out = S.suppress(transposed, round_to=1)
    assert out.rows == [["%", Percent(0.9), "*"], ["Number", 27, "*"]]


def test_text_dates_and_labels_are_untouched():
    table = Table("B1", "Attendance", ["Member", "Attendance"], [["Chair", "1/4"], ["Lay", "3/4"]])
    assert S.suppress(table).rows == table.rows


# -- property test: nothing can be worked back out from a row or column total -------------


def _assert_nothing_recoverable(original: Table, published: Table) -> None:
    """For every row or column whose published total is a number, the attacker knows the
    published cells and that each '*' is at least 1: each '*' must still have two or
    more possible values (round_to=1, so published numbers are exact)."""
    grid = S.published_values(published)
    truth = S.published_values(original)
    for line in S.total_lines(original):
        total = grid[line.total[0]][line.total[1]]
        if total == S.MARK:
            continue
        stars = [p for p in line.cells if grid[p[0]][p[1]] == S.MARK]
        if not stars:
            continue
        known = sum(grid[r][c] for r, c in line.cells if grid[r][c] != S.MARK)
        hidden_sum = total - known
        assert hidden_sum == sum(truth[r][c] for r, c in stars)
        assert len(stars) >= 2, f"a lone '*' in {line} equals {hidden_sum}"
        # each star lies in [1, hidden_sum - (k - 1)]: at least two values
        assert hidden_sum - (len(stars) - 1) >= 2, f"the stars of {line} are all 1"


counts = st.one_of(st.integers(0, 8), st.integers(0, 60))


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 5))
    n_cols = draw(st.integers(1, 4))
    body = [[draw(counts) for _ in range(n_cols)] for _ in range(n_rows)]
    with_total_col = draw(st.booleans())
    with_total_row = draw(st.booleans())
    rows = [[f"r{i}", *vals] + ([sum(vals)] if with_total_col else [])
            for i, vals in enumerate(body)]
    headers = ["Label", *[f"c{j}" for j in range(n_cols)]] + (["Total"] if with_total_col else [])
    total = None
    if with_total_row:
        total = ["Total", *[sum(r[j] for r in rows) for j in range(1, len(headers))]]
    return Table("P", "Property", headers, rows, total=total)


@settings(max_examples=300, deadline=None)
@given(tables(), st.integers(1, 7))
def test_no_suppressed_value_can_be_recovered_from_its_row_or_column(table, threshold):
    published = S.suppress(table, threshold=threshold, round_to=1)
    _assert_nothing_recoverable(table, published)
    # every primary cell is hidden, every zero shown
    for r, row in enumerate(S.published_values(table)):
        for c, v in enumerate(row):
            if c and S.is_count(v) and 1 <= v <= threshold:
                assert S.published_values(published)[r][c] == S.MARK
            if c and S.is_count(v) and v == 0:
                assert S.published_values(published)[r][c] == 0


@settings(max_examples=100, deadline=None)
@given(tables())
def test_rounded_values_are_multiples_of_five_or_stars(table):
    published = S.suppress(table, threshold=5, round_to=5)
    for row in S.published_values(published):
        for v in row[1:]:
            assert v == S.MARK or v % 5 == 0
