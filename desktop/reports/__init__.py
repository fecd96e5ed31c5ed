"""The reports job (月度报表, 数据看板): one set of figures for the dashboard, the signed PDF
and the Excel export.

``service`` is the one query layer (``ReportService``): it counts the figures of a
period at a cut-off from SQL aggregates (``db.reports``, ``db.reports_love_bank``,
``db.reports_orders``) into the frozen values of ``figures``, keeps the ``settings``,
the narratives and the ``archive``. What each figure counts is written in
``request_figures``, ``love_bank_figures``, ``orders_figures`` and ``ranking``;
``periods`` are months, quarters and years; ``charts`` the Qt-free series every chart
is drawn from. The documents: ``pdf`` (with ``pdf_builder``, ``pdf_sections``,
``pdf_charts``, ``orders_pdf``) and ``excel`` (with ``excel_parts``, ``orders_excel``,
``listings``); ``command`` is ``python main.py report``. ReportLab, pandas, openpyxl
and numpy are imported only when a document is built or figures are counted.
"""
