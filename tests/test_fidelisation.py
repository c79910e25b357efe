import math

import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coursekit import ErreurSaisie
from coursekit import fidelisation as f

notes_nps = st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=200)
notes_csat = st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=200)
montants = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("achat"), st.floats(min_value=0.01, max_value=2_000)),
        st.tuples(st.just("echange"), st.integers(min_value=1, max_value=500)),
    ),
    min_size=1,
    max_size=30,
)


# --- Exemples du programme ------------------------------------------------------------


def test_clv_du_programme():
    occasionnel = f.clv(panier_moyen=100, frequence=1, duree=1)
    fidele = f.clv(panier_moyen=120, frequence=4, duree=3)
    assert occasionnel == 100
    assert fidele == 1440
    assert fidele - occasionnel == 1340
    assert (fidele - occasionnel) / occasionnel * 100 == 1340


def test_clv_marge_formule():
    assert f.clv_marge(100, 80, 10) == pytest.approx(100 * 0.8 / 0.3)
    assert f.clv_marge(100, 0, 10) == 0
    assert f.clv_marge(100, 100, 10) == pytest.approx(1000)
    assert f.clv_marge(100, 50, 0) == pytest.approx(100)


def test_rentabilite_client():
    assert f.rentabilite_client(1440, 40) == {"solde": 1400, "ratio": 36}
    assert f.rentabilite_client(100, 200)["solde"] == -100


def test_scenario_des_points():
    historique = f.simuler_points([("achat", 150), ("achat", 80), ("echange", 100), ("achat", 200)])
    assert list(historique.columns[-2:]) == ["points", "solde"]
    assert historique["points"].tolist() == [150, 80, -100, 200]
    assert historique["solde"].tolist() == [150, 230, 130, 330]
    assert historique["montant"].tolist() == [150, 80, 10, 200]
    assert historique["operation"].tolist() == ["achat", "achat", "echange", "achat"]
    assert f.points_de_statut(historique) == 430


def test_points_arrondis_a_l_entier_inferieur():
    historique = f.simuler_points([("achat", 146), ("achat", 100), ("achat", 9.99)], points_par_euro=1.2)
    # 146 × 1,2 = 175,2 → 175 ; 100 × 1,2 = 120 (sans perdre de point) ; 9,99 × 1,2 = 11,988 → 11
    assert historique["points"].tolist() == [175, 120, 11]
    assert f.simuler_points([("achat", 10), ("echange", 50)], points_par_euro=5, valeur_point=0.2)[
        "montant"
    ].tolist() == [10, 10]


def test_echange_accentue_accepte():
    assert f.simuler_points([("achat", 100), ("échange", 100)])["solde"].tolist() == [100, 0]


def test_niveaux_par_defaut():
    assert f.niveau_fidelite(0) == ("Bronze", "Argent", 200)
    assert f.niveau_fidelite(199) == ("Bronze", "Argent", 1)
    assert f.niveau_fidelite(200) == ("Argent", "Or", 300)
    assert f.niveau_fidelite(245) == ("Argent", "Or", 255)
    assert f.niveau_fidelite(500) == ("Or", "Platine", 500)
    assert f.niveau_fidelite(1000) == ("Platine", None, 0)
    assert f.niveau_fidelite(5000) == ("Platine", None, 0)


def test_niveaux_personnalises():
    paliers = [("Graine", 0), ("Pousse", 100)]
    assert f.niveau_fidelite(50, paliers) == ("Graine", "Pousse", 50)
    assert f.niveau_fidelite(150, {"Pousse": 100, "Graine": 0}) == ("Pousse", None, 0)


def test_prochaine_recompense_effet_presque():
    assert f.prochaine_recompense(95) == (100, 5, 95.0)
    assert f.prochaine_recompense(100) == (250, 150, 40.0)
    assert f.prochaine_recompense(500) == (None, 0, 100.0)


def test_parrainage():
    assert f.cout_parrainage(20, 20) == 40
    assert f.cout_parrainage(20, 20, 50) == 80
    assert f.cout_parrainage(0, 0, 30) == 0


def test_nps_et_repartition():
    notes = [10, 9, 9, 8, 7, 6, 0, 3, 10, 5]
    assert f.repartition_nps(notes) == {"promoteurs": 4, "passifs": 2, "detracteurs": 4}
    assert f.nps(notes) == 0
    assert f.nps([10] * 7 + [8] * 2 + [2]) == 60
    assert f.nps([0]) == -100
    assert f.nps_effectifs(50, 30, 20) == 30
    assert f.nps(pd.Series([9, 10, 7])) == pytest.approx(200 / 3)


def test_csat():
    assert f.csat([5, 4, 3, 2, 1]) == 40
    assert f.csat([5, 4, 3, 2, 1], seuil=5) == 20
    assert f.csat([1, 1]) == 0


def test_taux_de_fidelite():
    assert f.taux_retention(200, 210, 50) == 80
    assert f.taux_attrition(30, 200) == 15
    assert f.taux_reachat(90, 200) == 45
    assert f.taux_engagement_programme(130, 200) == 65


def test_indicateurs_mensuels_coherents():
    table = pd.DataFrame(
        {
            "mois": ["janv.", "févr."],
            "clients_debut": [200, 210],
            "nouveaux_clients": [40, 30],
            "clients_perdus": [30, 21],
            "clients_fin": [210, 219],
            "clients_reachat": [84, 100],
        }
    )
    resultat = f.indicateurs_mensuels(table)
    assert resultat["retention"].tolist() == [85, 90]
    assert resultat["attrition"].tolist() == [15, 10]
    assert resultat["reachat"].tolist() == pytest.approx([40, 100 * 100 / 219])
    with pytest.raises(ErreurSaisie, match="colonnes"):
        f.indicateurs_mensuels(table.drop(columns="clients_perdus"))


def test_pareto_et_niveaux():
    courbe = f.courbe_pareto([10, 50, 40, 0])
    assert courbe["part_clients"].tolist() == [25, 50, 75, 100]
    assert courbe["part_ca"].tolist() == [50, 90, 100, 100]
    assert f.part_du_ca([10, 50, 40, 0], 50) == 90
    assert f.part_du_ca([10, 50, 40, 0], 0) == 0
    clients = pd.DataFrame(
        {"niveau": ["Bronze", "Bronze", "Argent", "Platine"], "ca_12_mois": [50, 50, 100, 800]}
    )
    table = f.ca_par_niveau(clients)
    assert table["niveau"].tolist() == ["Bronze", "Argent", "Or", "Platine"]
    assert table["clients"].tolist() == [2, 1, 0, 1]
    assert table["part_ca"].tolist() == [10, 10, 0, 80]
    assert table["depense_moyenne"].tolist() == [50, 100, 0, 800]
    assert table["part_clients"].sum() == pytest.approx(100)


def test_lire_operation():
    assert f.lire_operation("echange", "1 000") == ("echange", 1000)
    with pytest.raises(ErreurSaisie, match="abc"):
        f.lire_operation("achat", "abc")


# --- Saisies impossibles ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fonction", "args", "mot"),
    [
        (f.clv, (math.nan, 4, 3), "panier moyen"),
        (f.clv, (True, 4, 3), "panier moyen"),
        (f.clv, ("120", 4, 3), "panier moyen"),
        (f.clv, (120, -4, 3), "négatif"),
        (f.clv, (120, 4, math.inf), "fini"),
        (f.clv_marge, (100, 101, 10), "rétention"),
        (f.clv_marge, (100, -1, 10), "rétention"),
        (f.clv_marge, (100, 80, -5), "actualisation"),
        (f.clv_marge, (100, 100, 0), "infinie"),
        (f.clv_marge, (-100, 80, 10), "marge"),
        (f.clv_marge, (100, math.nan, 10), "rétention"),
        (f.rentabilite_client, (100, 0), "coût d'acquisition"),
        (f.nps, ([],), "vide"),
        (f.nps, ([11, 9],), "de 0 à 10"),
        (f.nps, ([-1],), "de 0 à 10"),
        (f.nps, ([9.5],), "entières"),
        (f.nps, ([math.nan],), "entières"),
        (f.nps, ([True],), "chiffrées"),
        (f.nps, (["9"],), "chiffrées"),
        (f.nps, ("9",), "liste"),
        (f.nps, (None,), "liste"),
        (f.repartition_nps, ([],), "vide"),
        (f.nps_effectifs, (0, 0, 0), "au moins une réponse"),
        (f.nps_effectifs, (-1, 2, 3), "négatif"),
        (f.csat, ([0, 4],), "de 1 à 5"),
        (f.csat, ([6],), "de 1 à 5"),
        (f.csat, ([],), "vide"),
        (f.csat, ([4], 6), "seuil"),
        (f.taux_retention, (0, 10, 5), "supérieur à 0"),
        (f.taux_retention, (100, 50, 60), "ne peut pas dépasser"),
        (f.taux_retention, (100, 300, 50), "ne peuvent pas dépasser"),
        (f.taux_retention, (100, -5, 0), "négatif"),
        (f.taux_attrition, (120, 100), "ne peut pas dépasser"),
        (f.taux_attrition, (10, 0), "supérieur à 0"),
        (f.taux_attrition, (False, 10), "nombre"),
        (f.taux_reachat, (50, 40), "ne peut pas dépasser"),
        (f.taux_reachat, (math.nan, 40), "rachet"),
        (f.taux_engagement_programme, (250, 200), "ne peut pas dépasser"),
        (f.taux_engagement_programme, (10, 0), "supérieur à 0"),
        (f.simuler_points, ([],), "vide"),
        (f.simuler_points, ([("achat", 100), ("echange", 150)],), "solde n'est que de 100"),
        (f.simuler_points, ([("echange", 1)],), "solde n'est que de 0"),
        (f.simuler_points, ([("achat", -10)],), "supérieur à 0"),
        (f.simuler_points, ([("achat", "abc")],), "achat n° 1"),
        (f.simuler_points, ([("achat", 10), ("echange", 2.5)],), "entier"),
        (f.simuler_points, ([("achat", 10), ("echange", 0)],), "au moins 1 point"),
        (f.simuler_points, ([("remboursement", 10)],), "type de l'opération"),
        (f.simuler_points, (["achat"],), "couple"),
        (f.simuler_points, ([("achat", 10)], 0), "points par euro"),
        (f.simuler_points, ([("achat", 10)], 1, -0.1), "valeur d'un point"),
        (f.niveau_fidelite, (-1,), "négatif"),
        (f.niveau_fidelite, (math.nan,), "points"),
        (f.niveau_fidelite, ("245",), "points"),
        (f.niveau_fidelite, (10, [("Argent", 200), ("Or", 500)]), "commencer à 0"),
        (f.niveau_fidelite, (10, [("A", 0), ("B", 0)]), "même seuil"),
        (f.niveau_fidelite, (10, []), "vide"),
        (f.niveau_fidelite, (10, [("A", 0, 1)]), "couple"),
        (f.prochaine_recompense, (-5,), "négatif"),
        (f.cout_parrainage, (20, 20, 0), "supérieur à 0"),
        (f.cout_parrainage, (20, 20, 120), "entre 0 et 100"),
        (f.cout_parrainage, (-20, 20), "parrain"),
        (f.cout_parrainage, (20, "20"), "filleul"),
        (f.courbe_pareto, ([0, 0],), "nul"),
        (f.courbe_pareto, ([],), "vide"),
        (f.part_du_ca, ([1, 2], 150), "part des meilleurs clients"),
    ],
)
def test_saisies_impossibles(fonction, args, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        fonction(*args)


def test_ca_par_niveau_refuse_un_fichier_faux():
    with pytest.raises(ErreurSaisie, match="ca_12_mois"):
        f.ca_par_niveau(pd.DataFrame({"niveau": ["Or"]}))
    with pytest.raises(ErreurSaisie, match="Diamant"):
        f.ca_par_niveau(pd.DataFrame({"niveau": ["Diamant"], "ca_12_mois": [10]}))
    with pytest.raises(ErreurSaisie, match="vide"):
        f.ca_par_niveau(pd.DataFrame({"niveau": [], "ca_12_mois": []}))


def test_une_erreur_de_saisie_est_aussi_une_valueerror():
    with pytest.raises(ValueError):
        f.nps([12])


# --- Propriétés -------------------------------------------------------------------------


@given(notes_nps)
def test_nps_borne_et_repartition_complete(notes):
    score = f.nps(notes)
    assert -100 <= score <= 100
    groupes = f.repartition_nps(notes)
    assert sum(groupes.values()) == len(notes)
    assert score == pytest.approx((groupes["promoteurs"] - groupes["detracteurs"]) * 100 / len(notes))


@given(notes_nps, st.integers(min_value=0, max_value=10))
def test_nps_monte_quand_on_ajoute_un_promoteur(notes, _inutile):
    assert f.nps([*notes, 10]) >= f.nps(notes)
    assert f.nps([*notes, 0]) <= f.nps(notes)


@given(notes_csat, st.integers(min_value=1, max_value=5))
def test_csat_borne_et_decroissant_avec_le_seuil(notes, seuil):
    valeur = f.csat(notes, seuil)
    assert 0 <= valeur <= 100
    if seuil < 5:
        assert f.csat(notes, seuil + 1) <= valeur
    assert f.csat(notes, 1) == 100


@given(montants, montants, st.floats(min_value=0, max_value=50), st.floats(min_value=0, max_value=50))
def test_clv_croissante(panier, panier_bis, frequence, duree):
    assume(panier_bis >= panier)
    assert f.clv(panier_bis, frequence, duree) >= f.clv(panier, frequence, duree)
    assert f.clv(panier, frequence + 1, duree) >= f.clv(panier, frequence, duree)
    assert f.clv(panier, frequence, duree + 1) >= f.clv(panier, frequence, duree)


@given(
    st.floats(min_value=0, max_value=1e5),
    st.floats(min_value=0, max_value=99),
    st.floats(min_value=0.1, max_value=50),
    st.floats(min_value=0, max_value=1),
)
def test_clv_marge_croit_avec_la_retention_et_baisse_avec_l_actualisation(marge, r, d, pas):
    base = f.clv_marge(marge, r, d)
    assert base >= 0
    assert f.clv_marge(marge, r + pas, d) >= base - 1e-9
    assert f.clv_marge(marge, r, d + pas) <= base + 1e-9


@given(operations, st.floats(min_value=0.5, max_value=3))
def test_solde_jamais_negatif(liste, taux):
    try:
        historique = f.simuler_points(liste, points_par_euro=taux)
    except ErreurSaisie as erreur:
        assert "Échange impossible" in str(erreur)
        return
    assert (historique["solde"] >= 0).all()
    assert historique["solde"].iloc[-1] == historique["points"].sum()
    assert len(historique) == len(liste)
    achats = historique[historique["operation"] == "achat"]
    assert (achats["points"] <= achats["montant"] * taux + 1e-6).all()
    assert (achats["points"] > achats["montant"] * taux - 1 - 1e-6).all()


@given(operations)
def test_un_echange_trop_gros_ne_passe_jamais(liste):
    try:
        historique = f.simuler_points(liste)
    except ErreurSaisie:
        return
    solde = int(historique["solde"].iloc[-1])
    with pytest.raises(ErreurSaisie, match="Échange impossible"):
        f.simuler_points([*liste, ("echange", solde + 1)])


@given(st.integers(min_value=0, max_value=5_000))
def test_niveau_et_points_manquants_coherents(points):
    niveau, suivant, manque = f.niveau_fidelite(points)
    assert points >= f.PALIERS[niveau]
    if suivant is None:
        assert niveau == "Platine" and manque == 0
    else:
        assert points + manque == f.PALIERS[suivant]
        assert manque > 0


@given(
    st.floats(min_value=0, max_value=100),
    st.floats(min_value=0, max_value=100),
    st.floats(min_value=1, max_value=100),
)
def test_parrainage_jamais_moins_que_les_credits(parrain, filleul, taux):
    cout = f.cout_parrainage(parrain, filleul, taux)
    assert cout >= parrain + filleul - 1e-9
    assert f.cout_parrainage(parrain, filleul, 100) <= cout + 1e-9


@given(st.lists(montants, min_size=1, max_size=100))
def test_pareto_croissant_et_termine_a_100(valeurs):
    assume(sum(valeurs) > 0)
    courbe = f.courbe_pareto(valeurs)
    assert courbe["part_ca"].is_monotonic_increasing
    assert courbe["part_ca"].iloc[-1] == pytest.approx(100)
    # Les meilleurs clients pèsent au moins leur part de l'effectif.
    assert (courbe["part_ca"] >= courbe["part_clients"] - 1e-9).all()


def test_rapport_depense_et_poids_d_un_niveau():
    clients = pd.DataFrame(
        {"niveau": ["Bronze", "Bronze", "Or", "Platine"], "ca_12_mois": [40, 60, 150, 750]}
    )
    table = f.ca_par_niveau(clients)
    assert f.rapport_depense(table, "Or") == pytest.approx(3.0)
    assert f.rapport_depense(table, "Platine", reference="Or") == pytest.approx(5.0)
    assert f.poids_niveau(table, "Platine") == pytest.approx((25.0, 75.0))
    with pytest.raises(ErreurSaisie, match="Diamant"):
        f.poids_niveau(table, "Diamant")
    with pytest.raises(ErreurSaisie, match="Argent"):
        f.rapport_depense(table, "Or", reference="Argent")


def test_bilan_fidelite_enchaine_les_mois_sur_un_an():
    mois = f.indicateurs_mensuels(
        pd.DataFrame(
            {
                "mois": ["janv.", "févr."],
                "clients_debut": [200, 250],
                "nouveaux_clients": [40, 30],
                "clients_perdus": [20, 55],
                "clients_fin": [220, 230],
                "clients_reachat": [110, 69],
            }
        )
    )
    bilan = f.bilan_fidelite(mois, nps_obtenu=28.8, csat_obtenu=90)
    # Rétention 90 % puis 80 % : sur deux mois 72 %, au rythme d'un an 0,72^6 ≈ 13,9 %.
    # Les objectifs de rétention et d'attrition sont annuels : on ne compare pas la moyenne
    # mensuelle (85 %) à 70 % par an.
    annuelle = 0.72**6 * 100
    assert bilan["realise"].tolist() == pytest.approx([annuelle, 100 - annuelle, 40, 28.8, 90])
    assert bilan["atteint"].tolist() == [False, False, True, False, True]
    assert "sur un an" in bilan["kpi"].iloc[0]
    with pytest.raises(ErreurSaisie, match="indicateurs_mensuels"):
        f.bilan_fidelite(pd.DataFrame({"mois": ["janv."]}))


def test_retention_sur_periode_enchaine_les_mois():
    assert f.retention_sur_periode([95] * 12) == pytest.approx(0.95**12 * 100)
    # Une moyenne arithmétique des mois n'est pas un taux annuel.
    assert f.retention_sur_periode([95] * 12) < 95 - 40
    assert f.retention_sur_periode([90, 80], mois=2) == pytest.approx(72)
    assert f.retention_mensuelle_equivalente(70) ** 12 / 100**11 == pytest.approx(70)
    with pytest.raises(ErreurSaisie, match="taux_mensuels"):
        f.retention_sur_periode([])
    with pytest.raises(ErreurSaisie, match="taux_mensuels"):
        f.retention_sur_periode([120])


def test_objectifs_disent_leur_periode_et_se_tiennent():
    detail = f.OBJECTIFS_DETAILLES
    assert detail["retention"]["periode"] == detail["attrition"]["periode"] == "annuelle"
    # Sur une même période, rétention et attrition se complètent : leurs objectifs aussi.
    assert f.OBJECTIFS["retention"] + f.OBJECTIFS["attrition"] == pytest.approx(100)


def test_programme_lu_du_contenu():
    assert f.PALIERS == {"Bronze": 0, "Argent": 200, "Or": 500, "Platine": 1000}
    assert f.RECOMPENSES == (100, 250, 500)
    assert f.PROGRAMME["valeur_point"] == pytest.approx(0.10)
    assert f.normes_service()["canal"].iloc[0] == "Chat en direct"
