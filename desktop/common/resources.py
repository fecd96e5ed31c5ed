"""Where the app's own files are: translations, icons (used by the style sheet), report fonts.

Every path to something under ``resources/`` comes from here, so the app finds its
files the same way from a source checkout and when frozen into an installer:

* from source: ``resources/`` at the top of the checkout;
* frozen by PyInstaller (``sys.frozen`` set): below ``sys._MEIPASS`` — the unpacked
  bundle of a one-file build, or the ``_internal`` folder of a one-folder build — where
  the spec's ``datas=[("resources", "resources")]`` puts it;
* frozen by a tool without ``_MEIPASS`` (cx_Freeze, py2exe): beside the executable.

The functions look again on every call (a test can pretend to be frozen); the
constants are what was found at start-up, for code that needs a plain path.
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_frozen() -> bool:
    """Whether the app runs from an installer's bundle rather than from source."""
    return bool(getattr(sys, "frozen", False))


def root() -> Path:
    """The folder that holds ``resources/`` (the checkout, or the frozen bundle)."""
    if is_frozen():
        bundle = getattr(sys, "_MEIPASS", None)
        return Path(bundle) if bundle else Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def resource(*parts: str) -> Path:
    """A path below ``resources/``, e.g. ``resource("translations", "zh_CN.qm")``."""
    return root().joinpath("resources", *parts)


def translations() -> Path:
    """The folder of the compiled translations (``zh_CN.qm``)."""
    return resource("translations")


def icons() -> Path:
    """The folder of the icons the style sheet draws (arrows of drop-downs and spin boxes)."""
    return resource("icons")


def fonts() -> Path:
    """The folder where a centre may put a TrueType font for printing."""
    return resource("fonts")


TRANSLATIONS = translations()
ICONS = icons()
FONTS = fonts()
