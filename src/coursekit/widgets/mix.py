"""Outils du chapitre 01 : explorateur du mix digital, sélecteur de canaux, répartiteur de budget.

Les widgets lisent les réglages et appellent les calculateurs de :mod:`coursekit.mix` ;
ils ne font aucun calcul métier eux-mêmes.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from coursekit import format as fmt
from coursekit import mix
from coursekit import validation as v
from coursekit.affichage import COULEUR_ATTEINT, COULEUR_MANQUE, COULEUR_PRINCIPALE
from coursekit.erreurs import ErreurSaisie
from coursekit.graphiques.mix import COULEUR_ECARTE, figure_adequation, figure_budget
from coursekit.widgets.base import ChampNombre, Curseur, SelectionVide, Simulateur, ZoneGraphique, ZoneMessage


def _fiche_politique(politique: mix.Politique) -> str:
    leviers = "".join(f"<li>{html.escape(levier)}</li>" for levier in politique.leviers)
    objectifs = ""
    if politique.objectifs:
        liste = "".join(f"<li>{html.escape(o)}</li>" for o in politique.objectifs)
        objectifs = f"<p style='margin:0.4em 0 0.2em'><strong>Ses objectifs</strong></p><ul>{liste}</ul>"
    return (
        "<div style='font-size:1.1em;line-height:1.45'>"
        f"<p><em>{html.escape(politique.role)}</em></p>"
        f"{objectifs}"
        f"<p style='margin:0.4em 0 0.2em'><strong>Ses leviers</strong></p><ul>{leviers}</ul>"
        "<p style='background:#eef4fb;padding:0.5em 0.8em;border-radius:6px'>"
        f"<strong>Chez Graine de Ville\u00a0:</strong> {html.escape(politique.exemple)}</p></div>"
    )


# Au projecteur, les titres d'onglets gardent leur largeur par défaut et sont coupés
# (« 2. Communica… ») : ici, chaque onglet prend la largeur de son titre.
_STYLE_ONGLETS = (
    "<style>.coursekit-explorateur .lm-TabBar-tab, .coursekit-explorateur .p-TabBar-tab"
    " { flex: 0 0 auto !important; max-width: none !important; }"
    ".coursekit-explorateur .lm-TabBar-content, .coursekit-explorateur .p-TabBar-content"
    " { flex-wrap: wrap; }</style>"
)


class ExplorateurMix(widgets.Tab):
    """Un onglet par politique du mix digital : son rôle, ses leviers, un exemple pour Graine de Ville."""

    def __init__(self):
        self.fiches = [
            widgets.HTML(_STYLE_ONGLETS + _fiche_politique(p)) for p in mix.POLITIQUES_MIX_DIGITAL.values()
        ]
        super().__init__(children=self.fiches)
        for rang, nom in enumerate(mix.POLITIQUES_MIX_DIGITAL):
            self.set_title(rang, f"{rang + 1}. {nom.capitalize()}")
        self.add_class("coursekit-explorateur")

    def __repr__(self) -> str:
        return "Explorateur des sept politiques du mix digital (cliquez sur les onglets)"


class SelecteurCanaux(Simulateur):
    """Objectif et habitudes de la cible → leviers recommandés, avec la raison et un graphique."""

    titre = "Simulateur «\u00a0Quels canaux choisir\u00a0?\u00a0»"
    sorties = ("liste",)

    def __init__(self, objectif: str = "visibilité", habitudes=("Instagram", "TikTok")):
        self.objectif = widgets.ToggleButtons(
            options=list(mix.OBJECTIFS), value=objectif, description="Objectif", style={"button_width": "9em"}
        )
        self.cases = {
            h: widgets.Checkbox(value=h in habitudes, description=h, indent=False, layout={"width": "11em"})
            for h in mix.HABITUDES
        }
        self.liste = widgets.HTML()
        self.noms = list(mix.LEVIERS)
        self.figure, self.barres, self.etiquettes = figure_adequation(self.noms)
        self.graphique = ZoneGraphique(self.figure)
        cases = widgets.HBox(
            [widgets.Label("La cible utilise\u00a0:", layout={"width": "9em"}), *self.cases.values()],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        super().__init__([self.objectif, cases, self.message, self.liste, self.graphique])
        self.objectif.observe(self.actualiser, names="value")
        for case in self.cases.values():
            case.observe(self.actualiser, names="value")
        self.actualiser()

    @property
    def habitudes(self) -> list[str]:
        """Les habitudes cochées, dans l'ordre de la liste."""
        return [h for h, case in self.cases.items() if case.value]

    def calcul(self):
        """La recommandation et les scores de tous les leviers pour les réglages en cours."""
        if not self.habitudes:
            raise SelectionVide(
                "Cochez au moins une habitude de la cible pour voir les canaux qui la touchent."
            )
        objectif, habitudes = self.objectif.value, self.habitudes
        return mix.recommander_leviers(objectif, habitudes), mix.adequation_leviers(objectif, habitudes)

    def actualiser(self, _changement=None) -> None:
        ok, resultat = self.calculer(self.calcul)
        if not ok:
            return
        reco, scores = resultat
        retenus = set(reco.noms)
        for barre, etiquette, nom in zip(self.barres, self.etiquettes, self.noms, strict=True):
            barre.set_width(scores[nom])
            barre.set_color(COULEUR_PRINCIPALE if nom in retenus else COULEUR_ECARTE)
            etiquette.set_x(scores[nom] + 1.5)
            etiquette.set_text(fmt.pourcent(scores[nom], 0))
        self.graphique.actualiser()
        self.liste.value = self.liste_html(reco)
        nombre = len(reco.leviers)
        if nombre == 0:
            self.message.info(
                f"Objectif «\u00a0{reco.objectif}\u00a0»\u00a0: aucun levier ne touche bien cette cible. "
                "Cochez d'autres habitudes ou changez d'objectif."
            )
            return
        pluriel = "s" if nombre > 1 else ""
        phrase = (
            f"Objectif «\u00a0{reco.objectif}\u00a0»\u00a0: {nombre} levier{pluriel} recommandé{pluriel}."
        )
        if reco.avertissement:
            self.message.erreur(f"{phrase} {reco.avertissement}", gras="Attention\u00a0:")
        else:
            self.message.succes(f"{phrase} Une petite équipe peut tenir ce nombre de canaux.")

    @staticmethod
    def liste_html(reco: mix.Recommandation) -> str:
        """Liste HTML (échappée) des leviers recommandés et de leurs raisons."""
        if not reco.leviers:
            return ""  # la phrase du simulateur dit déjà quoi faire
        lignes = "".join(
            f"<li><strong>{html.escape(levier.nom)}</strong> ({html.escape(fmt.pourcent(levier.score, 0))})\u00a0: "
            f"{html.escape(levier.raison)}</li>"
            for levier in reco.leviers
        )
        return f"<ol style='font-size:1.1em;line-height:1.45'>{lignes}</ol>"


class SimulateurBudget(Simulateur):
    """Budget total, part de chaque canal et réserve de sécurité → montants et graphique."""

    titre = "Simulateur «\u00a0Répartir le budget\u00a0»"
    PAS = 0.5

    def __init__(self, total: str = "5\u202f000", parts=None, marge: float = 10):
        parts = dict(mix.REPARTITION_EXEMPLE if parts is None else parts)
        self.canaux = list(parts)
        self.total = ChampNombre("Budget total", total, libelle="Le budget total", unite=fmt.symbole_devise())
        self.curseurs = {
            canal: Curseur(canal, 0, 100, self.PAS, parts[canal], fmt.pourcent) for canal in self.canaux
        }
        # Le curseur va de 5 à 20 % pour qu'on voie ce qui se passe hors de la fourchette conseillée (10-15 %).
        self.reserve = Curseur(mix.NOM_RESERVE, 5, 20, self.PAS, marge, fmt.pourcent)
        self.ajuster = widgets.Button(
            description="Ajuster à 100\u00a0%",
            tooltip="Met les parts à la proportionnelle pour faire 100\u00a0%",
            layout=widgets.Layout(width="fit-content"),
        )
        self.figure, self.barres, self.etiquettes = figure_budget([*self.canaux, mix.NOM_RESERVE])
        self.graphique = ZoneGraphique(self.figure)
        super().__init__(
            [self.total, *self.curseurs.values(), self.reserve, self.ajuster, self.message, self.graphique]
        )
        self.total.quand_change(self.actualiser)
        for curseur in (*self.curseurs.values(), self.reserve):
            curseur.quand_change(self.actualiser)
        self.ajuster.on_click(lambda _bouton: self.ajuster_a_cent())
        self.actualiser()

    @property
    def parts(self) -> dict[str, float]:
        """La part de chaque canal, lue sur les curseurs (en %)."""
        return {canal: curseur.value for canal, curseur in self.curseurs.items()}

    def calcul(self):
        """Le tableau de répartition pour les réglages en cours."""
        try:
            total = self.total.lire(
                lambda x: v.strictement_positif(x, "Le budget total", "pour être réparti")
            )
        except ErreurSaisie as erreur:
            # Les curseurs continuent de répondre pendant que le budget est à corriger.
            somme = 100 - mix.ecart_a_cent(self.parts, self.reserve.value)
            raise ErreurSaisie(
                f"{erreur} Vos réglages sont gardés\u00a0: parts et réserve font {fmt.pourcent(somme)}."
            ) from None
        return mix.repartir_budget(total, self.parts, marge_securite=self.reserve.value)

    def actualiser(self, _changement=None) -> None:
        ok, tableau = self.calculer(self.calcul)
        if not ok:
            return  # message sous le champ ; curseurs gardés, graphique estompé jusqu'à la correction
        montants = tableau["montant"].tolist()
        for barre, etiquette, montant, part in zip(
            self.barres, self.etiquettes, montants, tableau["part"], strict=True
        ):
            barre.set_width(montant)
            etiquette.set_x(montant)
            etiquette.set_text(f" {fmt.monnaie(montant)} ({fmt.pourcent(part)})")
        self.barres[0].axes.set_xlim(0, max(montants) * 1.45 or 1)
        self.graphique.actualiser()
        self.message.info(self.phrase(tableau))

    def phrase(self, tableau) -> str:
        """Interprétation du tableau en une phrase."""
        canaux = tableau.iloc[:-1] if tableau["canal"].iloc[-1] == mix.NOM_RESERVE else tableau
        premier = canaux.loc[canaux["montant"].idxmax()]
        reserve = tableau.iloc[-1]
        total = tableau["montant"].sum()
        phrase = (
            f"Sur {fmt.monnaie(total)}, le premier poste est «\u00a0{premier['canal']}\u00a0» avec "
            f"{fmt.monnaie(premier['montant'])} ({fmt.pourcent(premier['part'])})\u00a0; la réserve de "
            f"{fmt.monnaie(reserve['montant'])} ({fmt.pourcent(reserve['part'])}) couvre les imprévus."
        )
        bas, haut = mix.MARGE_CONSEILLEE
        if not bas <= reserve["part"] <= haut:
            phrase += (
                f" Attention\u00a0: une réserve de {fmt.pourcent(reserve['part'])} sort de la fourchette "
                f"conseillée ({fmt.nombre(bas)} à {fmt.pourcent(haut)})."
            )
        return phrase

    def ajuster_a_cent(self) -> None:
        """Remet les parts à la proportionnelle pour que, avec la réserve, elles fassent 100 %."""
        ok, parts = self.calculer(lambda: mix.normaliser_parts(self.parts, self.reserve.value, pas=self.PAS))
        if not ok:
            return
        for canal, part in parts.items():
            self.curseurs[canal].value = part
        self.actualiser()


class ExerciceBudget(SimulateurBudget):
    """À vous de jouer : répartir les 5 000 € de Graine de Ville pour gagner en visibilité."""

    titre = "À vous de jouer\u00a0: le budget visibilité de Graine de Ville"

    def __init__(self):
        budget = mix.donnees("budget")
        depart = dict.fromkeys(mix.REPARTITION_EXEMPLE, float(budget.get("exercice_part_depart", 18)))
        super().__init__("5\u202f000", depart, marge=budget.get("exercice_reserve_depart", 10))
        self.verifier_bouton = widgets.Button(
            description="Vérifier ma répartition",
            button_style="primary",
            layout=widgets.Layout(width="fit-content"),
        )
        self.retour = ZoneMessage()
        self.verifier_bouton.on_click(lambda _bouton: self.verifier())
        self.children = [*self.children, self.verifier_bouton, self.retour]

    def verifier(self) -> mix.Bilan | None:
        """Corrige la répartition en cours et affiche les remarques."""
        try:
            bilan = mix.evaluer_repartition(self.parts, self.reserve.value)
        except ErreurSaisie as erreur:
            self.retour.erreur(str(erreur))
            return None
        texte = " ".join(bilan.remarques)
        if bilan.reussi:
            self.retour.succes(texte, gras="Bien joué\u00a0!")
        else:
            self.retour.erreur(texte, gras="Pas encore\u00a0:")
        return bilan


class ExercicePushPull(widgets.VBox):
    """À vous de jouer : classer des leviers en push ou en pull, avec une explication par réponse."""

    def __init__(self):
        self.choix = {
            levier: widgets.ToggleButtons(
                options=["push", "pull"], value=None, description="", style={"button_width": "5em"}
            )
            for levier in mix.PUSH_PULL
        }
        lignes = [
            widgets.HBox([widgets.Label(levier, layout={"width": "26em"}), bouton])
            for levier, bouton in self.choix.items()
        ]
        self.bouton = widgets.Button(description="Vérifier", button_style="primary")
        self.retour = widgets.HTML()
        self.bouton.on_click(lambda _bouton: self.verifier())
        entete = widgets.HTML("<h3 style='margin:0.2em 0'>Push ou pull\u00a0?</h3>")
        super().__init__([entete, *lignes, self.bouton, self.retour])

    def verifier(self) -> int:
        """Corrige chaque ligne ; rend le nombre de bonnes réponses."""
        corrections = mix.classer_push_pull({levier: b.value for levier, b in self.choix.items()})
        items = "".join(
            f"<li style='color:{COULEUR_ATTEINT if juste else COULEUR_MANQUE}'>"
            f"{'✔' if juste else '✘'} <strong>{html.escape(levier)}</strong>\u00a0: {html.escape(explication)}</li>"
            for levier, (juste, explication) in corrections.items()
        )
        justes = sum(juste for juste, _ in corrections.values())
        self.retour.value = (
            f"<div class='coursekit-message' style='font-size:1.1em;line-height:1.45'>"
            f"<p><strong>{justes} sur {len(corrections)}</strong></p><ul>{items}</ul></div>"
        )
        return justes

    def __repr__(self) -> str:
        return "Exercice «\u00a0Push ou pull\u00a0?\u00a0» (exécutez le notebook pour répondre)"
