"""Printing: PDFs made with ReportLab, fonts embedded (see ``docs/printing.md``).

``fonts`` finds the TrueType fonts of this PC and picks a font per character;
``slip`` makes the 回执 a resident takes home. The names below are loaded on first use,
so ``import desktop.printing`` does not import ReportLab (it takes about 0.4 s).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.printing.fonts import FontChain, PrintFont, check_printable, default_chain
    from desktop.printing.slip import SlipData, build_slip

_EXPORTS = {
    "FontChain": "fonts",
    "PrintFont": "fonts",
    "check_printable": "fonts",
    "default_chain": "fonts",
    "SlipData": "slip",
    "build_slip": "slip",
}

__all__ = ["FontChain", "PrintFont", "SlipData", "build_slip", "check_printable", "default_chain"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"desktop.printing.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
