"""Outils du chapitre 00 : glossaire interactif et comparateur d'influenceurs."""

from __future__ import annotations

import html

import ipywidgets as widgets

from coursekit import contenu, influence
from coursekit import format as fmt
from coursekit.erreurs import ErreurSaisie
from coursekit.glossaire import chercher, sigles
from coursekit.graphiques.introduction import figure_influence
from coursekit.widgets.base import ChampNombre, Curseur, Simulateur, ZoneGraphique


class Glossaire(Simulateur):
    """Tapez un sigle (ou choisissez-le) : sa forme développée et sa définition s'affichent."""

    titre = "Glossaire du marketing digital"

    def __init__(self, sigle: str = "ROI"):
        self.liste = widgets.Dropdown(
            options=sigles(),
            value=sigle,
            description="Sigle",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="22em", max_width="100%"),
        )
        self.recherche = widgets.Text(
            value="",
            placeholder="ou tapez un sigle, par exemple cpl",
            description="Recherche",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="30em", max_width="100%"),
        )
        self.fiche = widgets.HTML()
        super().__init__(
            [
                widgets.HBox([self.liste, self.recherche], layout={"flex_flow": "row wrap"}),
                self.fiche,
                self.message,
            ]
        )
        self.liste.observe(self._depuis_liste, names="value")
        self.recherche.observe(self._depuis_recherche, names="value")
        self.afficher(sigle)

    def _depuis_liste(self, _changement=None) -> None:
        self.afficher(self.liste.value)

    def _depuis_recherche(self, _changement=None) -> None:
        if self.recherche.value.strip():
            self.afficher(self.recherche.value)

    def afficher(self, requete: str) -> None:
        """Affiche la fiche du terme, ou un message qui propose des sigles proches."""
        ok, terme = self.calculer(lambda: chercher(requete))
        if not ok:
            self.fiche.value = ""
            return
        self.fiche.value = (
            f"<div style='font-size:1.2em;line-height:1.5'><strong>{html.escape(terme.sigle)}</strong>\u00a0: "
            f"<em>{html.escape(terme.developpe)}</em><br>{html.escape(terme.definition)}"
            f"<br><small>Pour aller plus loin\u00a0: chapitre {html.escape(terme.chapitre.split('-')[0])}</small></div>"
        )
        self.message.info(f"{terme.sigle} fait partie des {len(sigles())} sigles du cours.")


def _titre_colonne(texte: str) -> widgets.HTML:
    return widgets.HTML(
        f"<strong>{html.escape(texte)}</strong>", layout=widgets.Layout(margin="0.3em 0 0 1em")
    )


_REGLAGE = {
    "type": "object",
    "required": ["minimum", "maximum", "pas", "depart"],
    "additionalProperties": False,
    "properties": {k: {"type": "number", "minimum": 0} for k in ("minimum", "maximum", "pas", "depart")},
}
_PROFIL = {
    "type": "object",
    "required": ["nom", "nom_axe", "abonnes", "engagement", "prix"],
    "additionalProperties": False,
    "properties": {
        "nom": {"type": "string", "minLength": 1},
        "nom_axe": {"type": "string", "minLength": 1},
        "abonnes": _REGLAGE,
        "engagement": _REGLAGE,
        "prix": _REGLAGE,
    },
}
SCHEMA_SIMULATEUR = {
    "type": "object",
    "required": ["budget", "profils"],
    "additionalProperties": False,
    "properties": {
        "budget": {"type": "number", "exclusiveMinimum": 0},
        "profils": {"type": "array", "minItems": 2, "maxItems": 2, "items": _PROFIL},
    },
}
"""La forme de la section ``simulateur_influence`` de ``contenu/00-introduction.yaml``."""


def reglages_influence() -> dict:
    """Les réglages du simulateur (noms, bornes et valeurs de départ des curseurs), lus dans le contenu."""
    return contenu.section("00", "simulateur_influence", SCHEMA_SIMULATEUR)


def _curseur(libelle: str, reglage: dict, affichage, entier: bool) -> Curseur:
    r = reglage
    return Curseur(libelle, r["minimum"], r["maximum"], r["pas"], r["depart"], affichage, entier=entier)


class SimulateurInfluence(Simulateur):
    """Micro-influenceur ou star ? Interactions obtenues avec un même budget et coût d'une interaction."""

    titre = "Simulateur «\u00a0Influenceurs\u00a0»"
    NOMS = tuple(p["nom"] for p in reglages_influence()["profils"])
    # Sous les barres, sur deux lignes : sur une seule, les deux noms se chevauchent.
    NOMS_AXE = tuple(p["nom_axe"] for p in reglages_influence()["profils"])

    def __init__(self):
        reglages = reglages_influence()
        micro, star = reglages["profils"]
        budget = fmt.nombre(reglages["budget"], 0)
        self.budget = ChampNombre("Budget", budget, libelle="Le budget", unite=fmt.symbole_devise())
        self.abonnes_micro = _curseur("Abonnés", micro["abonnes"], fmt.nombre, True)
        self.engagement_micro = _curseur("Engagement", micro["engagement"], fmt.pourcent, False)
        self.prix_micro = _curseur("Prix par publication", micro["prix"], fmt.monnaie, True)
        self.abonnes_star = _curseur("Abonnés", star["abonnes"], fmt.nombre, True)
        self.engagement_star = _curseur("Engagement", star["engagement"], fmt.pourcent, False)
        self.prix_star = _curseur("Prix par publication", star["prix"], fmt.monnaie, True)
        self.figure, self.barres_interactions, self.barres_couts, self.etiquettes = figure_influence(
            self.NOMS_AXE
        )
        self.graphique = ZoneGraphique(self.figure)
        reglages = widgets.HBox(
            [
                # Un titre par colonne : les libellés des curseurs restent courts (non coupés au projecteur).
                widgets.VBox(
                    [_titre_colonne(self.NOMS[0]), self.abonnes_micro, self.engagement_micro, self.prix_micro]
                ),
                widgets.VBox(
                    [_titre_colonne(self.NOMS[1]), self.abonnes_star, self.engagement_star, self.prix_star]
                ),
            ]
        )
        super().__init__([self.budget, reglages, self.graphique, self.message])
        for curseur in (
            self.abonnes_micro,
            self.engagement_micro,
            self.prix_micro,
            self.abonnes_star,
            self.engagement_star,
            self.prix_star,
        ):
            curseur.quand_change(self.actualiser)
        self.budget.quand_change(self.actualiser)
        self.actualiser()

    def _profil(self, abonnes, engagement, prix, budget) -> dict:
        cout = influence.cout_par_interaction(prix.value, abonnes.value, engagement.value)
        publications = int(budget // prix.value)
        return {
            "cout": cout,
            "publications": publications,
            "interactions": publications * influence.interactions_attendues(abonnes.value, engagement.value),
        }

    def calcul(self) -> tuple[dict, dict]:
        """Les deux profils calculés avec le budget tapé."""
        budget = self.budget.lire()
        if budget <= 0:
            raise ErreurSaisie("Le budget doit être supérieur à 0 pour acheter au moins une publication.")
        micro = self._profil(self.abonnes_micro, self.engagement_micro, self.prix_micro, budget)
        star = self._profil(self.abonnes_star, self.engagement_star, self.prix_star, budget)
        return micro, star

    def actualiser(self, _changement=None) -> None:
        ok, resultat = self.calculer(self.calcul)
        if not ok:
            return
        micro, star = resultat
        for i, profil in enumerate((micro, star)):
            self.barres_interactions[i].set_height(profil["interactions"])
            self.barres_couts[i].set_height(profil["cout"])
            self.etiquettes[i].set_position((i, profil["interactions"]))
            self.etiquettes[i].set_text(fmt.nombre(profil["interactions"], 0))
            self.etiquettes[2 + i].set_position((i, profil["cout"]))
            self.etiquettes[2 + i].set_text(fmt.monnaie(profil["cout"], 2))
        for axe, cle in ((self.barres_interactions, "interactions"), (self.barres_couts, "cout")):
            plus_haut = max(micro[cle], star[cle]) or 1
            axe[0].axes.set_ylim(0, plus_haut * 1.25)
        self.graphique.actualiser()
        self.message.info(self.phrase(micro, star))

    def phrase(self, micro: dict, star: dict) -> str:
        """Interprétation en une phrase."""
        if micro["publications"] == 0 and star["publications"] == 0:
            return (
                f"Ce budget ne paie aucune publication\u00a0: il faut au moins {fmt.monnaie(self.prix_micro.value)} "
                f"pour le micro-influenceur et {fmt.monnaie(self.prix_star.value)} pour le grand compte."
            )
        if star["publications"] == 0:
            return (
                f"Ce budget ne paie même pas une publication du grand compte ({fmt.monnaie(self.prix_star.value)})\u00a0: "
                f"le micro-influenceur, lui, en permet {micro['publications']}, soit "
                f"{fmt.nombre(micro['interactions'], 0)} interactions."
            )
        moins_cher, plus_cher = (micro, star) if micro["cout"] <= star["cout"] else (star, micro)
        nom = self.NOMS[0] if moins_cher is micro else self.NOMS[1]
        facteur = plus_cher["cout"] / moins_cher["cout"]
        if round(facteur, 1) <= 1:
            return (
                f"Une interaction coûte {fmt.monnaie(micro['cout'], 2)} avec le micro-influenceur et "
                f"{fmt.monnaie(star['cout'], 2)} avec le grand compte\u00a0: les deux se valent par interaction."
            )
        return (
            f"Une interaction coûte {fmt.monnaie(micro['cout'], 2)} avec le micro-influenceur et "
            f"{fmt.monnaie(star['cout'], 2)} avec le grand compte\u00a0: le {nom.lower()} est "
            f"{fmt.nombre(facteur)} fois moins cher par interaction."
        )
