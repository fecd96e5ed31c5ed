"""Qt translation for the whole UI.

Source strings are English. Each module names its translation context once::

    _ = Translator("residents")
    label = _("New resident")              # → 新建居民 with the Chinese translator
    note = _("{n} residents", n=count)     # placeholders filled after translating

``tools/update_ts.py`` collects every ``Translator`` call (and every ``N_`` text in
``desktop``) into ``resources/translations/zh_CN.ts``; the build turns it into ``.qm``
with Qt's ``lrelease``. Texts from the Qt-free core arrive as ``DomainError``s whose
template is translated in the ``desktop`` context by ``error_text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.common import resources
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import CONTEXT as DESKTOP_CONTEXT

TRANSLATIONS_DIR = resources.TRANSLATIONS
"""Where the ``.qm`` files were found at start-up (``install_translator`` looks again)."""

_installed: list[QTranslator] = []


class Translator:
    """Translate texts of one context; call it like gettext's ``_``."""

    def __init__(self, context: str):
        self.context = context

    def __call__(self, text: str, /, **params: object) -> str:
        translated = QCoreApplication.translate(self.context, text)
        return translated.format(**params) if params else translated


def desktop_text(text: str, /, **params: object) -> str:
    """A text marked with ``N_`` in the core, translated."""
    translated = QCoreApplication.translate(DESKTOP_CONTEXT, text)
    return translated.format(**params) if params else translated


def error_text(exc: DomainError) -> str:
    """The user-facing message of a core error, in the current language.

    Text parameters are translated too when the core marked them (a state or action
    label); names and numbers pass through unchanged.
    """
    params = {k: desktop_text(v) if isinstance(v, str) else v for k, v in exc.params.items()}
    return desktop_text(exc.template, **params)


def field_messages(exc: FieldErrors) -> dict[str, str]:
    return {name: error_text(err) for name, err in exc.errors.items()}


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Load the translation for ``language`` (``zh_CN`` or ``en``); English needs none."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if not translator.load(str(resources.translations() / f"{language}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own dialogs (buttons such as OK/Cancel) in Chinese too.
    from PySide6.QtCore import QLibraryInfo

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return True


@contextmanager
def language_for_a_moment(app: QCoreApplication, language: str) -> Iterator[None]:
    """Translate in ``language`` inside the block, then put back the translators (and the
    default locale) that were installed before: the command line formats one message in
    the user's language without changing the language of a window in the same process."""
    before = list(_installed)
    locale = QLocale()
    for old in before:
        app.removeTranslator(old)
    _installed.clear()
    try:
        install_translator(app, language)
        yield
    finally:
        for new in _installed:
            app.removeTranslator(new)
        _installed.clear()
        for old in before:
            app.installTranslator(old)
            _installed.append(old)
        QLocale.setDefault(locale)
