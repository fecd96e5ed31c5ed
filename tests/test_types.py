"""The code type-checks with mypy (configured in pyproject.toml), apart from the errors
listed in mypy-baseline.txt — a list that may only shrink (tools/mypy_baseline.py)."""

from __future__ import annotations

from collections import Counter

from tools.mypy_baseline import MypyError, compare, describe, read_baseline, render, run_mypy


def test_mypy_finds_no_error_beyond_the_baseline_and_the_baseline_is_current():
    comparison = compare(run_mypy(), read_baseline())
    assert comparison.clean, describe(comparison)


# --- the comparison itself -----------------------------------------------------------
def error(line: int, message: str = 'Item "None" of "X | None" has no attribute "y"') -> MypyError:
    return MypyError(path="ui/page.py", line=line, code="union-attr", message=message)


def test_an_entry_has_no_line_number_so_moving_an_error_keeps_it_in_the_baseline():
    baseline = Counter({error(10).key: 1})
    assert compare([error(42)], baseline).clean
    assert error(10).key == 'ui/page.py: union-attr: Item "None" of "X | None" has no attribute "y"'
    assert error(1, "Name already defined on line 7").key == error(5, "Name already defined on line 9").key


def test_one_more_occurrence_than_the_baseline_counts_is_a_new_error():
    baseline = Counter({error(1).key: 2})
    comparison = compare([error(1), error(2), error(3)], baseline)
    assert comparison.new == [error(3)] and comparison.gone == []
    assert "ui/page.py:3: union-attr" in describe(comparison)


def test_a_fixed_error_must_leave_the_baseline():
    baseline = Counter({error(1).key: 2, "ui/other.py: misc: gone for good": 1})
    comparison = compare([error(1)], baseline)
    assert comparison.new == []
    assert comparison.gone == [("ui/other.py: misc: gone for good", 1), (error(1).key, 1)]
    assert "tools/mypy_baseline.py" in describe(comparison)


def test_a_rendered_baseline_reads_back_the_same(tmp_path):
    errors = [error(1), error(2), error(3, "another message")]
    path = tmp_path / "baseline.txt"
    path.write_text(render(errors), encoding="utf-8")
    assert read_baseline(path) == Counter(e.key for e in errors)
    assert compare(errors, read_baseline(path)).clean
