"""A section's Markdown as the lines a learner reads: wrapped at the width, bullets and numbers
hanging, no-break spaces holding, bold and links visible as styles, nothing written lost."""

from __future__ import annotations

from textual.content import Content

from course.ui.widgets.markdown_text import markdown_text
from course.ui.widgets.typography import NBSP, french_markdown

PARAGRAPH = (
    "L'Insee interroge chaque année des ménages sur leurs usages numériques. Dans son étude "
    "publiée en juin 2023, il range en situation d'illectronisme deux groupes de personnes."
)


def lines(markdown: str, width: int = 80) -> list[str]:
    return [line.plain for line in markdown_text(markdown).lines(width)]


def styled(markdown: str, words: str, width: int = 80) -> Content:
    """The line that holds `words`, with its styles."""
    return next(line for line in markdown_text(markdown).lines(width) if words in line.plain)


def styles_of(line: Content, words: str) -> list[object]:
    """The styles over the first letter of `words` in `line` (a Style, or the name of a themed style)."""
    at = line.plain.index(words)
    return [span.style for span in line.spans if span.start <= at < span.end]


def bold(line: Content, words: str) -> bool:
    return any(getattr(style, "bold", False) for style in styles_of(line, words))


def test_a_paragraph_wraps_at_80_columns_between_words() -> None:
    drawn = lines(PARAGRAPH)
    assert drawn[:2] == [
        "L'Insee interroge chaque année des ménages sur leurs usages numériques. Dans son",
        "étude publiée en juin 2023, il range en situation d'illectronisme deux groupes",
    ]
    assert all(len(line) <= 80 for line in drawn)
    assert " ".join(" ".join(drawn).split()) == PARAGRAPH


def test_paragraphs_are_parted_by_one_blank_line_and_the_text_ends_with_one() -> None:
    assert lines("Un.\n\nDeux.\n\n\n\nTrois.") == ["Un.", "", "Deux.", "", "Trois.", ""]


def test_no_break_spaces_hold_a_figure_and_its_percent_sign_together() -> None:
    text = french_markdown("Au total, soit 28 % des personnes ; « vraiment » ? Oui : 15 % en 2021.")
    for width in range(20, 60):  # narrower, « vraiment » ? is longer than a line
        for line in lines(text, width):
            assert not line.startswith(("%", ";", "»", "?", ":")), (width, line)
            assert not line.endswith(("28", "15", "«")), (width, line)
    assert any("28" + NBSP + "%" in line for line in lines(text, 17))


def test_list_items_wrap_under_their_first_word() -> None:
    item = "les personnes qui n'ont pas utilisé Internet au cours des trois derniers mois (13,9 %) ;"
    drawn = lines(f"Deux groupes :\n\n- {item}\n- celles qui manquent de compétences.\n", 40)
    assert drawn == [
        "Deux groupes :",
        "",
        "• les personnes qui n'ont pas utilisé",
        "  Internet au cours des trois derniers",
        "  mois (13,9 %) ;",
        "• celles qui manquent de compétences.",
        "",
    ]


def test_numbered_items_keep_their_numbers_aligned() -> None:
    drawn = lines(
        "".join(f"{n}. étape numéro {n} d'une longue démarche en ligne\n" for n in range(1, 11)), 30
    )
    assert drawn[0] == "  1. étape numéro 1 d'une"
    assert drawn[1] == "     longue démarche en ligne"
    assert drawn[-3:] == [" 10. étape numéro 10 d'une", "     longue démarche en ligne", ""]


def test_a_nested_list_hangs_under_its_item() -> None:
    assert lines("- un\n  - sous-point\n- deux\n") == ["• un", "  ◦ sous-point", "• deux", ""]
    assert lines("- a\n  1. b\n  2. c\n-\n") == ["• a", "   1. b", "   2. c", "• ", ""]


def test_a_line_break_and_a_second_paragraph_of_an_item_stay_under_its_words() -> None:
    assert lines("1. un point\n\n   sa suite\n2. ligne un  \n   ligne deux") == [
        " 1. un point",
        "    sa suite",
        " 2. ligne un",
        "    ligne deux",
        "",
    ]


def test_bold_italics_and_code_are_styles_not_marks() -> None:
    text = "Un **courriel** arrive, *parfois* avec `https://exemple.org`."
    line = styled(text, "courriel")
    assert line.plain == "Un courriel arrive, parfois avec https://exemple.org."
    assert bold(line, "courriel") and not bold(line, "arrive") and not bold(line, "Un")
    assert [getattr(style, "italic", None) for style in styles_of(line, "parfois")] == [True]
    assert styles_of(line, "https") == [".markdown--code"]


def test_a_link_shows_its_words_underlined_and_its_address() -> None:
    line = styled("Lisez [le guide](https://exemple.org/guide/) puis ameli.fr.", "guide")
    assert line.plain == "Lisez le guide (exemple.org/guide) puis ameli.fr."
    underlined = [w for w in ("Lisez", "le guide", "(exemple", "puis", "ameli.fr") if styles_of(line, w)]
    assert underlined == ["le guide", "ameli.fr"]


def test_a_heading_stands_out_between_blank_lines() -> None:
    assert lines("Avant.\n\n## Se protéger\nAprès.") == ["Avant.", "", "Se protéger", "", "Après.", ""]
    heading = styled("## Se protéger", "Se protéger")
    assert bold(heading, "Se") and ".markdown--heading" in styles_of(heading, "Se")


def test_a_quote_keeps_its_bar_on_every_line() -> None:
    drawn = lines("> Une citation assez longue pour tenir sur deux lignes.\n>\n> Suite.", 30)
    assert drawn == [
        "▌ Une citation assez longue",
        "▌ pour tenir sur deux lignes.",
        "▌",
        "▌ Suite.",
        "",
    ]


def test_code_blocks_are_kept_as_written() -> None:
    drawn = lines("```\nx  =  1 ; y ?\n    retrait\n```\n")
    assert drawn == ["  x  =  1 ; y ?", "      retrait", ""]


def test_raw_html_is_shown_as_written_never_run() -> None:
    drawn = lines("Un <b>mot</b> en HTML.\n\n<div>bloc</div>\n")
    assert drawn == ["Un <b>mot</b> en HTML.", "", "<div>bloc</div>", ""]


def test_an_empty_text_draws_nothing() -> None:
    assert lines("") == [] and lines("\n\n") == []


def test_a_label_stands_above_the_text_which_is_set_in_under_it() -> None:
    text = markdown_text("Un fait.\n\n- un point", Content("Le saviez-vous ?"), indent=2)
    assert [line.plain for line in text.lines(40)] == [
        "Le saviez-vous ?",
        "  Un fait.",
        "",
        "  • un point",
        "",
    ]
    assert [line.plain for line in markdown_text("", Content("Astuce"), indent=2).lines(40)] == ["Astuce"]
