"""The message inspector at 80×24: flag clues, give verdicts, read feedback, lateral tabs, summary, replay."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Footer

from course.content.model import Clue, Detail, Inspect, InspectItem, LateralTab, SearchResult
from course.i18n import messages_inspect
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.inspect_view import ClueList, InspectView, LateralScreen
from course.ui.widgets.interaction import Interaction
from course.ui.widgets.message_card import card_body

STYLES = Path(__file__).parents[2] / "course" / "ui" / "styles"

PARCEL = InspectItem(
    id="colis",
    format="sms",
    reliable=False,
    explanation="Un **vrai** transporteur ne demande pas de frais par SMS.",
    details=[
        Detail("Expéditeur", "+33 7 00 00 00 00"),
        Detail("Message", "[bold]Votre colis[/bold] est bloqué : payez 1,99 € sur bit.ly/colis-xx"),
    ],
    clues=[
        Clue("lien", "Lien raccourci bit.ly", True, "Il cache la vraie adresse."),
        Clue("frais", "Petits frais à payer", True, "Le montant minuscule endort la méfiance."),
        Clue("heure", "Envoyé en journée", False, "L'heure d'envoi ne dit rien."),
    ],
)
TOWN_HALL = InspectItem(
    id="mairie",
    format="email",
    reliable=True,
    explanation="Message fiable : rien n'est demandé.",
    details=[
        Detail("De", "accueil@ville-exemple.fr"),
        Detail("Objet", "Horaires d'été"),
        Detail("Texte", "La mairie ouvre de 9 h à 12 h en août."),
    ],
    clues=[
        Clue("domaine", "Adresse de la ville", False, "Le domaine est celui de la mairie."),
        Clue("rien", "Aucune demande d'argent", False, "Rien ne vous presse."),
        Clue("majuscules", "Objet sans majuscules criardes", False, "Ton calme."),
    ],
)
BANK = InspectItem(
    id="banque",
    format="web",
    reliable=False,
    explanation="Faux site de banque.",
    details=[
        Detail("Adresse", "https://banque-secure-login.example"),
        Detail("Titre", "Connectez-vous vite"),
    ],
    clues=[
        Clue("adresse", "Adresse inhabituelle", True, "Ce n'est pas le domaine de la banque."),
        Clue("cadenas", "Cadenas affiché", False, "Le cadenas ne prouve pas l'identité du site."),
    ],
)
LATERAL = [
    LateralTab(
        "colis bloqué 1,99 € SMS",
        [
            SearchResult(
                "Arnaque au colis : ne payez pas",
                "cybermalveillance.gouv.fr",
                "Des SMS réclament de petits frais.",
            ),
            SearchResult("[red]Alerte[/red] colis", "journal-local.example", "Vague de faux SMS cet été."),
        ],
    )
]
INSPECT = Inspect(id="examen", items=[PARCEL, TOWN_HALL, BANK], lateral=LATERAL)


class Host(App[None]):
    """A lesson body in miniature: the inspector in a scrolling column."""

    CSS_PATH = [STYLES / "app.tcss", STYLES / "inspect.tcss"]

    def __init__(self, inspect: Inspect) -> None:
        super().__init__()
        self.inspect = inspect
        self.interactions: list[Interaction] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="section-body"):
            yield InspectView(self.inspect)
        yield Footer()

    def on_interaction(self, event: Interaction) -> None:
        self.interactions.append(event)


def _text(widget) -> str:
    return str(widget.render())


def _rows(widget) -> list[str]:
    """The rows `widget` draws, border and padding included, as the learner reads them (inside the border)."""
    size = widget.outer_size
    rows = [strip.text for strip in widget.render_lines(Region(0, 0, size.width, size.height))]
    return [row[1:-1].rstrip() if row.startswith("│") else row.rstrip() for row in rows]


def _drawn(widget) -> str:
    """What `widget` draws, as one line of words (whatever the wrapping)."""
    return " ".join(" ".join(_rows(widget)).split())


async def _judge(pilot, flags: str, verdict: str) -> None:
    await pilot.press(*flags, "enter")
    await pilot.pause()
    await pilot.press(verdict, "enter")
    await pilot.pause()


async def test_judging_every_message_then_the_summary_and_replay():
    app = Host(INSPECT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(InspectView)
        assert view.block_id == "examen"
        assert _text(view.query_one("#inspect-counter")) == "Message 1 / 3"
        assert isinstance(app.focused, ClueList)
        assert not view.query_one("#inspect-verdict").display
        assert view.query_one("#inspect-card").border_title == "SMS"

        # Message 1 (misleading): one hit, one false alarm, one miss; verdict right.
        await pilot.press("1", "3", "enter")
        await pilot.pause()
        verdict = view.query_one("#inspect-verdict", ChoiceList)
        assert verdict.display and app.focused is verdict
        assert app.screen.region.contains_region(verdict.region)
        await pilot.press("2", "enter")
        await pilot.pause()
        first = app.interactions[-1]
        assert (first.block, first.step, first.kind) == ("examen", "colis", "inspect")
        assert first.response == {"flagged": ["lien", "heure"], "verdict": "trompeur"}
        assert first.correct and round(first.score, 4) == round((1 / 3 + 1) / 2, 4)
        assert "Lien raccourci bit.ly | Envoyé en journée" in first.response_text
        feedback = _drawn(view.query_one("#inspect-feedback"))
        assert "✓ Lien raccourci bit.ly : signalé à raison" in feedback
        assert "✗ Petits frais à payer : indice manqué" in feedback
        assert "✗ Envoyé en journée : fausse alerte" in feedback
        assert "Il cache la vraie adresse." in feedback
        assert "✓ Verdict juste : ce message est trompeur." in feedback
        assert "pas de frais" in _drawn(view.query_one("#inspect-explanation"))
        assert not view.query_one("#inspect-clues").display
        assert _text(view.query_one("#inspect-next")) == "Entrée : message suivant."
        await pilot.press("enter")
        await pilot.pause()

        # Message 2 (reliable): nothing flagged, but judged misleading.
        assert _text(view.query_one("#inspect-counter")) == "Message 2 / 3"
        assert view.query_one("#inspect-card").border_title == "Courriel"
        await _judge(pilot, "", "2")
        second = app.interactions[-1]
        assert second.response == {"flagged": [], "verdict": "trompeur"} and not second.correct
        assert second.score == 0.5 and "rien" in second.response_text
        feedback = _drawn(view.query_one("#inspect-feedback"))
        assert feedback.count("rassurant, bien laissé") == 3
        assert "✗ Verdict erroné : ce message est fiable (vous avez répondu « trompeur »)." in feedback
        await pilot.press("enter")
        await pilot.pause()

        # Message 3 (misleading): perfect.
        await _judge(pilot, "1", "2")
        assert app.interactions[-1].score == 1.0
        assert _text(view.query_one("#inspect-next")) == "Entrée : voir le bilan."
        await pilot.press("enter")
        await pilot.pause()

        summary = _text(view.query_one("#inspect-summary"))
        assert view.query_one("#inspect-summary").display and not view.query_one("#inspect-card").display
        assert "Bilan : 3 messages examinés" in summary  # traps: lien, frais, adresse; reassuring: 5
        assert "Indices trompeurs repérés : 2 sur 3 (67 %)" in summary
        assert "Fausses alertes : 1 élément rassurant signalé sur 5 (20 %)" in summary
        assert "Messages fiables auxquels vous avez fait confiance : 0 sur 1" in summary
        assert "Messages trompeurs dont vous vous êtes méfié : 2 sur 2" in summary
        assert "Indice de discernement : 0,47 (de −1 à 1). Vous repérez une partie des pièges" in summary
        assert [i.step for i in app.interactions] == ["colis", "mairie", "banque"]

        await pilot.press("r")
        await pilot.pause()
        assert _text(view.query_one("#inspect-counter")) == "Message 1 / 3" and view.scores == []
        assert isinstance(app.focused, ClueList) and app.focused.marked == set()
        await _judge(pilot, "12", "2")
        assert app.interactions[-1].response == {"flagged": ["lien", "frais"], "verdict": "trompeur"}
        assert len(app.interactions) == 4


async def test_replay_only_at_the_end():
    app = Host(INSPECT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _judge(pilot, "1", "2")
        await pilot.press("r")
        await pilot.pause()
        assert app.query_one(InspectView).phase == "feedback"


async def test_lateral_tabs_open_and_close():
    app = Host(INSPECT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.query_one("#inspect-lateral-hint").display
        await pilot.press("1", "l")
        await pilot.pause()
        assert isinstance(app.screen, LateralScreen)
        shown = " ".join(_text(w) for w in app.screen.query(".lateral-query, .lateral-result"))
        assert "Recherche : « colis bloqué 1,99 € SMS »" in shown
        assert "cybermalveillance.gouv.fr" in shown and "Des SMS réclament de petits frais." in shown
        assert "[red]Alerte[/red] colis" in shown  # drawn as text, not markup
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LateralScreen)
        assert isinstance(app.focused, ClueList) and app.focused.marked == {0}  # the flag survived
        await pilot.press("enter", "l")
        await pilot.pause()
        assert isinstance(app.screen, LateralScreen)
        await pilot.press("l")
        await pilot.pause()
        assert app.query_one(InspectView).phase == "verdict"


async def test_no_lateral_tabs_no_key():
    app = Host(Inspect(id="seul", items=[TOWN_HALL]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.query_one("#inspect-lateral-hint").display
        await pilot.press("l")
        await pilot.pause()
        assert not isinstance(app.screen, LateralScreen)
        await _judge(pilot, "", "1")
        await pilot.press("enter")
        await pilot.pause()
        summary = _text(app.query_one("#inspect-summary"))
        assert "Messages fiables auxquels vous avez fait confiance : 1 sur 1" in summary
        assert "pas d'indice de discernement" in summary and "Indices trompeurs" not in summary


def _draw(item: InspectItem, width: int = 60) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(card_body(item))
    return console.export_text()


def test_cards_follow_the_format_and_keep_text_literal():
    sms = _draw(PARCEL)
    assert sms.splitlines()[0] == "Expéditeur : +33 7 00 00 00 00"
    assert "╭" in sms and "[bold]Votre colis[/bold]" in sms  # a bubble; markup left as typed
    email = _draw(TOWN_HALL).splitlines()
    assert email[:2] == ["De : accueil@ville-exemple.fr", "Objet : Horaires d'été"] and "─" in email[2]
    web = _draw(BANK).splitlines()
    assert web[0].startswith("< >") and "https://banque-secure-login.example" in web[0]
    assert "Titre : Connectez-vous vite" in web


def test_catalogue_complete_in_both_languages():
    assert messages_inspect.FR.keys() == messages_inspect.EN.keys()
    assert all(key.startswith("inspect.") for key in messages_inspect.FR)


LONG_CLUES = InspectItem(
    id="amende",
    format="sms",
    reliable=False,
    explanation="Une administration ne réclame pas une amende par SMS avec un lien.",
    details=[
        Detail("Expéditeur", "ANTAI-INFO"),
        Detail(
            "Message", "Avis de contravention impayée : réglez 35 € avant ce soir sur antai-paiement.info"
        ),
    ],
    clues=[
        Clue(
            f"indice{n}",
            f"Indice numéro {n}",
            n % 2 == 0,
            f"Explication de l'indice {n}, assez longue pour tenir sur une ligne entière de l'écran.",
        )
        for n in range(1, 8)
    ],
)


async def test_verdict_and_score_on_screen_without_a_keypress():
    app = Host(Inspect(id="examen", items=[LONG_CLUES]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _judge(pilot, "13", "2")
        await pilot.pause()
        rows = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "✓ Verdict juste : ce message est trompeur." in rows
        assert "Score du message" in rows
        assert "Indice numéro 1 : fausse alerte" in rows


LONG_CLUE = InspectItem(
    id="long",
    format="sms",
    reliable=False,
    explanation="Un faux message.",
    details=[Detail("Message", "Payez vite.")],
    clues=[
        Clue(
            "pression",
            "Un délai très court imposé pour payer, qui pousse à agir sans prendre le temps de vérifier",
            True,
            "Presser la personne est le ressort le plus courant des arnaques : un vrai service laisse "
            "toujours le temps de vérifier par un autre moyen.",
        ),
    ],
)


async def test_a_long_clue_and_its_explanation_wrap_under_their_first_word():
    """At 80×24, the clue's second line and its explanation start under the clue's text, not under ✓."""
    app = Host(Inspect(id="long", items=[LONG_CLUE]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _judge(pilot, "1", "2")
        rows = [row for row in _rows(app.query_one("#inspect-feedback")) if row.strip()]
        start = next(n for n, row in enumerate(rows) if "Un délai très court" in row)
        marked = rows[start]
        indent = marked.index("Un délai")
        assert marked[:indent].strip() == "✓"
        following = rows[start + 1 : -1]  # down to the bottom border
        assert len(following) >= 3  # the clue wraps, and its explanation takes two rows at 80 columns
        for row in following:
            assert len(row) - len(row.lstrip()) == indent, row
        assert "Presser la personne" in " ".join(following)
