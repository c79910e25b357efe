"""Indicateurs clés de performance (KPI) : taux, coûts, ROI, ROAS, tableau de bord.

Les taux sont rendus **en pour cent** (5.8 veut dire 5,8 %), les coûts dans la
devise du cours, le ROAS en ratio simple (3.5 veut dire 3,5 € de chiffre
d'affaires pour 1 € dépensé). Rien n'est arrondi ici : on arrondit à l'affichage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from coursekit import contenu
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.schemas import TEXTE as _TEXTE

UNITES = ("nombre", "euros", "pourcent", "ratio")
SENS = ("hausse", "baisse")


def part_en_pourcent(partie, tout, libelle_partie: str, libelle_tout: str, pour: str) -> float:
    """Part d'un tout en % (partie ÷ tout × 100), avec les contrôles communs à tous les taux.

    Refuse en français une partie négative, un tout nul ou négatif et une partie plus
    grande que son tout. Les libellés nomment les paramètres ; ``pour`` complète la phrase.

    >>> part_en_pourcent(30, 200, "Les clients perdus", "Les clients au début", "pour calculer un taux")
    15.0
    """
    partie = v.positif(partie, libelle_partie)
    tout = v.strictement_positif(tout, libelle_tout, pour)
    v.partie_du_tout(partie, tout, libelle_partie, libelle_tout)
    return partie * 100 / tout


def _cout_unitaire(cout, quantite, libelle_quantite: str, pour: str) -> float:
    cout = v.positif(cout, "Le coût (cout)")
    quantite = v.strictement_positif(quantite, libelle_quantite, pour)
    return cout / quantite


def taux_clic(clics, impressions) -> float:
    """Taux de clic (CTR) en % : clics ÷ impressions × 100.

    >>> taux_clic(150, 10_000)
    1.5
    """
    return part_en_pourcent(
        clics,
        impressions,
        "Le nombre de clics (clics)",
        "Le nombre d'impressions (impressions)",
        "pour calculer un taux de clic",
    )


def taux_conversion(conversions, visites) -> float:
    """Taux de conversion en % : conversions ÷ visites × 100.

    La définition standard divise par les visites (ou sessions) ; certaines
    sources divisent par les impressions, ce qui donne un autre indicateur.

    >>> taux_conversion(58, 1000)
    5.8
    """
    return part_en_pourcent(
        conversions,
        visites,
        "Le nombre de conversions (conversions)",
        "Le nombre de visites (visites)",
        "pour calculer un taux de conversion",
    )


def taux_ouverture(ouvertures, envois) -> float:
    """Taux d'ouverture d'un e-mailing en % : ouvertures ÷ e-mails envoyés × 100.

    >>> taux_ouverture(450, 2000)
    22.5
    """
    return part_en_pourcent(
        ouvertures,
        envois,
        "Le nombre d'ouvertures (ouvertures)",
        "Le nombre d'e-mails envoyés (envois)",
        "pour calculer un taux d'ouverture",
    )


def taux_engagement(interactions, abonnes) -> float:
    """Taux d'engagement en % : interactions ÷ abonnés × 100.

    Il peut dépasser 100 % (un abonné peut aimer, commenter et partager).

    >>> taux_engagement(100, 2000)
    5.0
    """
    interactions = v.positif(interactions, "Le nombre d'interactions (interactions)")
    abonnes = v.strictement_positif(
        abonnes, "Le nombre d'abonnés (abonnes)", "pour calculer un taux d'engagement"
    )
    return interactions * 100 / abonnes


def cout_par_clic(cout, clics) -> float:
    """Coût par clic (CPC) : coût ÷ clics.

    >>> cout_par_clic(300, 600)
    0.5
    """
    return _cout_unitaire(cout, clics, "Le nombre de clics (clics)", "pour calculer un coût par clic")


def cout_par_mille(cout, impressions) -> float:
    """Coût pour mille impressions (CPM) : coût ÷ impressions × 1 000.

    >>> cout_par_mille(50, 10_000)
    5.0
    """
    return (
        _cout_unitaire(cout, impressions, "Le nombre d'impressions (impressions)", "pour calculer un CPM")
        * 1000
    )


def cout_par_lead(cout, leads) -> float:
    """Coût par lead (CPL) : coût ÷ nombre de prospects obtenus.

    Un lead est un contact intéressé, pas encore forcément un client.

    >>> cout_par_lead(3000, 200)
    15.0
    """
    return _cout_unitaire(cout, leads, "Le nombre de leads (leads)", "pour calculer un coût par lead")


def cout_par_acquisition(cout, acquisitions) -> float:
    """Coût par acquisition (CPA) : coût ÷ nombre de clients (ou ventes) obtenus.

    >>> cout_par_acquisition(1000, 40)
    25.0
    """
    return _cout_unitaire(
        cout,
        acquisitions,
        "Le nombre d'acquisitions (acquisitions)",
        "pour calculer un coût par acquisition",
    )


def roi(gain, cout) -> float:
    """Retour sur investissement en % : (gain − coût) ÷ coût × 100.

    Le *gain* est ce que l'action rapporte (souvent la marge, pas tout le chiffre
    d'affaires). Un ROI négatif veut dire que l'action coûte plus qu'elle ne rapporte.

    >>> roi(3500, 1000)
    250.0
    """
    gain = v.nombre(gain, "Le gain (gain)")
    cout = v.strictement_positif(cout, "Le coût (cout)", "pour calculer un ROI")
    return (gain - cout) * 100 / cout


def roas(chiffre_affaires, cout) -> float:
    """Retour sur dépenses publicitaires (ROAS) : chiffre d'affaires ÷ coût, en ratio.

    Un ROAS de 4 s'écrit aussi « 4:1 » : 4 € de ventes pour 1 € de publicité.
    Certaines sources l'appellent ROI ; ce n'est pas le même calcul.

    >>> roas(3500, 1000)
    3.5
    """
    chiffre_affaires = v.positif(chiffre_affaires, "Le chiffre d'affaires (chiffre_affaires)")
    cout = v.strictement_positif(cout, "Le coût (cout)", "pour calculer un ROAS")
    return chiffre_affaires / cout


def evolution(reference, valeur) -> float:
    """Évolution en % entre une référence et une valeur : (valeur − référence) ÷ référence × 100.

    >>> round(evolution(15_000, 17_500), 2)
    16.67
    """
    reference = v.nombre(reference, "La valeur de référence (reference)")
    valeur = v.nombre(valeur, "La valeur comparée (valeur)")
    if reference == 0:
        raise ErreurSaisie(
            "La valeur de référence (reference) doit être différente de 0 pour calculer une évolution en %."
        )
    return (valeur - reference) * 100 / reference


def ecart_points(reference, valeur) -> float:
    """Écart en points de pourcentage entre deux taux donnés en % : valeur − référence.

    Un taux qui passe de 5 % à 5,8 % gagne 0,8 point (et non 0,8 %).

    >>> round(ecart_points(5, 5.8), 2)
    0.8
    """
    reference = v.nombre(reference, "Le taux de référence (reference)")
    valeur = v.nombre(valeur, "Le taux comparé (valeur)")
    return valeur - reference


def tableau_de_bord(lignes: Iterable[Mapping]) -> pd.DataFrame:
    """Tableau de bord « objectif vs réalisé », une ligne par KPI.

    Chaque ligne d'entrée est un dictionnaire avec ``kpi``, ``objectif``,
    ``realise``, ``unite`` (``"nombre"``, ``"euros"``, ``"pourcent"`` ou
    ``"ratio"``) et, en option, ``sens`` (``"hausse"`` par défaut ; ``"baisse"``
    pour un coût comme le CPL, où moins c'est mieux).

    Colonnes rendues : ``kpi``, ``objectif``, ``realise``, ``unite``, ``sens``,
    ``ecart`` (en % pour les nombres, montants et ratios ; en points pour les taux),
    ``unite_ecart`` (``"%"`` ou ``"points"``) et ``atteint`` (booléen).

    >>> tdb = tableau_de_bord([{"kpi": "Sessions", "objectif": 15000, "realise": 17500, "unite": "nombre"}])
    >>> float(round(tdb.loc[0, "ecart"], 1)), bool(tdb.loc[0, "atteint"])
    (16.7, True)
    """
    lignes = v.liste_non_vide(lignes, "La liste des KPI (lignes)")
    resultat = []
    for numero, ligne in enumerate(lignes, start=1):
        if not isinstance(ligne, Mapping):
            raise ErreurSaisie(f"La ligne {numero} du tableau de bord doit être un dictionnaire.")
        manquantes = [cle for cle in ("kpi", "objectif", "realise", "unite") if cle not in ligne]
        if manquantes:
            raise ErreurSaisie(
                f"La ligne {numero} du tableau de bord doit préciser : {', '.join(manquantes)}."
            )
        nom = v.texte(ligne["kpi"], f"Le nom du KPI de la ligne {numero} (kpi)", obligatoire=True)
        unite = v.choix(ligne["unite"], f"L'unité du KPI « {nom} » (unite)", UNITES)
        sens = v.choix(ligne.get("sens", "hausse"), f"Le sens du KPI « {nom} » (sens)", SENS)
        objectif = v.nombre(ligne["objectif"], f"L'objectif du KPI « {nom} » (objectif)")
        realise = v.nombre(ligne["realise"], f"Le réalisé du KPI « {nom} » (realise)")
        if unite == "pourcent":
            ecart, unite_ecart = ecart_points(objectif, realise), "points"
        else:
            ecart, unite_ecart = evolution(objectif, realise), "%"
        atteint = realise >= objectif if sens == "hausse" else realise <= objectif
        resultat.append(
            {
                "kpi": nom,
                "objectif": objectif,
                "realise": realise,
                "unite": unite,
                "sens": sens,
                "ecart": ecart,
                "unite_ecart": unite_ecart,
                "atteint": atteint,
            }
        )
    return pd.DataFrame(resultat)


# ---------------------------------------------------------------------------
# Simulation d'une campagne payante
# ---------------------------------------------------------------------------


def roas_seuil(taux_marge) -> float:
    """ROAS minimum pour que la marge couvre la dépense : 100 ÷ taux de marge (en %).

    Avec 25 % de marge, il faut 4 € de ventes pour 1 € de publicité avant de gagner de l'argent.

    >>> roas_seuil(25)
    4.0
    """
    taux_marge = v.pourcentage(taux_marge, "Le taux de marge (taux_marge)")
    if taux_marge == 0:
        raise ErreurSaisie(
            "Le taux de marge (taux_marge) doit être supérieur à 0 : sans marge, aucune vente ne couvre la dépense."
        )
    return 100 / taux_marge


# Les paramètres de simuler_campagne portent les noms de ces deux fonctions : alias internes.
_calculer_taux_clic = taux_clic
_calculer_taux_conversion = taux_conversion


def _unites_entieres(volume: float) -> int:
    # On ne vend pas 2,7 pots de crème : un volume attendu s'arrondit à l'unité inférieure
    # (la petite tolérance évite que 150 devienne 149 à cause des calculs en virgule flottante).
    return int(volume + 1e-9)


def simuler_campagne(budget, impressions, taux_clic, taux_conversion, panier_moyen, taux_marge) -> dict:
    """Résultats attendus d'une campagne payante, calculés avec les KPI de ce module.

    ``taux_clic``, ``taux_conversion`` et ``taux_marge`` sont en %. Les clics et les
    ventes sont des nombres entiers (arrondis à l'unité inférieure). Rend un
    dictionnaire : ``clics``, ``ventes``, ``taux_clic`` et ``taux_conversion``
    obtenus, ``cpc``, ``cpm``, ``cpa`` (coût par vente), ``chiffre_affaires``,
    ``marge``, ``resultat`` (marge − budget), ``roas``, ``roi`` (calculé sur la
    marge) et ``roas_seuil`` (``None`` si la marge est nulle).

    Une campagne sans clic n'a pas de CPC, une campagne sans vente n'a pas de
    CPA : dans ces deux cas, :class:`~coursekit.ErreurSaisie` explique quoi changer.

    >>> r = simuler_campagne(1000, 100_000, 2, 3.5, 50, 25)
    >>> r["clics"], r["ventes"], r["roas"], r["roi"]
    (2000, 70, 3.5, -12.5)
    """
    budget = v.strictement_positif(
        budget, "Le budget de la campagne (budget)", "pour calculer ses coûts et son retour"
    )
    impressions = v.positif(impressions, "Le nombre d'impressions (impressions)")
    taux_clic = v.pourcentage(taux_clic, "Le taux de clic (taux_clic)")
    taux_conversion = v.pourcentage(taux_conversion, "Le taux de conversion (taux_conversion)")
    panier_moyen = v.positif(panier_moyen, "Le panier moyen (panier_moyen)")
    taux_marge = v.pourcentage(taux_marge, "Le taux de marge (taux_marge)")
    clics = _unites_entieres(impressions * taux_clic / 100)
    if clics == 0:
        raise ErreurSaisie(
            "Avec ces réglages, la campagne n'obtient aucun clic : sans clic, pas de coût par clic (CPC) "
            "ni de vente. Augmentez les impressions ou le taux de clic."
        )
    ventes = _unites_entieres(clics * taux_conversion / 100)
    if ventes == 0:
        raise ErreurSaisie(
            f"Avec {clics} clic{'s' if clics > 1 else ''} et ce taux de conversion, la campagne ne fait "
            "aucune vente : sans vente, pas de coût par vente (CPA). Augmentez le taux de conversion "
            "ou le nombre de clics."
        )
    chiffre_affaires = ventes * panier_moyen
    marge = chiffre_affaires * taux_marge / 100
    return {
        "budget": budget,
        "impressions": impressions,
        "clics": clics,
        "ventes": ventes,
        "taux_clic": _calculer_taux_clic(clics, impressions),
        "taux_conversion": _calculer_taux_conversion(ventes, clics),
        "cpc": cout_par_clic(budget, clics),
        "cpm": cout_par_mille(budget, impressions),
        "cpa": cout_par_acquisition(budget, ventes),
        "chiffre_affaires": chiffre_affaires,
        "marge": marge,
        "resultat": marge - budget,
        "roas": roas(chiffre_affaires, budget),
        "roi": roi(marge, budget),
        "roas_seuil": roas_seuil(taux_marge) if taux_marge > 0 else None,
    }


# ---------------------------------------------------------------------------
# Les KPI selon l'objectif
# ---------------------------------------------------------------------------


SCHEMA_KPI_PAR_OBJECTIF = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["objectif", "indicateurs", "frequence"],
        "additionalProperties": False,
        "properties": {"objectif": _TEXTE, "indicateurs": _TEXTE, "frequence": _TEXTE},
    },
}
"""Forme de la section ``kpi_par_objectif`` du fichier de contenu du chapitre 06."""

KPI_PAR_OBJECTIF = tuple(contenu.section("06", "kpi_par_objectif", SCHEMA_KPI_PAR_OBJECTIF))
"""Les KPI à suivre et leur rythme, objectif par objectif (fichier de contenu du chapitre 06)."""


def kpi_par_objectif() -> pd.DataFrame:
    """Quels KPI suivre, et à quel rythme, selon l'objectif de la stratégie.

    >>> kpi_par_objectif().loc[4, "frequence"]
    'chaque mois'
    """
    return pd.DataFrame(KPI_PAR_OBJECTIF)


# ---------------------------------------------------------------------------
# Le tableau de bord mensuel de Graine de Ville
# ---------------------------------------------------------------------------

_CLES_KPI = ["taux_engagement", "leads", "taux_conversion", "roas"]

SCHEMA_OBJECTIFS = {
    "type": "object",
    "required": ["taux_engagement", "leads_semestre", "mois", "taux_conversion", "roas"],
    "additionalProperties": False,
    "properties": {
        "taux_engagement": {"type": "number", "minimum": 0},
        "leads_semestre": {"type": "number", "minimum": 0},
        "mois": {"type": "integer", "minimum": 1},
        "taux_conversion": {"type": "number", "minimum": 0, "maximum": 100},
        "roas": {"type": "number", "minimum": 0},
    },
}
"""Forme de la section ``objectifs_graine_de_ville`` du fichier de contenu du chapitre 06."""

SCHEMA_TABLEAU_DE_BORD = {
    "type": "object",
    "required": ["kpi", "titres_courbes", "entetes_releves"],
    "additionalProperties": False,
    "properties": {
        "kpi": {
            "type": "object",
            "required": _CLES_KPI,
            "additionalProperties": False,
            "properties": {c: _TEXTE for c in _CLES_KPI},
        },
        "titres_courbes": {
            "type": "object",
            "required": _CLES_KPI,
            "additionalProperties": False,
            "properties": {c: _TEXTE for c in _CLES_KPI},
        },
        "entetes_releves": {"type": "object", "additionalProperties": _TEXTE},
    },
}
"""Forme de la section ``tableau_de_bord_mensuel`` (libellés) du fichier de contenu du chapitre 06."""

OBJECTIFS_GRAINE_DE_VILLE = dict(contenu.section("06", "objectifs_graine_de_ville", SCHEMA_OBJECTIFS))
"""Les quatre objectifs du semestre de Graine de Ville. Le ROAS visé (4:1) est le seuil de
rentabilité avec sa marge de 25 % : il rembourse la publicité, sans plus."""

LIBELLES_TABLEAU_DE_BORD = contenu.section("06", "tableau_de_bord_mensuel", SCHEMA_TABLEAU_DE_BORD)
"""Les libellés du tableau de bord mensuel et de ses courbes (fichier de contenu du chapitre 06)."""
COLONNES_RELEVES = (
    "mois",
    "abonnes",
    "interactions",
    "visites",
    "leads",
    "commandes",
    "depenses_pub",
    "ca_pub",
)


def _verifier_releves(releves: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(releves, pd.DataFrame):
        raise ErreurSaisie("Les relevés mensuels (releves) doivent être un tableau pandas.")
    manquantes = [c for c in COLONNES_RELEVES if c not in releves.columns]
    if manquantes:
        raise ErreurSaisie(f"Les relevés mensuels (releves) doivent contenir : {', '.join(manquantes)}.")
    if releves.empty:
        raise ErreurSaisie("Les relevés mensuels (releves) sont vides : il faut au moins un mois.")
    return releves


def kpi_du_releve(releve: Mapping) -> dict:
    """Les quatre KPI du cas Graine de Ville pour un relevé (un mois ou des mois additionnés).

    >>> r = kpi_du_releve({"abonnes": 2000, "interactions": 100, "visites": 500, "leads": 50,
    ...                    "commandes": 15, "depenses_pub": 100, "ca_pub": 400})
    >>> r["taux_engagement"], r["leads"], r["taux_conversion"], r["roas"]
    (5.0, 50.0, 3.0, 4.0)
    """
    return {
        "taux_engagement": taux_engagement(releve["interactions"], releve["abonnes"]),
        "leads": v.positif(releve["leads"], "Le nombre de leads (leads)"),
        "taux_conversion": taux_conversion(releve["commandes"], releve["visites"]),
        "roas": roas(releve["ca_pub"], releve["depenses_pub"]),
    }


def kpi_mensuels(releves: pd.DataFrame) -> pd.DataFrame:
    """Une ligne par mois : ``mois`` et les quatre KPI calculés (taux en %, ROAS en ratio)."""
    releves = _verifier_releves(releves)
    lignes = [{"mois": ligne["mois"], **kpi_du_releve(ligne)} for ligne in releves.to_dict(orient="records")]
    return pd.DataFrame(lignes)


def tableau_de_bord_mensuel(
    releves: pd.DataFrame, mois: str | None = None, objectifs: Mapping | None = None
) -> pd.DataFrame:
    """Tableau de bord « objectif vs réalisé » d'un mois, ou de toute la période si ``mois`` est ``None``.

    Sur la période, les volumes s'additionnent : le taux d'engagement devient la
    moyenne des mois pondérée par les abonnés, le taux de conversion et le ROAS
    sont recalculés sur les totaux, et l'objectif de leads est celui du semestre
    ramené au nombre de mois relevés (50 par mois pour 300 en 6 mois).
    """
    releves = _verifier_releves(releves)
    objectifs = dict(OBJECTIFS_GRAINE_DE_VILLE if objectifs is None else objectifs)
    leads_par_mois = objectifs["leads_semestre"] / objectifs["mois"]
    if mois is None:
        releve = releves[list(COLONNES_RELEVES[1:])].sum().to_dict()
        objectif_leads = leads_par_mois * len(releves)
    else:
        choisis = releves[releves["mois"] == mois]
        if choisis.empty:
            possibles = ", ".join(str(m) for m in releves["mois"])
            raise ErreurSaisie(f"Le mois (mois) doit être l'un des mois relevés : {possibles}.")
        releve = choisis.iloc[0].to_dict()
        objectif_leads = leads_par_mois
    realise = kpi_du_releve(releve)
    cibles = {
        "taux_engagement": objectifs["taux_engagement"],
        "leads": objectif_leads,
        "taux_conversion": objectifs["taux_conversion"],
        "roas": objectifs["roas"],
    }
    unites = {
        "taux_engagement": "pourcent",
        "leads": "nombre",
        "taux_conversion": "pourcent",
        "roas": "ratio",
    }
    libelles = LIBELLES_TABLEAU_DE_BORD["kpi"]
    return tableau_de_bord(
        [
            {"kpi": libelles[cle], "objectif": cibles[cle], "realise": realise[cle], "unite": unites[cle]}
            for cle in _CLES_KPI
        ]
    )
