"""Choosing from a pick list by typing (``desktop.common.matching``), without a window.

The front desk types Chinese, pinyin initials or several words to find a category or a
department; these are the rules they rely on.
"""

from __future__ import annotations

import pytest

from desktop.common.matching import Choice, exact_choice, match_choices

RUBBISH = Choice(1, "环境卫生 / 垃圾清运", ("垃圾清运", "环境卫生"))
HALLWAY = Choice(2, "环境卫生 / 楼道堆物", ("楼道堆物", "环境卫生"))
LIFT = Choice(3, "物业服务 / 电梯故障", ("电梯故障", "物业服务"))
NEIGHBOURS = Choice(4, "邻里纠纷 / 其他邻里矛盾", ("其他邻里矛盾", "邻里纠纷"))
SUGGESTION = Choice(5, "其他 / 意见建议", ("意见建议", "其他"))
COUNSELLING = Choice(6, "心理疏导", ("心理疏导",))  # a top-level category without children

CHOICES = [RUBBISH, HALLWAY, LIFT, NEIGHBOURS, SUGGESTION, COUNSELLING]


def ids(text: str, choices: list[Choice] = CHOICES) -> list[int]:
    return [c.id for c in match_choices(choices, text)]


# --- match_choices -----------------------------------------------------------------------------
def test_a_chinese_prefix_of_the_own_name_finds_the_choice():
    assert ids("垃圾") == [RUBBISH.id]
    assert ids("电梯") == [LIFT.id]


def test_a_chinese_substring_of_the_own_name_finds_the_choice():
    assert ids("清运") == [RUBBISH.id]
    assert ids("堆物") == [HALLWAY.id]


def test_pinyin_initials_find_the_choice():
    assert ids("ljqy") == [RUBBISH.id]
    assert ids("dt") == [LIFT.id]
    # lj: 垃圾清运 starts with it; 邻里纠纷 (lljf) only contains it, in the parent's name.
    assert ids("lj") == [RUBBISH.id, NEIGHBOURS.id]


def test_pinyin_initials_of_the_parent_find_its_children():
    assert ids("hj") == [RUBBISH.id, HALLWAY.id]


def test_a_parent_name_finds_all_of_its_children_in_list_order():
    assert ids("环境") == [RUBBISH.id, HALLWAY.id]
    assert ids("物业服务") == [LIFT.id]


@pytest.mark.parametrize("text", ["环境 垃圾", "环境卫生 / 垃圾清运", "环境/垃圾", "hj lj", "环境，垃圾"])
def test_every_word_must_match_the_own_name_or_the_parent(text):
    assert ids(text) == [RUBBISH.id]


def test_a_word_that_matches_neither_name_excludes_the_choice():
    assert ids("环境 电梯") == []
    assert ids("环境 楼道") == [HALLWAY.id]


def test_the_best_match_comes_first_then_list_order():
    # "其他": the own name of 其他邻里矛盾 (a prefix) beats the parent 其他 of 意见建议,
    # wherever each stands in the list.
    assert ids("其他") == [NEIGHBOURS.id, SUGGESTION.id]
    reversed_list = [SUGGESTION, NEIGHBOURS]
    assert ids("其他", reversed_list) == [NEIGHBOURS.id, SUGGESTION.id]
    # A prefix beats a substring.
    first = Choice(10, "甲 / 运垃圾", ("运垃圾", "甲"))
    second = Choice(11, "乙 / 垃圾站", ("垃圾站", "乙"))
    assert ids("垃圾", [first, second]) == [second.id, first.id]
    # Equally good matches keep the order of the list.
    assert ids("环境卫生") == [RUBBISH.id, HALLWAY.id]
    assert ids("环境卫生", [HALLWAY, RUBBISH]) == [HALLWAY.id, RUBBISH.id]


@pytest.mark.parametrize("text", ["火箭发射", "xyz", "垃圾 电梯", "q1"])
def test_no_match_gives_an_empty_list(text):
    assert match_choices(CHOICES, text) == []


@pytest.mark.parametrize("text", ["", "   ", " / "])
def test_empty_text_gives_every_choice_in_list_order(text):
    assert match_choices(CHOICES, text) == CHOICES


def test_typing_is_normalised_full_width_and_upper_case():
    assert ids("ＬＪ") == ids("lj") == [RUBBISH.id, NEIGHBOURS.id]
    assert ids("LJQY") == [RUBBISH.id]
    assert ids("  垃圾  ") == [RUBBISH.id]


def test_a_choice_list_without_entries_matches_nothing():
    assert match_choices([], "垃圾") == []
    assert match_choices([], "") == []


# --- exact_choice ------------------------------------------------------------------------------
def test_the_full_label_picks_the_choice():
    assert exact_choice(CHOICES, "环境卫生 / 垃圾清运") is RUBBISH
    assert exact_choice(CHOICES, "心理疏导") is COUNSELLING


def test_a_unique_own_name_picks_the_choice():
    assert exact_choice(CHOICES, "垃圾清运") is RUBBISH
    assert exact_choice(CHOICES, "电梯故障") is LIFT


def test_an_own_name_shared_by_two_choices_picks_none():
    a = Choice(20, "邻里纠纷 / 其他", ("其他", "邻里纠纷"))
    b = Choice(21, "物业服务 / 其他", ("其他", "物业服务"))
    assert exact_choice([a, b], "其他") is None
    # The label still tells them apart.
    assert exact_choice([a, b], "物业服务 / 其他") is b


def test_a_parent_name_or_a_part_of_a_name_is_not_exact():
    assert exact_choice(CHOICES, "环境卫生") is None
    assert exact_choice(CHOICES, "垃圾") is None
    assert exact_choice(CHOICES, "lj") is None


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_picks_none(text):
    assert exact_choice(CHOICES, text) is None


def test_exact_choice_is_normalised_full_width_case_and_spaces():
    grid = Choice(30, "A区网格", ("A区网格",))
    hotline = Choice(31, "12345热线转办", ("12345热线转办",))
    assert exact_choice([grid, hotline], "ａ区网格") is grid  # full-width, lower case
    assert exact_choice([grid, hotline], "  a区网格 ") is grid
    assert exact_choice([grid, hotline], "１２３４５热线转办") is hotline
    assert exact_choice(CHOICES, " 环境卫生 / 垃圾清运 ") is RUBBISH
