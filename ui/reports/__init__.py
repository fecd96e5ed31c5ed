"""The reports job's screens: 数据看板 (the director's start page) and 月度报表.

Both show the figures of :class:`desktop.reports.service.ReportService` — the same frozen
values the PDF and the Excel workbook print — and draw their charts through the one
adapter :mod:`ui.reports.charts`.
"""
