"""The exchange job as the screens and the command line see it: one object per database.

``desktop.opening`` builds it, handing in what other jobs own: the love bank's rule for
volunteers who come with a history and the labels of the codes other jobs store.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.exchange.export import ExportService
from desktop.exchange.importing import ImportService
from desktop.exchange.merge import MergeService


@dataclass(frozen=True)
class Exchange:
    imports: ImportService
    exports: ExportService
    merges: MergeService
