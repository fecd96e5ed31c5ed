"""The mypy errors the code still has, kept in a baseline that may only shrink.

mypy is configured in ``pyproject.toml`` (``[tool.mypy]``). ``tests/test_types.py`` runs
it and compares its errors with ``mypy-baseline.txt``: an error that is not in the
baseline fails the test (new code is typed), and so does a baseline entry that no longer
occurs (the baseline is regenerated, so it shrinks as errors are fixed).

An entry is ``<count>  <path>: <code>: <message>`` — without line numbers, so editing
lines above an error does not disturb it; the count says how often that error occurs in
that file.

    uv run python tools/mypy_baseline.py           # rewrite the baseline from today's errors
    uv run python tools/mypy_baseline.py --check   # compare only; exit status 1 on a difference
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "mypy-baseline.txt"
REGENERATE = "uv run python tools/mypy_baseline.py"

HEADER = f"""\
# mypy errors accepted for now. This list may only shrink: fix an error, then run
#     {REGENERATE}
# Entries: <count>  <path>: <code>: <message> (no line numbers; see tools/mypy_baseline.py).
"""

_LINE_NUMBER = re.compile(r"\bline \d+")
_ENTRY = re.compile(r"^\s*(\d+)\s+(\S.*)$")


class MypyFailed(RuntimeError):
    """mypy itself failed (bad configuration, crash), so there is no list of errors."""


@dataclass(frozen=True)
class MypyError:
    path: str
    line: int
    code: str
    message: str

    @property
    def key(self) -> str:
        """The baseline entry of this error: the same wherever in the file it is."""
        return f"{self.path}: {self.code}: {_LINE_NUMBER.sub('line N', self.message)}"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code}: {self.message}"


@dataclass(frozen=True)
class Comparison:
    new: list[MypyError] = field(default_factory=list)  # errors beyond the baseline
    gone: list[tuple[str, int]] = field(default_factory=list)  # baseline entries fixed, and how many

    @property
    def clean(self) -> bool:
        return not self.new and not self.gone


def run_mypy() -> list[MypyError]:
    """Run mypy as configured in pyproject.toml; its errors (notes left out)."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--output", "json", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if result.returncode not in (0, 1):
        raise MypyFailed(f"mypy exited with {result.returncode}:\n{result.stdout}\n{result.stderr}")
    errors = []
    for line in result.stdout.splitlines():
        if not line.startswith("{"):
            raise MypyFailed(f"unexpected mypy output: {line}\n{result.stderr}")
        item = json.loads(line)
        if item["severity"] != "error":
            continue
        errors.append(
            MypyError(
                path=item["file"].replace("\\", "/"),
                line=item["line"],
                code=item["code"] or "misc",
                message=item["message"],
            )
        )
    if result.returncode == 1 and not errors:
        raise MypyFailed(f"mypy reported a failure but no errors:\n{result.stdout}\n{result.stderr}")
    return errors


def read_baseline(path: Path = BASELINE) -> Counter[str]:
    entries: Counter[str] = Counter()
    if not path.exists():
        return entries
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _ENTRY.match(line)
        if match is None:
            raise ValueError(f"{path.name}:{number}: not '<count>  <path>: <code>: <message>': {line}")
        entries[match[2]] += int(match[1])
    return entries


def render(errors: list[MypyError]) -> str:
    counts = Counter(error.key for error in errors)
    lines = [f"{count:>3}  {key}" for key, count in sorted(counts.items())]
    return HEADER + "".join(line + "\n" for line in lines)


def compare(errors: list[MypyError], baseline: Counter[str]) -> Comparison:
    """Errors beyond what the baseline allows, and baseline entries that no longer occur."""
    allowed = Counter(baseline)
    new = []
    for error in sorted(errors, key=lambda e: (e.path, e.line, e.code, e.message)):
        if allowed[error.key] > 0:
            allowed[error.key] -= 1
        else:
            new.append(error)
    gone = sorted((key, count) for key, count in allowed.items() if count > 0)
    return Comparison(new=new, gone=gone)


def describe(comparison: Comparison) -> str:
    parts = []
    if comparison.new:
        parts.append(
            "mypy errors that are not in mypy-baseline.txt (fix them; the baseline may only shrink):\n"
            + "\n".join(f"  {error}" for error in comparison.new)
        )
    if comparison.gone:
        parts.append(
            f"mypy-baseline.txt lists errors that no longer occur — well done; run `{REGENERATE}`"
            " so the baseline shrinks:\n" + "\n".join(f"  {count}  {key}" for key, count in comparison.gone)
        )
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare with the baseline, change nothing")
    args = parser.parse_args(argv)
    errors = run_mypy()
    if args.check:
        comparison = compare(errors, read_baseline())
        if not comparison.clean:
            print(describe(comparison))
            return 1
        print(f"mypy: {len(errors)} errors, all in the baseline")
        return 0
    before = sum(read_baseline().values())
    BASELINE.write_text(render(errors), encoding="utf-8", newline="\n")
    print(f"{BASELINE.name}: {len(errors)} errors (was {before})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
