"""Where the app's own files are: translations, icons, the style sheet, report fonts.

Every path to something under ``resources/`` comes from here, so the app finds its
files the same way from a source checkout and when frozen by PyInstaller (which unpacks
data files below ``sys._MEIPASS``; the spec in ``installer/`` puts ``resources/`` there).
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds ``resources/`` (the checkout, or the frozen bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def resource(*parts: str) -> Path:
    """A path below ``resources/``, e.g. ``resource("translations", "zh_CN.qm")``."""
    return root().joinpath("resources", *parts)


TRANSLATIONS = resource("translations")
ICONS = resource("icons")
FONTS = resource("fonts")
