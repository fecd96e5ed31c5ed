"""ID numbers (GB 11643) and phone numbers as the front desk types them."""

from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import ric

from desktop.common.errors import DomainError
from desktop.common.validation import check_id_number, check_phone, normalise_text

TODAY = dt.date(2026, 11, 21)


def with_check_char(first17: str) -> str:
    """A number with a correct check character, so only the property under test is wrong."""
    assert len(first17) == 17
    return first17 + ric.calc_check_digit(first17 + "0")


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002X",
        "11010519491231002x",  # lower-case x
        "１１０１０５１９４９１２３１００２ｘ",  # full-width digits and letter (pinyin IME)
        " 110105 19491231 002X ",  # spaces typed or pasted
    ],
)
def test_good_id_number_is_normalised(typed):
    info = check_id_number(typed, today=TODAY)
    assert info.number == "11010519491231002X"
    assert info.birth_date == dt.date(1949, 12, 31)
    assert info.gender == "女"  # 17th digit 2 is even
    assert info.warnings == ()


def test_gender_from_the_17th_digit():
    assert check_id_number(with_check_char("37030219800101001"), today=TODAY).gender == "男"


def test_wrong_check_character_is_refused():
    with pytest.raises(DomainError, match="check character"):
        check_id_number("110105194912310021", today=TODAY)


def test_impossible_birth_date_is_refused():
    with pytest.raises(DomainError, match="does not exist") as exc:
        check_id_number(with_check_char("11010519490230002"), today=TODAY)  # 30 February
    assert exc.value.params["date"] == "1949-02-30"


def test_future_birth_date_is_refused():
    future = with_check_char("11010520270101002")
    with pytest.raises(DomainError, match="not possible"):
        check_id_number(future, today=TODAY)
    # The same number is fine once that day has come.
    assert check_id_number(future, today=dt.date(2027, 1, 1)).birth_date == dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    "typed, count",
    [
        ("11010519491231002", 17),
        ("11010519491231002X1", 19),
        ("110105491231002", 15),  # old 15-digit card number
    ],
)
def test_wrong_length_is_refused(typed, count):
    with pytest.raises(DomainError, match="18 characters") as exc:
        check_id_number(typed, today=TODAY)
    assert exc.value.params["count"] == count


@pytest.mark.parametrize("typed", ["1101051949A231002X", "11010519491231002Y", "X10105194912310021"])
def test_letters_inside_are_refused(typed):
    with pytest.raises(DomainError, match="17 digits"):
        check_id_number(typed, today=TODAY)


def test_empty_id_number_is_refused():
    with pytest.raises(DomainError, match="Enter the ID number"):
        check_id_number("   ", today=TODAY)


def test_unknown_area_code_is_a_warning_not_an_error():
    info = check_id_number(with_check_char("99999919491231002"), today=TODAY)
    assert info.number.startswith("999999")
    assert len(info.warnings) == 1
    assert "area code" in info.warnings[0]


def test_normalise_text_turns_full_width_into_half_width():
    assert normalise_text("１３８ １２３４ ５６７８") == "13812345678"


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("19912345678", "19912345678"),
        ("0533-2345678", "0533-2345678"),
        ("0533 2345678", "0533-2345678"),
        ("０５３３－２３４５６７８", "0533-2345678"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
    ],
)
def test_good_phone_numbers(typed, stored):
    assert check_phone(typed) == stored


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Enter the phone number"),
        ("12812345678", "mobile number"),  # no mobile network starts with 12
        ("1381234567", "mobile number"),  # 10 digits
        ("138123456789", "mobile number"),  # 12 digits
        ("138abc45678", "only digits"),
        ("2345678", "area code"),  # landline without area code
        ("0533-123", "landline"),  # too short
        ("053312345678", "landline"),  # too long for Zibo (0533 + 7 digits)
    ],
)
def test_bad_phone_numbers(typed, message):
    with pytest.raises(DomainError, match=message):
        check_phone(typed)
