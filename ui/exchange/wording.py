"""The Chinese of the core's texts, for the files the exchange job writes.

Error reports and exported lists are always in Chinese (see ``desktop.exchange.wording``),
whatever the screen language, so they are worded from the Chinese translation itself,
not from the translator installed for the screens.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QTranslator

from desktop.common import resources
from desktop.common.i18n import CONTEXT
from desktop.exchange.wording import Wording


@cache
def _translator() -> QTranslator | None:
    translator = QTranslator()
    if not translator.load(str(resources.translations() / "zh_CN.qm")):
        return None
    return translator


def chinese() -> Wording:
    """An ``N_`` text → its Chinese (the text itself where there is none)."""
    translator = _translator()

    def word(text: str) -> str:
        if translator is None or not text:
            return text
        return translator.translate(CONTEXT, text) or text

    return word
