"""Progress bars drawn with characters, readable without colour."""

from __future__ import annotations


def text_bar(ratio: float, width: int = 20) -> str:
    """`█████░░░░░ 50 %`: filled and empty blocks, then the percentage."""
    ratio = min(max(ratio, 0.0), 1.0)
    filled = round(ratio * width)
    return "█" * filled + "░" * (width - filled) + f" {round(ratio * 100)} %"
