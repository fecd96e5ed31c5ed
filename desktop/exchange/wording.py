"""Words in the files the exchange job writes, which are always in Chinese.

A workbook leaves the app: an error report goes back to whoever keeps the register, an
export to the street office. So reasons and labels in it are Chinese whatever the screen
language. The Qt-free core has only its ``N_`` templates (English); the caller hands in a
:data:`Wording` that gives the Chinese of a template (the UI and the command line build
one from the app's translation, ``ui.exchange.wording``). Without one the templates are
used as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.common.errors import DomainError

Wording = Callable[[str], str]
"""An ``N_`` text → its Chinese (the text itself when there is no translation)."""


def same(text: str) -> str:
    return text


def reason_text(error: DomainError, wording: Wording | None = None) -> str:
    """The message of ``error`` in the wording's language, its placeholders filled.

    Text parameters are looked up too (a label the core marked); a name or a number
    has no translation and passes through unchanged.
    """
    w = wording or same
    params = {k: w(v) if isinstance(v, str) else v for k, v in error.params.items()}
    template = w(error.template)
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):
        return str(error)
