#!/usr/bin/env bash
# The installer's checks on Linux (CI runs this after the tests; 1.5 to 4 minutes):
#
#   1. freeze the app with the same spec as the Windows build (installer/shequ.spec);
#   2. check that no Qt library the spec leaves out is still needed (ldd);
#   3. run the frozen app's smoke test on a fresh SQLite database (offscreen Qt, all
#      migrations, a slip PDF, the monthly report as PDF and Excel, the main window);
#   4. upgrade a database made at an earlier schema (revision 0003, made with the
#      source tree's migrations) with the frozen app: the Alembic scripts ship with it;
#   5. the same smoke test on a fresh PostgreSQL database (the psycopg driver is frozen);
#   6. fill the NSIS script and compile it with makensis, packing the Linux-frozen folder
#      without compression (-DCOMPILE_CHECK): this catches script errors; the result is
#      not a working Windows installer and is deleted.
#
# Every step prints its time; the frozen app's size is printed too. Output goes to
# out/installer/ (ignored by git). Run from anywhere: bash installer/linux_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

OUT="out/installer"
DIST="$OUT/dist/shequ"
OLD_REVISION="0003"
PG_URL="${SHEQU_CHECK_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432}"
PG_DB="shequ_installer_check_$$"
export QT_QPA_PLATFORM=offscreen
export PYTHONIOENCODING=utf-8
# The frozen app's log and settings go to a throw-away folder, not this user's.
SCRATCH="$(mktemp -d)"
export SHEQU_LOG_DIR="$SCRATCH/logs" SHEQU_DATA_DIR="$SCRATCH/data" SHEQU_CONFIG_DIR="$SCRATCH/config"
trap 'rm -rf "$SCRATCH"' EXIT

step_started=0
step() { step_started=$(date +%s%N); echo "== installer check: $1"; }
done_step() {
    local ms=$((($(date +%s%N) - step_started) / 1000000))
    printf '   %s: %d.%d s\n' "$1" $((ms / 1000)) $((ms % 1000 / 100))
}

rm -rf "$OUT/dist" "$OUT/pdf" "$OUT"/*.sqlite3
mkdir -p "$OUT"

step "freeze (PyInstaller, installer/shequ.spec)"
uv run pyinstaller installer/shequ.spec --noconfirm --log-level ERROR \
    --distpath "$OUT/dist" --workpath "$OUT/build"
done_step "freeze"
echo "   frozen app: $(du -sh "$DIST" | cut -f1) in $(find "$DIST" -type f | wc -l) files"

step "Qt libraries left out are not needed (ldd)"
missing=$(cd "$DIST/_internal" && LD_LIBRARY_PATH="$PWD:$PWD/PySide6/Qt/lib" \
    find . -name '*.so*' -type f -exec ldd {} + 2>/dev/null | grep -E 'libQt6[^ ]* => not found' | sort -u || true)
if [ -n "$missing" ]; then
    echo "a frozen library needs a Qt library the spec leaves out:"; echo "$missing"; exit 1
fi
done_step "ldd"

step "smoke test of the frozen app on a new SQLite database"
"$DIST/shequ-cli" smoke --out "$OUT/pdf"
ls "$OUT"/pdf/slip-*.pdf "$OUT"/pdf/report.pdf "$OUT"/pdf/report.xlsx > /dev/null
done_step "smoke (new database)"

step "frozen app upgrades a database made at revision $OLD_REVISION"
uv run python - "$OUT/old-$OLD_REVISION.sqlite3" "$OLD_REVISION" <<'EOF'
import sys

from alembic import command

from db.engine import make_engine, to_url
from db.migrate import alembic_config, current_revision

url = to_url(sys.argv[1])
engine = make_engine(url)
with engine.begin() as conn:
    cfg = alembic_config(url)
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, sys.argv[2])
assert current_revision(engine) == sys.argv[2], current_revision(engine)
engine.dispose()
EOF
"$DIST/shequ" smoke --db "$OUT/old-$OLD_REVISION.sqlite3" --out "$OUT/pdf"
uv run python - "$OUT/old-$OLD_REVISION.sqlite3" <<'EOF'
import sys

from db.engine import make_engine, to_url
from db.migrate import HEAD, current_revision

engine = make_engine(to_url(sys.argv[1]))
revision = current_revision(engine)
engine.dispose()
assert revision == HEAD, f"the frozen app left the database at {revision}, not {HEAD}"
print(f"   upgraded to {revision}")
EOF
done_step "smoke (upgrade)"

step "smoke test of the frozen app on a new PostgreSQL database"
if uv run python - "$PG_URL" "$PG_DB" create <<'EOF'
import sys

from sqlalchemy import create_engine, text

server, name, action = sys.argv[1:]
try:
    engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        if action == "create":
            conn.execute(text(f'CREATE DATABASE "{name}"'))
except Exception as exc:
    print(f"   PostgreSQL unavailable: {exc}".splitlines()[0])
    sys.exit(1)
EOF
then
    status=0
    "$DIST/shequ-cli" smoke --db "$PG_URL/$PG_DB" --out "$OUT/pdf" || status=$?
    uv run python - "$PG_URL" "$PG_DB" drop <<'EOF'
import sys

from sqlalchemy import create_engine, text

server, name, _action = sys.argv[1:]
engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
with engine.connect() as conn:
    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
EOF
    [ "$status" -eq 0 ] || exit "$status"
elif [ -n "${CI:-}" ]; then
    echo "PostgreSQL must answer in CI"; exit 1
else
    echo "   skipped: no PostgreSQL at $PG_URL"
fi
done_step "smoke (PostgreSQL)"

step "compile the NSIS script (makensis, Linux-frozen folder, no compression)"
uv run python installer/nsis.py --dist "$DIST" --out "$OUT/shequ.nsi" --setup "$OUT/compile-check-setup.exe"
makensis -V2 -WX -DCOMPILE_CHECK "$OUT/shequ.nsi"
rm -f "$OUT/compile-check-setup.exe"
done_step "makensis"
echo "installer check passed"
