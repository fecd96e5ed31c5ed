"""What goes into the frozen app and what stays out: the decisions of ``installer/shequ.spec``.

The spec is executed by PyInstaller and cannot be imported by a test, so its choices live
here as plain data and functions: the spec reads them, ``installer/nsis.py`` fills the
installer script from the same names and version, and ``tests/installer`` checks that
they agree with the source tree (no module the app imports is excluded, every migration's
imports are bundled, the version is pyproject's). Why each thing is left out is written
beside it and summed up in ``docs/installer.md``.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]

NAME = "shequ"
"""The frozen app's folder and its windowed program, ``shequ.exe`` (no console window)."""
CLI_NAME = "shequ-cli"
"""The same program with a console, for administrators who want to see what ``backup``,
``report`` or ``check`` print (a windowed program has no standard output)."""
PRODUCT = "社区服务中心桌面系统"
"""The product's name in the version information, the installer and 应用和功能."""
SHORTCUT = "社区服务中心"
"""The name of the Start-menu and desktop shortcuts."""
APP_ID = "ShequDesktop"
"""The registry key of the installation and the install folder's name (as
``desktop.common.config.APP_NAME``, which names the data folder)."""
PUBLISHER = "Shequ"
"""As ``desktop.common.config.APP_AUTHOR``: platformdirs puts the data folder below it."""
ICON = "installer/shequ.ico"
ENTRY = "main.py"

# --- what goes in ----------------------------------------------------------------------
DATAS: tuple[tuple[str, str], ...] = (
    ("resources/translations/*.qm", "resources/translations"),
    ("resources/icons/*.svg", "resources/icons"),
    # The Alembic scripts are read from files at run time (env.py, versions/*.py), so they
    # ship as source; db/migrate.py finds them beside its own __file__, which PyInstaller
    # sets to the bundle's db/ folder.
    ("db/migrations/env.py", "db/migrations"),
    ("db/migrations/script.py.mako", "db/migrations"),
    ("db/migrations/versions/*.py", "db/migrations/versions"),
)
OPTIONAL_DATAS: tuple[tuple[str, str], ...] = (
    # A redistributable TrueType font a centre adds for rare characters (生僻字); the
    # Windows system fonts (msyh.ttc, simsun.ttc, simsunb.ttf) are used otherwise.
    ("resources/fonts/*.tt[fc]", "resources/fonts"),
    ("resources/fonts/*.txt", "resources/fonts"),
)

QT_TRANSLATIONS_KEPT = ("qtbase_zh_CN.qm",)
"""Qt's own translations: ui.widgets.i18n loads only ``qtbase_<language>`` and the UI is
Chinese or English (English needs none). The other 60-odd languages stay out."""

# --- what stays out --------------------------------------------------------------------
EXCLUDED_QT: tuple[str, ...] = tuple(
    f"PySide6.{m}"
    for m in (
        # Chromium: 150 MB+ on its own, and QtPdf already previews PDFs.
        "QtWebEngineCore",
        "QtWebEngineWidgets",
        "QtWebEngineQuick",
        "QtWebChannel",
        "QtWebSockets",
        "QtWebView",
        "QtHttpServer",
        "QtNetworkAuth",
        # QML / Qt Quick and what is built on it: the UI is Qt Widgets.
        "QtQml",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickTest",
        "QtQuickWidgets",
        "QtCanvasPainter",
        "QtRemoteObjects",
        "QtScxml",
        "QtStateMachine",
        # 3D, graphs and maps.
        "Qt3DAnimation",
        "Qt3DCore",
        "Qt3DExtras",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DRender",
        "QtDataVisualization",
        "QtGraphs",
        "QtGraphsWidgets",
        "QtLocation",
        "QtPositioning",
        # Sound, video, speech, devices.
        "QtMultimedia",
        "QtMultimediaWidgets",
        "QtSpatialAudio",
        "QtTextToSpeech",
        "QtBluetooth",
        "QtNfc",
        "QtSensors",
        "QtSerialPort",
        "QtSerialBus",
        # Tools and what SQLAlchemy already does. (QtTest stays: the screenshots command
        # types into dialogs with it.)
        "QtDesigner",
        "QtHelp",
        "QtUiTools",
        "QtSql",
        "QtAxContainer",
    )
)
"""PySide6 add-on modules the app does not use (a test checks that nothing imports them);
PySide6 unpruned is 650 MB."""

EXCLUDED_PYTHON: tuple[str, ...] = (
    "tkinter",  # Python's other GUI toolkit
    "lib2to3",
    "pytest",  # the test tools (dev dependencies that some libraries import if present)
    "_pytest",
    "pytestqt",
    "hypothesis",
    "sqlalchemy.testing",
    "alembic.testing",
    "mypy",
    "ruff",
    "IPython",
    "matplotlib",
    # Packaging tools: setuptools comes along for pkg_resources, which python-stdnum asks
    # for only on Pythons without importlib.resources; Pygments for an optional Mako
    # plug-in (Mako itself stays: Alembic imports it).
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "distutils",
    "pygments",
    # Qt bindings other than PySide6 that a library may offer to use.
    "PyQt5",
    "PyQt6",
    "PySide2",
    # phonenumbers: the app parses and validates numbers (validation.py) with the region
    # metadata in phonenumbers.data; the geocoder, carrier and time-zone databases
    # (20 MB of Python) are never asked.
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
)

ONLY_IF_IMPORTED: dict[str, tuple[str, ...]] = {
    # psycopg offers NumPy number adapters if NumPy is there: 45 MB for a feature the
    # app never uses. Kept when the app's own code imports NumPy or pandas.
    "numpy": ("numpy", "pandas"),
}
"""Packages left out unless the app's own code imports one of the named packages."""

FAKER_LOCALES = ("zh_CN", "en_US", "en")
"""The demo data speak Chinese (``Faker("zh_CN")``); Faker falls back to ``en_US`` / ``en``
for a provider without a Chinese version. Its other 80-odd locales stay out."""

QT_PLUGIN_DIRS_DROPPED = ("qmltooling", "designer", "assetimporters", "sceneparsers", "geometryloaders")
"""Qt plugin folders of excluded modules, should a hook still bring one."""

QT_FILES_DROPPED = (
    # The on-screen keyboard plug-in is written in QML: it alone brings Qt Qml and Qt Quick
    # (25 MB). Staff type on a keyboard; Chinese input methods (Windows IME, ibus) are
    # the system's and need no plug-in.
    "*qtvirtualkeyboardplugin*",
    "*Qt6VirtualKeyboard*",
    "*Qt6Qml*",
    "*Qt6Quick*",
    # Windows: Mesa's software OpenGL (20 MB), a fallback for OpenGL content on PCs
    # without a graphics driver; Qt Widgets and the PDF preview paint without OpenGL.
    "opengl32sw.dll",
)
"""Qt files (matched on the file name) of no use to a Qt Widgets app; a CI check runs
``ldd`` over the frozen app so that nothing left needs one of them."""


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """``[project] version`` of pyproject.toml — the one version number of the app."""
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


def windows_version(version: str) -> tuple[int, int, int, int]:
    """A version as Windows wants it: four numbers (``0.1.0`` → ``(0, 1, 0, 0)``).

    Only the release numbers count: ``1.2.0rc1`` → ``(1, 2, 0, 0)``.
    """
    match = re.match(r"\d+(?:\.\d+){0,3}", version.strip())
    if match is None:
        raise ValueError(f"not a version number: {version!r}")
    parts = [int(p) for p in match.group(0).split(".")]
    parts += [0] * (4 - len(parts))
    return (parts[0], parts[1], parts[2], parts[3])


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports (absolute imports; ``from a import b`` gives
    ``a`` and ``a.b``, which may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def migration_files(root: Path = ROOT) -> list[Path]:
    return [root / "db/migrations/env.py", *sorted((root / "db/migrations/versions").glob("*.py"))]


def migration_imports(root: Path = ROOT) -> list[str]:
    """The modules the Alembic scripts import. They are read as files at run time, so
    PyInstaller does not see their imports: the spec adds these as hidden imports (a
    ``from alembic import op`` needs ``alembic.op`` bundled).

    Names that are not modules (``sqlalchemy.Connection``) are dropped by asking the
    import system whether the module exists.
    """
    import importlib.util

    names: set[str] = set()
    for path in migration_files(root):
        names |= imported_modules(path)
    modules = set()
    for name in names:
        if name == "__future__" or name.startswith("__future__."):
            continue
        try:
            if importlib.util.find_spec(name) is not None:
                modules.add(name)
        except (ImportError, ValueError):
            continue
    return sorted(modules)


def source_files(root: Path = ROOT) -> Iterator[Path]:
    """The app's own Python files (what PyInstaller analyses from main.py)."""
    yield root / ENTRY
    for package in ("db", "desktop", "ui"):
        yield from sorted((root / package).rglob("*.py"))


def app_imports(root: Path = ROOT) -> set[str]:
    found: set[str] = set()
    for path in source_files(root):
        found |= imported_modules(path)
    return found


def excludes(root: Path = ROOT) -> list[str]:
    """Everything the spec passes to PyInstaller's ``excludes``."""
    imports = app_imports(root)
    conditional = [
        package
        for package, users in ONLY_IF_IMPORTED.items()
        if not any(excluded(module, users) for module in imports)
    ]
    return [*EXCLUDED_QT, *EXCLUDED_PYTHON, *conditional]


def excluded(module: str, excludes: Iterable[str]) -> bool:
    """Whether ``module`` is one of ``excludes`` or inside one of them."""
    return any(module == e or module.startswith(e + ".") for e in excludes)


def faker_module_kept(module: str) -> bool:
    """Faker's locale providers (``faker.providers.person.fr_FR``) other than ours go."""
    parts = module.split(".")
    if len(parts) >= 4 and parts[:2] == ["faker", "providers"]:
        locale = parts[3]
        if re.fullmatch(r"[a-z]{2,3}(_[A-Z][A-Za-z]+)*", locale):
            return locale in FAKER_LOCALES
    return True


def data_kept(dest: str) -> bool:
    """Whether a data file or binary PyInstaller collected at ``dest`` (its path inside
    the bundle) stays: Qt translations other than ours, plugins of excluded modules and
    Faker's other locales go."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    if any(fnmatch.fnmatch(path.name, pattern) for pattern in QT_FILES_DROPPED):
        return False
    if "translations" in parts and path.suffix == ".qm" and "PySide6" in parts:
        return path.name in QT_TRANSLATIONS_KEPT
    if "plugins" in parts and "PySide6" in parts:
        folder = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
        if folder in QT_PLUGIN_DIRS_DROPPED:
            return False
    if len(parts) >= 5 and parts[:2] == ("faker", "providers"):  # faker/providers/<kind>/<locale>/…
        return faker_module_kept(".".join(parts[:4]))
    return True


def glob_datas(pairs: Iterable[tuple[str, str]], root: Path = ROOT) -> list[tuple[str, str]]:
    """``(source pattern, folder in bundle)`` pairs expanded to files (PyInstaller's
    ``datas`` form), in a stable order; a pattern matching nothing gives nothing."""
    out = []
    for pattern, dest in pairs:
        folder = (root / pattern).parent
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and fnmatch.fnmatch(path.name, Path(pattern).name):
                out.append((str(path), dest))
    return out
