"""Draws the app icon (resources/hscb-desktop.png and .ico). Run once after a design
change: python packaging/make_icon.py — the outputs are committed."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parent.parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(size * 0.04, size * 0.04, size * 0.92, size * 0.92), size * 0.18, size * 0.18)
    p.fillPath(path, QColor("#1d4f91"))
    p.setPen(QColor("white"))
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(6, int(size * 0.24)))
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "HSCB")
    p.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need an application
    out = ROOT / "resources"
    draw(256).save(str(out / "hscb-desktop.png"))
    draw(256).scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                     Qt.TransformationMode.SmoothTransformation).save(str(out / "hscb-desktop.ico"))
    print("wrote", out / "hscb-desktop.png", out / "hscb-desktop.ico")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
