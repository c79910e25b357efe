"""Simulateurs du chapitre 06 (KPI) : la campagne payante et le tableau de bord mensuel.

Les calculs viennent tous de :mod:`coursekit.kpi` ; ces widgets lisent les
réglages, appellent les calculateurs et mettent à jour graphique, tableau et phrase.
"""

from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets
from babel.dates import format_date

from coursekit import contenu, donnees, kpi, quiz, tableaux
from coursekit import format as fmt
from coursekit.affichage import COULEUR_ATTEINT, COULEUR_MANQUE
from coursekit.graphiques.kpi import figure_campagne, figure_tendances
from coursekit.quiz import Quiz
from coursekit.widgets.base import ChampNombre, Curseur, Simulateur, ZoneGraphique

FICHIER_RELEVES = "graine_de_ville_kpi_mensuels.csv"


def _carte(libelle: str, valeur: str, aide: str) -> str:
    return (
        "<div style='border:1px solid #c9d6e3;border-radius:6px;padding:0.3em 0.6em;min-width:8.5em'>"
        f"<div style='font-size:0.9em;color:#444'>{html.escape(libelle)}</div>"
        f"<div style='font-size:1.3em;font-weight:bold'>{html.escape(valeur)}</div>"
        f"<div style='font-size:0.9em;color:#555'>{html.escape(aide)}</div></div>"
    )


def cartes_campagne(r: dict) -> str:
    """Les résultats d'une campagne en petites cartes HTML, chiffres à la française."""
    cartes = [
        ("Clics", fmt.nombre(r["clics"], 0), f"taux de clic {fmt.pourcent(r['taux_clic'], 2)}"),
        ("Ventes", fmt.nombre(r["ventes"], 0), f"conversion {fmt.pourcent(r['taux_conversion'], 2)}"),
        ("CPC", fmt.monnaie(r["cpc"], 2), "coût d'un clic"),
        ("CPM", fmt.monnaie(r["cpm"], 2), "coût de 1 000 impressions"),
        ("CPA", fmt.monnaie(r["cpa"], 2), "coût d'une vente"),
        ("Chiffre d'affaires", fmt.monnaie(r["chiffre_affaires"], 0), "ventes × panier moyen"),
        ("Marge", fmt.monnaie(r["marge"], 0), "ce qui reste des ventes"),
        ("ROAS", fmt.ratio(r["roas"]), "chiffre d'affaires ÷ dépense"),
        ("ROI", fmt.pourcent(r["roi"], signe=True), "(marge − dépense) ÷ dépense"),
    ]
    contenu = "".join(_carte(*c) for c in cartes)
    return f"<div class='coursekit-resultats' style='display:flex;flex-wrap:wrap;gap:0.4em'>{contenu}</div>"


def phrase_campagne(r: dict) -> str:
    """Une phrase qui dit si la campagne se paie, en distinguant ROAS et ROI."""
    debut = f"ROAS {fmt.ratio(r['roas'])} et ROI {fmt.pourcent(r['roi'], signe=True)} : "
    if r["roas"] < 1:
        suite = (
            f"même le chiffre d'affaires ({fmt.monnaie(r['chiffre_affaires'], 0)}) ne couvre pas la dépense "
            f"({fmt.monnaie(r['budget'], 0)}). La campagne perd {fmt.monnaie(-r['resultat'], 0)}."
        )
    elif r["roi"] < 0:
        debut = debut.replace(" et ROI", " mais ROI")
        suite = (
            "le chiffre d'affaires couvre la dépense, mais la marge, non : "
            f"la campagne perd {fmt.monnaie(-r['resultat'], 0)}."
        )
    else:
        suite = (
            f"la marge couvre la dépense, la campagne est rentable et rapporte "
            f"{fmt.monnaie(r['resultat'], 0)} de plus qu'elle ne coûte."
        )
    if r["roas_seuil"] is not None:
        # À ROAS = 1 ÷ taux de marge, la marge rembourse juste la dépense : c'est un seuil, pas un gain.
        suite += (
            f" Avec cette marge, un ROAS de {fmt.ratio(r['roas_seuil'])} ne fait que rembourser la dépense "
            "(ROI de 0\u00a0%) : il faut le dépasser pour gagner de l'argent."
        )
    return debut + suite


class SimulateurCampagne(Simulateur):
    """Une campagne payante de bout en bout : des impressions aux ventes, puis ROAS et ROI."""

    titre = "Simulateur « Campagne »"
    sorties = ("resultats",)

    def __init__(self):
        self.budget = ChampNombre(
            "Budget", "1 000", libelle="Le budget de la campagne", unite=fmt.symbole_devise()
        )
        self.impressions = Curseur(
            "Impressions", 0, 300_000, 5_000, 100_000, lambda x: fmt.nombre(x, 0), entier=True
        )
        self.taux_clic = Curseur("Taux de clic (CTR)", 0, 10, 0.1, 2, fmt.pourcent)
        self.taux_conversion = Curseur("Taux de conversion", 0, 15, 0.1, 3.5, fmt.pourcent)
        self.panier_moyen = Curseur("Panier moyen", 5, 200, 1, 50, fmt.monnaie, entier=True)
        self.taux_marge = Curseur("Taux de marge", 0, 100, 1, 25, fmt.pourcent, entier=True)
        self.resultats = widgets.HTML()
        self.figure, self.barres, self.etiquettes, self.ligne_depense = figure_campagne()
        self.graphique = ZoneGraphique(self.figure)
        reglages = widgets.VBox(
            [
                self.budget,
                self.impressions,
                self.taux_clic,
                self.taux_conversion,
                self.panier_moyen,
                self.taux_marge,
            ]
        )
        # Réglages à gauche, graphique et phrase à droite (tout tient à l'écran du projecteur),
        # les cartes des indicateurs dessous.
        super().__init__([reglages, self.graphique, self.message, self.resultats])
        for curseur in self.curseurs:
            curseur.quand_change(self.actualiser)
        self.budget.quand_change(self.actualiser)
        self.actualiser()

    @property
    def curseurs(self) -> tuple[Curseur, ...]:
        return (self.impressions, self.taux_clic, self.taux_conversion, self.panier_moyen, self.taux_marge)

    def calcul(self) -> dict:
        """Les résultats de la campagne avec les réglages en cours (``kpi.simuler_campagne``)."""
        return kpi.simuler_campagne(
            budget=self.budget.lire(),
            impressions=self.impressions.value,
            taux_clic=self.taux_clic.value,
            taux_conversion=self.taux_conversion.value,
            panier_moyen=self.panier_moyen.value,
            taux_marge=self.taux_marge.value,
        )

    def actualiser(self, _changement=None) -> None:
        ok, r = self.calculer(self.calcul)
        if not ok:
            return  # message sous le champ ; cartes et graphique estompés jusqu'à la correction
        self.resultats.value = cartes_campagne(r)
        hauteurs = (r["budget"], r["chiffre_affaires"], r["marge"])
        for barre, etiquette, hauteur in zip(self.barres, self.etiquettes, hauteurs, strict=True):
            barre.set_height(hauteur)
            etiquette.set_y(hauteur)
            etiquette.set_text(fmt.monnaie(hauteur, 0))
        self.barres[2].set_color(COULEUR_ATTEINT if r["marge"] >= r["budget"] else COULEUR_MANQUE)
        self.ligne_depense.set_ydata([r["budget"], r["budget"]])
        self.barres[0].axes.set_ylim(0, max(hauteurs) * 1.2)
        self.graphique.actualiser()
        self.message.info(phrase_campagne(r))


def nom_du_mois(mois: str) -> str:
    """``"2026-04"`` → ``"avril 2026"``."""
    annee, numero = (int(x) for x in mois.split("-"))
    return format_date(date(annee, numero, 1), "MMMM y", locale="fr_FR")


def _mois_court(mois: str) -> str:
    annee, numero = (int(x) for x in mois.split("-"))
    return format_date(date(annee, numero, 1), "MMM", locale="fr_FR")


PERIODE = "semestre"
TITRES_KPI = dict(kpi.LIBELLES_TABLEAU_DE_BORD["titres_courbes"])
"""Titres des quatre courbes du tableau de bord (fichier de contenu du chapitre 06)."""


def phrase_tableau_de_bord(tdb, periode: str) -> str:
    """Combien d'objectifs sont atteints, et lequel est le plus en retard."""
    atteints = int(tdb["atteint"].sum())
    debut = f"{periode[:1].upper()}{periode[1:]} : {atteints} objectif{'s' if atteints > 1 else ''} sur {len(tdb)} atteint{'s' if atteints > 1 else ''}."
    manques = tdb[~tdb["atteint"]]
    if manques.empty:
        return debut + " Tout est au vert : gardez le cap, et pensez à relever les objectifs."
    retards = [
        f"{_minuscule(ligne.kpi)}, {_ecart(ligne.ecart, ligne.unite_ecart)}" for ligne in manques.itertuples()
    ]
    return debut + " À travailler : " + " ; ".join(retards) + "."


def _ecart(ecart: float, unite_ecart: str) -> str:
    return fmt.points(ecart) if unite_ecart == "points" else fmt.pourcent(ecart, signe=True)


def _minuscule(texte: str) -> str:
    # « Leads » devient « leads », mais « ROAS » reste « ROAS ».
    return texte[:1].lower() + texte[1:] if texte[1:2].islower() else texte


class TableauDeBordMensuel(Simulateur):
    """Le tableau de bord « objectif vs réalisé » de Graine de Ville, mois par mois ou sur le semestre."""

    titre = "Tableau de bord de Graine de Ville"
    sorties = ("tableau",)

    def __init__(self, releves=None):
        self.releves = donnees.lire_csv(FICHIER_RELEVES, kpi.COLONNES_RELEVES) if releves is None else releves
        self.mensuels = kpi.kpi_mensuels(self.releves)
        mois = list(self.releves["mois"])
        premier, dernier = nom_du_mois(mois[0]), nom_du_mois(mois[-1])
        options = [(f"Tout le semestre ({premier} à {dernier})", PERIODE)] + [
            (nom_du_mois(m), m) for m in mois
        ]
        self.choix_mois = widgets.Dropdown(options=options, value=mois[-1], description="Période")
        self.tableau = widgets.HTML()
        objectifs = kpi.OBJECTIFS_GRAINE_DE_VILLE
        self.figure, self.reperes = figure_tendances(
            [_mois_court(m) for m in mois],
            {cle: list(self.mensuels[cle]) for cle in TITRES_KPI},
            {
                "taux_engagement": objectifs["taux_engagement"],
                "leads": objectifs["leads_semestre"] / objectifs["mois"],
                "taux_conversion": objectifs["taux_conversion"],
                "roas": objectifs["roas"],
            },
            TITRES_KPI,
            {
                "taux_engagement": lambda y: fmt.pourcent(y),
                "leads": _entier,
                "taux_conversion": lambda y: fmt.pourcent(y),
                "roas": fmt.ratio,
            },
        )
        self.graphique = ZoneGraphique(self.figure)
        super().__init__([self.choix_mois, self.graphique, self.message, self.tableau])
        self.choix_mois.observe(self.actualiser, names="value")
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        choix = self.choix_mois.value
        mois = None if choix == PERIODE else choix
        ok, tdb = self.calculer(lambda: kpi.tableau_de_bord_mensuel(self.releves, mois))
        if not ok:
            return  # tableau et graphique estompés jusqu'à la correction
        periode = "sur le semestre" if mois is None else f"en {nom_du_mois(mois)}"
        self.tableau.value = tableaux.afficher_tableau_de_bord(tdb, f"Graine de Ville, {periode}").to_html()
        liste = list(self.releves["mois"])
        for cle, repere in self.reperes.items():
            if mois is None:
                repere.set_data([], [])
            else:
                i = liste.index(mois)
                repere.set_data([i], [self.mensuels[cle].iloc[i]])
        self.graphique.actualiser()
        phrase = phrase_tableau_de_bord(tdb, periode)
        (self.message.succes if tdb["atteint"].all() else self.message.info)(phrase)


# ---------------------------------------------------------------------------
# Exercice « À vous de jouer »
# ---------------------------------------------------------------------------


_SCHEMA_ENONCE = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {"type": "string", "minLength": 1},
}


def campagne_exercice() -> dict:
    """Les chiffres de l'exercice « Printemps zéro déchet » (fichier de contenu du chapitre 06)."""
    return dict(contenu.section("06", "campagne_exercice"))


def exercice_campagne() -> Quiz:
    """Cinq questions chiffrées sur la campagne de l'exercice, corrigées à la volée."""
    return quiz.exercices(
        "06", ["ctr", "cpc", "cpl", "roas", "roi"], "À vous de jouer : la campagne « Printemps zéro déchet »"
    )


def enonce_exercice(c: dict | None = None) -> str:
    """L'énoncé de l'exercice en Markdown, chiffres à la française (toujours d'accord avec les réponses)."""
    c = c or campagne_exercice()
    montants = {"budget", "chiffre_affaires", "marge"}
    libelles = contenu.section("06", "enonce_campagne", _SCHEMA_ENONCE)
    lignes = [
        (libelle, fmt.monnaie(c[cle]) if cle in montants else fmt.nombre(c[cle], 0))
        for cle, libelle in libelles.items()
    ]
    return "\n".join(["| donnée | valeur |", "| --- | ---: |", *(f"| {a} | {b} |" for a, b in lignes)])


def _entier(x: float) -> str:
    return fmt.nombre(x, 0)


def afficher_releves(releves):
    """Les relevés mensuels bruts en tableau à la française (mois écrits en toutes lettres)."""
    vue = releves.assign(mois=[nom_du_mois(m) for m in releves["mois"]])
    return tableaux.tableau(
        vue,
        formats={c: _entier for c in kpi.COLONNES_RELEVES[1:6]}
        | {"depenses_pub": fmt.monnaie, "ca_pub": fmt.monnaie},
        titre="Relevés mensuels de Graine de Ville",
        entetes=dict(kpi.LIBELLES_TABLEAU_DE_BORD["entetes_releves"]),
    )
