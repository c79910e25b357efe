import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import ErreurSaisie, smart

valeurs = st.floats(min_value=0.01, max_value=1e7, allow_nan=False, allow_infinity=False)
durees = st.integers(min_value=1, max_value=60)


# --- croissance_requise -------------------------------------------------------


def test_exemples_du_cours():
    trafic = smart.croissance_requise(10_000, 13_000, 3)
    assert trafic["totale"] == pytest.approx(30)
    assert trafic["mensuelle"] == pytest.approx(9.139, abs=1e-3)
    ventes = smart.croissance_requise(50_000, 60_000, 6)
    assert ventes["totale"] == pytest.approx(20)
    assert ventes["mensuelle"] == pytest.approx(3.085, abs=1e-3)
    graine = smart.croissance_requise(500, 2_000, 6)
    assert graine["totale"] == pytest.approx(300)
    assert graine["mensuelle"] == pytest.approx(25.99, abs=1e-2)
    assert set(trafic) == {"totale", "mensuelle"}


def test_baisse_et_cible_egale():
    assert smart.croissance_requise(100, 100, 4) == {"totale": 0, "mensuelle": 0}
    baisse = smart.croissance_requise(20, 15, 3)
    assert baisse["totale"] == pytest.approx(-25)
    assert baisse["mensuelle"] < 0


@given(valeurs, valeurs, durees)
def test_totale_coherente_avec_mensuelle(depart, cible, mois):
    c = smart.croissance_requise(depart, cible, mois)
    assert (1 + c["mensuelle"] / 100) ** mois == pytest.approx(1 + c["totale"] / 100, rel=1e-9)
    assert (c["totale"] > 0) == (c["mensuelle"] > 0) or math.isclose(c["totale"], 0, abs_tol=1e-9)


@given(valeurs, valeurs, st.integers(min_value=2, max_value=60))
def test_mensuelle_composee_plus_petite_que_la_moyenne_lineaire(depart, cible, mois):
    c = smart.croissance_requise(depart, cible, mois)
    # composer chaque mois demande moins que diviser la hausse totale par le nombre de mois
    if c["totale"] > 0:
        assert c["mensuelle"] <= c["totale"] / mois + 1e-9


@pytest.mark.parametrize(
    ("args", "mot"),
    [
        ((0, 100, 3), "départ"),
        ((-5, 100, 3), "départ"),
        ((100, -1, 3), "cible"),
        ((100, 200, 0), "au moins 1"),
        ((100, 200, -2), "au moins 1"),
        ((100, 200, 2.5), "entier"),
        ((math.nan, 200, 3), "départ"),
        ((100, math.inf, 3), "cible"),
        ((True, 200, 3), "départ"),
        ((100, 200, True), "mois"),
        (("100", 200, 3), "départ"),
        ((100, "200", 3), "cible"),
        ((100, 200, "3"), "mois"),
        ((100, 200, math.nan), "mois"),
    ],
)
def test_croissance_saisies_impossibles(args, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        smart.croissance_requise(*args)


def test_mois_entier_ecrit_en_decimal_accepte():
    assert smart.croissance_requise(100, 121, 2.0)["mensuelle"] == pytest.approx(10)


# --- trajectoire --------------------------------------------------------------


def test_trajectoires_du_cours():
    assert smart.trajectoire(10_000, 13_000, 3) == [10_000, 11_000, 12_000, 13_000]
    composee = smart.trajectoire(10_000, 13_000, 3, mode="composee")
    assert [round(x) for x in composee] == [10_000, 10_914, 11_911, 13_000]
    assert smart.trajectoire(0, 300, 6) == [0, 50, 100, 150, 200, 250, 300]


@given(valeurs, valeurs, durees, st.sampled_from(smart.MODES))
def test_trajectoire_commence_au_depart_et_finit_a_la_cible(depart, cible, mois, mode):
    valeurs_ = smart.trajectoire(depart, cible, mois, mode)
    assert len(valeurs_) == mois + 1
    assert valeurs_[0] == depart
    assert valeurs_[-1] == cible


@given(valeurs, valeurs, durees)
def test_trajectoire_composee_a_un_rapport_constant(depart, cible, mois):
    valeurs_ = smart.trajectoire(depart, cible, mois, "composee")
    rapports = [b / a for a, b in zip(valeurs_[:-1], valeurs_[1:], strict=True)]
    attendu = 1 + smart.croissance_requise(depart, cible, mois)["mensuelle"] / 100
    for rapport in rapports:
        assert rapport == pytest.approx(attendu, rel=1e-9)


@given(valeurs, valeurs, durees)
def test_trajectoire_lineaire_a_un_pas_constant(depart, cible, mois):
    valeurs_ = smart.trajectoire(depart, cible, mois)
    pas = [b - a for a, b in zip(valeurs_[:-1], valeurs_[1:], strict=True)]
    for ecart in pas:
        assert ecart == pytest.approx((cible - depart) / mois, rel=1e-9, abs=1e-6)


@given(valeurs, valeurs, durees)
def test_hausses_mensuelles_de_la_composee_egales_a_la_mensuelle(depart, cible, mois):
    hausses = smart.hausses_mensuelles(smart.trajectoire(depart, cible, mois, "composee"))
    mensuelle = smart.croissance_requise(depart, cible, mois)["mensuelle"]
    assert len(hausses) == mois
    for hausse in hausses:
        assert hausse == pytest.approx(mensuelle, rel=1e-7, abs=1e-7)


def test_hausses_mensuelles_de_la_lineaire_diminuent():
    hausses = smart.hausses_mensuelles(smart.trajectoire(500, 2_000, 6))
    assert hausses[0] == pytest.approx(50)
    assert all(a > b for a, b in zip(hausses[:-1], hausses[1:], strict=True))


@pytest.mark.parametrize(
    ("args", "kwargs", "mot"),
    [
        ((0, 100, 3), {"mode": "composee"}, "départ"),
        ((100, 0, 3), {"mode": "composee"}, "cible"),
        ((-1, 100, 3), {}, "négatif"),
        ((100, 200, 0), {}, "au moins 1"),
        ((100, 200, 1.5), {}, "entier"),
        ((100, 200, 3), {"mode": "exponentielle"}, "mode"),
        ((math.nan, 200, 3), {}, "départ"),
        ((100, False, 3), {}, "cible"),
        (("abc", 200, 3), {}, "départ"),
    ],
)
def test_trajectoire_saisies_impossibles(args, kwargs, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        smart.trajectoire(*args, **kwargs)


def test_hausses_mensuelles_saisies_impossibles():
    with pytest.raises(ErreurSaisie, match="vide"):
        smart.hausses_mensuelles([])
    with pytest.raises(ErreurSaisie, match="vaut 0"):
        smart.hausses_mensuelles([0, 10])


def test_rythme_mensuel():
    assert smart.rythme_mensuel(300, 6) == 50
    assert smart.rythme_mensuel(200, 4) == 50
    with pytest.raises(ErreurSaisie, match="mois"):
        smart.rythme_mensuel(300, 0)
    with pytest.raises(ErreurSaisie, match="total"):
        smart.rythme_mensuel(-3, 2)


# --- réalisme ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mensuelle", "niveau", "alerte"),
    [
        (-2, "baisse", False),
        (0, "prudent", False),
        (3.09, "prudent", False),
        (9.14, "ambitieux", False),
        (16.5, "tres_ambitieux", False),
        (smart.SEUIL_ALERTE, "tres_ambitieux", False),
        (25.99, "alerte", True),
        (100, "alerte", True),
    ],
)
def test_niveau_realisme(mensuelle, niveau, alerte):
    jugement = smart.niveau_realisme(mensuelle)
    assert jugement["niveau"] == niveau
    assert jugement["alerte"] is alerte
    assert jugement["conseil"] and jugement["conseil"][0].isupper()


@given(st.floats(min_value=-99, max_value=500, allow_nan=False))
def test_niveau_realisme_monotone(mensuelle):
    ordre = list(smart.NIVEAUX)
    assert ordre.index(smart.niveau_realisme(mensuelle)["niveau"]) <= ordre.index(
        smart.niveau_realisme(mensuelle + 5)["niveau"]
    )


def test_niveau_realisme_saisie_impossible():
    with pytest.raises(ErreurSaisie):
        smart.niveau_realisme(math.nan)


def test_bilan_graine_de_ville():
    bilan = smart.bilan_objectifs()
    trafic = bilan.iloc[0]
    assert trafic["totale"] == pytest.approx(300)
    assert trafic["mensuelle"] == pytest.approx(25.99, abs=0.01)
    assert trafic["hausse_lineaire"] == 250
    assert trafic["niveau"] == "alerte"
    assert bilan.iloc[3]["niveau"] == "tres_ambitieux"
    assert bilan.iloc[1]["totale"] == pytest.approx(1100)


def test_tableau_trajectoires():
    tableau = smart.tableau_trajectoires(500, 2_000, 6)
    assert list(tableau.columns) == ["mois", "lineaire", "composee", "ecart"]
    assert tableau["lineaire"].tolist() == [500, 750, 1000, 1250, 1500, 1750, 2000]
    assert tableau["composee"].iloc[3] == pytest.approx(1000)
    assert tableau["ecart"].iloc[0] == 0 and tableau["ecart"].iloc[-1] == 0


# --- verifier_smart ------------------------------------------------------------


def _oks(texte):
    return {c: verdict.ok for c, verdict in smart.verifier_smart(texte).items()}


def test_forme_du_resultat():
    resultat = smart.verifier_smart("Atteindre 5 000 abonnés Instagram en 6 mois")
    assert list(resultat) == ["S", "M", "A", "R", "T"]
    for verdict in resultat.values():
        ok, conseil = verdict
        assert ok is True or ok is False
        assert isinstance(conseil, str) and len(conseil) > 20


@pytest.mark.parametrize(
    "texte",
    [
        "Passer de 10 000 à 13 000 visites par mois d'ici juin 2025 grâce au SEO",
        "Passer de 25 à 40 avis Google 5 étoiles d'ici la fin de l'année en relançant les clients par e-mail",
        "Passer de 30 à 50 leads qualifiés par mois (inscriptions newsletter) en 6 mois",
    ],
)
def test_objectifs_complets(texte):
    assert all(_oks(texte).values())


@pytest.mark.parametrize(
    "texte",
    ["Améliorer notre visibilité", "Développer nos ventes", "Avoir plus d'abonnés", "Booster les ventes"],
)
def test_objectifs_vagues(texte):
    oks = _oks(texte)
    assert oks["S"] is False and oks["M"] is False and oks["T"] is False
    conseil = smart.verifier_smart(texte)["S"].conseil
    assert texte.split()[0] in conseil  # le conseil cite le mot de l'élève, accents compris


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("Augmenter le trafic du site de 30 % en 3 mois", True),
        ("Passer de 50 k€ à 60 k€ de CA mensuel d'ici décembre 2025", True),
        ("Obtenir 200 leads qualifiés en 4 mois avec un CPL inférieur à 15 €", True),
        ("Atteindre 5 000 abonnés Instagram avec 5 % d'engagement", True),
        ("Doubler le trafic en 1 mois", True),
        ("Recruter des clients en 3 mois", False),
        ("Augmenter le trafic de 30 en 3 mois", False),
        ("Atteindre un bon niveau d'ici juin", False),
    ],
)
def test_mesurable(texte, attendu):
    assert _oks(texte)["M"] is attendu


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("Atteindre 2 000 visites par mois d'ici juin 2025", True),
        ("Atteindre 2 000 visites en 3 mois", True),
        ("Atteindre 2 000 visites avant fin 2026", True),
        ("Atteindre 2 000 visites d'ici le 30/06/2026", True),
        ("Atteindre 2 000 visites en six semaines", True),
        ("Atteindre 2 000 visites au premier trimestre", True),
        ("Atteindre 2 000 visites en un an", True),
        ("Atteindre 2 000 visites par mois", False),
        ("Publier 3 posts par semaine", False),
        ("Atteindre 2 000 visites", False),
    ],
)
def test_temporel(texte, attendu):
    assert _oks(texte)["T"] is attendu


def test_par_mois_n_est_pas_une_echeance():
    conseil = smart.verifier_smart("Atteindre 2 000 visites par mois")["T"].conseil
    assert "rythme" in conseil and "par mois" in conseil


def test_chiffre_de_l_echeance_ne_rend_pas_mesurable():
    verdicts = smart.verifier_smart("Améliorer notre visibilité d'ici juin 2025")
    assert verdicts["T"].ok and not verdicts["M"].ok and not verdicts["S"].ok


def test_verbe_vague_mais_chiffre():
    verdict = smart.verifier_smart("Booster les ventes en ligne de 20 % en 6 mois")["S"]
    assert verdict.ok and "Booster" in verdict.conseil


def test_atteignable_pose_la_question_des_moyens():
    sans = smart.verifier_smart("Atteindre 2 000 visites en 6 mois")["A"]
    assert not sans.ok and "moyens" in sans.conseil and "budget" in sans.conseil
    avec = smart.verifier_smart("Atteindre 2 000 visites en 6 mois via le SEO")["A"]
    assert avec.ok and "via" in avec.conseil


def test_realiste_calcule_la_croissance_lue():
    graine = smart.verifier_smart("Passer de 500 à 2 000 visites par mois en 6 mois")["R"]
    assert not graine.ok and "+26\xa0%" in graine.conseil
    trafic = smart.verifier_smart("Augmenter le trafic de 30 % en 3 mois")["R"]
    assert trafic.ok and "+9,1\xa0%" in trafic.conseil
    doubler = smart.verifier_smart("Doubler les ventes en 12 mois")["R"]
    assert doubler.ok and "+5,9\xa0%" in doubler.conseil


def test_realiste_demande_un_point_de_depart():
    """Une cible sans niveau de départ ne peut pas être jugée réaliste : le conseil demande d'où l'on part."""
    sans = smart.verifier_smart("Atteindre 5 000 abonnés Instagram en 6 mois grâce à des concours")["R"]
    assert not sans.ok and "point de départ" in sans.conseil and "aujourd'hui" in sans.conseil
    avec_de_a = smart.verifier_smart("Passer de 2 000 à 3 000 abonnés Instagram en 6 mois")["R"]
    assert avec_de_a.ok
    niveau_dit = smart.verifier_smart("Atteindre 3 000 abonnés en 6 mois (nous en avons 2 000 aujourd'hui)")[
        "R"
    ]
    assert niveau_dit.ok and "de 2\u202f000 à 3\u202f000" in niveau_dit.conseil
    niveau_donne = smart.verifier_smart("Atteindre 3 000 abonnés Instagram en 6 mois", niveau_actuel=2_000)[
        "R"
    ]
    assert niveau_donne.ok


@pytest.mark.parametrize(
    ("texte", "niveau_actuel"),
    [
        ("Atteindre 1 000 000 abonnés d'ici décembre", 2_000),
        ("Atteindre 1 000 000 abonnés d'ici décembre grâce à TikTok", 2_000),
        ("Passer de 2 000 à 1 000 000 abonnés d'ici décembre", None),
        ("Passer de 2 000 à 1 000 000 abonnés en 2 mois grâce à des concours", None),
        ("Atteindre 1 000 000 abonnés en 6 mois (nous en avons 2 000 aujourd'hui)", None),
    ],
)
def test_cible_absurde_jamais_realiste(texte, niveau_actuel):
    verdicts = smart.verifier_smart(texte, niveau_actuel=niveau_actuel)
    assert not verdicts["R"].ok
    assert not verdicts["A"].ok
    # jamais de hausse mensuelle absurde à l'écran (pas de « +2 136 % par mois »)
    hausses = [
        float(x.replace("\u202f", "").replace(",", "."))
        for x in re.findall(r"\+([\d\u202f,]+)\xa0%", verdicts["R"].conseil)
    ]
    assert all(h <= smart.PLAFOND_AFFICHE for h in hausses)


def test_cible_absurde_sans_depart_demande_le_niveau():
    conseil = smart.verifier_smart("Atteindre 1 000 000 abonnés d'ici décembre")["R"]
    assert not conseil.ok and "D'où partez-vous" in conseil.conseil


def test_hausse_lisible_plafonne():
    assert smart.hausse_lisible(2136.07) == "plus de +100\xa0%"
    assert smart.hausse_lisible(9.14) == "+9,1\xa0%"


def test_ecart_de_taux_en_points():
    conseil = smart.verifier_smart("Passer le taux de conversion de 1 % à 3 % en 6 mois")["R"].conseil
    assert "+2\xa0points" in conseil


def test_niveau_actuel_impossible():
    with pytest.raises(ErreurSaisie, match="niveau actuel"):
        smart.verifier_smart("Atteindre 3 000 abonnés en 6 mois", niveau_actuel=0)


def test_realiste_refuse_taux_impossible_et_demesure():
    assert not _oks("Atteindre un taux de conversion de 150 % en 3 mois")["R"]
    assert not _oks("Devenir le numéro 1 de la cosmétique bio en France")["R"]
    assert not _oks("Améliorer notre visibilité")["R"]


def test_ca_n_est_pas_ca():
    assert "CA" in smart.verifier_smart("Augmenter le CA de 10 % avant fin 2026")["S"].conseil
    assert not _oks("ça va aller")["M"]


@pytest.mark.parametrize("texte", ["", "   ", None])
def test_objectif_vide(texte):
    with pytest.raises(ErreurSaisie, match="obligatoire"):
        smart.verifier_smart(texte)


@pytest.mark.parametrize("texte", [42, 3.5, True, ["objectif"]])
def test_objectif_pas_un_texte(texte):
    with pytest.raises(ErreurSaisie, match="texte"):
        smart.verifier_smart(texte)


@given(st.text(min_size=1, max_size=300).filter(str.strip))
def test_verifier_smart_ne_plante_jamais(texte):
    resultat = smart.verifier_smart(texte)
    assert set(resultat) == set("SMART")
    assert all(isinstance(ok, bool) and conseil for ok, conseil in resultat.values())


def test_texte_hostile():
    texte = "<script>alert('x')</script> 😀 " * 300 + " 2 000 visites en 3 mois"
    resultat = smart.verifier_smart(texte)
    assert resultat["M"].ok and resultat["T"].ok


def test_score_et_resume():
    complet = smart.verifier_smart("Passer de 10 000 à 13 000 visites par mois d'ici juin 2025 grâce au SEO")
    assert smart.score_smart(complet) == 5
    assert smart.resume_smart(complet).startswith("5 critères sur 5 remplis.")
    vague = smart.verifier_smart("Améliorer notre visibilité")
    assert smart.score_smart(vague) == 0
    assert "Spécifique, Mesurable" in smart.resume_smart(vague)


# --- exercice ------------------------------------------------------------------


@pytest.mark.parametrize("indice", range(len(smart.OBJECTIFS_VAGUES)))
def test_exemples_de_solution_reussis(indice):
    retour = smart.evaluer_reformulation(indice, smart.OBJECTIFS_VAGUES[indice].exemple)
    assert retour["reussi"] and retour["meme_sujet"] and retour["score"] >= 4
    assert retour["retour"].startswith("Bravo")


def test_reformulation_vague_ou_hors_sujet():
    vide = smart.evaluer_reformulation(0, "")
    assert not vide["reussi"] and "Améliorer notre visibilité" in vide["retour"]
    presque = smart.evaluer_reformulation(0, "Gagner 1 500 abonnés Instagram")
    assert not presque["reussi"] and "Temporel" in presque["retour"]
    hors_sujet = smart.evaluer_reformulation(0, "Réduire le CPL à 12 € d'ici juin 2026")
    assert not hors_sujet["meme_sujet"] and "sujet" in hors_sujet["retour"]


def test_reformulation_saisies_impossibles():
    with pytest.raises(ErreurSaisie):
        smart.evaluer_reformulation(7, "x")
    with pytest.raises(ErreurSaisie):
        smart.evaluer_reformulation(True, "x")
    with pytest.raises(ErreurSaisie):
        smart.evaluer_reformulation(0, 12)


@pytest.mark.parametrize(
    ("objectif", "cible"),
    [
        ("Passer le taux de conversion de 1 % à 3 % d'ici juin", "3 %"),
        ("Faire passer le CA de 4 200 € à 5 000 € par mois en 6 mois", "5 000 €"),
        ("Atteindre 5 000 abonnés Instagram en 6 mois", "5 000 abonnés"),
    ],
)
def test_mesurable_cite_la_cible_et_non_le_point_de_depart(objectif, cible):
    ok, conseil = smart.verifier_smart(objectif)["M"]
    assert ok and f"« {cible} »" in conseil.replace("\u202f", " ").replace("\xa0", " ")
