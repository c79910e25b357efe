"""Simulateurs et affichages du chapitre 10 : explorateur des sources, segmentation RFM, tunnel,
cas d'entraînement à l'épreuve E5A.

Les calculs viennent de :mod:`coursekit.analyse_site` ; les textes (outils, conseils,
actions par segment, questions du cas, grille) du fichier de contenu du chapitre.
"""

from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets
import pandas as pd
from babel.dates import format_date

from coursekit import analyse_site as a
from coursekit import contenu, donnees, quiz, tableaux
from coursekit import format as fmt
from coursekit.affichage import COULEUR_ATTEINT, COULEUR_MANQUE, COULEUR_PRINCIPALE
from coursekit.graphiques.analyse_site import (
    figure_etapes,
    figure_segments,
    figure_sources,
    figure_tunnel,
    maj_barres_etapes,
)
from coursekit.widgets.base import ChampNombre, Curseur, Simulateur, ZoneGraphique, typographie

CHAPITRE = "10"
FICHIER_TRAFIC = "graine_de_ville_trafic_mars.csv"
FICHIER_CLIENTS = "graine_de_ville_clients_rfm.csv"
FICHIER_E5_TRAFIC = "e5_atelier_seve_trafic.csv"
FICHIER_E5_AVIS = "e5_atelier_seve_avis.csv"
FICHIER_E5_CLIENTS = "e5_atelier_seve_clients.csv"
DATE_REFERENCE = date(2025, 4, 1)  # Graine de Ville : l'export de mars 2025, avant le plan d'action
DATE_REFERENCE_E5 = date(2026, 4, 1)  # Atelier Sève : le cas E5 de mars 2026
"""Le jour où l'on segmente : le lendemain du mois étudié."""
PETIT_VOLUME = 50

_SCHEMA_TEXTE = {"type": "string", "minLength": 1}
SCHEMA_OUTILS = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["outil", "mesure", "usage", "consentement"],
        "additionalProperties": False,
        "properties": {k: _SCHEMA_TEXTE for k in ("outil", "mesure", "usage", "consentement")},
    },
}
SCHEMA_CONSEILS = {
    "type": "object",
    "required": list(a.ETAPES_SITE),
    "additionalProperties": False,
    "properties": {etape: _SCHEMA_TEXTE for etape in a.ETAPES_SITE},
}
SCHEMA_SEGMENTS = {
    "type": "object",
    "required": list(a.SEGMENTS_RFM),
    "additionalProperties": False,
    "properties": {
        nom: {
            "type": "object",
            "required": ["portrait", "action"],
            "additionalProperties": False,
            "properties": {"portrait": _SCHEMA_TEXTE, "action": _SCHEMA_TEXTE},
        }
        for nom in a.SEGMENTS_RFM
    },
}
SCHEMA_SEMAINE = {
    "type": "object",
    "required": ["sessions", "sessions_engagees", "pages_vues", "paniers", "commandes", "chiffre_affaires"],
    "additionalProperties": {"type": "number", "minimum": 0},
}
SCHEMA_CAS = {
    "type": "object",
    "required": ["entreprise", "presentation", "annexes", "questions", "fevrier", "mars"],
    "properties": {
        "entreprise": _SCHEMA_TEXTE,
        "presentation": _SCHEMA_TEXTE,
        "annexes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["numero", "titre", "fichier"],
                "properties": {
                    "numero": {"type": "integer"},
                    "titre": _SCHEMA_TEXTE,
                    "fichier": _SCHEMA_TEXTE,
                },
            },
        },
        "questions": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["numero", "dossier", "titre", "consigne", "minutes", "points"],
                "additionalProperties": False,
                "properties": {
                    "numero": {"type": "integer", "minimum": 0},
                    "dossier": _SCHEMA_TEXTE,
                    "titre": _SCHEMA_TEXTE,
                    "consigne": _SCHEMA_TEXTE,
                    "minutes": {"type": "integer", "minimum": 0},
                    "points": {"type": "number", "minimum": 0},
                    "exercices": {"type": "array", "items": {"type": "string"}},
                    "redaction": {"type": "boolean"},
                },
            },
        },
    },
}
SCHEMA_GRILLE = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["question", "attendus", "points"],
        "additionalProperties": False,
        "properties": {
            "question": {"type": ["integer", "string"]},
            "attendus": _SCHEMA_TEXTE,
            "points": {"type": "number", "minimum": 0},
        },
    },
}


# ---------------------------------------------------------------------------
# Lecture des données (fichiers de data/, vérifiés, erreurs en français)
# ---------------------------------------------------------------------------


def lire_statistiques(nom: str = FICHIER_TRAFIC) -> pd.DataFrame:
    """Les statistiques d'un site (une ligne par période et par source), lues et vérifiées."""
    return a.valider_statistiques(donnees.lire_csv(nom, a.COLONNES_STATISTIQUES), f"le fichier « {nom} »")


def lire_clients(nom: str = FICHIER_CLIENTS) -> pd.DataFrame:
    """Un fichier clients (dernier achat, commandes, montant sur 12 mois), lu et vérifié."""
    return a.valider_clients(donnees.lire_csv(nom, a.COLONNES_CLIENTS), f"le fichier « {nom} »")


def lire_avis(nom: str = FICHIER_E5_AVIS) -> pd.DataFrame:
    """Les avis clients du cas E5 (date, note de 1 à 5, plateforme, texte), notes vérifiées."""
    table = donnees.lire_csv(nom, ("date", "note", "plateforme", "avis"))
    a.note_moyenne(list(table["note"]))  # lève une ErreurSaisie si une note sort de 1-5
    return table


# ---------------------------------------------------------------------------
# Écriture à la française
# ---------------------------------------------------------------------------


def duree(secondes: float) -> str:
    """Une durée lisible : ``1 min 33 s``.

    >>> duree(92.7)
    '1\\xa0min\\xa033\\xa0s'
    """
    total = round(secondes)
    minutes, reste = divmod(total, 60)
    return f"{minutes}\xa0min\xa0{reste:02d}\xa0s" if minutes else f"{reste}\xa0s"


def _typographier(table: pd.DataFrame) -> pd.DataFrame:
    """Les textes d'un tableau avec les espaces insécables françaises (avant « : », dans « »…)."""
    return table.apply(lambda col: col.map(lambda x: typographie(x) if isinstance(x, str) else x))


def _ou_tiret(fonction):
    return lambda x: "—" if x is None or pd.isna(x) else fonction(x)


FORMATS_INDICATEURS = {
    "sessions": _ou_tiret(lambda x: fmt.nombre(x, 0)),
    "utilisateurs": _ou_tiret(lambda x: fmt.nombre(x, 0)),
    "part_sessions": _ou_tiret(fmt.pourcent),
    "part_nouveaux": _ou_tiret(fmt.pourcent),
    "pages_par_session": _ou_tiret(lambda x: fmt.nombre(x, 2)),
    "duree_moyenne_s": _ou_tiret(duree),
    "taux_engagement": _ou_tiret(fmt.pourcent),
    "taux_rebond": _ou_tiret(fmt.pourcent),
    "taux_conversion": _ou_tiret(lambda x: fmt.pourcent(x, 2)),
    "taux_abandon_panier": _ou_tiret(fmt.pourcent),
    "panier_moyen": _ou_tiret(lambda x: fmt.monnaie(x, 2)),
    "ca_par_session": _ou_tiret(lambda x: fmt.monnaie(x, 2)),
}
ENTETES = {
    "source": "Source",
    "periode": "Période",
    "part_sessions": "Part du trafic",
    "duree_moyenne_s": "Durée moyenne",
    **{k: libelle.replace(" (%)", "").replace(" (s)", "") for k, libelle in a.INDICATEURS.items()},
}


def tableau_indicateurs(table: pd.DataFrame, cle: str = "source", titre: str = ""):
    """Le tableau des indicateurs par source (ou par période), écrit à la française."""
    resultat = a.indicateurs_par(table, cle).astype(object)
    return tableaux.tableau(
        resultat, FORMATS_INDICATEURS, titre or f"Indicateurs par {ENTETES[cle].lower()}", ENTETES
    )


def bilan_du_mois(table: pd.DataFrame) -> str:
    """Les indicateurs du mois entier, une ligne chacun (texte prêt à imprimer)."""
    r = a.indicateurs(a.totaux(table))
    nouveaux = a.totaux(table)["nouveaux_utilisateurs"]
    lignes = [
        f"Sessions : {fmt.nombre(r['sessions'], 0)} ; utilisateurs : {fmt.nombre(r['utilisateurs'], 0)}",
        f"Nouveaux : {fmt.nombre(nouveaux, 0)} ({fmt.pourcent(r['part_nouveaux'])}) ; "
        f"utilisateurs de retour : {fmt.nombre(r['utilisateurs'] - nouveaux, 0)}",
        f"Pages par session : {fmt.nombre(r['pages_par_session'], 2)} ; durée moyenne : {duree(r['duree_moyenne_s'])}",
        f"Taux d'engagement : {fmt.pourcent(r['taux_engagement'])} ; taux de rebond : {fmt.pourcent(r['taux_rebond'])}",
    ]
    return "\n".join(lignes)


def tableau_outils():
    """Les outils de mesure du chapitre (fichier de contenu)."""
    outils = _typographier(pd.DataFrame(contenu.section(CHAPITRE, "outils", SCHEMA_OUTILS)))
    return tableaux.tableau(
        outils,
        titre="Les outils de mesure",
        entetes={
            "outil": "Outil",
            "mesure": "Ce qu'il mesure",
            "usage": "À quoi il sert",
            "consentement": "Consentement",
        },
    )


def figure_sources_du_mois(table: pd.DataFrame):
    """Part du trafic et taux de conversion de chaque source, sur le mois."""
    par_source = a.indicateurs_par(table, "source")
    return figure_sources(
        list(par_source["source"]), list(par_source["part_sessions"]), list(par_source["taux_conversion"])
    )


# ---------------------------------------------------------------------------
# L'explorateur des sources
# ---------------------------------------------------------------------------

_LIGNES_COMPARAISON = (
    ("sessions", "Sessions", "relatif"),
    ("pages_par_session", "Pages par session", "relatif"),
    ("duree_moyenne_s", "Durée moyenne", "relatif"),
    ("taux_engagement", "Taux d'engagement", "points"),
    ("taux_rebond", "Taux de rebond", "points"),
    ("taux_conversion", "Taux de conversion", "points"),
    ("taux_abandon_panier", "Abandon de panier", "points"),
    ("panier_moyen", "Panier moyen", "relatif"),
    ("ca_par_session", "CA par session", "relatif"),
)


def comparaison(selectionne: dict, site: dict) -> pd.DataFrame:
    """Les indicateurs d'une sélection face à ceux du site : écart en points pour un taux, en % sinon."""
    lignes = []
    for cle, libelle, genre in _LIGNES_COMPARAISON:
        x, y = selectionne[cle], site[cle]
        if x is None or y is None:
            ecart = "—"
        elif genre == "points":
            ecart = fmt.points(x - y)
        else:
            ecart = fmt.pourcent((x - y) / y * 100, 0, signe=True) if y else "—"
        ecrire = FORMATS_INDICATEURS[cle]
        lignes.append({"indicateur": libelle, "selection": ecrire(x), "site": ecrire(y), "ecart": ecart})
    return pd.DataFrame(lignes)


def phrase_diagnostic(nom: str, selectionne: dict, site: dict) -> str:
    """La phrase de l'explorateur : poids, conversion, puis le maillon faible et le conseil du contenu."""
    conseils = contenu.section(CHAPITRE, "conseils_etapes", SCHEMA_CONSEILS)
    r, s = a.indicateurs(selectionne), a.indicateurs(site)
    part = selectionne["sessions"] / site["sessions"] * 100
    debut = (
        f"{nom} : {fmt.nombre(r['sessions'], 0)} sessions ({fmt.pourcent(part)} du trafic), "
        f"conversion {fmt.pourcent(r['taux_conversion'], 2)} contre {fmt.pourcent(s['taux_conversion'], 2)} pour le site."
    )
    faible = a.maillon_faible_site(a.etapes_site(selectionne), a.etapes_site(site))
    if faible is None:
        suite = " Chaque étape fait au moins aussi bien que la moyenne du site : ce qui marche ici est à reproduire."
    else:
        etape, _ecart = faible
        x, y = a.etapes_site(selectionne)[etape], a.etapes_site(site)[etape]
        suite = (
            f" Maillon faible, {etape.lower()} : {fmt.pourcent(x)} contre {fmt.pourcent(y)} "
            f"({fmt.points(x - y)}) ; {conseils[etape]}."
        )
    if r["sessions"] < PETIT_VOLUME:
        suite += f" Prudence : moins de {PETIT_VOLUME} sessions, une seule commande de plus ou de moins change tout."
    return debut + suite


class ExplorateurSources(Simulateur):
    """Choisir une source (ou une semaine) : son entonnoir face au site, ses indicateurs, un diagnostic."""

    titre = "Explorateur des sources de trafic"

    def __init__(self, statistiques: pd.DataFrame | None = None):
        self.statistiques = (
            lire_statistiques() if statistiques is None else a.valider_statistiques(statistiques)
        )
        self.site = a.totaux(self.statistiques)
        self.sources = list(a.indicateurs_par(self.statistiques, "source")["source"])
        self.periodes = [str(p) for p in dict.fromkeys(self.statistiques["periode"])]
        self.vue = widgets.ToggleButtons(
            options=[("Par source", "source"), ("Par semaine", "periode")], description="Regarder"
        )
        self.choix = widgets.Dropdown(options=self.sources, value=self.sources[0], description="Choix")
        self.tableau = widgets.HTML()
        self.figure, self.barres, self.barres_site, self.etiquettes, self.titre_figure = figure_etapes()
        maj_barres_etapes(self.barres_site, self.etiquettes, list(a.etapes_site(self.site).values()), 3)
        self.graphique = ZoneGraphique(self.figure)
        super().__init__([self.vue, self.choix, self.graphique, self.message, self.tableau])
        self.vue.observe(self._changer_vue, names="value")
        self.choix.observe(self.actualiser, names="value")
        self.actualiser()

    def _changer_vue(self, _changement=None) -> None:
        options = self.sources if self.vue.value == "source" else self.periodes
        self._en_pause = True  # changer la liste change aussi le choix : une seule mise à jour
        try:
            self.choix.options = options
            self.choix.value = options[0]
        finally:
            self._en_pause = False
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        nom = self.choix.value
        if nom is None or getattr(self, "_en_pause", False):
            return
        cle = {"source": nom} if self.vue.value == "source" else {"periode": nom}
        ok, selectionne = self.calculer(lambda: a.selection(self.statistiques, **cle))
        if not ok:
            return
        etapes = a.etapes_site(selectionne)
        reference = a.etapes_site(self.site)
        couleurs = [
            COULEUR_MANQUE if x is not None and x < reference[e] else COULEUR_PRINCIPALE
            for e, x in etapes.items()
        ]
        maj_barres_etapes(self.barres, self.etiquettes, list(etapes.values()), 0, couleurs)
        self.titre_figure.set_text(f"{nom} face à la moyenne du site")
        self.graphique.actualiser()
        table = comparaison(a.indicateurs(selectionne), a.indicateurs(self.site))
        self.tableau.value = tableaux.tableau(
            table,
            titre="Indicateurs de la sélection et du site",
            entetes={"indicateur": "Indicateur", "selection": nom, "site": "Site (mois)", "ecart": "Écart"},
        ).to_html()
        self.message.info(phrase_diagnostic(nom, selectionne, self.site))


# ---------------------------------------------------------------------------
# La segmentation RFM
# ---------------------------------------------------------------------------


def actions_segments() -> dict:
    """Portrait et action de chaque segment (fichier de contenu)."""
    return contenu.section(CHAPITRE, "segments_rfm", SCHEMA_SEGMENTS)


def tableau_segments(synthese: pd.DataFrame, titre: str = "Les segments et leur action"):
    """La synthèse des segments, avec l'action proposée pour chacun."""
    actions = actions_segments()
    vue = synthese[["segment", "clients", "part_montant", "recence_moyenne"]].astype(object).copy()
    vue["action"] = [typographie(actions[s]["action"]) for s in synthese["segment"]]
    return tableaux.tableau(
        vue,
        {
            "clients": lambda x: fmt.nombre(x, 0),
            "part_montant": lambda x: fmt.pourcent(x),
            "recence_moyenne": _ou_tiret(lambda x: f"{fmt.nombre(x, 0)}\xa0jours"),
        },
        titre,
        {
            "segment": "Segment",
            "clients": "Clients",
            "part_montant": "Part du CA",
            "recence_moyenne": "Dernier achat (moyenne)",
            "action": "Action proposée",
        },
    )


def tableau_scores(scores: pd.DataFrame, lignes: int = 5):
    """Les premiers clients notés (récence, R, F, M), écrits à la française."""
    vue = scores.head(lignes).copy()
    vue["date_dernier_achat"] = [format_date(d, "short", locale="fr_FR") for d in vue["date_dernier_achat"]]
    return tableaux.tableau(
        vue,
        {
            "commandes_12_mois": lambda x: fmt.nombre(x, 0),
            "montant_12_mois": lambda x: fmt.monnaie(x, 2),
            "recence_jours": _jours,
        },
        f"Les {lignes} premiers clients notés",
        {
            "id_client": "Client",
            "date_dernier_achat": "Dernier achat",
            "commandes_12_mois": "Commandes",
            "montant_12_mois": "Montant",
            "recence_jours": "Récence",
        },
    )


def _jours(x: float) -> str:
    return f"{fmt.nombre(x, 0)}\xa0jours"


class SegmentationRFM(Simulateur):
    """Le fichier clients segmenté en direct : le curseur règle le seuil au-delà duquel un client est inactif."""

    titre = "Segmentation RFM de Graine de Ville"

    def __init__(self, clients: pd.DataFrame | None = None, date_reference: date = DATE_REFERENCE):
        clients = lire_clients() if clients is None else clients
        self.scores = a.scores_rfm(clients, date_reference)
        self.seuil = Curseur("Inactif au-delà de", 30, 360, 15, 180, _jours, entier=True)
        self.figure, self.barres, self.etiquettes = figure_segments()
        self.figure.axes[0].set_xlim(0, len(self.scores) * 0.9)
        self.graphique = ZoneGraphique(self.figure)
        self.tableau = widgets.HTML()
        super().__init__([self.seuil, self.graphique, self.message, self.tableau])
        self.seuil.quand_change(self.actualiser)
        self._syntheses: dict = {}
        self.actualiser()

    def synthese(self, seuil: int) -> pd.DataFrame:
        """La synthèse des segments pour un seuil d'inactivité (gardée : le curseur n'a que
        23 positions, et un glisser repasse souvent par les mêmes)."""
        if seuil not in self._syntheses:
            self._syntheses[seuil] = a.synthese_segments(a.segmenter_rfm(self.scores, seuil))
        return self._syntheses[seuil]

    def actualiser(self, _changement=None) -> None:
        ok, synthese = self.calculer(lambda: self.synthese(self.seuil.value))
        if not ok:
            return
        for barre, texte, ligne in zip(
            self.barres, self.etiquettes, synthese.to_dict("records"), strict=True
        ):
            barre.set_width(ligne["clients"])
            texte.set_x(ligne["clients"] + 2)
            texte.set_text(f"{fmt.nombre(ligne['clients'], 0)} · {fmt.pourcent(ligne['part_montant'])} du CA")
        self.graphique.actualiser()
        self.ecrire_a_la_cadence(self.tableau, lambda: tableau_segments(synthese).to_html())
        lignes = synthese.set_index("segment")
        risque, perdus = lignes.loc["À risque"], lignes.loc["Perdus"]
        action = actions_segments()["À risque"]["action"]
        self.message.info(
            f"Au-delà de {_jours(self.seuil.value)} sans achat, {fmt.nombre(risque['clients'], 0)} bons clients "
            f"sont « À risque » ({fmt.pourcent(risque['part_montant'])} du chiffre d'affaires) et "
            f"{fmt.nombre(perdus['clients'], 0)} sont « Perdus ». Priorité aux clients à risque : {action}."
        )


# ---------------------------------------------------------------------------
# Et si le tunnel de commande s'améliorait ?
# ---------------------------------------------------------------------------


class SimulateurTunnel(Simulateur):
    """Sessions, mise au panier, abandon et panier moyen : les ventes du mois, face à celles mesurées."""

    titre = "Simulateur « Et si le tunnel s'améliorait ? »"

    def __init__(self, statistiques: pd.DataFrame | None = None):
        statistiques = lire_statistiques() if statistiques is None else statistiques
        t = a.totaux(statistiques)
        self.mesure = a.indicateurs(t)
        taux_panier = t["paniers"] / t["sessions"] * 100
        self.sessions = ChampNombre("Sessions du mois", fmt.nombre(t["sessions"], 0), "Le nombre de sessions")
        self.taux_panier = Curseur("Sessions avec panier", 0.5, 15, 0.1, round(taux_panier, 1), fmt.pourcent)
        self.taux_abandon = Curseur(
            "Abandon de panier", 30, 95, 0.1, round(self.mesure["taux_abandon_panier"], 1), fmt.pourcent
        )
        self.panier = Curseur("Panier moyen", 20, 120, 1, round(self.mesure["panier_moyen"]), fmt.monnaie)
        self.figure, self.barres, self.etiquettes = figure_tunnel()
        self.graphique = ZoneGraphique(self.figure)
        super().__init__(
            [self.sessions, self.taux_panier, self.taux_abandon, self.panier, self.graphique, self.message]
        )
        for controle in (self.sessions, self.taux_panier, self.taux_abandon, self.panier):
            controle.quand_change(self.actualiser)
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        ok, r = self.calculer(
            lambda: a.simuler_tunnel(
                self.sessions.lire(), self.taux_panier.value, self.taux_abandon.value, self.panier.value
            )
        )
        if not ok:
            return
        mesure = self.mesure["sessions"] * self.mesure["ca_par_session"]
        for barre, texte, valeur, x in zip(
            self.barres, self.etiquettes, (mesure, r["chiffre_affaires"]), (0, 1), strict=True
        ):
            barre.set_height(valeur)
            texte.set_position((x, valeur))
            texte.set_text(fmt.monnaie(valeur, 0))
        self.barres[1].set_color(COULEUR_ATTEINT if r["chiffre_affaires"] >= mesure else COULEUR_MANQUE)
        self.figure.axes[0].set_ylim(0, max(mesure, r["chiffre_affaires"]) * 1.25 or 1)
        self.graphique.actualiser()
        par_point = r["paniers"] / 100 * self.panier.value
        self.message.info(
            f"{fmt.nombre(r['paniers'])} paniers, {fmt.nombre(r['commandes'])} commandes : "
            f"{fmt.monnaie(r['chiffre_affaires'], 0)} de ventes, conversion {fmt.pourcent(r['taux_conversion'], 2)}, "
            f"{fmt.monnaie(r['ca_par_session'], 2)} par session (mesuré en mars : {fmt.monnaie(mesure, 0)}). "
            f"Chaque point d'abandon en moins rapporte ici {fmt.monnaie(par_point, 2)} par mois."
        )


# ---------------------------------------------------------------------------
# Exercices « À vous de jouer »
# ---------------------------------------------------------------------------


def semaine_exercice() -> dict:
    """Les chiffres de l'exercice « Semaine des soldes » (fichier de contenu)."""
    return dict(contenu.section(CHAPITRE, "semaine_exercice", SCHEMA_SEMAINE))


def enonce_semaine() -> str:
    """L'énoncé de l'exercice, en Markdown, à partir des chiffres du contenu."""
    s = semaine_exercice()
    return (
        "Pendant la semaine des soldes, le site de Graine de Ville a enregistré "
        f"**{fmt.nombre(s['sessions'], 0)} sessions**, dont **{fmt.nombre(s['sessions_engagees'], 0)} engagées**, "
        f"**{fmt.nombre(s['pages_vues'], 0)} pages vues**, **{fmt.nombre(s['paniers'], 0)} paniers créés**, "
        f"**{fmt.nombre(s['commandes'], 0)} commandes** et **{fmt.monnaie(s['chiffre_affaires'])}** de ventes."
    )


def exercice_semaine() -> quiz.Quiz:
    """Cinq indicateurs à calculer sur la semaine des soldes, corrigés à la volée."""
    return quiz.exercices(
        CHAPITRE,
        ["rebond", "pages", "abandon", "panier-moyen", "ca-session"],
        "Les indicateurs de la semaine",
    )


# ---------------------------------------------------------------------------
# Le cas d'entraînement à l'épreuve E5A
# ---------------------------------------------------------------------------


def cas_e5() -> dict:
    """L'entreprise, les annexes et les questions du cas (fichier de contenu)."""
    return contenu.section(CHAPITRE, "cas_e5", SCHEMA_CAS)


def presentation_e5() -> str:
    """Le début du sujet, en Markdown : l'entreprise, la durée, la liste des annexes."""
    cas = cas_e5()
    annexes = "\n".join(f"- **Annexe {x['numero']}** : {x['titre']}" for x in cas["annexes"])
    total = sum(q["points"] for q in cas["questions"]) + sum(
        g["points"] for g in contenu.section(CHAPITRE, "grille_e5", SCHEMA_GRILLE) if g["question"] == "Forme"
    )
    return typographie(
        f"### {cas['entreprise']}\n\n{cas['presentation']}\n\n"
        f"**Durée : 3 heures. Barème : {fmt.nombre(total, 0)} points.** Calculatrice autorisée.\n\n{annexes}"
    )


def minutage_e5():
    """Le déroulé conseillé des 3 heures, question par question."""
    questions = cas_e5()["questions"]
    table = pd.DataFrame(
        [
            {
                "question": q["numero"] or "—",
                "dossier": q["dossier"],
                "titre": q["titre"],
                "minutes": q["minutes"],
                "points": q["points"],
            }
            for q in questions
        ]
    )
    total = sum(q["minutes"] for q in questions)
    return tableaux.tableau(
        _typographier(table),
        {"minutes": lambda x: f"{x}\xa0min", "points": lambda x: fmt.nombre(x, 1)},
        f"Le déroulé conseillé ({total // 60} h en tout)",
        {
            "question": "Question",
            "dossier": "Dossier",
            "titre": "Sujet",
            "minutes": "Temps",
            "points": "Points",
        },
    )


def annexe_e5(numero: int):
    """Une annexe du cas, en tableau."""
    cas = cas_e5()
    annexe = next((x for x in cas["annexes"] if x["numero"] == numero), None)
    if annexe is None:
        raise contenu.ErreurContenu(f"Le cas E5 n'a pas d'annexe {numero}.")
    titre = f"Annexe {numero} : {annexe['titre']}"
    if numero == 1:
        table = lire_statistiques(annexe["fichier"])
        formats = {c: (lambda x: fmt.nombre(x, 0)) for c in a.COMPTEURS}
        formats["chiffre_affaires"] = lambda x: fmt.monnaie(x, 2)
        entetes = {
            "periode": "Mois",
            "source": "Source",
            "sessions": "Sessions",
            "utilisateurs": "Utilisateurs",
            "nouveaux_utilisateurs": "Nouveaux",
            "sessions_engagees": "Sessions engagées",
            "pages_vues": "Pages vues",
            "duree_totale_s": "Durée totale (s)",
            "paniers": "Paniers",
            "commandes": "Commandes",
            "chiffre_affaires": "Chiffre d'affaires",
        }
        return tableaux.tableau(table, formats, titre, entetes)
    if numero == 2:
        table = _typographier(lire_avis(annexe["fichier"]))
        table["date"] = [format_date(date.fromisoformat(d), "d MMMM", locale="fr_FR") for d in table["date"]]
        return tableaux.tableau(
            table,
            titre=titre,
            entetes={"date": "Date", "note": "Note /5", "plateforme": "Où", "avis": "Avis"},
        )
    table = lire_clients(annexe["fichier"])
    table["date_dernier_achat"] = [
        format_date(d, "short", locale="fr_FR") for d in table["date_dernier_achat"]
    ]
    return tableaux.tableau(
        table,
        {"commandes_12_mois": lambda x: fmt.nombre(x, 0), "montant_12_mois": lambda x: fmt.monnaie(x, 2)},
        titre,
        {
            "id_client": "Client",
            "date_dernier_achat": "Dernier achat",
            "commandes_12_mois": "Commandes (12 mois)",
            "montant_12_mois": "Montant (12 mois)",
        },
    )


class QuestionE5(widgets.VBox):
    """Une question du cas : la consigne, puis les exercices chiffrés corrigés (s'il y en a)."""

    def __init__(self, numero: int):
        question = next((q for q in cas_e5()["questions"] if q["numero"] == numero), None)
        if question is None:
            raise contenu.ErreurContenu(f"Le cas E5 n'a pas de question {numero}.")
        self.question = question
        self.exercices = [quiz.exercice(CHAPITRE, ident) for ident in question.get("exercices", [])]
        points = fmt.nombre(question["points"], 1)
        entete = widgets.HTML(
            f"<p style='margin:0.3em 0'><strong>Question {numero} — {html.escape(typographie(question['titre']))}</strong> "
            f"({points}\xa0point{'s' if question['points'] >= 2 else ''}, {question['minutes']}\xa0min conseillées)</p>"
            f"<p style='margin:0.3em 0'>{html.escape(typographie(question['consigne']))}</p>"
        )
        # Partie rédigée : une grande case, puis la comparaison avec une réponse possible (e5-q<numéro>).
        self.redaction = (
            quiz.question_ouverte(CHAPITRE, f"e5-q{numero}") if question.get("redaction") else None
        )
        enfants = [entete, *self.exercices]
        if self.redaction is not None:
            enfants.append(self.redaction)
        super().__init__(enfants)

    def __repr__(self) -> str:
        return f"Question {self.question['numero']} du cas E5 : {self.question['titre']}"


def question_e5(numero: int) -> QuestionE5:
    """La question ``numero`` du cas d'entraînement."""
    return QuestionE5(numero)


def grille_e5():
    """La grille de correction du professeur (à n'afficher que dans l'édition professeur)."""
    grille = pd.DataFrame(contenu.section(CHAPITRE, "grille_e5", SCHEMA_GRILLE))
    total = grille["points"].sum()
    grille["question"] = grille["question"].astype(str)
    grille = _typographier(grille)
    return tableaux.tableau(
        grille,
        {"points": lambda x: fmt.nombre(x, 1)},
        f"Grille de correction (sur {fmt.nombre(total, 0)} points)",
        {"question": "Question", "attendus": "Attendus", "points": "Points"},
    )


def chiffres_corriges_e5() -> str:
    """Les chiffres du corrigé, recalculés depuis les annexes (pour la cellule « solution »)."""
    stats = lire_statistiques(FICHIER_E5_TRAFIC)
    mois = a.indicateurs_par(stats, "periode").set_index("periode")
    mars = stats[stats["periode"] == "Mars"]
    sources = a.indicateurs_par(mars, "source").set_index("source")
    notes = list(lire_avis()["note"])
    scores = a.scores_rfm(lire_clients(FICHIER_E5_CLIENTS), DATE_REFERENCE_E5)
    t = a.totaux(mars)
    lignes = [
        f"Conversion : février {fmt.pourcent(mois.loc['Février', 'taux_conversion'], 2)}, "
        f"mars {fmt.pourcent(mois.loc['Mars', 'taux_conversion'], 2)}",
        f"Abandon de panier en mars : {fmt.pourcent(mois.loc['Mars', 'taux_abandon_panier'])}",
        f"Meilleure source en mars : {sources['taux_conversion'].idxmax()} "
        f"({fmt.pourcent(sources['taux_conversion'].max(), 2)})",
        f"Publicité Instagram : engagement {fmt.pourcent(sources.loc['Réseaux sociaux payants', 'taux_engagement'])}, "
        f"conversion {fmt.pourcent(sources.loc['Réseaux sociaux payants', 'taux_conversion'], 2)}",
        f"Avis : moyenne {fmt.nombre(a.note_moyenne(notes), 2)} sur 5, "
        f"{fmt.pourcent(a.part_avis_negatifs(notes))} d'avis négatifs",
        f"Clients inactifs depuis plus de 180 jours : {fmt.nombre((scores['recence_jours'] > 180).sum(), 0)}",
        f"Commandes avec l'abandon de février : {fmt.nombre(a.commandes_attendues(t['paniers'], 68.75), 0)}, "
        f"soit {fmt.monnaie(a.commandes_attendues(t['paniers'], 68.75) * mois.loc['Mars', 'panier_moyen'] - t['chiffre_affaires'], 0)} "
        "de ventes en plus",
    ]
    return "\n".join(lignes)
