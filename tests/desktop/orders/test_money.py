"""Money in 元 with two decimals, integers of fen underneath; and the completion bands."""

from __future__ import annotations

import pytest

from desktop.common.errors import DomainError
from desktop.orders.money import format_yuan, format_yuan_unit, parse_yuan
from desktop.orders.vocabulary import CompletionBand, completion_band, completion_percent


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "0.00"), (5, "0.05"), (123450, "1,234.50"), (100_000_00, "100,000.00"), (-250, "-2.50")],
)
def test_format(fen, text):
    assert format_yuan(fen) == text
    assert format_yuan(fen, grouping=False) == text.replace(",", "")


def test_format_with_unit():
    assert format_yuan_unit(3_000_000) == "30,000.00 元"


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("1,234.5", 123450),
        ("1234", 123400),
        ("1234.56", 123456),
        (" 12 ", 1200),
        ("０.５", 50),
        ("１２３４．５", 123450),
        ("¥1,000", 100000),
        ("￥99.9元", 9990),
        (".5", 50),
        ("30，000", 3_000_000),
        ("+7", 700),
    ],
)
def test_parse(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "template"),
    [
        ("", "Enter an amount in yuan, e.g. 1234.50."),
        ("元", "Enter an amount in yuan, e.g. 1234.50."),
        ("-5", "The amount cannot be negative."),
        ("12.345", "An amount has at most two decimals (fen); “{text}” has more."),
        ("abc", "“{text}” is not an amount; type digits and at most one point."),
        ("1.2.3", "“{text}” is not an amount; type digits and at most one point."),
        ("1e5", "“{text}” is not an amount; type digits and at most one point."),
        ("0", "The amount must be more than zero."),
        ("0.00", "The amount must be more than zero."),
        ("100000000", "The amount is too large."),
        ("9999999999999", "The amount is too large."),
    ],
)
def test_parse_refuses_with_a_clear_message(text, template):
    with pytest.raises(DomainError) as err:
        parse_yuan(text)
    assert err.value.template == template


def test_zero_may_be_allowed():
    assert parse_yuan("0", allow_zero=True) == 0


def test_round_trip():
    for fen in (1, 99, 100, 123456789, 999_999_999):
        assert parse_yuan(format_yuan(fen)) == fen


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (150, CompletionBand.FULL),
        (100, CompletionBand.FULL),
        (99, CompletionBand.HIGH),
        (80, CompletionBand.HIGH),
        (79, CompletionBand.MEDIUM),
        (60, CompletionBand.MEDIUM),
        (59, CompletionBand.LOW),
        (0, CompletionBand.LOW),
    ],
)
def test_completion_bands(percent, band):
    assert completion_band(percent) == band


def test_completion_is_the_target_met_least():
    assert completion_percent(20, 25, 2, 2) == 100
    assert completion_percent(20, 15, 2, 3) == 75
    assert completion_percent(0, 5, 4, 1) == 25  # people not planned: sessions alone
    assert completion_percent(0, 0, 0, 0) == 100
    assert completion_percent(3, 2, 0, 0) == 66  # rounded down
