"""Marking user-visible texts in Qt-free code for translation.

``N_`` returns its argument unchanged; ``tools/update_ts.py`` collects every ``N_``
text into the translation sources under the ``desktop`` context, and the screens pass
them through ``QCoreApplication.translate("desktop", text)`` before showing them.
"""

from __future__ import annotations

CONTEXT = "desktop"


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext-style marker name
    return text
