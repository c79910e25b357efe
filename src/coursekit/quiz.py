"""Quiz et exercices corrigés : un indice d'abord, la correction ensuite.

Les questions ne sont pas écrites en Python : elles viennent des fichiers de
contenu (``coursekit/contenu/<chapitre>.yaml``). Une cellule de notebook tient en
une ligne :

- ``ck.quiz.chapitre("06")`` : le quiz de fin de chapitre ;
- ``ck.quiz.exercice("06", "cpa")`` : un exercice dans un widget (marche aussi dans Voilà) ;
- ``ck.quiz.verifier("06", "cpa", reponse)`` : le même exercice pour une cellule de code.

La pédagogie est la même partout : une première réponse fausse reçoit un
**indice** ; la **correction** (le calcul détaillé) vient après un deuxième essai
ou sur demande (« Voir la correction »). Les fonctions ``corriger_*`` sont pures
et testées sans navigateur.
"""

from __future__ import annotations

import html
import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from coursekit import contenu
from coursekit import format as fmt
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.typographie import corriger
from coursekit.widgets.base import ChampNombre, ZoneMessage

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


def lire_reponse(reponse) -> float:
    """Le nombre d'une réponse d'élève : ``"16,7"``, ``16.7``… ; une virgule Python reçoit la correction exacte.

    En Python, ``reponse = 0,75`` ne donne pas un nombre mais le couple ``(0, 75)`` :
    on le dit, avec la ligne à écrire.

    >>> lire_reponse("16,7")
    16.7
    >>> lire_reponse((0, 75))
    Traceback (most recent call last):
    ...
    coursekit.erreurs.ErreurSaisie: Python lit « 0,75 » comme deux nombres séparés : écrivez reponse = 0.75 (avec un point à la place de la virgule), puis exécutez la cellule.
    """
    if isinstance(reponse, tuple) and len(reponse) == 2 and all(isinstance(x, int) for x in reponse):
        entier, decimales = reponse
        raise ErreurSaisie(
            f"Python lit « {entier},{decimales} » comme deux nombres séparés : écrivez "
            f"reponse = {entier}.{decimales} (avec un point à la place de la virgule), puis exécutez la cellule."
        )
    return v.nombre_saisi(reponse, "Votre réponse")


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

    >>> valeur_attendue({"calcul": "kpi.cout_par_acquisition", "arguments": {"cout": 600, "acquisitions": 12}})
    50.0
    >>> valeur_attendue({"calcul": "kpi.roi", "arguments": {"gain": "$c.marge", "cout": 600}}, {"c": {"marge": 720}})
    20.0
    """
    if "attendu" in question:
        return float(question["attendu"])
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
    return float(resultat)


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
        enonce = widgets.HTML(
            f"<p style='font-weight:bold;margin:0.3em 0'>{html.escape(corriger(question))}</p>"
        )
        boutons = widgets.HBox([self.bouton, self.bouton_correction], layout={"flex_flow": "row wrap"})
        super().__init__([enonce, champ, boutons, self.retour])
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
            donnees.get("tolerance", 0.05),
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


def exercice(numero: str, ident: str) -> QCM | QuestionChiffree:
    """Un exercice du contenu dans un widget (réponse tapée ou cochée, indice puis correction)."""
    return question_depuis_contenu(_exercice(numero, ident), contenu.fichier_du_chapitre(numero)[:-5], ident)


def exercices(numero: str, idents: Sequence[str], titre: str) -> Quiz:
    """Plusieurs exercices du même chapitre réunis, avec un score : ``exercices("06", ["ctr", "cpc"], "…")``."""
    return Quiz(titre, [exercice(numero, i) for i in idents])


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
    retour = corriger_nombre(reponse, attendu, donnees.get("tolerance", 0.05), indice=" ")
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


def _brancher_progres() -> None:
    """Les réponses sont gardées d'une séance à l'autre (``coursekit.progres``)."""
    try:
        from coursekit import progres
    except ImportError:  # pragma: no cover
        return
    progres.brancher(sys.modules[__name__])


_brancher_progres()
