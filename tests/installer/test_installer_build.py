"""The Windows installer's pieces agree with each other and with the app.

The spec (installer/shequ.spec) reads its choices from installer/bundle.py; the NSIS
script is filled by installer/nsis.py; the build script, the Windows workflow and the
Linux check call them. These tests keep them consistent without Windows: the version
comes from pyproject.toml, nothing the app imports is excluded, the migrations and
resources are bundled where the frozen app looks for them, the installer never touches
the data folder outside the uninstaller's opt-in section, and the data folder it names
is the one the app uses. CI's installer/linux_check.sh then freezes, runs and compiles
for real.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path, PureWindowsPath

import pytest

from desktop.common import config, resources
from installer import bundle, nsis

ROOT = bundle.ROOT
INSTALLER = ROOT / "installer"
TEMPLATE = (INSTALLER / "shequ.nsi.in").read_text(encoding="utf-8")
SPEC = (INSTALLER / "shequ.spec").read_text(encoding="utf-8")
BUILD_PS1 = INSTALLER / "build.ps1"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
LINUX_CHECK = (INSTALLER / "linux_check.sh").read_text(encoding="utf-8")


def filled(tmp_path: Path) -> str:
    script = nsis.write_script(tmp_path / "dist" / "shequ", tmp_path / "setup.exe", tmp_path / "shequ.nsi")
    return script.read_text(encoding="utf-8-sig")


# --- version -------------------------------------------------------------------------------
def test_the_version_is_pyprojects():
    with (ROOT / "pyproject.toml").open("rb") as f:
        assert bundle.project_version() == tomllib.load(f)["project"]["version"]


def test_the_nsis_script_gets_the_version_from_pyproject(tmp_path):
    version = bundle.project_version()
    four = ".".join(map(str, bundle.windows_version(version)))
    text = filled(tmp_path)
    assert f'!define VERSION "{version}"' in text
    assert f'VIProductVersion "{four}"' in text
    assert f'VIFileVersion "{four}"' in text
    assert nsis.setup_name() == f"shequ-setup-{version}.exe"


def test_a_changed_version_reaches_the_script(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle, "project_version", lambda pyproject=None: "2.3.1rc2")
    text = filled(tmp_path)
    assert '!define VERSION "2.3.1rc2"' in text
    assert 'VIProductVersion "2.3.1.0"' in text


@pytest.mark.parametrize(
    ("version", "four"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2026.12.6.3", (2026, 12, 6, 3)),
        ("1.2.0rc1", (1, 2, 0, 0)),
    ],
)
def test_windows_version_has_four_numbers(version, four):
    assert bundle.windows_version(version) == four


def test_a_version_without_numbers_is_refused():
    with pytest.raises(ValueError):
        bundle.windows_version("next")


def test_the_spec_gives_shequ_exe_the_version_and_the_icon():
    assert "bundle.project_version()" in SPEC
    assert "bundle.windows_version(version)" in SPEC
    assert '"icon": str(ROOT / bundle.ICON)' in SPEC
    assert (ROOT / bundle.ICON).is_file()


# --- filling the template ------------------------------------------------------------------
def test_every_placeholder_of_the_template_is_filled_and_every_value_used(tmp_path):
    assert nsis.placeholders(TEMPLATE) == set(nsis.values(tmp_path, tmp_path / "s.exe"))
    assert not nsis.PLACEHOLDER.search(filled(tmp_path))


def test_an_unknown_placeholder_is_an_error():
    with pytest.raises(KeyError, match="NEW_THING"):
        nsis.fill("Name @NEW_THING@", {})


def test_a_value_with_a_quote_is_refused():
    with pytest.raises(ValueError):
        nsis.fill('OutFile "@OUTFILE@"', {"OUTFILE": 'a"b.exe'})


def test_the_script_is_written_as_utf8_with_a_bom(tmp_path):
    script = nsis.write_script(tmp_path / "dist", tmp_path / "setup.exe", tmp_path / "shequ.nsi")
    raw = script.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "社区服务中心" in raw.decode("utf-8-sig")


def test_the_script_names_the_programs_the_spec_builds(tmp_path):
    values = nsis.values(tmp_path, tmp_path / "s.exe")
    assert values["EXE"] == f"{bundle.NAME}.exe"
    assert values["CLI_EXE"] == f"{bundle.CLI_NAME}.exe"
    assert "program(bundle.NAME, console=False)" in SPEC
    assert "program(bundle.CLI_NAME, console=True)" in SPEC
    assert "name=bundle.NAME" in SPEC


# --- what the installer does ---------------------------------------------------------------
def test_per_user_install_without_admin_rights():
    assert re.search(r"^RequestExecutionLevel user$", TEMPLATE, re.M)
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in TEMPLATE
    assert "HKLM" not in TEMPLATE  # per-user: the registry entries are the user's own
    assert "$PROGRAMFILES" not in TEMPLATE


def test_chinese_texts_and_shortcut_names():
    assert re.search(r"^Unicode true$", TEMPLATE, re.M)
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in TEMPLATE
    assert 'CreateShortcut "$SMPROGRAMS\\${SHORTCUT}.lnk"' in TEMPLATE
    assert 'CreateShortcut "$DESKTOP\\${SHORTCUT}.lnk"' in TEMPLATE
    assert re.fullmatch(r"[\u4e00-\u9fff]+", bundle.SHORTCUT)


def test_a_silent_run_never_waits_for_a_person():
    boxes = [line for line in TEMPLATE.splitlines() if line.strip().startswith("MessageBox")]
    assert boxes
    for line in boxes:
        assert "/SD " in line, line


def test_the_data_folder_is_the_apps(monkeypatch):
    base = r"C:\Users\staff\AppData\Local"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", base)
    from platformdirs.windows import Windows

    dirs = Windows(config.APP_NAME, config.APP_AUTHOR)
    data = PureWindowsPath(dirs.user_data_dir.replace("/", "\\"))
    assert data == PureWindowsPath(nsis.data_dir().replace("$LOCALAPPDATA", base))
    # Logs, settings and backups are all inside it.
    for inside in (dirs.user_log_dir, dirs.user_config_dir):
        assert PureWindowsPath(inside.replace("/", "\\")).is_relative_to(data)
    assert (bundle.APP_ID, bundle.PUBLISHER) == (config.APP_NAME, config.APP_AUTHOR)


def sections(text: str) -> dict[str, str]:
    """Body of each Section … SectionEnd, by its id (the last word of the Section line)."""
    found = {}
    for match in re.finditer(r"^Section ([^\n]*)\n(.*?)^SectionEnd", text, re.M | re.S):
        found[match.group(1).split()[-1]] = match.group(2)
    return found


def test_only_the_opt_in_uninstall_section_deletes_the_data_folder():
    body = sections(TEMPLATE)
    assert set(body) == {"SecProgram", "SecUnProgram", "SecUnData"}
    assert re.search(r'^Section /o "un\.', TEMPLATE, re.M), "the data section must start unticked"
    assert 'RMDir /r "${DATA_DIR}"' in body["SecUnData"]
    outside = TEMPLATE.replace(body["SecUnData"], "")
    for line in outside.splitlines():
        if line.strip().startswith(("RMDir", "Delete")):
            assert "DATA_DIR" not in line and "$LOCALAPPDATA\\${PUBLISHER}" not in line, line
    # Program files go one by one, never the whole install folder recursively.
    recursive = [line.strip() for line in outside.splitlines() if line.strip().startswith("RMDir /r")]
    assert recursive == ['RMDir /r "$0\\_internal"']


def test_an_upgrade_removes_the_previous_program_files_first():
    program = sections(TEMPLATE)["SecProgram"]
    assert program.index("Call RemoveProgramFilesOrQuit") < program.index("File /r")
    assert 'ReadRegStr $1 HKCU "${UNINSTALL_KEY}" "InstallLocation"' in program


def test_the_uninstaller_is_registered_for_a_quiet_uninstall():
    assert '"QuietUninstallString" "$\\"$INSTDIR\\${UNINSTALLER}$\\" /S"' in TEMPLATE


# --- what the frozen app contains ----------------------------------------------------------
def test_the_spec_is_onedir_without_upx():
    assert "exclude_binaries=True" in SPEC and "COLLECT(" in SPEC  # one folder
    assert "upx=True" not in SPEC
    assert SPEC.count("upx=False") == 2
    assert "excludes=bundle.excludes()" in SPEC
    assert 'runtime_hooks=[str(ROOT / "installer" / "rthook_shequ.py")]' in SPEC


def test_no_module_the_app_imports_is_excluded():
    excludes = bundle.excludes()
    wrongly = sorted(m for m in bundle.app_imports() if bundle.excluded(m, excludes))
    assert not wrongly, f"excluded from the frozen app but imported: {wrongly}"


def test_the_heavy_qt_add_ons_are_excluded_and_the_used_modules_kept():
    excludes = bundle.excludes()
    for heavy in ("QtWebEngineCore", "QtWebEngineWidgets", "Qt3DCore", "QtMultimedia", "QtQml", "QtQuick"):
        assert bundle.excluded(f"PySide6.{heavy}", excludes)
    used = {m.split(".")[1] for m in bundle.app_imports() if m.startswith("PySide6.Qt")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets"} <= used
    assert not any(bundle.excluded(f"PySide6.{m}", excludes) for m in used)


def test_numpy_stays_out_only_while_the_app_does_not_use_it(tmp_path):
    (tmp_path / "db").mkdir()
    (tmp_path / "main.py").write_text("import json\n", encoding="utf-8")
    assert "numpy" in bundle.excludes(tmp_path)
    (tmp_path / "db" / "sheet.py").write_text("def f():\n    import pandas\n", encoding="utf-8")
    assert "numpy" not in bundle.excludes(tmp_path)


def test_the_migrations_ship_where_db_migrate_looks_for_them():
    from db import migrate

    datas = bundle.glob_datas(bundle.DATAS)
    shipped = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in datas}
    where = migrate.MIGRATIONS_DIR.relative_to(ROOT).as_posix()  # frozen: below sys._MEIPASS
    assert ("db/migrations/env.py", where) in shipped
    for script in sorted((ROOT / "db/migrations/versions").glob("*.py")):
        assert (f"db/migrations/versions/{script.name}", f"{where}/versions") in shipped


def test_what_the_migrations_import_is_bundled():
    hidden = bundle.migration_imports()
    assert {"alembic.op", "alembic.context", "sqlalchemy", "db.triggers"} <= set(hidden)
    assert "sqlalchemy.Connection" not in hidden  # a class, not a module
    assert "*bundle.migration_imports()" in SPEC


def test_translations_and_icons_ship_where_the_frozen_app_looks(tmp_path, monkeypatch):
    datas = {(Path(src).name, dest) for src, dest in bundle.glob_datas(bundle.DATAS)}
    assert ("zh_CN.qm", "resources/translations") in datas
    for icon in (ROOT / "resources/icons").glob("*.svg"):
        assert (icon.name, "resources/icons") in datas
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.translations() == tmp_path / "resources" / "translations"
    assert resources.icons() == tmp_path / "resources" / "icons"
    assert resources.fonts() == tmp_path / "resources" / "fonts"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt6Qml.dll", False),
        ("PySide6/Qt6Pdf.dll", True),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/plugins/imageformats/qsvg.dll", True),
        ("PySide6\\translations\\qtbase_de.qm", False),  # Windows: the wheel has no Qt\ level
        ("PySide6\\translations\\qtbase_zh_CN.qm", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("faker\\providers\\address\\ja_JP\\__init__.py", False),
        ("faker/providers/person/zh_CN/__init__.py", True),
        ("faker/providers/person/en_US/__init__.py", True),
        ("faker/providers/person/fr_FR/__init__.py", False),
        ("faker/providers/person/__init__.py", True),
        ("resources/translations/zh_CN.qm", True),
    ],
)
def test_what_the_spec_filters_out(dest, kept):
    assert bundle.data_kept(dest) is kept


@pytest.mark.parametrize(
    ("module", "kept"),
    [
        ("faker.providers.address.zh_CN", True),
        ("faker.providers.address.en", True),
        ("faker.providers.address.de_DE", False),
        ("faker.providers.address", True),
        ("faker.proxy", True),
    ],
)
def test_faker_keeps_the_locales_of_the_demo(module, kept):
    assert bundle.faker_module_kept(module) is kept


def test_the_icon_has_the_sizes_windows_asks_for():
    from PIL import Image

    with Image.open(ROOT / bundle.ICON) as icon:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(icon.info["sizes"])


# --- the build script, the workflow, the Linux check ---------------------------------------
def test_the_build_script_freezes_fills_and_compiles():
    text = BUILD_PS1.read_text(encoding="utf-8")
    assert text.isascii(), "Windows PowerShell 5.1 reads a script without a BOM as ANSI"
    assert '"installer\\shequ.spec"' in text
    assert '"installer\\nsis.py"' in text
    assert '"smoke"' in text
    assert '@("/V2", "/WX", $script)' in text
    assert "$LASTEXITCODE" in text


def test_the_workflow_builds_installs_smokes_and_keeps_the_setup():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-" in text
    assert "./installer/build.ps1" in text
    assert '-ArgumentList "/S"' in text
    assert 'shequ-cli.exe") smoke' in text and '"smoke", "--out"' in text
    assert "actions/upload-artifact@v4" in text and "path: out/installer/shequ-setup-*.exe" in text
    assert f"Programs\\\\{bundle.APP_ID}".replace("\\\\", "\\") in text
    assert f"{bundle.PUBLISHER}\\\\{bundle.APP_ID}".replace("\\\\", "\\") in text


def test_the_linux_check_uses_the_same_spec_and_an_older_schema():
    assert "uv run pyinstaller installer/shequ.spec" in LINUX_CHECK
    assert "makensis -V2 -WX -DCOMPILE_CHECK" in LINUX_CHECK
    assert "!ifdef COMPILE_CHECK" in TEMPLATE
    old = re.search(r'^OLD_REVISION="(\d+)"$', LINUX_CHECK, re.M)
    assert old is not None
    from db import migrate

    assert old.group(1) in migrate.known_revisions() and old.group(1) != migrate.HEAD
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash installer/linux_check.sh" in ci and " nsis " in ci.replace("\n", " ")


# --- the smoke command itself, from source --------------------------------------------------
@pytest.mark.slow
def test_the_smoke_command_passes_from_source(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "SHEQU_DATA_DIR": str(tmp_path / "data"),
        "SHEQU_CONFIG_DIR": str(tmp_path / "config"),
        "SHEQU_LOG_DIR": str(tmp_path / "logs"),
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "smoke", "--out", str(tmp_path / "pdf")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    written = {path.name for path in (tmp_path / "pdf").iterdir()}
    assert any(name.startswith("slip-") and name.endswith(".pdf") for name in written), written
    assert {"report.pdf", "report.xlsx"} <= written
