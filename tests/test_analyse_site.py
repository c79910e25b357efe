"""Calculateurs du chapitre 10 : indicateurs d'un site, entonnoir, segmentation RFM, et cohérence des données."""

import math
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import ErreurSaisie, cas, contenu, donnees, quiz
from coursekit import analyse_site as a
from coursekit.widgets import analyse_site as w

entiers = st.integers(min_value=0, max_value=100_000)


def _ligne(**valeurs):
    ligne = dict(
        periode="Mars",
        source="Direct",
        sessions=100,
        utilisateurs=80,
        nouveaux_utilisateurs=40,
        sessions_engagees=60,
        pages_vues=250,
        duree_totale_s=9_000,
        paniers=10,
        commandes=3,
        chiffre_affaires=150,
    )
    ligne.update(valeurs)
    return ligne


# --- Les formules ----------------------------------------------------------------------


def test_formules_du_cours():
    assert a.pages_par_session(pages_vues=300, sessions=100) == 3
    assert a.duree_moyenne_session(duree_totale_s=9_000, sessions=100) == 90
    assert a.taux_engagement_sessions(sessions_engagees=58, sessions=100) == pytest.approx(58)
    assert a.taux_rebond(sessions_engagees=58, sessions=100) == pytest.approx(42)
    assert a.part_nouveaux(nouveaux_utilisateurs=30, utilisateurs=120) == 25
    assert a.taux_abandon_panier(commandes=56, paniers=200) == pytest.approx(72)
    assert a.panier_moyen(chiffre_affaires=405, commandes=9) == 45
    assert a.ca_par_session(chiffre_affaires=405, sessions=240) == pytest.approx(1.6875)
    assert a.commandes_attendues(paniers=304, taux_abandon=68.75) == 95
    assert a.evolution_conversion(80, 3_500, 82, 4_200) == pytest.approx(82 / 42 - 80 / 35)
    assert a.note_moyenne([5, 4, 3]) == 4
    assert a.part_avis_negatifs([1, 2, 3, 5]) == 50


@pytest.mark.parametrize(
    ("appel", "mot"),
    [
        (lambda: a.pages_par_session(10, 0), "sessions"),
        (lambda: a.taux_engagement_sessions(120, 100), "sessions engagées"),
        (lambda: a.taux_abandon_panier(12, 10), "commandes"),
        (lambda: a.taux_abandon_panier(0, 0), "paniers"),
        (lambda: a.panier_moyen(100, 0), "commandes"),
        (lambda: a.part_nouveaux(50, 40), "nouveaux"),
        (lambda: a.ca_par_session(-5, 10), "chiffre d'affaires"),
        (lambda: a.duree_moyenne_session("long", 10), "durée"),
        (lambda: a.commandes_attendues(100, 120), "abandon"),
        (lambda: a.note_moyenne([4, 6]), "notes"),
        (lambda: a.note_moyenne([]), "notes"),
        (lambda: a.simuler_tunnel(0, 3, 70, 50), "sessions"),
        (lambda: a.simuler_tunnel(500, True, 70, 50), "mise au panier"),
    ],
)
def test_saisies_impossibles_en_francais(appel, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        appel()


@given(engagees=entiers, sessions=st.integers(min_value=1, max_value=100_000))
def test_rebond_et_engagement_font_cent(engagees, sessions):
    engagees = min(engagees, sessions)
    total = a.taux_rebond(engagees, sessions) + a.taux_engagement_sessions(engagees, sessions)
    assert total == pytest.approx(100)
    assert 0 <= a.taux_rebond(engagees, sessions) <= 100


@given(commandes=entiers, paniers=st.integers(min_value=1, max_value=100_000))
def test_abandon_entre_0_et_100_et_complement_de_la_finalisation(commandes, paniers):
    commandes = min(commandes, paniers)
    abandon = a.taux_abandon_panier(commandes, paniers)
    assert 0 <= abandon <= 100
    etapes = a.etapes_site(
        dict(sessions=paniers, sessions_engagees=paniers, paniers=paniers, commandes=commandes)
    )
    assert etapes["Finalisation"] == pytest.approx(100 - abandon)


@given(
    sessions=st.floats(min_value=1, max_value=1e6),
    taux_panier=st.floats(min_value=0, max_value=100),
    taux_abandon=st.floats(min_value=0, max_value=100),
    panier=st.floats(min_value=0, max_value=1e4),
)
def test_tunnel_coherent(sessions, taux_panier, taux_abandon, panier):
    r = a.simuler_tunnel(sessions, taux_panier, taux_abandon, panier)
    assert r["commandes"] <= r["paniers"] + 1e-9 <= sessions + 1e-6
    assert r["chiffre_affaires"] == pytest.approx(r["commandes"] * panier)
    assert r["ca_par_session"] * sessions == pytest.approx(r["chiffre_affaires"])
    assert r["taux_conversion"] == pytest.approx(r["commandes"] / sessions * 100)


# --- Tableaux de statistiques -------------------------------------------------------------


def test_indicateurs_par_source_additionnent_les_semaines():
    table = pd.DataFrame([_ligne(periode="S1"), _ligne(periode="S2", commandes=1, chiffre_affaires=50)])
    par_source = a.indicateurs_par(table, "source")
    assert par_source.loc[0, "sessions"] == 200
    assert par_source.loc[0, "taux_conversion"] == pytest.approx(2)
    assert par_source.loc[0, "panier_moyen"] == pytest.approx(50)
    par_semaine = a.indicateurs_par(table, "periode")
    assert list(par_semaine["periode"]) == ["S1", "S2"]
    assert list(par_semaine["part_sessions"]) == [50, 50]


def test_indicateur_sans_objet_vaut_none():
    r = a.indicateurs(dict(sessions=10, utilisateurs=9, sessions_engagees=4, paniers=0, commandes=0))
    assert r["taux_abandon_panier"] is None and r["panier_moyen"] is None
    assert r["taux_conversion"] == 0


@pytest.mark.parametrize(
    ("modif", "attendu"),
    [
        (dict(commandes=12), "ligne 1 (Mars, Direct) : commandes (12) dépasse paniers (10)"),
        (dict(nouveaux_utilisateurs=90), "nouveaux_utilisateurs (90) dépasse utilisateurs (80)"),
        (dict(pages_vues=-1), "pages_vues ne peut pas être négatif"),
        (dict(sessions="beaucoup"), "sessions doit être un nombre"),
        (dict(sessions=float("nan")), "sessions doit être un nombre"),
    ],
)
def test_statistiques_incoherentes_refusees(modif, attendu):
    with pytest.raises(ErreurSaisie, match=attendu.replace("(", r"\(").replace(")", r"\)")):
        a.valider_statistiques(pd.DataFrame([_ligne(**modif)]))


def test_colonne_manquante_et_tableau_vide():
    with pytest.raises(ErreurSaisie, match="il manque les colonnes : paniers"):
        a.valider_statistiques(pd.DataFrame([_ligne()]).drop(columns="paniers"))
    with pytest.raises(ErreurSaisie, match="vide"):
        a.valider_statistiques(pd.DataFrame(columns=a.COLONNES_STATISTIQUES))
    with pytest.raises(ErreurSaisie, match="regroupement"):
        a.indicateurs_par(pd.DataFrame([_ligne()]), "jour")


def test_maillon_faible_du_site():
    site = {"Engagement": 50, "Mise au panier": 10, "Finalisation": 30}
    assert a.maillon_faible_site({"Engagement": 50, "Mise au panier": 5, "Finalisation": 20}, site)[0] == (
        "Mise au panier"
    )
    assert a.maillon_faible_site({"Engagement": 60, "Mise au panier": 12, "Finalisation": None}, site) is None


# --- RFM -----------------------------------------------------------------------------------


@given(st.lists(st.floats(min_value=0, max_value=1e5, allow_nan=False), min_size=1, max_size=300))
def test_notes_quintiles_de_1_a_5_et_croissantes(valeurs):
    notes = a.note_quintile(valeurs)
    assert notes.between(1, 5).all()
    ordre = sorted(range(len(valeurs)), key=lambda i: valeurs[i])
    assert list(notes.iloc[ordre]) == sorted(notes)  # une valeur plus grande n'a jamais une note plus faible
    if len(set(valeurs)) == len(valeurs) and len(valeurs) % 5 == 0:
        assert notes.value_counts().tolist() == [len(valeurs) // 5] * 5


def test_recence_notee_a_l_envers():
    assert a.note_quintile([10, 400], plus_grand_meilleur=False).tolist() == [5, 3]


def _clients(jours, commandes, montants, reference=date(2026, 4, 1)):
    return pd.DataFrame(
        {
            "id_client": [f"X{i}" for i in range(len(jours))],
            "date_dernier_achat": [(reference - timedelta(days=j)).isoformat() for j in jours],
            "commandes_12_mois": commandes,
            "montant_12_mois": montants,
        }
    )


def test_segments_selon_le_seuil():
    clients = _clients(
        [5, 10, 20, 150, 200, 300, 40, 100, 60, 250],
        [9, 8, 1, 6, 7, 1, 2, 1, 5, 2],
        [600, 500, 40, 300, 350, 30, 90, 35, 280, 70],
    )
    scores = a.scores_rfm(clients, date(2026, 4, 1))
    assert scores.loc[0, ["recence_jours", "R", "F", "M"]].tolist() == [5, 5, 5, 5]
    segments = a.segmenter_rfm(scores, 180)["segment"].tolist()
    assert segments[0] == "Champions"
    assert segments[4] == "À risque" and segments[5] == "Perdus"
    assert segments[2] == "Prometteurs"
    # Un seuil plus court fait passer des clients actifs dans les inactifs, jamais l'inverse.
    court = a.segmenter_rfm(scores, 90)["segment"]
    inactifs = {"À risque", "Perdus"}
    assert sum(s in inactifs for s in court) > sum(s in inactifs for s in segments)


@pytest.mark.parametrize("seuil", [30, 90, 180, 360])
def test_synthese_complete_et_totaux(seuil):
    scores = a.scores_rfm(w.lire_clients(), w.DATE_REFERENCE)
    synthese = a.synthese_segments(a.segmenter_rfm(scores, seuil))
    assert list(synthese["segment"]) == list(a.SEGMENTS_RFM)
    assert synthese["clients"].sum() == 300
    assert synthese["part_clients"].sum() == pytest.approx(100)
    assert synthese["part_montant"].sum() == pytest.approx(100)


def test_fichier_clients_mal_forme():
    with pytest.raises(ErreurSaisie, match="ligne 1 .X0. : commandes_12_mois"):
        a.valider_clients(_clients([5], [0], [10]))
    with pytest.raises(ErreurSaisie, match="montant_12_mois"):
        a.valider_clients(_clients([5], [1], [-10]))
    with pytest.raises(ErreurSaisie, match="date de référence"):
        a.scores_rfm(_clients([5], [1], [10]), date(2025, 1, 1))
    with pytest.raises(ErreurSaisie, match="seuil"):
        a.segment_rfm(10, 3, 3, seuil_recence=0)
    with pytest.raises(ErreurSaisie, match="note de fréquence"):
        a.segment_rfm(10, 3, 6)


# --- Les données du chapitre et leur cohérence avec le cas ------------------------------


def test_mois_de_graine_de_ville_coherent_avec_le_cas():
    t = a.totaux(w.lire_statistiques())
    r = a.indicateurs(t)
    assert t["sessions"] == cas.GRAINE_DE_VILLE.visites_mensuelles == 500
    assert r["taux_conversion"] == pytest.approx(1)
    assert r["panier_moyen"] == pytest.approx(50)
    assert 65 <= r["taux_abandon_panier"] <= 75  # autour des 70 % habituels


def test_fichier_rfm_reprend_le_fichier_clients_du_chapitre_07():
    rfm = w.lire_clients()
    base = donnees.lire_csv("graine_de_ville_clients.csv")
    assert list(rfm["id_client"]) == list(base["id_client"])
    assert list(rfm["commandes_12_mois"]) == list(base["commandes_12_mois"])
    assert rfm["montant_12_mois"].tolist() == pytest.approx(base["ca_12_mois"].tolist())
    assert max(rfm["date_dernier_achat"]) < w.DATE_REFERENCE


def test_chiffres_du_cas_e5_egaux_aux_annexes():
    """Les réponses des questions chiffrées partent du contenu : il doit dire la même chose que les annexes."""
    stats = w.lire_statistiques(w.FICHIER_E5_TRAFIC)
    cas_e5 = contenu.section("10", "cas_e5")
    for mois, cle in (("Février", "fevrier"), ("Mars", "mars")):
        t = a.totaux(stats[stats["periode"] == mois])
        for compteur, valeur in cas_e5[cle].items():
            assert t[compteur] == valeur, (mois, compteur)
    exercices = contenu.charger("10")["exercices"]
    notes = list(w.lire_avis()["note"])
    assert exercices["e5-note"]["attendu"] == pytest.approx(a.note_moyenne(notes), abs=1e-3)
    assert exercices["e5-negatifs"]["attendu"] == pytest.approx(a.part_avis_negatifs(notes), abs=1e-2)
    scores = a.scores_rfm(w.lire_clients(w.FICHIER_E5_CLIENTS), w.DATE_REFERENCE_E5)
    assert exercices["e5-inactifs"]["attendu"] == (scores["recence_jours"] > 180).sum()
    par_source = a.indicateurs_par(stats[stats["periode"] == "Mars"], "source").set_index("source")
    bonne = next(p["texte"] for p in exercices["e5-source"]["propositions"] if p.get("juste"))
    assert par_source["taux_conversion"].idxmax() == bonne


def test_exercices_chiffres_du_chapitre():
    donnees_10 = contenu.charger("10")
    attendus = {
        "rebond": 37.5,
        "pages": 3,
        "abandon": 70,
        "panier-moyen": 45,
        "e5-commandes": 95,
        "e5-conversion": 82 / 42,
    }
    for ident, valeur in attendus.items():
        assert quiz.valeur_attendue(donnees_10["exercices"][ident], donnees_10) == pytest.approx(valeur)
    assert math.isclose(quiz.valeur_attendue(donnees_10["exercices"]["ca-session"], donnees_10), 405 / 240)


def test_cas_e5_dure_trois_heures_et_vaut_vingt_points():
    cas_e5 = contenu.section("10", "cas_e5", w.SCHEMA_CAS)
    grille = contenu.section("10", "grille_e5", w.SCHEMA_GRILLE)
    assert sum(q["minutes"] for q in cas_e5["questions"]) == 180
    questions = [q for q in cas_e5["questions"] if q["numero"]]
    assert 6 <= len(questions) <= 8
    assert sum(g["points"] for g in grille) == 20
    for q in questions:
        points_grille = sum(g["points"] for g in grille if g["question"] == q["numero"])
        assert points_grille == q["points"], q["numero"]
        for ident in q.get("exercices", []):
            assert ident in contenu.charger("10")["exercices"]


def test_contenu_mal_forme_guide_le_professeur(monkeypatch):
    monkeypatch.setattr(
        contenu, "_charger_fichier", lambda _f: {"segments_rfm": {"Champions": {"action": "x"}}}
    )
    with pytest.raises(contenu.ErreurContenu, match="segments_rfm"):
        w.actions_segments()


def test_lecture_des_fichiers_en_francais(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_DONNEES", str(tmp_path))
    with pytest.raises(ErreurSaisie, match="introuvable"):
        w.lire_statistiques()
    pd.DataFrame([_ligne()]).drop(columns="sessions_engagees").to_csv(
        tmp_path / w.FICHIER_TRAFIC, index=False
    )
    with pytest.raises(ErreurSaisie, match="sessions_engagees"):
        w.lire_statistiques()
    pd.DataFrame([_ligne(commandes=11)]).to_csv(tmp_path / w.FICHIER_TRAFIC, index=False)
    with pytest.raises(ErreurSaisie, match=f"Dans le fichier « {w.FICHIER_TRAFIC} », ligne 1"):
        w.lire_statistiques()
    _clients([5], [1], [10]).assign(date_dernier_achat="hier").to_csv(
        tmp_path / w.FICHIER_CLIENTS, index=False
    )
    with pytest.raises(ErreurSaisie, match="« hier » n'est pas une date"):
        w.lire_clients()
