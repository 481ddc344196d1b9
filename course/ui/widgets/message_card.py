"""A simulated message (SMS, post, e-mail, web page) drawn in a box, from its detail lines.

The first detail is the header (sender, account, address); an e-mail takes two
(De, Objet). The other details form the body. Every value is drawn as plain
text: the trainer's content never goes through markup.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text
from textual.widgets import Static

from course.content.model import Detail, InspectItem
from course.i18n import t
from course.ui.widgets.section_text import SizedInOnePass

_INSPECT_FORMAT_KEYS = {
    "email": "inspect.format.email",
    "post": "inspect.format.post",
    "sms": "inspect.format.sms",
    "web": "inspect.format.web",
}

FORMATS = ("sms", "post", "email", "web")


def detail_line(detail: Detail, *, bold: bool = False) -> Text:
    """`Label : value`, the label dimmed."""
    line = Text(f"{detail.label} : ", style="dim")
    line.append(detail.value, style="bold" if bold else "")
    return line


def _body(details: list[Detail]) -> Text:
    return Text("\n").join(detail_line(d) for d in details)


def card_body(item: InspectItem) -> RenderableType:
    """What is drawn inside the card's border, laid out for `item.format`."""
    header_size = 2 if item.format == "email" else 1
    header, rest = item.details[:header_size], item.details[header_size:]
    parts: list[RenderableType] = []
    if item.format == "sms":
        parts.append(detail_line(header[0], bold=True))
        if rest:
            parts.append(Panel(_body(rest), box=box.ROUNDED, expand=False, padding=(0, 1)))
    elif item.format == "web":
        bar = Text("< >  ", style="dim")
        bar.append(f" {header[0].value} ", style="reverse")
        parts += [bar, Rule(style="dim")]
        if rest:
            parts.append(_body(rest))
    else:
        parts += [detail_line(d, bold=True) for d in header]
        if rest:
            parts += [Rule(style="dim"), _body(rest)]
    return Group(*parts)


def card_text(item: InspectItem) -> str:
    """The card's words on plain lines (for tests and screen readers)."""
    return "\n".join(f"{d.label} : {d.value}" for d in item.details)


class MessageCard(SizedInOnePass, Static):
    """The message being inspected; its border and title tell its format."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, item: InspectItem) -> None:
        for name in FORMATS:
            self.set_class(item.format == name, f"-{name}")
        self.border_title = t(_INSPECT_FORMAT_KEYS[item.format])
        self.update(card_body(item))
