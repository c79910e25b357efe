"""Simulateurs du chapitre 05 : entonnoir AIDAR, comparaison de canaux, satisfaction, diagnostic."""

from __future__ import annotations

import html

import ipywidgets as widgets

from coursekit import contenu
from coursekit import entonnoir as calc
from coursekit import format as fmt
from coursekit.donnees import lire_csv
from coursekit.graphiques.entonnoir import (
    afficher_canaux,
    afficher_entonnoir,
    afficher_satisfaction,
    figure_canaux,
    figure_entonnoir,
    figure_satisfaction,
)
from coursekit.schemas import TEXTE as _TEXTE
from coursekit.tableaux import tableau
from coursekit.widgets.base import Curseur, SelectionVide, Simulateur, ZoneGraphique

FICHIER_CANAUX = "graine_de_ville_entonnoirs_canaux.csv"

SCHEMA_TAUX = {
    "type": "array",
    "minItems": 5,
    "maxItems": 5,
    "items": {"type": "number", "minimum": 0, "maximum": 100},
}
SCHEMA_DIAGNOSTIC = {
    "type": "object",
    "required": ["etapes"],
    "additionalProperties": False,
    "properties": {
        "etapes": {
            "type": "object",
            "minProperties": 3,
            "additionalProperties": {"type": "number", "minimum": 0},
        }
    },
}
_COLONNES_ENTONNOIR = ("etape", "volume", "taux_etape", "taux_global", "pertes")
_COLONNES_CANAUX = (
    "canal",
    "visites",
    "clients",
    "taux_conversion",
    "taux_global",
    "maillon_faible",
    "taux_maillon_faible",
)
SCHEMA_ENTETES = {
    "type": "object",
    "required": ["entonnoir", "canaux"],
    "additionalProperties": False,
    "properties": {
        nom: {
            "type": "object",
            "required": list(colonnes),
            "additionalProperties": False,
            "properties": {c: _TEXTE for c in colonnes},
        }
        for nom, colonnes in (("entonnoir", _COLONNES_ENTONNOIR), ("canaux", _COLONNES_CANAUX))
    },
}

TAUX_GRAINE_DE_VILLE = tuple(contenu.section("05", "taux_graine_de_ville", SCHEMA_TAUX))
"""Les taux d'étape du mois type (fichier de contenu du chapitre 05) : réglages de départ du simulateur."""
DIAGNOSTIC_EXERCICE = dict(contenu.section("05", "diagnostic", SCHEMA_DIAGNOSTIC)["etapes"])
"""L'entonnoir à diagnostiquer dans « À vous de jouer » (campagne de rentrée de Graine de Ville)."""
ENTETES = contenu.section("05", "entetes", SCHEMA_ENTETES)
"""Les en-têtes des tableaux du chapitre (fichier de contenu)."""


def enonce_diagnostic() -> str:
    """L'énoncé du diagnostic en Markdown : le tableau des volumes, lu dans le fichier de contenu."""
    titres = ENTETES["entonnoir"]
    lignes = [f"| {titres['etape'].lower()} | {titres['volume'].lower()} |", "| --- | ---: |"]
    lignes += [f"| {etape} | {fmt.nombre(volume)} |" for etape, volume in DIAGNOSTIC_EXERCICE.items()]
    return "\n".join(lignes)


def tableau_html(table) -> str:
    """Petit tableau HTML des volumes, taux et pertes d'un entonnoir, à la française."""
    lignes = "".join(
        f"<tr><td>{html.escape(str(ligne.etape))}</td><td style='text-align:right'>{fmt.nombre(ligne.volume)}</td>"
        f"<td style='text-align:right'>{fmt.pourcent(ligne.taux_etape)}</td>"
        f"<td style='text-align:right'>{fmt.pourcent(ligne.taux_global)}</td>"
        f"<td style='text-align:right'>{fmt.nombre(ligne.pertes)}</td></tr>"
        for ligne in table.itertuples(index=False)
    )
    return (
        "<table class='coursekit-tableau' style='border-collapse:collapse;font-size:1.05em'>"
        "<tr style='background:#eef4fb'>"
        + "".join(
            f"<th style='{'text-align:left;' if cle == 'etape' else ''}padding:0 0.8em'>{html.escape(titre)}</th>"
            for cle, titre in ENTETES["entonnoir"].items()
        )
        + f"</tr>{lignes}</table>"
    )


def vue_entonnoir(table, titre: str = "Entonnoir de conversion"):
    """Tableau d'un entonnoir (de :func:`coursekit.entonnoir.entonnoir`) prêt à afficher, à la française."""
    return tableau(
        table,
        formats={
            "volume": fmt.nombre,
            "taux_etape": fmt.pourcent,
            "taux_global": fmt.pourcent,
            "pertes": fmt.nombre,
        },
        titre=titre,
        entetes=dict(ENTETES["entonnoir"]),
    )


def vue_canaux(comparaison, titre: str = "Un entonnoir par canal"):
    """Tableau de :func:`coursekit.entonnoir.comparer_canaux` prêt à afficher, à la française."""
    return tableau(
        comparaison,
        formats={
            "visites": fmt.nombre,
            "clients": fmt.nombre,
            "taux_conversion": fmt.pourcent,
            "taux_global": fmt.pourcent,
            "taux_maillon_faible": fmt.pourcent,
        },
        titre=titre,
        entetes=dict(ENTETES["canaux"]),
    )


class SimulateurEntonnoir(Simulateur):
    """Audience de départ et un taux par étape AIDAR : l'entonnoir, son maillon faible et le gain possible."""

    titre = "Simulateur « Entonnoir AIDAR »"

    def __init__(
        self, audience: int = 500, taux=TAUX_GRAINE_DE_VILLE, panier_moyen: int = 50, gain: int = 10
    ):
        self.audience = Curseur("Audience (visites/mois)", 100, 5_000, 50, audience, fmt.nombre, entier=True)
        self.taux = [
            Curseur(f"Taux {etape}", 0, 100, 1, t, fmt.pourcent, entier=True)
            for etape, t in zip(calc.AIDAR, taux, strict=True)
        ]
        self.panier_moyen = Curseur("Panier moyen", 5, 200, 5, panier_moyen, fmt.monnaie, entier=True)
        self.gain = Curseur(
            "Gain sur le maillon faible", 0, 30, 1, gain, lambda x: fmt.points(x, 0), entier=True
        )
        self.elements = figure_entonnoir(("Visites", *calc.AIDAR))
        self.graphique = ZoneGraphique(self.elements.figure)
        self.tableau = widgets.HTML()
        reglages = widgets.HBox(
            [
                widgets.VBox([self.audience, *self.taux]),
                widgets.VBox([self.panier_moyen, self.gain]),
            ],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        super().__init__([reglages, self.graphique, self.message, self.tableau])
        for curseur in (self.audience, *self.taux, self.panier_moyen, self.gain):
            curseur.quand_change(self.actualiser)
        self.actualiser()

    def calcul(self):
        """Tableau de l'entonnoir, maillon faible et effet du gain de points."""
        taux = [c.value for c in self.taux]
        table = calc.entonnoir_simule(self.audience.value, taux)
        faible = calc.maillon_faible(list(zip(table["etape"], table["volume"], strict=True)))
        gain = calc.ameliorer_etape(
            self.audience.value, taux, faible, self.gain.value, panier_moyen=self.panier_moyen.value
        )
        return table, faible, gain

    def actualiser(self, _changement=None) -> None:
        ok, resultat = self.calculer(self.calcul)
        if not ok:
            return
        table, faible, gain = resultat
        afficher_entonnoir(self.elements, table, faible)
        self.graphique.actualiser()
        self.ecrire_a_la_cadence(self.tableau, lambda: tableau_html(table))
        self.message.info(self.phrase(table, faible, gain))

    def phrase(self, table, faible: str, gain: calc.Amelioration) -> str:
        """Le maillon faible expliqué, puis ce que rapporteraient quelques points de plus."""
        etapes = list(table["etape"])
        rang = etapes.index(faible)
        avant, ici = table.iloc[rang - 1], table.iloc[rang]
        debut = (
            f"Le maillon faible est l'étape {faible} : elle ne garde que {fmt.pourcent(ici['taux_etape'])} "
            f"des personnes de l'étape {avant['etape']} ({fmt.nombre(avant['volume'])} → "
            f"{fmt.nombre(ici['volume'])}), le plus petit taux de l'entonnoir."
        )
        if gain.points_gagnes == 0:
            if gain.taux_avant >= 100:
                return debut + f" Ce taux est déjà à {fmt.pourcent(100)} : il n'y a plus rien à gagner ici."
            return debut + " Déplacez le curseur « Gain » pour voir ce que rapporterait une amélioration."
        hausse = (
            f" En gagnant {fmt.points(gain.points_gagnes, 0, signe=False)} sur cette étape "
            f"({fmt.pourcent(gain.taux_avant)} → {fmt.pourcent(gain.taux_apres)}), "
        )
        if gain.clients_en_plus > 0:
            return (
                debut
                + hausse
                + (
                    f"Graine de Ville aurait {fmt.nombre(gain.clients_en_plus)} clients de plus par mois, soit "
                    f"{fmt.monnaie(gain.ca_en_plus)} de chiffre d'affaires en plus avec un panier moyen de "
                    f"{fmt.monnaie(self.panier_moyen.value)}."
                )
            )
        if rang > etapes.index("Action"):
            return (
                debut
                + hausse
                + (
                    "elle ne gagnerait aucun client de plus (l'achat est déjà fait) mais "
                    f"{fmt.nombre(gain.derniere_apres - gain.derniere_avant)} recommandations de plus par mois : "
                    "de futurs visiteurs, amenés gratuitement par le bouche-à-oreille."
                )
            )
        return debut + hausse + "aucun client de plus : une étape suivante est à 0 %."


class SimulateurCanaux(Simulateur):
    """Cochez des canaux d'acquisition : leurs entonnoirs comparés, le meilleur et le maillon faible de chacun."""

    titre = "Simulateur « Entonnoir par canal »"

    def __init__(self, donnees=None, choisis=None):
        self.donnees = lire_csv(FICHIER_CANAUX, ["canal", "etape", "volume"]) if donnees is None else donnees
        self.tables = calc.entonnoirs_par_canal(self.donnees)
        noms = list(self.tables)
        choisis = noms if choisis is None else list(choisis)
        self.cases = {
            canal: widgets.Checkbox(value=canal in choisis, description=canal, indent=False) for canal in noms
        }
        etapes = tuple(self.tables[noms[0]]["etape"])[1:]
        self.elements = figure_canaux(noms, etapes)
        self.graphique = ZoneGraphique(self.elements.figure)
        cases = widgets.HBox(list(self.cases.values()), layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([widgets.HTML("<b>Canaux à comparer :</b>"), cases, self.graphique, self.message])
        for case in self.cases.values():
            case.observe(self.actualiser, names="value")
        self.actualiser()

    @property
    def canaux_choisis(self) -> list[str]:
        """Les canaux cochés, dans l'ordre du fichier."""
        return [canal for canal, case in self.cases.items() if case.value]

    def calcul(self):
        """Comparaison des canaux cochés (au moins un)."""
        if not self.canaux_choisis:
            raise SelectionVide("Cochez au moins un canal pour voir la comparaison des entonnoirs.")
        return calc.comparer_canaux(self.donnees, self.canaux_choisis)

    def actualiser(self, _changement=None) -> None:
        ok, comparaison = self.calculer(self.calcul)
        if not ok:
            return
        afficher_canaux(self.elements, self.tables, comparaison)
        self.graphique.actualiser()
        self.message.info(self.phrase(comparaison))

    def phrase(self, comparaison) -> str:
        """Le canal qui convertit le mieux, puis le maillon faible de chaque canal."""
        meilleur = calc.meilleur_canal(comparaison)
        ligne = comparaison.set_index("canal").loc[meilleur]
        faibles = " ; ".join(
            f"{c.canal} → {c.maillon_faible} ({fmt.pourcent(c.taux_maillon_faible)})"
            for c in comparaison.itertuples(index=False)
        )
        if len(comparaison) == 1:
            debut = (
                f"{meilleur} transforme {fmt.pourcent(ligne['taux_conversion'])} de ses visites en commandes "
                f"({fmt.nombre(ligne['clients'])} sur {fmt.nombre(ligne['visites'])})."
            )
        else:
            debut = (
                f"Parmi les canaux cochés, {meilleur} convertit le mieux : "
                f"{fmt.pourcent(ligne['taux_conversion'])} de ses visites deviennent des commandes "
                f"({fmt.nombre(ligne['clients'])} sur {fmt.nombre(ligne['visites'])})."
            )
        return f"{debut} Maillon faible de chaque canal : {faibles}."


class SimulateurSatisfaction(Simulateur):
    """Satisfaction = expérience vécue − attentes, sur deux curseurs de 0 à 10."""

    titre = "Simulateur « Satisfaction »"

    def __init__(self, attentes: float = 8, vecue: float = 7):
        self.attentes = Curseur("Attentes du client", 0, 10, 0.5, attentes, fmt.nombre)
        self.vecue = Curseur("Expérience vécue", 0, 10, 0.5, vecue, fmt.nombre)
        self.elements = figure_satisfaction()
        self.graphique = ZoneGraphique(self.elements.figure)
        super().__init__([self.attentes, self.vecue, self.graphique, self.message])
        self.attentes.quand_change(self.actualiser)
        self.vecue.quand_change(self.actualiser)
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        ok, ecart = self.calculer(lambda: calc.satisfaction(self.vecue.value, self.attentes.value))
        if not ok:
            return
        afficher_satisfaction(self.elements, self.attentes.value, self.vecue.value, ecart)
        self.graphique.actualiser()
        texte = (
            f"Satisfaction = {fmt.nombre(self.vecue.value)} − {fmt.nombre(self.attentes.value)} = "
            f"{fmt.nombre(ecart, 1, signe=True)}, soit un {calc.lire_satisfaction(ecart)}."
        )
        (self.message.succes if ecart >= 0 else self.message.info)(texte)


class ExerciceDiagnostic(Simulateur):
    """« À vous de jouer » : désigner le maillon faible d'un entonnoir et cocher deux actions."""

    titre = "Diagnostic d'un entonnoir"

    def __init__(self, etapes=None, catalogue=None):
        self.etapes = dict(DIAGNOSTIC_EXERCICE if etapes is None else etapes)
        self.catalogue = dict(calc.ACTIONS if catalogue is None else catalogue)
        noms = list(self.etapes)
        self.choix_etape = widgets.RadioButtons(
            options=noms[1:], value=None, description="Maillon faible", style={"description_width": "9em"}
        )
        self.actions = {
            action: widgets.Checkbox(value=False, description=action, indent=False, layout={"width": "auto"})
            for action in self.catalogue
        }
        self.idee = widgets.Textarea(
            placeholder="Votre propre idée d'action (facultatif)",
            layout=widgets.Layout(width="38em", height="4em"),
        )
        self.bouton = widgets.Button(description="Vérifier", button_style="primary")
        self.details = widgets.HTML()
        super().__init__(
            [
                self.choix_etape,
                widgets.HTML("<b>Cochez deux actions :</b>"),
                widgets.VBox(list(self.actions.values())),
                self.idee,
                self.bouton,
                self.message,
                self.details,
            ]
        )
        self.bouton.on_click(lambda _b: self.verifier())

    @property
    def actions_cochees(self) -> list[str]:
        """Les actions cochées, dans l'ordre de la liste."""
        return [action for action, case in self.actions.items() if case.value]

    def verifier(self) -> calc.Diagnostic | None:
        """Corrige le diagnostic et affiche une explication par choix (l'idée libre est reprise, échappée)."""
        ok, diagnostic = self.calculer(
            lambda: calc.corriger_diagnostic(
                self.etapes, self.choix_etape.value, self.actions_cochees, self.catalogue
            )
        )
        if not ok:
            self.details.value = ""
            return None
        points = [html.escape(e) for e in diagnostic.explications]
        if self.idee.value.strip():
            points.append(
                f"Votre idée « {html.escape(self.idee.value.strip())} » : demandez-vous quelle étape elle "
                "améliore d'abord, puis comparez avec la solution du professeur."
            )
        self.details.value = (
            "<ul style='font-size:1.05em'>" + "".join(f"<li>{p}</li>" for p in points) + "</ul>"
        )
        if diagnostic.juste:
            self.message.succes("Diagnostic juste et deux actions bien ciblées : bravo !", gras="")
        else:
            # « aucune des deux actions ne le vise », « une action sur deux le vise » : pas de « action(s) »
            ciblage = {
                0: "aucune des deux actions ne le vise",
                1: "une action sur deux le vise",
            }.get(diagnostic.actions_justes, "les deux actions le visent")
            self.message.erreur(
                f"Maillon faible {'juste' if diagnostic.maillon_juste else 'à revoir'}, "
                f"{ciblage}. Lisez les explications ci-dessous.",
                gras="",
            )
        return diagnostic
