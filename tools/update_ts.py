"""Collect translatable texts into resources/translations/zh_CN.ts and build the .qm.

Finds ``Translator("context")`` objects in ui/ and every call to them with a literal
string, and every ``N_("...")`` in desktop/ (context ``desktop``). Existing
translations are kept; new texts are added as unfinished; texts no longer in the code
are marked obsolete. Then Qt's ``lrelease`` (shipped with PySide6) builds the ``.qm``.

    uv run python tools/update_ts.py            update the .ts and build the .qm
    uv run python tools/update_ts.py --check    exit 1 if the .ts is out of date or unfinished
    uv run python tools/update_ts.py --fill zh.json
                                                add translations from a JSON object
                                                {"English source": "中文", ...}
                                                for texts that have no translation yet
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "zh_CN.ts"
QM = TS.with_suffix(".qm")


def _strings_in(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    translators: dict[str, str] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "Translator"
            and node.value.args
            and isinstance(node.value.args[0], ast.Constant)
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    translators[target.id] = node.value.args[0].value
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        name = node.func.id
        if name in translators:
            found.append((translators[name], first.value))
        elif name == "N_":
            found.append(("desktop", first.value))
        elif name == "desktop_text":
            found.append(("desktop", first.value))
    return found


def collect() -> dict[str, list[str]]:
    contexts: dict[str, list[str]] = {}
    for folder in ("ui", "desktop"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for context, text in _strings_in(path):
                texts = contexts.setdefault(context, [])
                if text not in texts:
                    texts.append(text)
    return contexts


def load_ts() -> dict[tuple[str, str], str]:
    if not TS.exists():
        return {}
    known: dict[tuple[str, str], str] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            text = node.text if node is not None and node.text else ""
            if text and (node is None or node.get("type") not in ("unfinished",)):
                known[(name, source)] = text
            elif text:
                known.setdefault((name, source), text)
    return known


def build_ts(contexts: dict[str, list[str]], known: dict[tuple[str, str], str]) -> tuple[str, list]:
    root = ET.Element("TS", version="2.1", language="zh_CN")
    missing = []
    for context in sorted(contexts):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = context
        for text in contexts[context]:
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = text
            t = ET.SubElement(m, "translation")
            translation = known.get((context, text), "")
            if translation:
                t.text = translation
            else:
                t.set("type", "unfinished")
                missing.append((context, text))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", missing


def lrelease_to(target: Path = QM) -> None:
    exe = str(Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(exe).exists():
        exe = shutil.which("pyside6-lrelease") or exe
    subprocess.run([exe, "-silent", str(TS), "-qm", str(target)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--fill", type=Path, help="JSON object of English source -> Chinese text")
    args = parser.parse_args()
    contexts = collect()
    known = load_ts()
    if args.fill:
        import json

        filled = json.loads(args.fill.read_text(encoding="utf-8"))
        for context, texts in contexts.items():
            for source in texts:
                if source in filled and filled[source] and (context, source) not in known:
                    known[(context, source)] = filled[source]
    text, missing = build_ts(contexts, known)
    if args.check:
        current = TS.read_text(encoding="utf-8") if TS.exists() else ""
        if current != text or missing:
            print(f"zh_CN.ts out of date or unfinished ({len(missing)} untranslated):")
            for context, source in missing[:50]:
                print(f"  [{context}] {source}")
            return 1
        return 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    TS.write_text(text, encoding="utf-8")
    lrelease_to()
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated")
    for context, source in missing:
        print(f"  [{context}] {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
