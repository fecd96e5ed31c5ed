"""Printing: one place for what every PDF shares (see ``docs/printing.md``).

``fonts`` finds the TrueType fonts of this PC and picks a font per character; ``page``
names the page formats (A4, A5, the 80 mm roll) and the parts every page shares;
``template`` is the one ReportLab document template (header with the centre's name,
"第 X 页 / 共 Y 页", fonts from the chain, signature line, atomic writing). The documents
themselves (the 回执 slip, the 小票 receipt, the 积分明细 statement, the monthly report)
live in their job packages and build on the template. This package imports nothing at
all and ``page`` no ReportLab, so ``import desktop.printing`` stays cheap; ``fonts`` and
``template`` are imported only when something is printed.
"""
