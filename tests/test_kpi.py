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
