"""Messages of the feed simulator (filter bubble)."""

FR = {
    "feed.round": "Tour {n} / {total} · fil personnalisé",
    "feed.reopen.round": "Rouvrir la bulle · tour {n} / {total} · {mode}",
    "feed.mode.profiled": "fil personnalisé",
    "feed.mode.plain": "fil non personnalisé",
    "feed.meter": "Diversité : {bar} {topics} sur {total}",
    "feed.topics.one": "{count} thème",
    "feed.topics.many": "{count} thèmes",
    "feed.post": "[{topic}] {text} — {source} · ton : {tone}",
    "feed.tone.neutre": "neutre",
    "feed.tone.emotion": "émotion",
    "feed.tone.colere": "colère",
    "feed.tone.peur": "peur",
    "feed.tone.humour": "humour",
    "feed.howto": "Aimez (Espace ou chiffre) les publications qui vous plaisent, puis Entrée.",
    "feed.reopen.howto": "Aimez des publications d'autres thèmes (Espace ou chiffre), puis Entrée. n : changer de fil.",
    "feed.history.step": "Tour {n} : {topics}",
    "feed.history.plain": "Tour {n} : {topics} (non personnalisé)",
    "feed.closed.title": "La bulle s'est refermée.",
    "feed.closed.text": (
        "Le fil ne vous montre plus que ce qui ressemble à vos « J'aime ». Essayez maintenant de rouvrir "
        "la bulle pendant {rounds} tours : aimez d'autres thèmes, et appuyez sur n pour passer au fil non "
        "personnalisé (et revenir), celui que le règlement européen sur les services numériques (DSA, "
        "art. 38) impose aux très grandes plateformes de proposer."
    ),
    "feed.closed.continue": "Entrée : rouvrir la bulle",
    "feed.response": "J'aime : {likes} · diversité {topics} sur {total} · {mode}",
    "feed.response.none": "aucun",
    "feed.end.title": "Bilan du fil",
    "feed.end.phase1": "Diversité pendant le jeu : {history}",
    "feed.end.phase2": "Diversité en rouvrant la bulle : {history}",
    "feed.end.unreliable": "Publications trompeuses vues : {count} sur {total} ({percent} %)",
    "feed.end.replay": "r : rejouer depuis le début (les mêmes choix donnent les mêmes fils).",
    "feed.key.switch": "Changer de fil",
    "feed.key.continue": "Continuer",
    "feed.key.replay": "Rejouer",
}

EN = {
    "feed.round": "Round {n} / {total} · personalised feed",
    "feed.reopen.round": "Reopen the bubble · round {n} / {total} · {mode}",
    "feed.mode.profiled": "personalised feed",
    "feed.mode.plain": "non-personalised feed",
    "feed.meter": "Diversity: {bar} {topics} out of {total}",
    "feed.topics.one": "{count} topic",
    "feed.topics.many": "{count} topics",
    "feed.post": "[{topic}] {text} — {source} · tone: {tone}",
    "feed.tone.neutre": "neutral",
    "feed.tone.emotion": "emotion",
    "feed.tone.colere": "anger",
    "feed.tone.peur": "fear",
    "feed.tone.humour": "humour",
    "feed.howto": "Like (Space or a digit) the posts you enjoy, then Enter.",
    "feed.reopen.howto": "Like posts from other topics (Space or a digit), then Enter. n: switch feeds.",
    "feed.history.step": "Round {n}: {topics}",
    "feed.history.plain": "Round {n}: {topics} (non-personalised)",
    "feed.closed.title": "The bubble has closed.",
    "feed.closed.text": (
        "The feed now only shows you what looks like your likes. Try to reopen the bubble for {rounds} "
        "rounds: like other topics, and press n to switch to the non-personalised feed (and back), the one "
        "the EU Digital Services Act (DSA, art. 38) requires very large platforms to offer."
    ),
    "feed.closed.continue": "Enter: reopen the bubble",
    "feed.response": "Likes: {likes} · diversity {topics} out of {total} · {mode}",
    "feed.response.none": "none",
    "feed.end.title": "Feed review",
    "feed.end.phase1": "Diversity while playing: {history}",
    "feed.end.phase2": "Diversity while reopening the bubble: {history}",
    "feed.end.unreliable": "Misleading posts seen: {count} out of {total} ({percent} %)",
    "feed.end.replay": "r: replay from the start (the same choices give the same feeds).",
    "feed.key.switch": "Switch feed",
    "feed.key.continue": "Continue",
    "feed.key.replay": "Replay",
}
