"""Masking of ID numbers and phones in lists, search results and printouts.

Only a role allowed to see them opens the full value, by an explicit, audited action.
"""

from __future__ import annotations


def mask_id_number(number: str | None) -> str:
    """``110105194912310021`` → ``110105********0021`` (area code and last four kept)."""
    if not number:
        return ""
    if len(number) <= 10:
        return number[:2] + "*" * max(len(number) - 4, 0) + number[-2:]
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """``13812345678`` → ``138****5678``; ``0533-2345678`` → ``0533-***5678``."""
    if not phone:
        return ""
    if "-" in phone:
        area, rest = phone.split("-", 1)
        keep = min(4, max(len(rest) - 3, 0))
        return f"{area}-" + "*" * (len(rest) - keep) + rest[len(rest) - keep :]
    if len(phone) == 11:
        return phone[:3] + "****" + phone[-4:]
    keep = min(4, max(len(phone) - 3, 0))
    return "*" * (len(phone) - keep) + phone[len(phone) - keep :]
