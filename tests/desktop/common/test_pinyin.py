"""Pinyin initials, the key behind typing ``zs`` to find 张三."""

from __future__ import annotations

import pytest

from desktop.common.pinyin import initials


@pytest.mark.parametrize(
    "name, expected",
    [
        ("张三", "zs"),
        ("张伟", "zw"),
        ("欧阳娜娜", "oynn"),  # compound surname
        ("李秀英", "lxy"),
        # Surnames read differently from the everyday reading of the character.
        ("曾小贤", "zxx"),
        ("单田芳", "stf"),
        ("解缙", "xj"),
        ("仇英", "qy"),
        ("查良镛", "zly"),
        ("翟志刚", "zzg"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


def test_latin_letters_are_kept_lower_case():
    assert initials("Tom") == "tom"
