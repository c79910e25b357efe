"""Questions à choix multiple et questions chiffrées, avec un retour sur chaque réponse.

Les fonctions ``corriger_*`` sont pures (testables sans navigateur) ; les widgets
``QCM``, ``QuestionChiffree`` et ``Quiz`` les affichent.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.widgets.base import ChampNombre, ZoneMessage


@dataclass(frozen=True)
class Retour:
    """Résultat d'une correction : juste ou non, et la phrase d'explication."""

    juste: bool
    explication: str


def corriger_qcm(choix: int | None, bonne: int, explications: Sequence[str]) -> Retour:
    """Corrige une réponse de QCM (``choix`` est l'indice de la réponse, à partir de 0).

    >>> corriger_qcm(1, 1, ["Non.", "Oui : c'est la définition."]).juste
    True
    """
    if choix is None:
        return Retour(False, "Choisissez d'abord une réponse.")
    if not 0 <= choix < len(explications):
        raise ErreurSaisie("La réponse choisie ne fait pas partie des propositions.")
    prefixe = "Bonne réponse. " if choix == bonne else "Pas tout à fait. "
    return Retour(choix == bonne, prefixe + explications[choix])


def corriger_nombre(saisie, attendu: float, tolerance: float = 0.05, explication: str = "") -> Retour:
    """Corrige une réponse chiffrée tapée à la française, à ``tolerance`` près (même unité).

    >>> corriger_nombre("16,7", 16.6667, tolerance=0.1).juste
    True
    """
    try:
        valeur = v.nombre_saisi(saisie, "Votre réponse")
    except ErreurSaisie as erreur:
        return Retour(False, str(erreur))
    if abs(valeur - attendu) <= tolerance:
        return Retour(True, ("Bonne réponse. " + explication).strip())
    sens = "trop élevée" if valeur > attendu else "trop faible"
    return Retour(False, f"Pas encore : votre réponse est {sens}. {explication}".strip())


class QCM(widgets.VBox):
    """Question à choix multiple : l'élève coche, clique sur « Vérifier », lit l'explication."""

    def __init__(self, question: str, propositions: Sequence[str], bonne: int, explications: Sequence[str]):
        if len(propositions) != len(explications):
            raise ErreurSaisie("Chaque proposition du QCM doit avoir son explication.")
        self.question = question
        self.bonne = bonne
        self.explications = list(explications)
        self.choix = widgets.RadioButtons(options=list(propositions), value=None, layout={"width": "auto"})
        self.bouton = widgets.Button(description="Vérifier", button_style="primary")
        self.retour = ZoneMessage()
        self.bouton.on_click(lambda _b: self.verifier())
        enonce = widgets.HTML(f"<p style='font-weight:bold;margin:0.3em 0'>{html.escape(question)}</p>")
        super().__init__([enonce, self.choix, self.bouton, self.retour])

    @property
    def indice(self) -> int | None:
        return self.choix.index if self.choix.value is not None else None

    def verifier(self) -> Retour:
        """Corrige la réponse cochée et affiche l'explication."""
        retour = corriger_qcm(self.indice, self.bonne, self.explications)
        (self.retour.succes if retour.juste else self.retour.erreur)(retour.explication, gras="")
        return retour

    def __repr__(self) -> str:
        return f"QCM : {self.question}"


class QuestionChiffree(widgets.VBox):
    """Question dont la réponse est un nombre, tapé à la française."""

    def __init__(
        self, question: str, attendu: float, tolerance: float = 0.05, unite: str = "", explication: str = ""
    ):
        self.question = question
        self.attendu = attendu
        self.tolerance = tolerance
        self.explication = explication
        self.saisie = ChampNombre("Votre réponse", libelle="Votre réponse", unite=unite)
        self.bouton = widgets.Button(description="Vérifier", button_style="primary")
        self.retour = ZoneMessage()
        self.bouton.on_click(lambda _b: self.verifier())
        enonce = widgets.HTML(f"<p style='font-weight:bold;margin:0.3em 0'>{html.escape(question)}</p>")
        super().__init__([enonce, self.saisie, self.bouton, self.retour])

    def verifier(self) -> Retour:
        """Corrige le nombre tapé et affiche le retour (le texte tapé reste en place)."""
        retour = corriger_nombre(self.saisie.value, self.attendu, self.tolerance, self.explication)
        (self.retour.succes if retour.juste else self.retour.erreur)(retour.explication, gras="")
        return retour

    def __repr__(self) -> str:
        return f"Question chiffrée : {self.question}"


class Quiz(widgets.VBox):
    """Suite de questions avec un score affiché sous la dernière."""

    def __init__(self, titre: str, questions: Sequence[QCM | QuestionChiffree]):
        self.titre = titre
        self.questions = list(questions)
        self.score = ZoneMessage()
        self.bouton = widgets.Button(description="Voir mon score")
        self.bouton.on_click(lambda _b: self.compter())
        entete = widgets.HTML(f"<h3 style='margin:0.2em 0'>{html.escape(titre)}</h3>")
        super().__init__([entete, *self.questions, self.bouton, self.score])

    def compter(self) -> int:
        """Corrige toutes les questions et affiche le score."""
        justes = sum(question.verifier().juste for question in self.questions)
        total = len(self.questions)
        texte = f"Score : {justes} sur {total}."
        if justes == total:
            self.score.succes(texte + " Tout est juste, bravo !", gras="")
        else:
            self.score.info(texte + " Relisez les explications en rouge, puis réessayez.")
        return justes

    def __repr__(self) -> str:
        return f"{self.titre} ({len(self.questions)} questions : exécutez le notebook pour répondre)"


def verifier_reponse(
    nom: str, reponse, attendu: float, tolerance: float = 0.05, explication: str = ""
) -> None:
    """Pour les exercices en cellule de code : imprime le retour sur ``reponse``.

    ``reponse`` vaut ``None`` tant que l'élève n'a rien écrit.
    """
    if reponse is None:
        print(f"{nom} : remplacez None par votre calcul, puis exécutez la cellule.")
        return
    retour = corriger_nombre(reponse, attendu, tolerance, explication)
    print(f"{nom} : {'✔' if retour.juste else '✘'} {retour.explication}")
