"""Quiz et exercices corrigés : un indice d'abord, la correction ensuite.

Les questions ne sont pas écrites en Python : elles viennent des fichiers de
contenu (``coursekit/contenu/<chapitre>.yaml``). Une cellule de notebook tient en
une ligne :

- ``ck.quiz.chapitre("06")`` : le quiz de fin de chapitre ;
- ``ck.quiz.exercice("06", "cpa")`` : un exercice dans un widget (marche aussi dans Voilà) ;
- ``ck.quiz.verifier("06", "cpa", reponse)`` : le même exercice pour une cellule de code ;
- ``ck.quiz.question_ouverte("10", "e5-q3")`` : une question rédigée, à comparer ensuite
  avec une réponse possible et ce que le correcteur attend.

La pédagogie est la même partout : une première réponse fausse reçoit un
**indice** ; la **correction** (le calcul détaillé) vient après un deuxième essai
ou sur demande (« Voir la correction »). Les fonctions ``corriger_*`` sont pures
et testées sans navigateur.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from coursekit import contenu
from coursekit import format as fmt
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.typographie import corriger
from coursekit.widgets.base import ChampNombre, ZoneMessage, note_reouverture
from coursekit.widgets.base import typographie as typo

ESSAIS_AVANT_CORRECTION = 2
_MODULES_DE_CALCUL = (
    "kpi",
    "entonnoir",
    "fidelisation",
    "smart",
    "mix",
    "influence",
    "relation_client",
    "analyse_site",
)

#: Fonctions appelées après chaque vérification : ``ecouteur(chapitre, ident, juste, reponse)``.
#: Le suivi des progrès de l'élève s'y abonne ; une erreur d'un écouteur ne bloque jamais la correction.
ECOUTEURS: list[Callable[[str, str, bool, object], None]] = []

#: Mémoire des réponses : ``souvenir(chapitre, ident)`` rend la dernière réponse de l'élève
#: (``{"reponse", "juste", "essais"}``) ou ``None`` ; ``coursekit.progres`` s'y branche.
SOUVENIRS: list[Callable[[str, str], Mapping | None]] = []


@dataclass(frozen=True)
class Retour:
    """Résultat d'une correction : juste ou non, et la phrase à afficher."""

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


def lire_reponse(reponse, source: str | None = None) -> float:
    """Le nombre d'une réponse d'élève : ``"16,7"``, ``16.7``… ; une virgule Python reçoit la correction.

    En Python, ``reponse = 0,75`` ne donne pas un nombre mais le couple ``(0, 75)``. Le couple
    seul ne dit pas ce que l'élève a tapé (``reponse = 2,5 * 4`` donne aussi un couple,
    ``(2, 20)``) : la ligne corrigée n'est proposée que si le texte de la cellule
    (``source``, par défaut la cellule en cours dans Jupyter) montre ``reponse = 0,75`` ;
    sinon, le message dit quoi changer sans proposer de nombre.

    >>> lire_reponse("16,7")
    16.7
    >>> lire_reponse((0, 75), source="reponse = 0,75")
    Traceback (most recent call last):
    ...
    coursekit.erreurs.ErreurSaisie: Python lit « 0,75 » comme deux nombres séparés : écrivez reponse = 0.75 (avec un point à la place de la virgule), puis exécutez la cellule.
    >>> lire_reponse((2, 20), source="reponse = 2,5 * 4")
    Traceback (most recent call last):
    ...
    coursekit.erreurs.ErreurSaisie: Python lit la virgule comme un séparateur entre deux nombres : remplacez chaque virgule décimale par un point (par exemple 0.05 et non 0,05), puis exécutez la cellule.
    """
    if isinstance(reponse, tuple) and len(reponse) == 2 and all(isinstance(x, int) for x in reponse):
        ligne = _ligne_reponse_a_virgule(source if source is not None else _cellule_en_cours(), reponse)
        if ligne:
            raise ErreurSaisie(
                f"Python lit « {ligne} » comme deux nombres séparés : écrivez "
                f"reponse = {ligne.replace(',', '.')} (avec un point à la place de la virgule), "
                "puis exécutez la cellule."
            )
        raise ErreurSaisie(
            "Python lit la virgule comme un séparateur entre deux nombres : remplacez chaque virgule "
            "décimale par un point (par exemple 0.05 et non 0,05), puis exécutez la cellule."
        )
    return v.nombre_saisi(reponse, "Votre réponse")


def _ligne_reponse_a_virgule(source: str, couple: tuple[int, int]) -> str:
    """Le nombre à virgule tapé dans ``reponse = 0,75`` s'il donne bien ``couple``, sinon ``""``.

    >>> _ligne_reponse_a_virgule("reponse = 0,75  # mon calcul", (0, 75))
    '0,75'
    >>> _ligne_reponse_a_virgule("reponse = 2,5 * 4", (2, 20))
    ''
    """
    for trouve in re.finditer(r"^\s*reponse\s*=\s*(\d+),(\d+)\s*(?:#.*)?$", source or "", re.MULTILINE):
        if (int(trouve[1]), int(trouve[2])) == tuple(couple):
            return f"{trouve[1]},{trouve[2]}"
    return ""


def _cellule_en_cours() -> str:
    """Le texte de la cellule en cours d'exécution dans Jupyter (``""`` hors de Jupyter)."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        return shell.history_manager.input_hist_raw[-1] if shell is not None else ""
    except (ImportError, AttributeError, IndexError):  # pragma: no cover - IPython sans historique
        return ""


def corriger_nombre(
    saisie, attendu: float, tolerance: float = 0.05, explication: str = "", indice: str = ""
) -> Retour:
    """Corrige une réponse chiffrée tapée à la française, à ``tolerance`` près (même unité).

    Une réponse fausse reçoit ``indice`` (ou, à défaut, ``explication``).

    >>> corriger_nombre("16,7", 16.6667, tolerance=0.1).juste
    True
    """
    try:
        valeur = lire_reponse(saisie)
    except ErreurSaisie as erreur:
        return Retour(False, str(erreur))
    if abs(valeur - attendu) <= tolerance:
        return Retour(True, ("Bonne réponse. " + explication).strip())
    sens = "trop élevée" if valeur > attendu else "trop faible"
    return Retour(False, f"Pas encore : votre réponse est {sens}. {indice or explication}".strip())


def _prevenir(chapitre: str, ident: str, juste: bool, reponse) -> None:
    if not chapitre or not ident:
        return
    for ecouteur in list(ECOUTEURS):
        try:
            ecouteur(chapitre, ident, juste, reponse)
        except Exception:  # noqa: BLE001 — le suivi ne doit jamais empêcher de corriger
            pass


def _souvenir(chapitre: str, ident: str) -> Mapping | None:
    if not chapitre or not ident:
        return None
    for souvenir in list(SOUVENIRS):
        try:
            trouve = souvenir(chapitre, ident)
        except Exception:  # noqa: BLE001 — un fichier de progrès illisible n'empêche pas le quiz
            trouve = None
        if trouve:
            return trouve
    return None


def _resoudre(valeur, donnees_du_chapitre: Mapping | None):
    """``"$campagne.budget"`` désigne la valeur ``budget`` de la section ``campagne`` du même fichier."""
    if not (isinstance(valeur, str) and valeur.startswith("$")):
        return valeur
    courant = donnees_du_chapitre or {}
    for cle in valeur[1:].split("."):
        if not isinstance(courant, Mapping) or cle not in courant:
            raise contenu.ErreurContenu(
                f"La référence « {valeur} » ne désigne aucune donnée du fichier de contenu."
            )
        courant = courant[cle]
    return courant


def valeur_attendue(question: Mapping, donnees_du_chapitre: Mapping | None = None) -> float:
    """La réponse attendue d'une question chiffrée du contenu : ``attendu``, ou le calcul qu'elle nomme.

    ``calcul: kpi.cout_par_acquisition`` avec ``arguments: {cout: 600, acquisitions: 12}``
    appelle le calculateur du cours : changer les données de l'énoncé change la réponse.
    Un argument ``"$section.cle"`` reprend une donnée du même fichier (l'énoncé et la
    réponse partent ainsi des mêmes chiffres).

    Les données sont en euros de référence ; une réponse en monnaie (``unite: "{devise}"``)
    est attendue dans la devise du cours (:func:`coursekit.format.convertir`) : en dirhams,
    le CPC de 0,75 € s'attend à 7,5 (DH).

    >>> valeur_attendue({"calcul": "kpi.cout_par_acquisition", "arguments": {"cout": 600, "acquisitions": 12}})
    50.0
    >>> valeur_attendue({"calcul": "kpi.roi", "arguments": {"gain": "$c.marge", "cout": 600}}, {"c": {"marge": 720}})
    20.0
    """
    if "attendu" in question:
        return _dans_la_devise(question, float(question["attendu"]))
    module, _, fonction = question["calcul"].partition(".")
    if module not in _MODULES_DE_CALCUL:
        raise contenu.ErreurContenu(
            f"Le calcul « {question['calcul']} » ne vient pas d'un module de calcul du cours "
            f"({', '.join(_MODULES_DE_CALCUL)})."
        )
    calculateur = getattr(importlib.import_module(f"coursekit.{module}"), fonction, None)
    if calculateur is None:
        raise contenu.ErreurContenu(
            f"Le calcul « {question['calcul']} » n'existe pas dans coursekit.{module}."
        )
    arguments = {k: _resoudre(x, donnees_du_chapitre) for k, x in question["arguments"].items()}
    try:
        resultat = calculateur(**arguments)
    except TypeError as erreur:
        raise contenu.ErreurContenu(
            f"Les arguments du calcul « {question['calcul']} » ne conviennent pas : {erreur}."
        ) from None
    if isinstance(resultat, Mapping) and "resultat" in question:
        resultat = resultat[question["resultat"]]
    return _dans_la_devise(question, float(resultat))


def _en_monnaie(question: Mapping) -> bool:
    return "{devise}" in str(question.get("unite", ""))


def _dans_la_devise(question: Mapping, valeur: float) -> float:
    return fmt.convertir(valeur) if _en_monnaie(question) else valeur


def tolerance(question: Mapping) -> float:
    """La tolérance d'une question chiffrée, dans la devise du cours si la réponse est un montant."""
    return _dans_la_devise(question, float(question.get("tolerance", 0.05)))


class _Question(widgets.VBox):
    """Partie commune : énoncé, bouton « Vérifier », bouton « Voir la correction », retour."""

    def __init__(self, question: str, champ: widgets.Widget, chapitre: str = "", ident: str = ""):
        self.question = question
        self.chapitre = chapitre
        self.ident = ident
        self.essais = 0
        self.bouton = widgets.Button(description="Vérifier", button_style="primary", layout={"width": "auto"})
        self.bouton_correction = widgets.Button(
            description="Voir la correction", layout={"width": "auto", "display": "none"}
        )
        self.retour = ZoneMessage()
        self.bouton.on_click(lambda _b: self.verifier())
        self.bouton_correction.on_click(lambda _b: self.montrer_correction())
        # Espaces insécables (« », : ; ? !) : au projecteur, aucun signe seul en début de ligne.
        self.enonce = widgets.HTML(
            f"<p style='font-weight:bold;margin:0.3em 0'>{html.escape(corriger(question))}</p>"
        )
        boutons = widgets.HBox([self.bouton, self.bouton_correction], layout={"flex_flow": "row wrap"})
        super().__init__([self.enonce, champ, boutons, self.retour])
        self.souvenir = _souvenir(chapitre, ident)
        if self.souvenir:
            from coursekit.progres import texte_souvenir

            self.retour.info(texte_souvenir(self.souvenir), gras="")

    def _corriger(self) -> Retour:  # pragma: no cover - défini par chaque question
        raise NotImplementedError

    def correction(self) -> str:  # pragma: no cover - défini par chaque question
        raise NotImplementedError

    def _a_repondu(self) -> bool:
        return True

    def verifier(self) -> Retour:
        """Corrige la réponse : indice au premier essai faux, correction ensuite."""
        retour = self._corriger()
        if retour.juste:
            self.retour.succes(retour.explication, gras="✔")
        elif not self._a_repondu():
            self.retour.erreur(retour.explication, gras="")
            return retour
        else:
            self.essais += 1
            self.bouton_correction.layout.display = None
            if self.essais >= ESSAIS_AVANT_CORRECTION:
                self.retour.erreur(f"{retour.explication} Correction : {self.correction()}", gras="✘")
            else:
                self.retour.erreur(f"{retour.explication} Réessayez.", gras="✘")
        _prevenir(self.chapitre, self.ident, retour.juste, self._reponse())
        return retour

    def montrer_correction(self) -> str:
        """Affiche la correction sans attendre un deuxième essai."""
        texte = self.correction()
        self.retour.info(texte, gras="Correction :")
        return texte

    def _reponse(self):
        return None


class QCM(_Question):
    """Question à choix multiple : l'élève coche, clique sur « Vérifier », lit l'explication."""

    def __init__(
        self,
        question: str,
        propositions: Sequence[str],
        bonne: int,
        explications: Sequence[str],
        indice: str = "",
        chapitre: str = "",
        ident: str = "",
    ):
        if len(propositions) != len(explications):
            raise ErreurSaisie("Chaque proposition du QCM doit avoir son explication.")
        self.propositions = list(propositions)
        self.bonne = bonne
        self.explications = list(explications)
        self.indice = indice
        self.choix = widgets.RadioButtons(
            options=[(corriger(p), p) for p in self.propositions], value=None, layout={"width": "auto"}
        )
        super().__init__(question, self.choix, chapitre, ident)

    @classmethod
    def depuis_contenu(cls, donnees: Mapping, chapitre: str = "", ident: str = "") -> QCM:
        """Un QCM décrit dans un fichier de contenu."""
        propositions = donnees["propositions"]
        bonne = next(i for i, p in enumerate(propositions) if p.get("juste"))
        return cls(
            donnees["question"],
            [p["texte"] for p in propositions],
            bonne,
            [p["explication"] for p in propositions],
            donnees.get("indice", ""),
            chapitre,
            ident or donnees.get("id", ""),
        )

    @property
    def indice_choisi(self) -> int | None:
        return self.choix.index if self.choix.value is not None else None

    def _a_repondu(self) -> bool:
        return self.indice_choisi is not None

    def _corriger(self) -> Retour:
        retour = corriger_qcm(self.indice_choisi, self.bonne, self.explications)
        if not retour.juste and self.indice and self._a_repondu():
            return Retour(False, f"{retour.explication} Indice : {self.indice}")
        return retour

    def correction(self) -> str:
        return f"la bonne réponse est « {self.propositions[self.bonne]} ». {self.explications[self.bonne]}"

    def _reponse(self):
        return self.choix.value

    def __repr__(self) -> str:
        return f"QCM : {self.question}"


class QuestionChiffree(_Question):
    """Question dont la réponse est un nombre, tapé à la française."""

    def __init__(
        self,
        question: str,
        attendu: float,
        tolerance: float = 0.05,
        unite: str = "",
        explication: str = "",
        indice: str = "",
        chapitre: str = "",
        ident: str = "",
    ):
        self.attendu = attendu
        self.tolerance = tolerance
        self.unite = unite
        self.explication = explication
        self.indice = indice
        self.saisie = ChampNombre("Votre réponse", libelle="Votre réponse", unite=unite)
        super().__init__(question, self.saisie, chapitre, ident)

    @classmethod
    def depuis_contenu(cls, donnees: Mapping, chapitre: str = "", ident: str = "") -> QuestionChiffree:
        """Une question chiffrée décrite dans un fichier de contenu."""
        return cls(
            donnees["question"],
            valeur_attendue(donnees, contenu.charger(chapitre) if chapitre else None),
            tolerance(donnees),
            unite_affichee(donnees.get("unite", "")),
            donnees["explication"],
            donnees.get("indice", ""),
            chapitre,
            ident or donnees.get("id", ""),
        )

    def _a_repondu(self) -> bool:
        try:
            lire_reponse(self.saisie.value)
        except ErreurSaisie:
            return False
        return True

    def _corriger(self) -> Retour:
        return corriger_nombre(self.saisie.value, self.attendu, self.tolerance, indice=self.indice or " ")

    def correction(self) -> str:
        return self.explication

    def _reponse(self):
        return self.saisie.value

    def __repr__(self) -> str:
        return f"Question chiffrée : {self.question}"


class Quiz(widgets.VBox):
    """Suite de questions avec un score affiché sous la dernière."""

    def __init__(self, titre: str, questions: Sequence[QCM | QuestionChiffree]):
        self.titre = titre
        self.questions = list(questions)
        self.score = ZoneMessage()
        self.bouton = widgets.Button(description="Voir mon score", layout={"width": "auto"})
        self.bouton.on_click(lambda _b: self.compter())
        entete = widgets.HTML(f"<h3 style='margin:0.2em 0'>{html.escape(titre)}</h3>")
        super().__init__([entete, *self.questions, self.bouton, self.score])
        reouvrable(self, entete, "Ce quiz")
        souvenirs = [q.souvenir for q in self.questions if getattr(q, "souvenir", None)]
        if souvenirs:
            justes = sum(bool(s["juste"]) for s in souvenirs)
            self.score.info(
                f"Déjà répondu\u00a0: {len(souvenirs)} question(s) sur {len(self.questions)}, "
                f"dont {justes} juste(s) la dernière fois."
            )

    def compter(self) -> int:
        """Corrige toutes les questions et affiche le score."""
        justes = sum(question.verifier().juste for question in self.questions)
        total = len(self.questions)
        texte = f"Score : {justes} sur {total}."
        if justes == total:
            self.score.succes(texte + " Tout est juste, bravo !", gras="")
        else:
            self.score.info(texte + " Lisez les indices en rouge, puis réessayez.")
        return justes

    def __repr__(self) -> str:
        return f"{self.titre} ({len(self.questions)} questions : exécutez le notebook pour répondre)"


def unite_affichee(unite: str) -> str:
    """L'unité d'une question, avec ``{devise}`` remplacé par le symbole de la devise du cours.

    >>> unite_affichee("{devise}")
    '€'
    """
    return unite.replace("{devise}", fmt.symbole_devise())


def question_depuis_contenu(donnees: Mapping, chapitre: str = "", ident: str = "") -> QCM | QuestionChiffree:
    """Le widget d'une question du contenu (QCM ou question chiffrée)."""
    classe = QCM if donnees["type"] == "qcm" else QuestionChiffree
    return classe.depuis_contenu(donnees, chapitre, ident)


def chapitre(numero: str, nom: str = "fin") -> Quiz:
    """Un quiz du chapitre, lu dans son fichier de contenu : ``chapitre("06")`` (le quiz de fin)."""
    donnees = contenu.charger(numero)
    fichier = contenu.fichier_du_chapitre(numero)
    quiz = donnees.get("quiz", {}).get(nom)
    if quiz is None:
        connus = ", ".join(donnees.get("quiz", {})) or "aucun"
        raise contenu.ErreurContenu(f"Le fichier « {fichier} » n'a pas de quiz « {nom} » (quiz : {connus}).")
    return Quiz(quiz["titre"], [question_depuis_contenu(q, fichier[:-5]) for q in quiz["questions"]])


def _exercice(numero: str, ident: str) -> Mapping:
    exercices = contenu.charger(numero).get("exercices", {})
    if ident not in exercices:
        fichier = contenu.fichier_du_chapitre(numero)
        connus = ", ".join(sorted(exercices)) or "aucun"
        raise contenu.ErreurContenu(f"Pas d'exercice « {ident} » dans « {fichier} » (exercices : {connus}).")
    return exercices[ident]


def reouvrable(widget: widgets.Box, enonce: widgets.HTML, quoi: str, action: str = "répondre") -> widgets.Box:
    """Ajoute à ``enonce`` la phrase qui n'apparaît que dans un notebook rouvert sans noyau
    (:func:`~coursekit.widgets.base.note_reouverture`) et marque ``widget`` : une seule façon
    de le faire pour un quiz, un exercice seul ou une question rédigée affichée seule.

    >>> question = exercice("06", "cpa")
    >>> "Cet exercice montre son dernier état" in question.enonce.value
    True
    """
    enonce.value += note_reouverture(quoi, action)
    widget.add_class("coursekit-reouvrable")
    return widget


def _question_exercice(numero: str, ident: str) -> QCM | QuestionChiffree:
    return question_depuis_contenu(_exercice(numero, ident), contenu.fichier_du_chapitre(numero)[:-5], ident)


def exercice(numero: str, ident: str) -> QCM | QuestionChiffree:
    """Un exercice du contenu dans un widget (réponse tapée ou cochée, indice puis correction)."""
    question = _question_exercice(numero, ident)
    return reouvrable(question, question.enonce, "Cet exercice")


def exercices(numero: str, idents: Sequence[str], titre: str) -> Quiz:
    """Plusieurs exercices du même chapitre réunis, avec un score : ``exercices("06", ["ctr", "cpc"], "…")``.

    La phrase de réouverture est celle du quiz, une fois, en tête."""
    return Quiz(titre, [_question_exercice(numero, i) for i in idents])


_TENTATIVES: dict[tuple[str, str], int] = {}


def verifier(numero: str, ident: str, reponse) -> None:
    """Pour une cellule de code : imprime le retour sur ``reponse`` (indice, puis correction au 2e essai).

    ``reponse`` vaut ``None`` tant que l'élève n'a rien écrit.
    """
    donnees = _exercice(numero, ident)
    if reponse is None:
        print("Remplacez None par votre réponse, puis exécutez la cellule.")
        return
    if donnees["type"] == "qcm":
        raise contenu.ErreurContenu("Un QCM se corrige dans son widget : ck.quiz.exercice(…).")
    cle = (contenu.fichier_du_chapitre(numero), ident)
    try:
        lire_reponse(reponse)
    except ErreurSaisie as erreur:
        print(f"✘ {erreur}")
        return
    attendu = valeur_attendue(donnees, contenu.charger(numero))
    retour = corriger_nombre(reponse, attendu, tolerance(donnees), indice=" ")
    _prevenir(cle[0][:-5], ident, retour.juste, reponse)
    if retour.juste:
        _TENTATIVES.pop(cle, None)
        print(f"✔ {retour.explication} {donnees['explication']}".rstrip())
        return
    _TENTATIVES[cle] = _TENTATIVES.get(cle, 0) + 1
    if _TENTATIVES[cle] >= ESSAIS_AVANT_CORRECTION:
        print(f"✘ {retour.explication} Correction : {donnees['explication']}")
    else:
        indice = donnees.get("indice", "Relisez la formule du cours.")
        print(f"✘ {retour.explication} Indice : {indice} Corrigez, puis exécutez à nouveau la cellule.")


# --- Questions rédigées : l'élève écrit, puis compare avec une réponse possible ---------------

#: Nombre de caractères à écrire avant de pouvoir comparer (on essaie d'abord, on lit ensuite).
MINIMUM_REDACTION = 20
#: Pendant la frappe, le texte est gardé dans les progrès au plus toutes les ``DELAI_SAUVEGARDE`` secondes.
DELAI_SAUVEGARDE = 20.0

#: Forme d'une entrée de la section ``questions_ouvertes`` d'un fichier de contenu.
SCHEMA_QUESTIONS_OUVERTES = {
    "type": "object",
    "minProperties": 1,
    "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"},
    "additionalProperties": {
        "type": "object",
        "required": ["question", "attendus"],
        "additionalProperties": False,
        "properties": {
            "question": {"type": "string", "minLength": 1},
            "reponse_possible": {"type": "string", "minLength": 1},
            "attendus": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            "minimum": {"type": "integer", "minimum": 0},
        },
    },
}


def questions_ouvertes(numero: str) -> Mapping:
    """Les questions rédigées d'un chapitre (section ``questions_ouvertes``, validée), ou ``{}``."""
    if "questions_ouvertes" not in contenu.charger(numero):
        return {}
    return contenu.section(numero, "questions_ouvertes", SCHEMA_QUESTIONS_OUVERTES)


def peut_comparer(texte: str | None, minimum: int = MINIMUM_REDACTION) -> bool:
    """Vrai dès que l'élève a écrit au moins ``minimum`` caractères (les espaces ne comptent pas).

    >>> peut_comparer("Oui.")
    False
    >>> peut_comparer("Oui, car le ROAS dépasse le seuil de rentabilité.")
    True
    """
    return len("".join((texte or "").split())) >= minimum


class QuestionOuverte(widgets.VBox):
    """Une question rédigée : une grande case où l'élève écrit, puis « Comparer avec une réponse possible ».

    Le bouton ne s'active qu'une fois un vrai début de réponse écrit ; il montre alors
    la réponse possible et la liste de ce que le correcteur attend, lues dans le fichier
    de contenu (jamais dans une cellule du notebook). Aucun clic n'efface le texte de
    l'élève ; il est gardé dans ses progrès et revient quand on rouvre le notebook.
    """

    def __init__(
        self,
        question: str,
        attendus: Sequence[str],
        reponse_possible: str = "",
        minimum: int = MINIMUM_REDACTION,
        chapitre: str = "",
        ident: str = "",
    ):
        self.question = question
        self.attendus = list(attendus)
        self.reponse_possible = reponse_possible
        self.minimum = minimum
        self.chapitre = chapitre
        self.ident = ident
        self._derniere_sauvegarde = 0.0
        souvenir = _souvenir(chapitre, ident)
        deja_ecrit = souvenir["reponse"] if souvenir and isinstance(souvenir.get("reponse"), str) else ""
        self.zone = widgets.Textarea(
            value=deja_ecrit,
            placeholder="Écrivez votre réponse ici, avec vos mots.",
            layout={"width": "100%", "max_width": "52em", "height": "9em"},
        )
        self.bouton = widgets.Button(
            description="Comparer avec une réponse possible",
            button_style="primary",
            layout={"width": "auto"},
            disabled=not peut_comparer(deja_ecrit, minimum),
        )
        self.aide = widgets.HTML()
        self.comparaison = widgets.HTML()
        self.zone.observe(self._texte_change, names="value")
        self.bouton.on_click(lambda _b: self.comparer())
        self.enonce = widgets.HTML(
            f"<p style='font-weight:bold;margin:0.3em 0'>{html.escape(typo(question))}</p>"
        )
        super().__init__([self.enonce, self.zone, widgets.HBox([self.bouton, self.aide]), self.comparaison])
        self._mettre_a_jour_aide()

    def _mettre_a_jour_aide(self) -> None:
        if self.bouton.disabled:
            texte = f"Écrivez au moins {self.minimum} caractères : essayez d'abord, comparez ensuite."
        else:
            texte = "Votre texte est gardé : vous le retrouverez en rouvrant ce notebook."
        self.aide.value = f"<span style='margin-left:0.8em;color:#555'>{html.escape(typo(texte))}</span>"

    def _texte_change(self, _changement=None) -> None:
        self.bouton.disabled = not peut_comparer(self.zone.value, self.minimum)
        self._mettre_a_jour_aide()
        if not self.bouton.disabled and time.monotonic() - self._derniere_sauvegarde >= DELAI_SAUVEGARDE:
            self.garder()

    def garder(self) -> None:
        """Garde le texte de l'élève dans ses progrès (``coursekit.progres``)."""
        self._derniere_sauvegarde = time.monotonic()
        _prevenir(self.chapitre, self.ident, True, self.zone.value)

    def comparer(self) -> str:
        """Montre la réponse possible et ce que le correcteur attend (si l'élève a écrit assez)."""
        if not peut_comparer(self.zone.value, self.minimum):
            self._texte_change()
            return ""
        self.garder()
        morceaux = []
        if self.reponse_possible:
            morceaux.append(
                "<p style='margin:0.3em 0'><strong>Une réponse possible</strong> (d'autres sont justes)\u00a0:</p>"
                f"<p style='margin:0.3em 0'>{html.escape(typo(self.reponse_possible))}</p>"
            )
        puces = "".join(f"<li>{html.escape(typo(a))}</li>" for a in self.attendus)
        morceaux.append(
            "<p style='margin:0.3em 0'><strong>Ce que le correcteur attend</strong>\u00a0: repérez ce que votre texte "
            "contient déjà, puis complétez-le.</p>"
            f"<ul style='margin:0.2em 0'>{puces}</ul>"
        )
        self.comparaison.value = (
            "<div class='coursekit-message coursekit-info' style='color:#1d3557;background:#eef4fb;"
            "padding:0.5em 0.8em;border-radius:6px;border-left:5px solid #1d3557;line-height:1.4'>"
            + "".join(morceaux)
            + "</div>"
        )
        return self.comparaison.value

    def __repr__(self) -> str:
        return f"Question rédigée : {self.question}"


def question_ouverte(numero: str, ident: str) -> QuestionOuverte:
    """Une question rédigée du contenu : ``ck.quiz.question_ouverte("10", "e5-q3")``."""
    questions = questions_ouvertes(numero)
    if ident not in questions:
        fichier = contenu.fichier_du_chapitre(numero)
        connues = ", ".join(sorted(questions)) or "aucune"
        raise contenu.ErreurContenu(
            f"Pas de question rédigée « {ident} » dans « {fichier} » (questions_ouvertes : {connues})."
        )
    donnees = questions[ident]
    question = QuestionOuverte(
        donnees["question"],
        donnees["attendus"],
        donnees.get("reponse_possible", ""),
        donnees.get("minimum", MINIMUM_REDACTION),
        contenu.fichier_du_chapitre(numero)[:-5],
        ident,
    )
    return reouvrable(question, question.enonce, "Cette question", "écrire")


def _brancher_progres() -> None:
    """Les réponses sont gardées d'une séance à l'autre (``coursekit.progres``)."""
    try:
        from coursekit import progres
    except ImportError:  # pragma: no cover
        return
    progres.brancher(sys.modules[__name__])


_brancher_progres()
