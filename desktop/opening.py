"""Opening a database: engine, schema upgrade (after a verified backup), services."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from db.engine import describe, is_sqlite, make_engine, to_url
from db.migrate import (
    HEAD,
    BackupFailed,
    BackupToolMissing,
    DatabaseTooNew,
    current_revision,
    upgrade_database,
)
from db.uow import Database
from desktop.admin.accounts import AccountService
from desktop.admin.audit_log import AuditService
from desktop.admin.centre import CentreService
from desktop.admin.chain_key import ChainKeyService
from desktop.admin.chain_key import install as install_chain_secrets
from desktop.admin.desks_in_use import hold_while_open
from desktop.common.attachments import AttachmentStore
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError, StorageFailure
from desktop.common.i18n import N_
from desktop.common.permissions import SYSTEM, Actor, Permission, Role
from desktop.common.validation import stored_text_refused
from desktop.exchange.service import Exchange
from desktop.love_bank.service import LoveBankService
from desktop.orders.service import OrderService, VolunteerHours
from desktop.reports.extra import ExtraSectionProvider
from desktop.reports.service import ReportService
from desktop.requests import reference_data
from desktop.requests.service import RequestService
from desktop.residents.service import ResidentService
from desktop.visits.service import VisitService

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything a screen may ask; built once per opened database."""

    db: Database
    accounts: AccountService
    residents: ResidentService
    centre: CentreService
    audit: AuditService
    requests: RequestService
    love_bank: LoveBankService
    orders: OrderService
    exchange: Exchange
    reports: ReportService
    chain_key: ChainKeyService
    """The audit log's key on this PC: status, export, import (Settings → 数据库)."""
    visits: VisitService
    """网格走访: the visit plan, visits, the 走访台账 (``desktop.visits.service``)."""

    @property
    def description(self) -> str:
        return describe(self.db.url)


def open_database(
    target: str | Path,
    *,
    backup_dir: Path | None,
    report: Callable[[str], None] | None = None,
    upgrade_without_backup: bool = False,
) -> Services:
    """Open (creating or upgrading as needed) the database at a path or URL.

    ``report`` hears (as ``N_`` texts) when a slow step starts: the schema upgrade with
    its backup, or creating the schema of a new database. A server database is upgraded
    without a pg_dump backup only when the administrator chose ``upgrade_without_backup``.
    This process announces itself on a SQLite file until the engine is disposed (a
    restore waits for every program to close it: ``desktop.admin.desks_in_use``).
    """
    url = to_url(target)
    engine = make_engine(url)
    created = False
    try:
        hold_while_open(engine, url)
        created = current_revision(engine) is None
        if report is not None:
            revision = current_revision(engine)
            if revision is None:
                report(N_("Creating the database…"))
            elif revision != HEAD:
                report(N_("Upgrading the database (a backup is made first)…"))
        upgrade_database(
            engine,
            url,
            backup_dir=backup_dir,
            without_backup=upgrade_without_backup,
            starting_data=reference_data.seed,
        )
    except DatabaseTooNew as exc:
        engine.dispose()
        raise DomainError(
            N_(
                "This database was written by a newer version of the program (revision {rev}). "
                "Please install the newer version; the database was left untouched."
            ),
            rev=exc.revision,
        ) from exc
    except BackupToolMissing as exc:
        engine.dispose()
        raise DomainError(
            N_(
                "The server database needs an upgrade, and a verified backup must be made first, but "
                "{tool} is not installed on this PC. Install the PostgreSQL client tools (pg_dump) and "
                "open the program again; or, after backing up the server another way, an administrator "
                "runs: main.py upgrade --without-backup. The database was left untouched."
            ),
            tool=exc.tool,
        ) from exc
    except BackupFailed as exc:
        engine.dispose()
        raise DomainError(
            N_("The database could not be backed up before the upgrade, so it was not upgraded: {why}"),
            why=str(exc),
        ) from exc
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, DomainError):
            raise
        raise DomainError(N_("The database could not be opened: {why}"), why=str(exc)) from exc
    db = Database(engine, url, storage_error=StorageFailure, text_error=stored_text_refused)
    chain_key = keyed_chain(db, made_here=created or is_sqlite(url))
    love_bank = LoveBankService(db)
    residents = ResidentService(db)
    visits = visits_for(db, attachments_dir(url))
    return Services(
        db=db,
        accounts=AccountService(db, starting_data=reference_data.seed),
        residents=residents,
        centre=CentreService(db),
        audit=AuditService(db),
        requests=RequestService(db, attachments_dir(url)),
        love_bank=love_bank,
        orders=OrderService(db, attachments_dir(url), record_volunteer_hours=volunteer_hours(love_bank)),
        exchange=exchange_for(db, residents),
        reports=ReportService(db, extra_sections=(visits_report_section(visits),)),
        chain_key=chain_key,
        visits=visits,
    )


def visits_for(db: Database, files_dir: Path, now: Clock = system_clock) -> VisitService:
    """The visits job, with what it needs of the requests job (registering a 网格员上报
    request inside the visit's own transaction) and the attachment store for photos."""
    from desktop.requests.grid_reports import register_grid_report
    from desktop.visits.recording import GridReport

    def raise_request(session: Session, actor: Actor, report: GridReport) -> tuple[int, str]:
        return register_grid_report(
            session,
            actor,
            resident_id=report.resident_id,
            category=report.category,
            urgency=report.urgency,
            description=report.description,
            address=report.address,
            grid_id=report.grid_id,
            received_at=report.received_at,
            now=report.received_at,
        )

    return VisitService(db, now, raise_request=raise_request, files=AttachmentStore(db, files_dir, now))


def visits_report_section(visits: VisitService) -> ExtraSectionProvider:
    """The 网格走访 section of the monthly report, as the reports job's plain tables."""
    from desktop.reports.extra import ExtraSection, ExtraTable

    def provide(first: dt.date, last: dt.date, cutoff: dt.datetime) -> ExtraSection | None:
        section = visits.report_section(first, last, cutoff)
        if section is None:
            return None
        return ExtraSection(
            heading=section.heading,
            sheet=section.sheet,
            paragraphs=section.paragraphs,
            tables=tuple(ExtraTable(t.title, t.headers, t.rows, t.widths, t.unit) for t in section.tables),
        )

    return provide


def keyed_chain(db: Database, *, made_here: bool) -> ChainKeyService:
    """Give the audit chain this PC's key and anchor; make the key when the database is
    this PC's own (created now, or a SQLite file) and has none yet. A server database
    that is not new gets its key when an administrator signs in
    (``ChainKeyService.ensure_key``); the other desks import it."""
    service = ChainKeyService(db, install_chain_secrets(db))
    if made_here:
        try:
            service.ensure_key(SYSTEM)
        except (OSError, DomainError):  # the config folder is not writable: rows stay plain
            log.warning("the audit key could not be made", exc_info=True)
    return service


def exchange_for(db: Database, residents: ResidentService) -> Exchange:
    """The exchange job (Excel in and out), with what it needs of other jobs: the love
    bank's rule for volunteers who bring their hours and points, and the labels of the
    codes the requests, love bank and orders jobs store (for exported lists)."""
    from desktop.exchange.export import ExportService, Vocabulary
    from desktop.exchange.importing import ImportService
    from desktop.exchange.merge import MergeService
    from desktop.love_bank.history import enrol_with_history
    from desktop.love_bank.ledger import KIND_LABELS
    from desktop.love_bank.shop import STATUS_LABELS as REDEMPTION_STATUS_LABELS
    from desktop.orders.states import STAGE_LABELS
    from desktop.orders.vocabulary import RATING_LABELS
    from desktop.requests.states import STATUS_LABELS
    from desktop.requests.vocabulary import CHANNELS, URGENCIES

    vocabulary = Vocabulary(
        request_status=STATUS_LABELS,
        channel=CHANNELS,
        urgency=URGENCIES,
        ledger_kind=KIND_LABELS,
        order_stage=STAGE_LABELS,
        order_rating=RATING_LABELS,
        redemption_status=REDEMPTION_STATUS_LABELS,
    )
    return Exchange(
        imports=ImportService(db, residents, enrol=enrol_with_history),
        exports=ExportService(db, vocabulary=vocabulary),
        merges=MergeService(db),
    )


def volunteer_hours(love_bank: LoveBankService) -> VolunteerHours:
    """The orders job's hook into the love bank: a session's volunteer time becomes a
    pending service record, approved by a coordinator there as any other.

    The orders service has already checked that the user may report for providers; the
    record is made in their name (the audit row is theirs), with the love bank's
    permission to record hours lent for this one call when their role lacks it — a
    pending record awards nothing until a coordinator approves it.
    """

    def record(volunteer_id: int, minutes: int, on: dt.date, note: str, *, actor: Actor) -> int:
        recorder = actor if actor.can(Permission.MANAGE_LOVE_BANK) else actor.lend(Role.COORDINATOR)
        return love_bank.record_service(recorder, volunteer_id, on, minutes, description=note)

    return record


def attachments_dir(url: str) -> Path:
    """Where attachment files live: beside a SQLite file (so one folder holds all the
    data), or in this PC's data folder for a server database."""
    from sqlalchemy.engine import make_url

    from desktop.common.config import data_dir

    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        path = Path(u.database)
        return path.with_name(path.stem + "-attachments")
    return data_dir() / "attachments"


def probe_database(target: str) -> str:
    """Check that a database location can be opened, without creating or changing it.

    Returns a description of what is there ("empty", "ready", "needs upgrade").
    """
    from sqlalchemy import text

    from db.migrate import current_revision, head_revision, known_revisions

    url = to_url(target)
    if "://" not in target:
        path = Path(target).expanduser()
        if not path.exists():
            if not path.parent.exists():
                raise DomainError(N_("The folder {folder} does not exist."), folder=str(path.parent))
            return N_("A new database will be created here.")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        rev = current_revision(engine)
    except Exception as exc:
        raise DomainError(
            N_("The database could not be opened: {why}"), why=str(exc).splitlines()[0]
        ) from exc
    finally:
        engine.dispose()
    if rev is None:
        return N_("The database is empty; it will be set up on first start.")
    if rev not in known_revisions():
        raise DomainError(
            N_(
                "This database was written by a newer version of the program (revision {rev}). "
                "Please install the newer version; the database was left untouched."
            ),
            rev=rev,
        )
    if rev != head_revision():
        return N_("The database will be upgraded (after a backup) on next start.")
    return N_("The database is ready.")
