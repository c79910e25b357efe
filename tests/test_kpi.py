import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coursekit import ErreurSaisie, kpi

entiers = st.integers(min_value=0, max_value=10**9)
montants = st.floats(min_value=0.01, max_value=1e9, allow_nan=False, allow_infinity=False)


def test_exemples_du_cours():
    assert kpi.taux_conversion(58, 1000) == 5.8
    assert kpi.taux_clic(150, 10_000) == 1.5
    assert kpi.taux_ouverture(450, 2000) == 22.5
    assert kpi.taux_engagement(100, 2000) == 5
    assert kpi.cout_par_clic(300, 600) == 0.5
    assert kpi.cout_par_mille(50, 10_000) == 5
    assert kpi.cout_par_lead(3000, 200) == 15
    assert kpi.cout_par_acquisition(1000, 40) == 25
    assert kpi.roi(3500, 1000) == 250
    assert kpi.roas(3500, 1000) == 3.5
    assert kpi.evolution(15_000, 17_500) == pytest.approx(16.6667, abs=1e-4)
    assert kpi.evolution(300, 280) == pytest.approx(-6.6667, abs=1e-4)
    assert kpi.ecart_points(5, 5.8) == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("fonction", "args", "mot"),
    [
        (kpi.taux_conversion, (5, 0), "visites"),
        (kpi.taux_conversion, (12, 10), "ne peut pas dépasser"),
        (kpi.taux_conversion, (-1, 10), "négatif"),
        (kpi.taux_clic, (1, math.nan), "impressions"),
        (kpi.taux_ouverture, ("3", 10), "ouvertures"),
        (kpi.taux_engagement, (3, 0), "abonnés"),
        (kpi.cout_par_clic, (10, 0), "clics"),
        (kpi.cout_par_mille, (-10, 100), "coût"),
        (kpi.cout_par_lead, (10, True), "leads"),
        (kpi.cout_par_acquisition, (10, math.inf), "acquisitions"),
        (kpi.roi, (10, 0), "coût"),
        (kpi.roas, (10, -5), "coût"),
        (kpi.evolution, (0, 10), "différente de 0"),
    ],
)
def test_mauvaises_saisies_en_francais(fonction, args, mot):
    with pytest.raises(ErreurSaisie) as info:
        fonction(*args)
    assert mot in str(info.value)


def test_message_du_taux_de_conversion():
    with pytest.raises(ErreurSaisie) as info:
        kpi.taux_conversion(3, 0)
    assert "visites" in str(info.value) and "supérieur à 0 pour calculer un taux de conversion" in str(
        info.value
    )


@given(entiers, entiers)
def test_un_taux_reste_entre_0_et_100(partie, tout):
    assume(tout > 0 and partie <= tout)
    for fonction in (kpi.taux_clic, kpi.taux_conversion, kpi.taux_ouverture):
        assert 0 <= fonction(partie, tout) <= 100


@given(montants, montants)
def test_roi_et_roas_concordent(chiffre, cout):
    # Si tout le chiffre d'affaires compte comme gain : ROI = (ROAS − 1) × 100.
    assert kpi.roi(chiffre, cout) == pytest.approx((kpi.roas(chiffre, cout) - 1) * 100, rel=1e-9, abs=1e-6)
    assert (kpi.roi(chiffre, cout) >= 0) == (chiffre >= cout)


@given(montants, st.integers(min_value=1, max_value=10**7))
def test_cpm_vaut_mille_fois_le_cout_par_impression(cout, impressions):
    assert kpi.cout_par_mille(cout, impressions) == pytest.approx(cout / impressions * 1000)


@given(montants, montants)
def test_evolution_aller_retour(a, b):
    # b = a × (1 + évolution / 100)
    assert a * (1 + kpi.evolution(a, b) / 100) == pytest.approx(b, abs=max(a, b) * 1e-9)


def test_tableau_de_bord_exemple_du_cours():
    tdb = kpi.tableau_de_bord(
        [
            {"kpi": "Trafic (sessions)", "objectif": 15_000, "realise": 17_500, "unite": "nombre"},
            {"kpi": "Leads", "objectif": 300, "realise": 280, "unite": "nombre"},
            {"kpi": "Taux de conversion", "objectif": 5, "realise": 5.8, "unite": "pourcent"},
            {"kpi": "Retour publicitaire", "objectif": 3, "realise": 3.5, "unite": "ratio"},
            {"kpi": "CPL", "objectif": 15, "realise": 12, "unite": "euros", "sens": "baisse"},
        ]
    )
    assert list(tdb["kpi"])[0] == "Trafic (sessions)"
    assert tdb["ecart"].round(1).tolist() == [16.7, -6.7, 0.8, 16.7, -20.0]
    assert tdb["unite_ecart"].tolist() == ["%", "%", "points", "%", "%"]
    assert tdb["atteint"].tolist() == [True, False, True, True, True]


@pytest.mark.parametrize(
    ("lignes", "mot"),
    [
        ([], "vide"),
        ([{"kpi": "X", "objectif": 1, "unite": "nombre"}], "realise"),
        ([{"kpi": "X", "objectif": 1, "realise": 2, "unite": "kg"}], "unité"),
        ([{"kpi": "X", "objectif": 1, "realise": 2, "unite": "nombre", "sens": "bas"}], "sens"),
        ([{"kpi": "X", "objectif": 0, "realise": 2, "unite": "nombre"}], "différente de 0"),
        (["pas un dict"], "dictionnaire"),
    ],
)
def test_tableau_de_bord_refuse(lignes, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        kpi.tableau_de_bord(lignes)


# Calculateurs ajoutés pour le chapitre 06 : simulation de campagne et tableau de bord mensuel.


def test_simuler_campagne_exemple_du_cours():
    r = kpi.simuler_campagne(1000, 100_000, 2, 3.5, 50, 25)
    assert (r["clics"], r["ventes"]) == (2000, 70)
    assert r["cpc"] == 0.5 and r["cpm"] == 10 and r["cpa"] == pytest.approx(14.2857, abs=1e-4)
    assert r["chiffre_affaires"] == 3500 and r["marge"] == 875 and r["resultat"] == -125
    assert r["roas"] == 3.5 and r["roi"] == -12.5 and r["roas_seuil"] == 4


def test_simuler_campagne_volumes_entiers():
    r = kpi.simuler_campagne(100, 1_234, 1.5, 10, 30, 50)
    assert r["clics"] == 18 and r["ventes"] == 1  # 18,51 clics → 18 ; 1,8 vente → 1
    assert r["taux_clic"] == pytest.approx(18 * 100 / 1234)


@pytest.mark.parametrize(
    ("args", "mot"),
    [
        ((0, 1000, 2, 2, 50, 30), "budget"),
        ((-5, 1000, 2, 2, 50, 30), "budget"),
        ((100, 1000, 0, 2, 50, 30), "aucun clic"),
        ((100, 10, 2, 2, 50, 30), "aucun clic"),
        ((100, 1000, 2, 0, 50, 30), "aucune vente"),
        ((100, 1000, 120, 2, 50, 30), "pourcentage"),
        ((100, 1000, 2, 2, -1, 30), "panier moyen"),
        ((100, 1000, 2, 2, 50, "30"), "marge"),
    ],
)
def test_simuler_campagne_refuse(args, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        kpi.simuler_campagne(*args)


def test_marge_nulle_pas_de_seuil():
    assert kpi.simuler_campagne(100, 10_000, 2, 10, 50, 0)["roas_seuil"] is None
    with pytest.raises(ErreurSaisie, match="marge"):
        kpi.roas_seuil(0)


@given(
    st.floats(min_value=1, max_value=1e5),
    st.integers(min_value=1_000, max_value=10**7),
    st.floats(min_value=0.5, max_value=100),
    st.floats(min_value=1, max_value=100),
    st.floats(min_value=1, max_value=1_000),
    st.floats(min_value=1, max_value=100),
)
def test_campagne_rentable_si_et_seulement_si_roas_au_dessus_du_seuil(
    budget, impressions, ctr, conversion, panier, marge
):
    try:
        r = kpi.simuler_campagne(budget, impressions, ctr, conversion, panier, marge)
    except ErreurSaisie:
        return  # trop peu de clics ou de ventes : cas testés plus haut
    assert r["ventes"] <= r["clics"] <= impressions
    assert r["roi"] == pytest.approx((r["roas"] * marge / 100 - 1) * 100, rel=1e-9, abs=1e-9)
    assume(abs(r["roas"] - r["roas_seuil"]) > 1e-9 * r["roas_seuil"])
    assert (r["roi"] >= 0) == (r["roas"] >= r["roas_seuil"])


def test_kpi_par_objectif_cinq_objectifs():
    table = kpi.kpi_par_objectif()
    assert list(table["objectif"]) == [
        "Visibilité",
        "Engagement",
        "Leads (prospects)",
        "Conversion (ventes)",
        "Fidélisation",
    ]
    assert "CPL" in table.loc[2, "indicateurs"] and table.loc[4, "frequence"] == "chaque mois"


def _releves():
    import pandas as pd

    return pd.DataFrame(
        {
            "mois": ["2026-01", "2026-02"],
            "abonnes": [2000, 2000],
            "interactions": [80, 120],
            "visites": [500, 500],
            "leads": [40, 70],
            "commandes": [10, 20],
            "depenses_pub": [100, 100],
            "ca_pub": [300, 500],
        }
    )


def test_tableau_de_bord_mensuel_un_mois_et_la_periode():
    mois = kpi.tableau_de_bord_mensuel(_releves(), "2026-02")
    assert mois["realise"].tolist() == pytest.approx([6, 70, 4, 5])
    assert mois["objectif"].tolist() == [5, 50, 3, 4]
    assert mois["atteint"].all()
    periode = kpi.tableau_de_bord_mensuel(_releves())
    assert periode["objectif"].tolist() == [5, 100, 3, 4]  # 50 leads par mois, sur 2 mois
    assert periode["realise"].tolist() == pytest.approx([5, 110, 3, 4])
    assert periode["unite_ecart"].tolist() == ["points", "%", "points", "%"]


def test_tableau_de_bord_mensuel_refuse():
    with pytest.raises(ErreurSaisie, match="2026-01, 2026-02"):
        kpi.tableau_de_bord_mensuel(_releves(), "2026-07")
    with pytest.raises(ErreurSaisie, match="ca_pub"):
        kpi.kpi_mensuels(_releves().drop(columns="ca_pub"))


def test_evolution_suit_la_formule_de_l_api_meme_avec_une_reference_negative():
    # (valeur − référence) ÷ référence × 100, sans valeur absolue.
    assert kpi.evolution(-100, -50) == -50
