"""The three narrative sections a monthly report carries, typed by the director:
本月工作完成情况 (the work done), 存在问题 (the problems) and 下月工作计划 (the plans)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_

SECTION_MAX = 5_000
SECTIONS: tuple[tuple[str, str, str], ...] = (
    # field, screen label (N_), printed heading
    ("done", N_("Work done in the period"), "本期工作完成情况"),
    ("problems", N_("Problems"), "存在问题"),
    ("plans", N_("Plans for the next period"), "下期工作计划"),
)


@dataclass(frozen=True)
class Narrative:
    """The three texts (empty ones print as 无)."""

    done: str = ""
    problems: str = ""
    plans: str = ""

    def checked(self) -> Narrative:
        """The texts trimmed, or ``FieldErrors`` for one that is too long."""
        errors = {
            name: DomainError(N_("At most {n} characters."), n=SECTION_MAX)
            for name, _label, _heading in SECTIONS
            if len(getattr(self, name).strip()) > SECTION_MAX
        }
        if errors:
            raise FieldErrors(errors)
        return Narrative(self.done.strip(), self.problems.strip(), self.plans.strip())

    def sections(self) -> list[tuple[str, str]]:
        """(printed heading, text) of each section, in order."""
        return [(heading, getattr(self, name)) for name, _label, heading in SECTIONS]


def headings(kind: str) -> tuple[str, str, str]:
    """The printed headings for a month (本月 … 下月), quarter (本季度 …) or year (本年度 …)."""
    this, following = {
        "month": ("本月", "下月"),
        "quarter": ("本季度", "下季度"),
        "year": ("本年度", "下年度"),
    }[kind]
    return f"{this}工作完成情况", "存在问题", f"{following}工作计划"
