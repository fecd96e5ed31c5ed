"""Draws the app icon, ``installer/shequ.ico``: a house with a heart on the blue of the palette.

The icon is committed; this script is how it was made, so a change of colour or shape is
a change here and a re-run (``uv run python installer/make_icon.py``), not a hand-edited
binary. It uses Pillow (a dependency of ReportLab) and no font, so it draws the same
everywhere. Windows shows the icon on ``shequ.exe``, its shortcuts and in 应用和功能.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ICON = HERE / "shequ.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)

BLUE = "#2a6fb0"  # ui.widgets.palette.BLUE
RED = "#c62828"  # ui.widgets.palette.RED
WHITE = "#ffffff"


def draw(size: int = 256) -> Image.Image:
    """The icon at ``size`` × ``size`` pixels (drawn at 4× and scaled down for smooth edges)."""
    big = size * 4
    u = big / 64  # drawing unit: the artwork is laid out on a 64 × 64 grid
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((2 * u, 2 * u, 62 * u, 62 * u), radius=12 * u, fill=BLUE)
    # The house: a roof and a body, white.
    d.polygon([(32 * u, 10 * u), (54 * u, 30 * u), (10 * u, 30 * u)], fill=WHITE)
    d.rectangle((16 * u, 29 * u, 48 * u, 52 * u), fill=WHITE)
    # The heart in the house: two circles and a point.
    r = 5.5 * u
    for cx in (26.5 * u, 37.5 * u):
        d.ellipse((cx - r, 33 * u - r, cx + r, 33 * u + r), fill=RED)
    d.polygon([(21.3 * u, 35 * u), (42.7 * u, 35 * u), (32 * u, 47 * u)], fill=RED)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ICON
    draw(256).save(target, format="ICO", sizes=[(s, s) for s in SIZES])
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
