"""Calculateurs du chapitre 09 : KPI du service client, Erlang C, correcteur de réponses, retours, flux."""

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import ErreurSaisie, contenu, quiz
from coursekit import relation_client as rc

# --- KPI -------------------------------------------------------------------------------------


def test_kpi_de_la_journee_du_cours():
    r = rc.kpi_journee(rc.donnees("journee_service"))
    assert r == {
        "taux_decroche": 90.0,
        "taux_abandon": 10.0,
        "attente_moyenne": 35.0,
        "dmt": 240.0,
        "taux_fcr": 75.0,
        "taux_joignabilite": 35.0,
        "taux_transformation": 20.0,
    }


@pytest.mark.parametrize(
    ("fonction", "arguments", "message"),
    [
        (rc.taux_decroche, (10, 0), "appels reçus"),
        (rc.taux_decroche, (12, 10), "ne peut pas dépasser"),
        (rc.taux_abandon, (-1, 10), "négatif"),
        (rc.temps_moyen_attente, (100, 0), "appels décrochés"),
        (rc.duree_moyenne_traitement, (100, 10, 0), "appels traités"),
        (rc.taux_resolution_premier_contact, (11, 10), "ne peut pas dépasser"),
        (rc.taux_joignabilite, (5, "abc"), "nombre"),
        (rc.taux_transformation, (True, 10), "nombre"),
    ],
)
def test_kpi_refusent_les_saisies_impossibles(fonction, arguments, message):
    with pytest.raises(ErreurSaisie, match=message):
        fonction(*arguments)


def test_journee_refuse_plus_de_decroches_et_abandons_que_d_appels():
    j = dict(rc.donnees("journee_service"), appels_abandonnes=100)
    with pytest.raises(ErreurSaisie, match="ne peut pas dépasser"):
        rc.kpi_journee(j)


# --- Erlang C ---------------------------------------------------------------------------------


def _erlang_c_direct(a, n):
    """La formule d'Erlang C écrite avec des factorielles, pour vérifier la récurrence."""
    somme = sum(a**k / math.factorial(k) for k in range(n))
    dernier = a**n / math.factorial(n) * n / (n - a)
    return 100 * dernier / (somme + dernier)


@given(st.floats(0.1, 30), st.integers(1, 40))
def test_erlang_c_egale_la_formule_directe(a, n):
    if n <= a:
        assert rc.erlang_c(a, n) == 100
    else:
        assert rc.erlang_c(a, n) == pytest.approx(_erlang_c_direct(a, n), rel=1e-9)


def test_erlang_c_valeurs_connues():
    assert rc.erlang_c(2, 3) == pytest.approx(400 / 9)
    assert rc.erlang_c(0, 3) == 0
    assert rc.erlang_c(4, 4) == 100
    with pytest.raises(ErreurSaisie, match="entier"):
        rc.erlang_c(2, 2.5)


@given(st.integers(1, 300), st.integers(30, 900), st.integers(1, 39))
def test_un_conseiller_de_plus_n_abime_jamais_le_service(appels, dmt, n):
    avant = rc.centre_contacts(appels, n, dmt)
    apres = rc.centre_contacts(appels, n + 1, dmt)
    assert apres["taux_service"] >= avant["taux_service"] - 1e-9
    assert apres["attente_moyenne"] <= avant["attente_moyenne"]
    assert apres["taux_decroche"] >= avant["taux_decroche"] - 1e-9
    assert 0 <= apres["taux_occupation"] <= 100
    assert 0 <= apres["taux_service"] <= 100


def test_centre_contacts_exemple_du_cours():
    r = rc.centre_contacts(60, 5, 240)
    assert r["trafic"] == 4
    assert r["stable"]
    assert r["probabilite_attente"] == pytest.approx(55.41, abs=0.01)
    assert r["attente_moyenne"] == pytest.approx(0.5541 * 240, rel=1e-3)  # C × DMT ÷ (N − A)
    assert r["taux_service"] == pytest.approx(100 * (1 - 0.55411 * math.exp(-20 / 240)), abs=0.01)
    assert r["taux_decroche"] == pytest.approx(100 - rc.part_abandons(60, 5, 240))
    assert r["taux_occupation"] == pytest.approx(r["appels_decroches"] * 240 / 3600 / 5 * 100)
    assert r["cout_par_contact"] == pytest.approx(5 * 25 / r["appels_decroches"])


def test_erlang_a_rejoint_erlang_b_et_erlang_c_aux_extremes():
    # Patience nulle : l'appelant qui trouve tout le monde occupé raccroche, c'est la perte d'Erlang B.
    erlang_b = (2**3 / 6) / (1 + 2 + 2 + 2**3 / 6)
    assert rc.part_abandons(30, 3, 240, patience=1e-4) == pytest.approx(100 * erlang_b, rel=1e-3)
    # Patience infinie ou presque, file stable : presque personne ne raccroche.
    assert rc.part_abandons(30, 3, 240, patience=1e7) < 0.01
    assert rc.part_abandons(0, 3, 240) == 0


def test_centre_sature_file_sans_fin():
    r = rc.centre_contacts(120, 6, 240)  # 8 erlangs pour 6 conseillers
    assert not r["stable"] and math.isinf(r["attente_moyenne"])
    assert r["taux_service"] == 0 and r["probabilite_attente"] == 100
    assert r["taux_decroche"] < 75  # 6 × 3 600 ÷ 240 = 90 appels au plus traités sur 120
    assert r["taux_occupation"] <= 100


def test_conseillers_necessaires_norme_80_20():
    assert rc.conseillers_necessaires(60, 240) == 7
    assert rc.conseillers_necessaires(90, 240) == 9
    assert (
        rc.centre_contacts(90, 8, 240)["taux_service"] < 80 <= rc.centre_contacts(90, 9, 240)["taux_service"]
    )
    with pytest.raises(ErreurSaisie, match="sous 100"):
        rc.conseillers_necessaires(60, 240, objectif_service=100)


def test_duree_lisible():
    assert rc.duree_lisible(35) == "35\xa0s"
    assert rc.duree_lisible(240) == "4\xa0min"
    assert rc.duree_lisible(133.2) == "2\xa0min\xa013\xa0s"
    assert rc.duree_lisible(math.inf) == "sans fin"
    with pytest.raises(ErreurSaisie):
        rc.duree_lisible(-3)


# --- Correcteur de réponses -------------------------------------------------------------------

BONNE_REPONSE_EMAIL = (
    "Bonjour Yanis,\nJe suis vraiment désolée pour cette gourde qui fuit. Une nouvelle gourde vous est "
    "expédiée aujourd'hui, livrée sous 48 h, avec une étiquette de retour gratuite. Pour toute question, "
    "écrivez-moi à aide@grainedeville.fr.\nBelle journée,\nLéa, Graine de Ville"
)


def _analyse(texte, cle="produit_defectueux"):
    return rc.analyser_reponse(texte, rc.situations()[cle])


def test_une_bonne_reponse_est_complete():
    a = _analyse(BONNE_REPONSE_EMAIL)
    assert a.complete and a.score == 6 and not a.bourrage
    assert a.resume() == "Réponse complète : les 6 éléments attendus sont là."


@pytest.mark.parametrize(
    ("retire", "remplace", "manque"),
    [
        ("Bonjour Yanis,", "Bonjour,", "prenom"),
        ("Je suis vraiment désolée pour cette gourde qui fuit. ", "", "empathie"),
        (
            "Une nouvelle gourde vous est expédiée aujourd'hui, livrée sous 48 h, avec une étiquette de retour gratuite. ",
            "Nous regardons votre demande aujourd'hui. ",
            "action",
        ),
        ("aujourd'hui, livrée sous 48 h,", "", "delai"),
        ("Pour toute question, écrivez-moi à aide@grainedeville.fr.", "", "contact"),
    ],
)
def test_le_correcteur_nomme_l_element_qui_manque(retire, remplace, manque):
    texte = BONNE_REPONSE_EMAIL.replace(retire, remplace)
    assert texte != BONNE_REPONSE_EMAIL
    a = _analyse(texte)
    assert [e.critere for e in a.manquants] == [manque]
    titre = rc.textes_criteres()[manque]["titre"].lower()
    assert titre in a.resume()


def test_le_ton_repere_reproche_et_majuscules():
    a = _analyse(
        BONNE_REPONSE_EMAIL.replace("Belle journée,", "Vous auriez dû lire la notice. Belle journée,")
    )
    ton = next(e for e in a.elements if e.critere == "ton")
    assert not ton.ok and "« Vous auriez dû »" in ton.texte
    cri = _analyse(BONNE_REPONSE_EMAIL.replace("vraiment désolée", "VRAIMENT TRÈS désolée"))
    assert [e.critere for e in cri.manquants] == ["ton"]


@pytest.mark.parametrize(
    "bourrage",
    [
        "Yanis désolé navré remplacement remboursement aujourd'hui 48 h aide@grainedeville.fr cordialement Léa",
        "Bonjour Yanis, je suis désolé désolé désolé, vraiment désolé pour le remplacement aujourd'hui. Cordialement",
        "Yanis le désolé la remplacement les aujourd'hui de contact et cordialement.",
        "Bonjour Yanis désolé navré excuses remplacement remboursement expédié étiquette aujourd'hui demain "
        "écrivez appelez cordialement",
    ],
)
def test_le_bourrage_de_mots_cles_ne_rapporte_rien(bourrage):
    a = _analyse(bourrage)
    assert a.score == 0 and not a.complete
    assert "mots" in a.resume() or "phrase" in a.resume()


def test_le_prenom_compte_seulement_en_tete():
    a = _analyse(
        BONNE_REPONSE_EMAIL.replace("Bonjour Yanis,", "Bonjour,").replace("Léa,", "Léa, pour Yanis,")
    )
    assert "prenom" in [e.critere for e in a.manquants]


def test_chat_et_avis():
    chat = (
        "Bonjour Camille ! Je vois que le sérum vous attend. Vous hésitez, je comprends. Comme vous aimez la "
        "crème de la même gamme, je vous le recommande. Voici un code de 10 % valable 1 h. Je reste là si besoin !"
    )
    assert _analyse(chat, "panier_chat").complete
    avis = (
        "Bonjour Sofiane, merci d'avoir écrit et toutes mes excuses pour cette attente. Je vérifie votre dossier "
        "dès aujourd'hui et le remboursement sera fait sous 48 h. Écrivez-moi en message privé.\nLéa, Graine de Ville"
    )
    assert _analyse(avis, "avis_arnaque").complete
    sans_signature = _analyse(avis.replace("\nLéa, Graine de Ville", ""), "avis_arnaque")
    assert [e.critere for e in sans_signature.manquants] == ["signature"]


def test_reponse_vide_trop_longue_ou_pas_un_texte():
    vide = _analyse("")
    assert vide.score == 0 and "vide" in " ".join(vide.remarques)
    long = _analyse(BONNE_REPONSE_EMAIL + " Nous tenons beaucoup à votre satisfaction." * 30)
    assert any("c'est long" in r for r in long.remarques)
    with pytest.raises(ErreurSaisie, match="texte"):
        _analyse(42)


def test_les_mots_du_correcteur_viennent_du_contenu():
    regles = dict(rc.regles_redaction())
    regles["empathie"] = ["zut"]
    a = rc.analyser_reponse(BONNE_REPONSE_EMAIL, rc.situations()["produit_defectueux"], regles)
    assert [e.critere for e in a.manquants] == ["empathie"]


def test_un_contenu_mal_forme_est_signale_en_francais():
    with pytest.raises(contenu.ErreurContenu, match="redaction"):
        contenu._valider({"mots_outils": "le"}, rc.SCHEMA_REDACTION, "09.yaml", ("redaction",))


# --- Retours, séquence ------------------------------------------------------------------------


def test_delais_de_retour_france_et_maroc():
    assert rc.jours_de_retour("France") == 14
    assert rc.jours_de_retour("Maroc") == 7
    assert rc.jours_de_retour("France", 16) == 30
    assert rc.date_limite_retour(date(2026, 3, 2), "France", 16) == date(2026, 4, 1)
    with pytest.raises(ErreurSaisie, match="pays"):
        rc.jours_de_retour("Belgique")
    with pytest.raises(ErreurSaisie, match="jours offerts"):
        rc.jours_de_retour("France", -2)


def test_sequence_post_achat():
    t = rc.calendrier_post_achat(date(2026, 3, 2), rc.donnees("sequence_post_achat"))
    assert list(t["moment"]) == ["J0", "J+3", "J+7", "J+10", "J+30"]
    assert t["date"].iloc[-1] == date(2026, 4, 1)
    assert "NPS" in t["message"].iloc[2]
    # le rappel de retour tombe dans le délai légal (14 jours en France), pas après
    assert "date limite de retour" in t["message"].iloc[3] and "retour" not in t["message"].iloc[4]


# --- Flux -------------------------------------------------------------------------------------


def test_flux_par_defaut_et_hypotheses():
    r = rc.simuler_flux({}, 2)
    h = rc.hypotheses_flux()
    panier = r["flux"].set_index("flux").loc["panier"]
    assert panier["commandes"] == pytest.approx(
        180 * 10 / 100 * 1.3
    )  # 10 % de base, +30 % pour 10 % de remise
    assert panier["chiffre_affaires"] == pytest.approx(panier["commandes"] * 50 * 0.9)  # panier du cas
    assert r["commandes_push"] == pytest.approx(120 * 2 * 0.5 / 100 * 13)
    assert not r["push_trop_nombreux"] and r["abonnes_perdus"] == 0
    assert r["chiffre_affaires"] == pytest.approx(
        r["flux"]["chiffre_affaires"].sum() + r["chiffre_affaires_push"]
    )
    assert set(r["flux"]["flux"]) == set(h["types"])


def test_trop_de_push_fait_perdre_des_abonnes_et_du_chiffre():
    bilans = {f: rc.simuler_flux({}, f) for f in (3, 4, 5, 8)}
    assert all(bilans[f]["push_trop_nombreux"] for f in (4, 5, 8)) and not bilans[3]["push_trop_nombreux"]
    assert (
        bilans[3]["chiffre_affaires_push"]
        > bilans[4]["chiffre_affaires_push"]
        > bilans[8]["chiffre_affaires_push"]
    )
    assert bilans[5]["abonnes_perdus"] > bilans[4]["abonnes_perdus"] > 0


def test_un_flux_eteint_ou_envoye_trop_tard():
    base = rc.simuler_flux({}, 0)
    eteint = rc.simuler_flux({"panier": {"actif": False}}, 0)
    tard = rc.simuler_flux({"panier": {"delai": 24}}, 0)
    assert eteint["flux"].set_index("flux").loc["panier", "commandes"] == 0
    assert eteint["commandes"] < tard["commandes"] < base["commandes"]
    with pytest.raises(ErreurSaisie, match="ne peut pas dépasser 72"):
        rc.simuler_flux({"panier": {"delai": 100}})
    with pytest.raises(ErreurSaisie, match="remise"):
        rc.simuler_flux({"panier": {"remise": 120}})


@given(st.floats(0, 100), st.floats(0, 200), st.floats(0, 200), st.floats(0.1, 50), st.floats(0, 100))
def test_conversion_flux_maximale_au_delai_ideal(base, delai, ideal, tolerance, remise):
    au_mieux = rc.conversion_flux(base, ideal, ideal, tolerance, remise)
    assert 0 <= rc.conversion_flux(base, delai, ideal, tolerance, remise) <= au_mieux <= 100


# --- Newsletter, budget, VIP, cas -------------------------------------------------------------


@given(st.integers(0, 200))
def test_plan_newsletter_somme_juste(blocs):
    plan = rc.plan_newsletter(blocs, rc.donnees("newsletter"))
    assert plan["blocs"].sum() == blocs
    assert all(abs(b - blocs * p / 100) < 1 for b, p in zip(plan["blocs"], plan["part"], strict=True))


def test_plan_newsletter_refuse_des_parts_fausses():
    with pytest.raises(ErreurSaisie, match="100 %"):
        rc.plan_newsletter(10, [{"section": "A", "part": 60}])


def test_budget_de_lancement_du_guide():
    assert rc.budget_lancement(rc.donnees("budget_lancement")) == {
        "minimum": 5400,
        "maximum": 11300,
        "milieu": 8350,
    }


def test_vip_et_duree_de_relation():
    assert rc.duree_relation(60) == pytest.approx(2.5)
    r = rc.comparer_vip(100, 45, 85, 60)
    assert r["valeur_vip"] == pytest.approx(145 / 0.15)
    with pytest.raises(ErreurSaisie, match="sous 100"):
        rc.duree_relation(100)


def test_cas_du_club_avant_apres():
    t = rc.avant_apres(rc.donnees("club")).set_index("indicateur")
    assert t.loc["Rétention", "apres"] == pytest.approx(74.8)
    assert t.loc["Rétention", "ecart_points"] == pytest.approx(19.8)
    assert t.loc["CLV", "apres"] == pytest.approx(406)
    assert t.loc["Chiffre d'affaires", "apres"] == pytest.approx(643_500)
    assert t.loc["NPS", "apres"] == pytest.approx(68.04)
    assert t.loc["Attrition (churn)", "apres"] == pytest.approx(12)
    assert t.loc["Attrition (churn)", "sens"] == "baisse"


def test_eshop_de_cosmetiques():
    e = rc.donnees("eshop")
    assert rc.frequence_achat(e["chiffre_affaires"], e["clients"], e["panier_moyen"]) == pytest.approx(
        1.846, abs=1e-3
    )
    v = rc.valeur_client(e["chiffre_affaires"], e["clients"], e["panier_moyen"], e["taux_retention"])
    assert v["clv"] == pytest.approx(240)
    with pytest.raises(ErreurSaisie, match="clients"):
        rc.frequence_achat(1000, 0, 10)


# --- Exercices du contenu : réponses calculées par le cours -----------------------------------


@pytest.mark.parametrize(
    ("ident", "attendu"),
    [
        ("decroche", 95),
        ("dmt", 230),
        ("fcr", 300 / 361 * 100),
        ("conseillers", 9),
        ("retour_france", 30),
        ("retour_maroc", 15),
        ("frequence_eshop", 300_000 / 2_500 / 65),
        ("duree_eshop", 2),
        ("clv_eshop", 240),
        ("clv_eshop_cible", 300),
    ],
)
def test_les_reponses_des_exercices(ident, attendu):
    donnees = contenu.charger("09")
    assert quiz.valeur_attendue(donnees["exercices"][ident], donnees) == pytest.approx(attendu)


def test_verifier_un_exercice_en_cellule(capsys):
    quiz.verifier("09", "frequence_eshop", 300_000 / 2_500 / 65)
    assert capsys.readouterr().out.startswith("✔")
    quiz.verifier("09", "frequence_eshop", 120)
    assert "Indice" in capsys.readouterr().out
