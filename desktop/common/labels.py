"""How one idea is named to the user everywhere: labels built from several parts."""

from __future__ import annotations

CATEGORY_SEPARATOR = " / "


def category_label(child: str, parent: str | None = None) -> str:
    """A two-level category as one label: ``助老服务 / 上门理发`` (top level alone if no parent)."""
    return f"{parent}{CATEGORY_SEPARATOR}{child}" if parent else child
