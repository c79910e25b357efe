"""Le modèle de l'entreprise fil rouge : ses chiffres tiennent ensemble, et avec les données du cours."""

import copy

import pytest

from coursekit import cas, contenu, donnees, fidelisation, kpi
from coursekit.cas import GRAINE_DE_VILLE as G


def test_chiffres_du_programme():
    assert G.chiffre_affaires_annuel == 50_000
    assert G.visites_mensuelles == 500
    assert G.taux_conversion == 1
    assert G.panier_moyen == 50
    assert G.abonnes_instagram == 2_000
    assert G.budget_marketing == 5_000


def test_identites_du_site():
    # commandes en ligne = visites × conversion ; CA en ligne = visites × conversion × panier × 12
    assert G.commandes_en_ligne_mensuelles == pytest.approx(kpi.taux_conversion(5, 500) / 100 * 500)
    assert G.commandes_en_ligne_mensuelles == pytest.approx(5)
    assert G.chiffre_affaires_en_ligne_annuel == pytest.approx(500 * 0.01 * 50 * 12) == 3_000
    assert G.chiffre_affaires_par_visite == pytest.approx(0.5)
    assert G.part_en_ligne == pytest.approx(6)


def test_les_canaux_font_le_chiffre_d_affaires_annuel():
    canaux = G.chiffre_affaires_par_canal()
    assert canaux[cas.CANAL_EN_LIGNE] == 3_000
    assert len(canaux) >= 2, "le site seul ne fait pas 50 000 € : il faut d'autres canaux"
    assert sum(canaux.values()) == pytest.approx(G.chiffre_affaires_annuel)
    assert G.ecart_du_modele() == pytest.approx(0)


def test_le_fichier_clients_tient_dans_le_modele():
    clients = donnees.lire_csv(G.fichier_clients["fichier"])
    assert len(clients) == G.fichier_clients["clients"]
    assert int(clients["commandes_12_mois"].sum()) == G.fichier_clients["commandes"]
    assert float(clients["ca_12_mois"].sum()) == pytest.approx(
        G.fichier_clients["chiffre_affaires"], abs=0.01
    )
    # Le fichier couvre presque tout le chiffre d'affaires (carte utilisée sur tous les canaux), sans le dépasser.
    assert (
        0.9 * G.chiffre_affaires_annuel <= G.fichier_clients["chiffre_affaires"] <= G.chiffre_affaires_annuel
    )
    # Il contient au moins les commandes du site sur un an.
    assert G.fichier_clients["commandes"] >= G.commandes_en_ligne_mensuelles * 12
    # Et les clients actifs du chapitre 07 sont du même ordre que le fichier.
    mois = donnees.lire_csv("graine_de_ville_clients_mois.csv")
    assert mois["clients_fin"].max() <= G.fichier_clients["clients"]


def test_objectif_roas_du_cas_et_sa_marge():
    # L'objectif de ROAS du chapitre 06 ne fait que rembourser la publicité avec 25 % de marge.
    assert G.taux_marge == 25
    assert (
        kpi.OBJECTIFS_GRAINE_DE_VILLE["roas"] == pytest.approx(G.roas_seuil) == kpi.roas_seuil(G.taux_marge)
    )


def test_budget_fidelite_a_la_marge_du_cas():
    budget = fidelisation.BUDGET_LANCEMENT
    marge = budget["chiffre_affaires_en_plus"] * G.taux_marge / 100
    assert kpi.roi(marge, budget["moyen"]) == pytest.approx(0)


def test_un_cas_incoherent_est_refuse_en_francais():
    donnees_cas = copy.deepcopy(contenu.section("08", "entreprise_cas"))
    donnees_cas["visites_mensuelles"] = 1_000
    with pytest.raises(contenu.ErreurContenu, match="ne tient pas debout"):
        cas.depuis_contenu(donnees_cas)
    donnees_cas = copy.deepcopy(contenu.section("08", "entreprise_cas"))
    donnees_cas["fichier_clients"]["chiffre_affaires"] = 60_000
    with pytest.raises(contenu.ErreurContenu, match="fichier clients"):
        cas.depuis_contenu(donnees_cas)


def test_section_mal_formee_nommee():
    with pytest.raises(contenu.ErreurContenu, match="entreprise_cas → taux_marge"):
        contenu._valider(
            {**contenu.section("08", "entreprise_cas"), "taux_marge": "beaucoup"},
            cas.SCHEMA,
            "08-projet-final.yaml",
            ("entreprise_cas",),
        )


def test_quiz_00_une_visite_rapporte_ce_que_dit_le_modele():
    """La question q8 du chapitre 00 part des ventes du site, pas de tout le chiffre d'affaires."""
    questions = {q["id"]: q for q in contenu.charger("00")["quiz"]["fin"]["questions"]}
    q8 = questions["q8"]
    assert G.chiffre_affaires_par_visite == pytest.approx(0.5)
    assert q8["attendu"] == pytest.approx(G.chiffre_affaires_par_visite)
    assert q8["attendu"] == pytest.approx(G.chiffre_affaires_en_ligne_annuel / (G.visites_mensuelles * 12))
    assert abs(q8["attendu"] - G.chiffre_affaires_annuel / (G.visites_mensuelles * 12)) > q8["tolerance"]


def test_fiche_dit_ce_que_vend_le_site():
    fiche = G.fiche_markdown()
    assert "boutique en ligne" not in fiche
    assert "dont 3\u202f000\u00a0€ sur le site" in fiche
