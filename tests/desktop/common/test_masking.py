"""Masked ID numbers and phones, as lists, search results and printouts show them."""

from __future__ import annotations

import pytest

from desktop.common.masking import mask_id_number, mask_phone


def test_id_number_keeps_area_code_and_last_four():
    assert mask_id_number("11010519491231002X") == "110105********002X"


@pytest.mark.parametrize("value", [None, ""])
def test_missing_values_mask_to_empty(value):
    assert mask_id_number(value) == ""
    assert mask_phone(value) == ""


def test_mobile_keeps_first_three_and_last_four():
    assert mask_phone("13812345678") == "138****5678"


def test_landline_keeps_area_code_and_last_four():
    assert mask_phone("0533-2345678") == "0533-***5678"
    assert mask_phone("010-12345678") == "010-****5678"


def test_masked_values_never_contain_the_hidden_digits():
    number = "370302198001010011"
    masked = mask_id_number(number)
    assert len(masked) == len(number)
    assert masked[6:14] == "*" * 8  # the birth date is hidden
