"""The 21 competences of DigComp 2.2 (European framework of digital competence), in French.

A module may name its competences by code alone (`competences: ["4.1", "4.2"]`):
the label shown to learners and trainers comes from this table.
"""

from __future__ import annotations

FRAMEWORK = "DigComp 2.2"

LABELS: dict[str, str] = {
    "1.1": "Naviguer, rechercher et filtrer des données, des informations et des contenus numériques",
    "1.2": "Évaluer des données, des informations et des contenus numériques",
    "1.3": "Gérer des données, des informations et des contenus numériques",
    "2.1": "Interagir au moyen des technologies numériques",
    "2.2": "Partager au moyen des technologies numériques",
    "2.3": "S'engager dans la citoyenneté au moyen des technologies numériques",
    "2.4": "Collaborer au moyen des technologies numériques",
    "2.5": "Nétiquette",
    "2.6": "Gérer son identité numérique",
    "3.1": "Développer des contenus numériques",
    "3.2": "Intégrer et réélaborer des contenus numériques",
    "3.3": "Droits d'auteur et licences",
    "3.4": "Programmation",
    "4.1": "Protéger les appareils",
    "4.2": "Protéger les données personnelles et la vie privée",
    "4.3": "Protéger la santé et le bien-être",
    "4.4": "Protéger l'environnement",
    "5.1": "Résoudre des problèmes techniques",
    "5.2": "Identifier des besoins et des réponses technologiques",
    "5.3": "Utiliser de manière créative les technologies numériques",
    "5.4": "Identifier ses besoins en compétences numériques",
}
