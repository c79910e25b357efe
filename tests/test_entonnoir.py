import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import ErreurSaisie, entonnoir
from coursekit.entonnoir import (
    ACTIONS,
    AIDAR,
    ameliorer_etape,
    comparer_canaux,
    corriger_diagnostic,
    entonnoir_simule,
    entonnoirs_par_canal,
    lire_satisfaction,
    maillon_faible,
    meilleur_canal,
    satisfaction,
    simuler_entonnoir,
)
from coursekit.entonnoir import entonnoir as tableau_entonnoir

GRAINE = {"Visites": 500, "Attention": 250, "Intérêt": 100, "Désir": 25, "Action": 5, "Recommandation": 2}

taux_valides = st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=1, max_size=8)
volumes_initiaux = st.floats(min_value=0.5, max_value=1e7, allow_nan=False, allow_infinity=False)


def test_aidar_est_aida_plus_recommandation():
    assert AIDAR == ("Attention", "Intérêt", "Désir", "Action", "Recommandation")


def test_entonnoir_de_graine_de_ville():
    table = tableau_entonnoir(GRAINE)
    assert list(table.columns) == ["etape", "volume", "taux_etape", "taux_global", "pertes"]
    assert table["etape"].tolist() == list(GRAINE)
    assert table["taux_etape"].tolist() == [100, 50, 40, 25, 20, 40]
    assert table["taux_global"].tolist() == [100, 50, 20, 5, 1, 0.4]
    assert table["pertes"].tolist() == [0, 250, 150, 75, 20, 3]
    assert maillon_faible(GRAINE) == "Action"


def test_une_sequence_de_couples_vaut_un_dictionnaire():
    assert tableau_entonnoir(list(GRAINE.items())).equals(tableau_entonnoir(GRAINE))
    assert tableau_entonnoir([("Visites", 10)])["taux_etape"].tolist() == [100]


def test_maillon_faible_premier_en_cas_d_egalite_et_jamais_la_premiere_etape():
    assert maillon_faible([("A", 100), ("B", 50), ("C", 25), ("D", 20)]) == "B"
    assert maillon_faible([("A", 100), ("B", 100)]) == "B"
    assert maillon_faible({"A": 10, "B": 0, "C": 0}) == "B"


def test_egalite_au_calcul_pres():
    volumes = simuler_entonnoir(500, [50, 13, 13])  # 13 % puis 12,999999999999998 % au calcul
    assert maillon_faible([(f"E{i}", x) for i, x in enumerate(volumes)]) == "E2"


def test_etape_vide_apres_etape_vide():
    table = tableau_entonnoir({"A": 10, "B": 0, "C": 0})
    assert table["taux_etape"].tolist() == [100, 0, 0]
    assert table["pertes"].tolist() == [0, 10, 0]


def test_simuler_entonnoir_exemple_et_longueur():
    assert simuler_entonnoir(500, [50, 40, 25, 20, 40]) == [500, 250, 100, 25, 5, 2]
    assert simuler_entonnoir(1000, [33.3]) == pytest.approx([1000, 333])
    assert entonnoir_simule(500, [50, 40, 25, 20, 40])["etape"].tolist() == ["Visites", *AIDAR]


def test_ameliorer_le_maillon_faible():
    gain = ameliorer_etape(500, [50, 40, 25, 20, 40], "Action", 10, panier_moyen=40)
    assert gain.taux_avant == 20 and gain.taux_apres == 30
    assert gain.clients_avant == 5 and gain.clients_apres == pytest.approx(7.5)
    assert gain.clients_en_plus == pytest.approx(2.5)
    assert gain.ca_en_plus == pytest.approx(100)
    assert gain.derniere_apres == pytest.approx(3)


def test_ameliorer_plafonne_a_100_et_apres_l_achat_pas_de_client_en_plus():
    gain = ameliorer_etape(500, [95, 40, 25, 20, 40], "Attention", 10, panier_moyen=40)
    assert gain.taux_apres == 100 and gain.points_gagnes == 5
    apres_achat = ameliorer_etape(500, [50, 40, 25, 20, 40], "Recommandation", 10, panier_moyen=40)
    assert apres_achat.clients_en_plus == 0 and apres_achat.ca_en_plus == 0
    assert apres_achat.derniere_apres == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("etapes", "mot"),
    [
        ({}, "vide"),
        ([], "vide"),
        ("Visites", "liste"),
        ({"Visites": -5}, "négatif"),
        ({"Visites": math.nan}, "n'est pas un nombre"),
        ({"Visites": math.inf}, "fini"),
        ({"Visites": True}, "nombre"),
        ({"Visites": "500"}, "nombre"),
        ({"Visites": 100, "Paniers": 120}, "dépasse celui de l'étape précédente"),
        ({"Visites": 0, "Paniers": 0}, "supérieur à 0"),
        ([("Visites", 100), ("Visites", 50)], "deux fois"),
        ([("Visites", 100, 3)], "couple"),
        ([("", 100)], "obligatoire"),
        ([(12, 100)], "texte"),
    ],
)
def test_entonnoir_refuse_les_saisies_impossibles(etapes, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        tableau_entonnoir(etapes)


def test_message_volume_croissant_nomme_les_etapes():
    with pytest.raises(ErreurSaisie) as erreur:
        tableau_entonnoir({"Visites": 100, "Paniers": 1200})
    assert "« Paniers » (1\u202f200)" in str(erreur.value) and "« Visites » (100)" in str(erreur.value)


def test_maillon_faible_exige_deux_etapes():
    with pytest.raises(ErreurSaisie, match="deux étapes"):
        maillon_faible({"Visites": 100})


@pytest.mark.parametrize(
    ("volume", "taux", "mot"),
    [
        (-1, [50], "négatif"),
        (math.nan, [50], "n'est pas un nombre"),
        (True, [50], "nombre"),
        ("500", [50], "nombre"),
        (500, [], "vide"),
        (500, [120], "entre 0 et 100"),
        (500, [50, -3], "entre 0 et 100"),
        (500, [math.nan], "n'est pas un nombre"),
        (500, ["50"], "nombre"),
        (500, [False], "nombre"),
        (500, 50, "liste"),
    ],
)
def test_simuler_entonnoir_refuse_les_saisies_impossibles(volume, taux, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        simuler_entonnoir(volume, taux)


@pytest.mark.parametrize(
    ("args", "mot"),
    [
        ((500, [50, 40, 25, 20, 40], "Panier", 10), "L'étape à améliorer"),
        ((500, [50, 40, 25, 20], "Action", 10), "un taux par étape"),
        ((500, [50, 40, 25, 20, 40], "Action", -2), "négatif"),
        ((500, [50, 40, 25, 20, 40], "Action", 5, -40), "panier moyen"),
    ],
)
def test_ameliorer_refuse_les_saisies_impossibles(args, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        ameliorer_etape(*args)


@given(volumes_initiaux, taux_valides)
def test_propriete_les_volumes_ne_montent_jamais(volume, taux):
    volumes = simuler_entonnoir(volume, taux)
    assert len(volumes) == len(taux) + 1
    assert volumes[0] == volume
    assert all(b <= a for a, b in zip(volumes[:-1], volumes[1:], strict=True))


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8))
def test_proprietes_du_tableau(decroissants):
    volumes = sorted(decroissants, reverse=True)
    if volumes[0] == 0:
        volumes[0] = 1
    etapes = [(f"E{i}", x) for i, x in enumerate(volumes)]
    table = tableau_entonnoir(etapes)
    assert table["pertes"].sum() == pytest.approx(volumes[0] - volumes[-1])
    assert (table["pertes"] >= 0).all()
    assert table["taux_etape"].between(0, 100).all()
    produit = 100.0
    for rang, (taux_etape, taux_global) in enumerate(
        zip(table["taux_etape"], table["taux_global"], strict=True)
    ):
        if rang:
            produit *= taux_etape / 100
        assert taux_global == pytest.approx(produit, rel=1e-9, abs=1e-9)
    if len(etapes) > 1:
        faible = maillon_faible(etapes)
        rang = table["etape"].tolist().index(faible)
        assert rang >= 1
        arrondis = table["taux_etape"].round(9)
        assert arrondis.iloc[rang] == arrondis.iloc[1:].min()
        assert (arrondis.iloc[1:rang] > arrondis.iloc[rang]).all()


@given(volumes_initiaux, taux_valides)
def test_propriete_simuler_puis_tableau_retrouve_les_taux(volume, taux):
    table = tableau_entonnoir([(f"E{i}", x) for i, x in enumerate(simuler_entonnoir(volume, taux))])
    for rang, t in enumerate(taux, start=1):
        if table["volume"].iloc[rang - 1] > 1e-9:
            assert table["taux_etape"].iloc[rang] == pytest.approx(t, rel=1e-9, abs=1e-9)


@given(
    volumes_initiaux,
    st.lists(st.integers(min_value=0, max_value=100), min_size=5, max_size=5),
    st.integers(min_value=0, max_value=4),
    st.floats(min_value=0, max_value=50),
    st.floats(min_value=0, max_value=500),
)
def test_propriete_un_gain_ne_fait_jamais_perdre(volume, taux, rang, points, panier):
    gain = ameliorer_etape(volume, taux, AIDAR[rang], points, panier)
    assert gain.taux_apres <= 100
    assert gain.clients_en_plus >= 0 and gain.ca_en_plus >= 0
    assert gain.derniere_apres >= gain.derniere_avant
    assert gain.ca_en_plus == pytest.approx(gain.clients_en_plus * panier)


CANAUX = pd.DataFrame(
    {
        "canal": ["Instagram"] * 3 + ["E-mailing"] * 3,
        "etape": ["Visites", "Action", "Recommandation"] * 2,
        "volume": [450, 3, 1, 120, 5, 3],
    }
)


def test_comparer_des_canaux():
    comparaison = comparer_canaux(CANAUX)
    assert comparaison["canal"].tolist() == ["Instagram", "E-mailing"]
    assert comparaison["taux_conversion"].tolist() == pytest.approx([3 * 100 / 450, 5 * 100 / 120])
    assert comparaison["taux_global"].tolist() == pytest.approx([100 / 450, 2.5])
    assert comparaison["maillon_faible"].tolist() == ["Action", "Action"]
    assert meilleur_canal(comparaison) == "E-mailing"
    seul = comparer_canaux(CANAUX, ["E-mailing"])
    assert seul["canal"].tolist() == ["E-mailing"]


def test_le_fichier_des_canaux_du_cours():
    from coursekit.donnees import lire_csv

    donnees = lire_csv("graine_de_ville_entonnoirs_canaux.csv", ["canal", "etape", "volume"])
    tous = entonnoirs_par_canal(donnees)
    assert len(tous) >= 5
    for table in tous.values():
        assert table["etape"].tolist() == ["Visites", *AIDAR]
    comparaison = comparer_canaux(donnees)
    assert comparaison["visites"].sum() == 1500  # 500 visites par mois sur un trimestre
    assert comparaison["clients"].sum() == 15  # 1 % de conversion, comme au chapitre 04
    assert comparaison["maillon_faible"].nunique() >= 3


@pytest.mark.parametrize(
    ("donnees", "canaux", "mot"),
    [
        (CANAUX, [], "vide"),
        (CANAUX, ["Facebook"], "Chaque canal"),
        (CANAUX.drop(columns="volume"), None, "colonnes"),
        (CANAUX.iloc[0:0], None, "vide"),
        ("pas un tableau", None, "DataFrame"),
        (CANAUX.assign(volume=[450, 3, 1, 120, 500, 3]), None, "Canal « E-mailing »"),
    ],
)
def test_comparer_refuse_les_saisies_impossibles(donnees, canaux, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        comparer_canaux(donnees, canaux)


def test_satisfaction_experience_moins_attentes():
    assert satisfaction(8, 9) == -1
    assert satisfaction(experience_vecue=9, attentes=7) == 2
    assert lire_satisfaction(satisfaction(7, 7)).startswith("client satisfait")
    assert lire_satisfaction(-0.5).startswith("client déçu")
    for mauvais in (11, -1, math.nan, "8", True):
        with pytest.raises(ErreurSaisie):
            satisfaction(mauvais, 5)


@given(st.floats(0, 10), st.floats(0, 10))
def test_propriete_satisfaction(vecue, attentes):
    ecart = satisfaction(vecue, attentes)
    assert -10 <= ecart <= 10
    assert (ecart > 0) == lire_satisfaction(ecart).startswith("client enchanté")


EXERCICE = {
    "Visites": 2000,
    "Attention": 400,
    "Intérêt": 280,
    "Désir": 112,
    "Action": 28,
    "Recommandation": 14,
}
ATTENTION = [a for a, e in ACTIONS.items() if e == "Attention"]
ACTION = [a for a, e in ACTIONS.items() if e == "Action"]


def test_corriger_diagnostic():
    juste = corriger_diagnostic(EXERCICE, "Attention", ATTENTION)
    assert juste.juste and juste.actions_justes == 2
    assert "20\xa0%" in juste.explications[0]
    faux = corriger_diagnostic(EXERCICE, "Action", ACTION)
    assert not faux.juste and not faux.maillon_juste and faux.actions_justes == 0
    assert "pas au volume restant" in faux.explications[0]
    moitie = corriger_diagnostic(EXERCICE, "Attention", [ATTENTION[0], ACTION[0]])
    assert moitie.maillon_juste and moitie.actions_justes == 1 and not moitie.juste
    assert "agit d'abord sur l'étape Action" in moitie.explications[2]


@pytest.mark.parametrize(
    ("etape", "actions", "mot"),
    [
        (None, ATTENTION, "Choisissez d'abord"),
        ("Visites", ATTENTION, "L'étape choisie"),
        ("Attention", ATTENTION[:1], "exactement deux"),
        ("Attention", [*ATTENTION, ACTION[0]], "exactement deux"),
        ("Attention", ["Faire une vidéo", ATTENTION[0]], "Chaque action"),
    ],
)
def test_corriger_diagnostic_saisies_incompletes(etape, actions, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        corriger_diagnostic(EXERCICE, etape, actions)


def test_module_accessible_depuis_coursekit():
    import coursekit as ck

    assert ck.entonnoir is entonnoir
