"""The course model: what a trainer writes in YAML, as typed, frozen data.

Each field carries a French description (`doc`) that the JSON Schema export
reuses, so the schema and the loader read the same source of truth. Fields
marked `internal` are filled by the loader (position, file, module) and never
appear in YAML.
"""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from course.frozen import Frozen, write_inits
from course.frozen import frozen as model  # the model's classes: frozen, slotted dataclasses built cheaply


def doc(text: str, **extra: object) -> dict[str, object]:
    """Field metadata: the French description shown by editors and the schema."""
    return {"doc": text, **extra}


INTERNAL = {"internal": True}
DEFAULT_PASS_RATIO = 0.7
"""The share of the marks a quiz asks by default; every score and pass rule reads it here."""


@model
class Pos(Frozen):
    """Where an object starts in its file (1-based), for error messages."""

    path: str = ""
    line: int = 0
    col: int = 0


write_inits()  # Pos() is the default place of the classes below


def _pos() -> Pos:
    return field(default=Pos(), compare=False, repr=False, metadata=INTERNAL)


def _places() -> dict[str, Pos]:
    """Where each value was written, by key (`quiz`) and list item (`glossary=phishing`): set by the loader."""
    return field(default_factory=dict, compare=False, repr=False, metadata=INTERNAL)


def place(obj: object, key: str, item: str | None = None) -> Pos:
    """Where `key` (or its list item `item`) of a loaded object was written, else where the object starts."""
    places: dict[str, Pos] = getattr(obj, "places", {})
    found = places.get(key if item is None else f"{key}={item}") or places.get(key)
    if found is not None:
        return found
    default: Pos = getattr(obj, "pos", Pos())
    return default


Callout = Literal["fact", "tip", "warning", "example"]


@model
class Source(Frozen):
    """A source a lesson or a question cites."""

    ref: str = field(metadata=doc("Référence lisible : ouvrage, chapitre, rapport, loi."))
    url: str | None = field(
        default=None, metadata=doc("Adresse web de la source (facultative).", format="uri")
    )
    pos: Pos = _pos()


@model
class Gauge(Frozen):
    """A figure a scenario keeps (followers, trust...) from its start value."""

    id: str = field(metadata=doc("Identifiant de la jauge (ex. abonnes).", id=True))
    label: str = field(metadata=doc("Nom affiché (ex. Abonnés)."))
    start: int = field(default=0, metadata=doc("Valeur de départ."))
    pos: Pos = _pos()


@model
class Effect(Frozen):
    """What a scenario choice does to one gauge."""

    gauge: str = field(metadata=doc("Identifiant de la jauge modifiée."))
    delta: int = field(metadata=doc("Ce que le choix ajoute (ou retire, si négatif)."))
    pos: Pos = _pos()


@model
class ScenarioChoice(Frozen):
    """One choice offered at a scenario step, and the step it leads to."""

    text: str = field(metadata=doc("Ce que l'apprenant choisit de faire."))
    next: str = field(metadata=doc("Identifiant de l'étape suivante."))
    feedback: str | None = field(
        default=None, metadata=doc("Ce qui se passe, expliqué, juste après le choix.")
    )
    effects: list[Effect] = field(default_factory=list, metadata=doc("Effets du choix sur les jauges."))
    good: bool | None = field(
        default=None,
        metadata=doc("true : bonne pratique ; false : à éviter ; absent : ni l'un ni l'autre (jeu de rôle)."),
    )
    technique: str | None = field(
        default=None, metadata=doc("Technique illustrée par ce choix (ex. émotion).")
    )
    pos: Pos = _pos()


@model
class ScenarioNode(Frozen):
    """One step of a scenario: a situation, its choices, or an ending."""

    id: str = field(metadata=doc("Identifiant de l'étape.", id=True))
    text: str = field(metadata=doc("La situation, en Markdown.", multiline=True))
    choices: list[ScenarioChoice] = field(
        default_factory=list, metadata=doc("Les choix possibles (aucun pour une fin).")
    )
    ending: bool = field(default=False, metadata=doc("true si cette étape est une fin du scénario."))
    pos: Pos = _pos()


@model
class Scenario(Frozen):
    """A branching story within a lesson section."""

    id: str = field(metadata=doc("Identifiant du scénario, unique dans la leçon.", id=True))
    start: str = field(metadata=doc("Identifiant de la première étape."))
    nodes: list[ScenarioNode] = field(metadata=doc("Les étapes du scénario.", min_items=2))
    gauges: list[Gauge] = field(
        default_factory=list, metadata=doc("Jauges affichées pendant le jeu (facultatives).")
    )
    debrief: str = field(default="", metadata=doc("Bilan affiché à la fin, en Markdown.", multiline=True))
    pos: Pos = _pos()


@model
class Topic(Frozen):
    """A theme of a simulated feed."""

    id: str = field(metadata=doc("Identifiant du thème.", id=True))
    label: str = field(metadata=doc("Nom du thème affiché."))
    pos: Pos = _pos()


@model
class FeedPost(Frozen):
    """One post of a simulated feed."""

    id: str = field(metadata=doc("Identifiant de la publication.", id=True))
    text: str = field(metadata=doc("Le texte de la publication."))
    topic: str = field(metadata=doc("Identifiant de son thème."))
    source: str = field(metadata=doc("Qui la publie (média, compte, institution)."))
    tone: Literal["neutre", "emotion", "colere", "peur", "humour"] = field(
        default="neutre", metadata=doc("Ton de la publication : neutre, emotion, colere, peur ou humour.")
    )
    reliable: bool = field(default=True, metadata=doc("false si la publication est trompeuse."))
    pos: Pos = _pos()


@model
class Feed(Frozen):
    """A simulated social feed whose posts follow what the learner engages with."""

    id: str = field(metadata=doc("Identifiant du simulateur, unique dans la leçon.", id=True))
    topics: list[Topic] = field(metadata=doc("Les thèmes du fil.", min_items=2))
    posts: list[FeedPost] = field(metadata=doc("Les publications proposées par le fil.", min_items=4))
    seed: int = field(
        default=1, metadata=doc("Graine du hasard : le même nombre donne toujours le même fil.")
    )
    feed_size: int = field(default=4, metadata=doc("Nombre de publications par écran.", minimum=2, maximum=6))
    rounds: int = field(default=4, metadata=doc("Nombre de tours avant le bilan.", minimum=1, maximum=10))
    debrief: str = field(default="", metadata=doc("Bilan affiché à la fin, en Markdown.", multiline=True))
    pos: Pos = _pos()


@model
class Detail(Frozen):
    """One line of a message under inspection (sender, address, date...)."""

    label: str = field(metadata=doc("Ce que montre la ligne (ex. Expéditeur, Adresse, Date)."))
    value: str = field(metadata=doc("Son contenu, tel que l'apprenant le voit."))
    pos: Pos = _pos()


@model
class Clue(Frozen):
    """One element of a message to judge: suspicious or not, and why."""

    id: str = field(metadata=doc("Identifiant de l'indice.", id=True))
    text: str = field(metadata=doc("L'élément à juger (ex. « Lien raccourci bit.ly »)."))
    suspicious: bool = field(
        metadata=doc("true si cet élément doit alerter, false s'il est rassurant ou neutre.")
    )
    explanation: str = field(metadata=doc("Pourquoi, expliqué après la réponse."))
    pos: Pos = _pos()


@model
class InspectItem(Frozen):
    """One message to examine in an inspector."""

    id: str = field(metadata=doc("Identifiant du message à examiner.", id=True))
    format: Literal["sms", "post", "web", "email"] = field(metadata=doc("Forme : sms, post, web ou email."))
    details: list[Detail] = field(metadata=doc("Ce qui s'affiche, ligne par ligne.", min_items=1))
    clues: list[Clue] = field(metadata=doc("Les éléments que l'apprenant peut signaler.", min_items=2))
    reliable: bool = field(metadata=doc("true si le message est fiable, false s'il est trompeur."))
    explanation: str = field(metadata=doc("Le bilan du message, en Markdown.", multiline=True))
    pos: Pos = _pos()


@model
class SearchResult(Frozen):
    """One result of a simulated search."""

    title: str = field(metadata=doc("Titre du résultat."))
    source: str = field(metadata=doc("Site ou média (fictif ou réel)."))
    text: str = field(metadata=doc("Extrait affiché."))
    pos: Pos = _pos()


@model
class LateralTab(Frozen):
    """A simulated search in another tab (lateral reading)."""

    query: str = field(metadata=doc("La recherche simulée (« autre onglet »)."))
    results: list[SearchResult] = field(metadata=doc("Les résultats affichés.", min_items=1))
    pos: Pos = _pos()


@model
class Inspect(Frozen):
    """An inspector: messages whose clues the learner judges, and which are reliable."""

    id: str = field(metadata=doc("Identifiant de l'inspecteur, unique dans la leçon.", id=True))
    items: list[InspectItem] = field(
        metadata=doc("Les messages à examiner (mêlez fiables et trompeurs).", min_items=1)
    )
    lateral: list[LateralTab] = field(
        default_factory=list,
        metadata=doc("Recherches simulées pour la lecture latérale, consultables hors ligne."),
    )
    pos: Pos = _pos()


@model
class Section(Frozen):
    """One screen of a lesson: its text, callout, and interactive part if any."""

    title: str = field(metadata=doc("Titre de la section, affiché en haut de l'écran."))
    text: str = field(
        default="",
        metadata=doc(
            "Contenu de la section, en Markdown (obligatoire sauf pour une section interactive).",
            multiline=True,
        ),
    )
    callout: Callout | None = field(
        default=None,
        metadata=doc(
            "Encadré facultatif : fact (le saviez-vous), tip (astuce), warning (attention), example (exemple)."
        ),
    )
    scenario: Scenario | None = field(
        default=None, metadata=doc("Un scénario à embranchements (section interactive).")
    )
    feed: Feed | None = field(
        default=None, metadata=doc("Un simulateur de fil d'actualité (section interactive).")
    )
    inspect: Inspect | None = field(
        default=None, metadata=doc("Des messages à inspecter (section interactive).")
    )
    pos: Pos = _pos()
    places: dict[str, Pos] = _places()

    @property
    def interactive(self) -> Scenario | Feed | Inspect | None:
        return self.scenario or self.feed or self.inspect


@model
class TrainerNotes(Frozen):
    """What the trainer reads about a lesson, never shown to learners."""

    notes: str = field(
        default="", metadata=doc("Notes pour le formateur ou la formatrice (Markdown).", multiline=True)
    )
    activity: str = field(
        default="", metadata=doc("Activité de groupe proposée pour l'atelier (Markdown).", multiline=True)
    )
    pos: Pos = _pos()


@model
class Lesson(Frozen):
    """A lesson: its sections, duration, objectives, glossary terms and sources."""

    id: str = field(
        metadata=doc("Identifiant unique et stable de la leçon (la progression y est rattachée).", id=True)
    )
    title: str = field(metadata=doc("Titre de la leçon."))
    summary: str = field(metadata=doc("Ce que la leçon apporte, en une phrase."))
    duration_min: int = field(metadata=doc("Durée estimée en minutes.", minimum=1, maximum=240))
    objectives: list[str] = field(metadata=doc("Objectifs d'apprentissage, un par ligne.", min_items=1))
    sections: list[Section] = field(metadata=doc("Les sections, lues une à une.", min_items=1))
    glossary: list[str] = field(
        default_factory=list, metadata=doc("Identifiants des termes du glossaire utiles à la leçon.")
    )
    sources: list[Source] = field(default_factory=list, metadata=doc("Sources des faits présentés."))
    quiz: str | None = field(default=None, metadata=doc("Identifiant du quiz de la leçon (facultatif)."))
    trainer: TrainerNotes | None = field(
        default=None, metadata=doc("Partie réservée au formateur ou à la formatrice.")
    )
    pos: Pos = _pos()
    places: dict[str, Pos] = _places()
    module: str = field(default="", compare=False, metadata=INTERNAL)


@model
class Competence(Frozen):
    """A competence a lesson works on (a DigComp code and its label)."""

    code: str = field(metadata=doc('Code de la compétence, entre guillemets (ex. "1.2" pour DigComp 2.2).'))
    label: str = field(
        default="",
        metadata=doc(
            "Intitulé de la compétence (facultatif pour DigComp 2.2 : l'intitulé officiel est repris du code)."
        ),
    )
    framework: str = field(default="DigComp 2.2", metadata=doc("Référentiel (par défaut DigComp 2.2)."))
    pos: Pos = _pos()


@model
class Module(Frozen):
    """A module of the course: its lessons in order, competences, and tests."""

    title: str = field(metadata=doc("Titre du module."))
    summary: str = field(default="", metadata=doc("Présentation du module en une ou deux phrases."))
    order: int = field(
        default=0, metadata=doc("Rang du module dans le parcours (les plus petits d'abord).", minimum=0)
    )
    competences: list[Competence] = field(
        default_factory=list,
        metadata=doc(
            'Compétences travaillées (référentiel DigComp 2.2) : un code entre guillemets ("4.2") ou code et intitulé.'
        ),
    )
    pretest: str | None = field(
        default=None, metadata=doc("Identifiant du quiz passé avant le module (test de départ).")
    )
    posttest: str | None = field(
        default=None,
        metadata=doc(
            "Identifiant du quiz passé après le module (test final, forme parallèle du test de départ)."
        ),
    )
    pos: Pos = _pos()
    places: dict[str, Pos] = _places()
    id: str = field(default="", compare=False, metadata=INTERNAL)
    lessons: tuple[str, ...] = field(default=(), compare=False, metadata=INTERNAL)


@model
class CourseInfo(Frozen):
    """The course's own description: title, language, version, authors, licence."""

    title: str = field(metadata=doc("Titre du parcours."))
    description: str = field(default="", metadata=doc("Présentation du parcours (Markdown).", multiline=True))
    language: str = field(
        default="fr", metadata=doc("Langue du contenu (code à deux lettres).", pattern="^[a-z]{2}$")
    )
    version: str = field(default="1", metadata=doc('Version du parcours, entre guillemets (ex. "1.0").'))
    authors: list[str] = field(default_factory=list, metadata=doc("Auteurs et autrices."))
    licence: str = field(default="", metadata=doc("Licence du contenu (ex. CC BY-SA 4.0)."))
    pos: Pos = _pos()


@model
class GlossaryTerm(Frozen):
    """A term of the glossary and its definition."""

    id: str = field(metadata=doc("Identifiant du terme, utilisé par les leçons.", id=True))
    term: str = field(metadata=doc("Le terme tel qu'il s'affiche."))
    definition: str = field(metadata=doc("Définition en Markdown.", multiline=True))
    see_also: list[str] = field(default_factory=list, metadata=doc("Identifiants d'autres termes liés."))
    pos: Pos = _pos()
    places: dict[str, Pos] = _places()


@model
class Glossary(Frozen):
    """The course's glossary."""

    terms: list[GlossaryTerm] = field(default_factory=list, metadata=doc("Les termes du glossaire."))
    pos: Pos = _pos()


@model
class Choice(Frozen):
    """One option of a single- or multiple-choice question."""

    text: str = field(metadata=doc("Texte de la proposition."))
    correct: bool = field(default=False, metadata=doc("true si la proposition est juste."))
    feedback: str | None = field(
        default=None, metadata=doc("Retour affiché si l'apprenant choisit cette proposition.")
    )
    pos: Pos = _pos()


@model
class Pair(Frozen):
    """One pair of a matching question."""

    left: str = field(metadata=doc("Élément de gauche."))
    right: str = field(metadata=doc("Élément de droite qui lui correspond."))
    pos: Pos = _pos()


_QID = doc("Identifiant de la question, unique dans le quiz.", id=True)
_EXPLANATION = doc("Explication affichée après la réponse, juste ou fausse.", multiline=True)
_HINTS = doc("Indices révélés un à un à la demande (leur usage est enregistré).")
_PROMPT = doc("L'énoncé de la question.")


@model
class SingleQuestion(Frozen):
    """Exactly one correct choice."""

    id: str = field(metadata=_QID)
    prompt: str = field(metadata=_PROMPT)
    choices: list[Choice] = field(metadata=doc("Les propositions ; une seule est juste.", min_items=2))
    explanation: str = field(default="", metadata=_EXPLANATION)
    hints: list[str] = field(default_factory=list, metadata=_HINTS)
    type: Literal["single"] = "single"
    pos: Pos = _pos()


@model
class MultipleQuestion(Frozen):
    """One or more correct choices; all must be found."""

    id: str = field(metadata=_QID)
    prompt: str = field(metadata=_PROMPT)
    choices: list[Choice] = field(metadata=doc("Les propositions ; au moins une est juste.", min_items=2))
    explanation: str = field(default="", metadata=_EXPLANATION)
    hints: list[str] = field(default_factory=list, metadata=_HINTS)
    type: Literal["multiple"] = "multiple"
    pos: Pos = _pos()


@model
class TrueFalseQuestion(Frozen):
    """A statement to judge true or false."""

    id: str = field(metadata=_QID)
    statement: str = field(metadata=doc("L'affirmation à juger vraie ou fausse."))
    answer: bool = field(metadata=doc("true si l'affirmation est vraie, false sinon."))
    explanation: str = field(default="", metadata=_EXPLANATION)
    hints: list[str] = field(default_factory=list, metadata=_HINTS)
    type: Literal["true_false"] = "true_false"
    pos: Pos = _pos()


@model
class OrderQuestion(Frozen):
    """Items to put in order."""

    id: str = field(metadata=_QID)
    prompt: str = field(metadata=_PROMPT)
    items: list[str] = field(
        metadata=doc("Les éléments dans le BON ordre ; ils sont mélangés à l'écran.", min_items=2)
    )
    explanation: str = field(default="", metadata=_EXPLANATION)
    hints: list[str] = field(default_factory=list, metadata=_HINTS)
    type: Literal["order"] = "order"
    pos: Pos = _pos()


@model
class MatchQuestion(Frozen):
    """Pairs to match."""

    id: str = field(metadata=_QID)
    prompt: str = field(metadata=_PROMPT)
    pairs: list[Pair] = field(metadata=doc("Les paires à reconstituer.", min_items=2))
    explanation: str = field(default="", metadata=_EXPLANATION)
    hints: list[str] = field(default_factory=list, metadata=_HINTS)
    type: Literal["match"] = "match"
    pos: Pos = _pos()


@model
class ShortQuestion(Frozen):
    """A short typed answer, checked against the accepted ones."""

    id: str = field(metadata=_QID)
    prompt: str = field(metadata=_PROMPT)
    accept: list[str] = field(
        metadata=doc(
            "Réponses acceptées (comparées sans majuscules, accents, ponctuation ni espaces en trop).",
            min_items=1,
        )
    )
    explanation: str = field(default="", metadata=_EXPLANATION)
    hints: list[str] = field(default_factory=list, metadata=_HINTS)
    exact: bool = field(
        default=False,
        metadata=doc(
            "true : aucune faute de frappe tolérée (adresses web, numéros) ; false : une lettre de travers "
            "est acceptée dans un mot long."
        ),
    )
    type: Literal["short"] = "short"
    pos: Pos = _pos()


Question = (
    SingleQuestion | MultipleQuestion | TrueFalseQuestion | OrderQuestion | MatchQuestion | ShortQuestion
)

QUESTION_TYPES: dict[str, type] = {
    "single": SingleQuestion,
    "multiple": MultipleQuestion,
    "true_false": TrueFalseQuestion,
    "order": OrderQuestion,
    "match": MatchQuestion,
    "short": ShortQuestion,
}


@model
class DiscernmentItems(Frozen):
    """Which questions of a discernment quiz are about a reliable example, which a misleading one."""

    reliable: list[str] = field(
        default_factory=list,
        metadata=doc(
            "Identifiants des questions portant sur un exemple fiable (bien répondre = lui faire confiance)."
        ),
    )
    misleading: list[str] = field(
        default_factory=list,
        metadata=doc(
            "Identifiants des questions portant sur un exemple trompeur (bien répondre = s'en méfier)."
        ),
    )
    pos: Pos = _pos()
    places: dict[str, Pos] = _places()


@model
class Quiz(Frozen):
    """A quiz: its questions, pass mark, mode and attempts."""

    id: str = field(metadata=doc("Identifiant unique du quiz.", id=True))
    lesson: str = field(metadata=doc("Identifiant de la leçon à laquelle le quiz se rattache."))
    questions: list[Question] = field(metadata=doc("Les questions, une par écran.", min_items=1))
    title: str | None = field(default=None, metadata=doc("Titre facultatif (sinon celui de la leçon)."))
    pass_ratio: float = field(
        default=DEFAULT_PASS_RATIO,
        metadata=doc("Part de bonnes réponses pour réussir (0 à 1).", minimum=0, maximum=1),
    )
    shuffle: bool = field(default=True, metadata=doc("Mélanger l'ordre des propositions à l'affichage."))
    confidence: bool = field(
        default=False,
        metadata=doc(
            "true : demander à l'apprenant s'il est sûr de lui (1 à 3) avant de valider chaque réponse."
        ),
    )
    mode: Literal["evaluation", "practice"] = field(
        default="evaluation",
        metadata=doc(
            "evaluation : une réponse par question ; practice : on recommence une question jusqu'à la bonne réponse."
        ),
    )
    max_attempts: int | None = field(
        default=None,
        metadata=doc("Nombre de tentatives permises pour le quiz (absent : illimité).", minimum=1),
    )
    discernment: DiscernmentItems | None = field(
        default=None,
        metadata=doc(
            "Pour mesurer le discernement (faire confiance au fiable, douter du trompeur) : "
            "les questions sur des exemples fiables et celles sur des exemples trompeurs."
        ),
    )
    pos: Pos = _pos()
    places: dict[str, Pos] = _places()


def question_text(question: Question) -> str:
    """The sentence a learner reads first: the prompt, or the statement to judge."""
    return question.statement if isinstance(question, TrueFalseQuestion) else question.prompt


write_inits()
