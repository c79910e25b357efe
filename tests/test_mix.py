import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coursekit import ErreurSaisie, mix


def test_sept_politiques_dans_l_ordre_avec_leurs_leviers():
    assert list(mix.POLITIQUES_MIX_DIGITAL) == [
        "produit",
        "communication",
        "atmosphère",
        "prix",
        "distribution",
        "relation client",
        "sécurité",
    ]
    for nom, politique in mix.POLITIQUES_MIX_DIGITAL.items():
        assert politique.nom == nom
        assert len(politique) >= 2 and list(politique) == list(politique.leviers)
        assert politique.exemple and politique.role
    assert "comparateurs de prix" in mix.POLITIQUES_MIX_DIGITAL["prix"]
    assert "paiement sécurisé" in mix.POLITIQUES_MIX_DIGITAL["sécurité"]
    assert "nom de domaine stratégique" in mix.POLITIQUES_MIX_DIGITAL["produit"]
    assert len(mix.POLITIQUES_MIX_DIGITAL["communication"].objectifs) == 4


def test_4p_et_7p():
    assert len(mix.MIX_4P) == 4
    assert len(mix.MIX_7P) == 7
    assert list(mix.MIX_7P)[:4] == list(mix.MIX_4P)


def test_formats_de_bannieres():
    dimensions = [(f.largeur, f.hauteur) for f in mix.FORMATS_BANNIERES]
    assert dimensions == [(728, 90), (468, 60), (300, 250), (120, 600)]
    assert mix.format_banniere("Gratte-ciel").largeur == 120
    assert mix.format_banniere("300 × 250").nom == "Pavé"
    assert mix.format_banniere("skyscraper").hauteur == 600
    assert mix.format_banniere("728x90").surface == 65_520
    with pytest.raises(ErreurSaisie, match="inconnu"):
        mix.format_banniere("carré géant")
    with pytest.raises(ErreurSaisie, match="obligatoire"):
        mix.format_banniere("  ")


def test_contenus_du_cours():
    assert len(mix.DIFFERENCES_TRADITIONNEL_DIGITAL) == 5
    assert [ligne[0] for ligne in mix.DIFFERENCES_TRADITIONNEL_DIGITAL] == [
        "Support",
        "Ciblage",
        "Planification",
        "Relation client",
        "Performance",
    ]
    assert list(mix.FONCTIONS_MARKETING_DIGITAL) == [
        "communication",
        "économique",
        "transactionnelle",
        "relationnelle",
        "collecte d'information",
    ]
    assert [annee for annee, _, _ in mix.HISTORIQUE] == [1940, 1950, 1970, 1980, 1990, 2000]
    assert set(mix.PUSH_PULL.values()) == {"push", "pull"}
    assert list(mix.PHASES) == list(mix.OBJECTIFS)


def test_exemple_du_programme_5000_euros():
    tableau = mix.repartir_budget(5_000, mix.REPARTITION_EXEMPLE, marge_securite=10)
    assert tableau["montant"].tolist() == [1500, 800, 1500, 400, 300, 500]
    assert tableau["part"].tolist() == [30, 16, 30, 8, 6, 10]
    assert tableau["canal"].iloc[-1] == mix.NOM_RESERVE
    assert list(tableau.columns) == ["canal", "part", "montant"]


def test_sans_marge_pas_de_ligne_de_reserve():
    tableau = mix.repartir_budget(2_000, {"SEA": 75, "E-mailing": 25})
    assert tableau["canal"].tolist() == ["SEA", "E-mailing"]
    assert tableau["montant"].tolist() == [1500, 500]


def test_tolerance_de_un_centieme():
    tableau = mix.repartir_budget(900, {"A": 33.33, "B": 33.33, "C": 33.33})
    assert len(tableau) == 3
    with pytest.raises(ErreurSaisie, match="manque"):
        mix.repartir_budget(900, {"A": 33.3, "B": 33.3, "C": 33.3})


def test_message_dit_combien_il_manque_ou_combien_il_y_a_de_trop():
    with pytest.raises(ErreurSaisie) as manque:
        mix.repartir_budget(5_000, {"SEA": 50, "Réseaux": 35}, marge_securite=10)
    assert "95\xa0%. Il manque 5\xa0points pour arriver à 100\xa0%" in str(manque.value)
    assert "85\xa0%" in str(manque.value) and "95\xa0%" in str(manque.value)
    with pytest.raises(ErreurSaisie) as trop:
        mix.repartir_budget(5_000, {"SEA": 60, "Réseaux": 32.5}, marge_securite=10)
    assert "2,5\xa0points de trop" in str(trop.value)
    assert mix.message_ecart(1) == "Il manque 1\xa0point pour arriver à 100\xa0%."
    assert mix.message_ecart(0.005) == ""
    assert mix.ecart_a_cent({"A": 40, "B": 40}, 15) == pytest.approx(5)


@pytest.mark.parametrize(
    ("total", "parts", "marge", "mot"),
    [
        (0, {"A": 100}, 0, "supérieur à 0"),
        (-100, {"A": 100}, 0, "supérieur à 0"),
        (math.nan, {"A": 100}, 0, "budget total"),
        ("5000", {"A": 100}, 0, "budget total"),
        (True, {"A": 100}, 0, "budget total"),
        (1000, {}, 0, "vides"),
        (1000, "SEA", 0, "associer"),
        (1000, {"A": -10, "B": 110}, 0, "pourcentage"),
        (1000, {"A": math.inf}, 0, "nombre fini"),
        (1000, {"A": "30"}, 0, "nombre"),
        (1000, {"": 100}, 0, "obligatoire"),
        (1000, {"A": 90}, -10, "marge de sécurité"),
        (1000, {"A": 90}, 110, "marge de sécurité"),
        (1000, {mix.NOM_RESERVE: 90}, 10, "réservé"),
        (1000, [("A", 50), ("A", 50)], 0, "deux fois"),
        (1000, [("A", 50, 3)], 0, "associer un canal"),
    ],
)
def test_saisies_impossibles(total, parts, marge, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        mix.repartir_budget(total, parts, marge_securite=marge)


def test_erreur_saisie_est_une_value_error():
    with pytest.raises(ValueError):
        mix.repartir_budget(1000, {"A": 10})


parts_valides = st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=8).filter(
    lambda poids: sum(poids) > 0
)


@given(
    poids=parts_valides,
    marge=st.floats(min_value=0, max_value=30, allow_nan=False),
    total=st.floats(min_value=1, max_value=1e7, allow_nan=False),
)
def test_proprietes_les_montants_font_le_total_et_les_parts_100(poids, marge, total):
    brutes = {f"Canal {i}": p for i, p in enumerate(poids)}
    parts = mix.normaliser_parts(brutes, marge)
    tableau = mix.repartir_budget(total, parts, marge_securite=marge)
    assert tableau["montant"].sum() == pytest.approx(total, rel=1e-9)
    assert tableau["part"].sum() == pytest.approx(100, abs=1e-9)
    assert (tableau["montant"] >= 0).all()
    assert len(tableau) == len(poids) + (1 if marge > 0 else 0)
    for _, ligne in tableau.iterrows():
        assert ligne["montant"] == pytest.approx(total * ligne["part"] / 100)


@given(
    poids=st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=1, max_size=6),
    marge=st.floats(min_value=0, max_value=20, allow_nan=False),
)
def test_propriete_erreur_si_et_seulement_si_le_total_n_est_pas_100(poids, marge):
    parts = {f"C{i}": p for i, p in enumerate(poids)}
    ecart = 100 - sum(poids) - marge
    assume(abs(abs(ecart) - mix.TOLERANCE_CENT) > 1e-6)  # pas de cas à un cheveu de la tolérance
    if abs(ecart) <= mix.TOLERANCE_CENT:
        assert mix.repartir_budget(1000, parts, marge)["part"].sum() == pytest.approx(100, abs=0.02)
    else:
        with pytest.raises(ErreurSaisie, match="manque" if ecart > 0 else "de trop"):
            mix.repartir_budget(1000, parts, marge)


def test_normaliser_parts_refuse_tout_a_zero():
    with pytest.raises(ErreurSaisie, match="valent 0"):
        mix.normaliser_parts({"A": 0, "B": 0}, 10)


def test_recommandation_visibilite():
    reco = mix.recommander_leviers("visibilité", ["Instagram", "TikTok"])
    assert reco.noms == ["Réseaux sociaux", "Publicité payante", "Influence"]
    assert reco.avertissement == ""
    assert all("Instagram et TikTok" in levier.raison for levier in reco.leviers)
    assert all(levier.raison[0].isupper() for levier in reco.leviers)


def test_recommandation_depend_des_habitudes_et_de_l_objectif():
    seulement_mail = mix.recommander_leviers("fidélisation", ["e-mail"])
    assert "E-mailing" in seulement_mail.noms and "Influence" not in seulement_mail.noms
    assert "Programme de fidélité" in seulement_mail.noms
    assert "l'e-mail" in seulement_mail.leviers[0].raison or "l'e-mail" in seulement_mail.leviers[1].raison
    b2b = mix.recommander_leviers("considération", ["LinkedIn"])
    assert b2b.noms[0] == "Contenu et SEO"
    assert "Influence" not in b2b.noms


def test_avertissement_au_dela_de_trois_canaux():
    reco = mix.recommander_leviers("conversion", ["Instagram", "e-mail", "recherche Google"])
    assert len(reco.leviers) > 3
    assert mix.AVERTISSEMENT_CANAUX in reco.avertissement
    assert f"Cela fait {len(reco.leviers)} leviers" in reco.avertissement
    scores = [levier.score for levier in reco.leviers]
    assert scores == sorted(scores, reverse=True)


def test_adequation_en_pour_cent():
    scores = mix.adequation_leviers("visibilité", ["Instagram", "e-mail"])
    assert set(scores) == set(mix.LEVIERS)
    assert all(0 <= s <= 100 for s in scores.values())
    assert scores["Réseaux sociaux"] == pytest.approx(60 + 20)
    assert scores["E-mailing"] == pytest.approx(20)
    assert scores["Site et pages d'atterrissage"] == pytest.approx(20 + 40)


@given(
    objectif=st.sampled_from(mix.OBJECTIFS),
    habitudes=st.lists(st.sampled_from(mix.HABITUDES), min_size=1, unique=True),
)
def test_proprietes_recommandation(objectif, habitudes):
    reco = mix.recommander_leviers(objectif, habitudes)
    scores = mix.adequation_leviers(objectif, habitudes)
    for levier in reco.leviers:
        assert mix.LEVIERS[levier.nom].adequation[objectif] >= 2
        assert levier.score == scores[levier.nom]
    assert bool(reco.avertissement) == (len(reco.leviers) > 3)


@pytest.mark.parametrize(
    ("objectif", "habitudes", "mot"),
    [
        ("notoriété", ["Instagram"], "objectif"),
        (3, ["Instagram"], "objectif"),
        ("visibilité", [], "vide"),
        ("visibilité", ["Minitel"], "inconnue"),
        ("visibilité", None, "liste"),
    ],
)
def test_recommandation_saisies_impossibles(objectif, habitudes, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        mix.recommander_leviers(objectif, habitudes)


def test_recommandation_tolere_majuscules_et_doublons():
    reco = mix.recommander_leviers(" Visibilité ", ["instagram", "Instagram"])
    assert reco.objectif == "visibilité"
    assert "Instagram" in reco.leviers[0].raison and "Instagram et" not in reco.leviers[0].raison


def test_evaluer_repartition():
    assert mix.evaluer_repartition(mix.REPARTITION_EXEMPLE, 10).reussi
    trop_mail = dict(
        mix.REPARTITION_EXEMPLE, **{"E-mailing": 20, "Contenus du blog": 0, "Micro-influenceuses": 10}
    )
    bilan = mix.evaluer_repartition(trop_mail, 10)
    assert not bilan.reussi and any("e-mailing" in r.lower() for r in bilan.remarques)
    petite_reserve = dict(mix.REPARTITION_EXEMPLE, **{"Contenus du blog": 11})
    bilan = mix.evaluer_repartition(petite_reserve, 5)
    assert not bilan.reussi and "trop faible" in bilan.remarques[0]
    faux_total = mix.evaluer_repartition(dict(mix.REPARTITION_EXEMPLE, **{"E-mailing": 3}), 10)
    assert not faux_total.reussi and "Il manque 5" in faux_total.remarques[0]
    contenu = {
        "Annonces Instagram": 10,
        "Micro-influenceuses": 10,
        "Annonces Google (SEA)": 10,
        "E-mailing": 10,
        "Contenus du blog": 48,
    }
    bilan = mix.evaluer_repartition(contenu, 12)
    assert not bilan.reussi and any("deux tiers" in r for r in bilan.remarques)
    with pytest.raises(ErreurSaisie, match="exercice"):
        mix.evaluer_repartition({"TikTok": 90}, 10)


def test_classer_push_pull():
    corrections = mix.classer_push_pull(
        {"Bannière display sur un site d'actualité": "push", "Article de blog bien référencé": "push"}
    )
    assert corrections["Bannière display sur un site d'actualité"][0] is True
    juste, explication = corrections["Article de blog bien référencé"]
    assert not juste and explication.startswith("Non") and "pull" in explication
    assert (
        mix.classer_push_pull({"Article de blog bien référencé": None})["Article de blog bien référencé"][0]
        is False
    )
    with pytest.raises(ErreurSaisie):
        mix.classer_push_pull({"Article de blog bien référencé": "pousser"})
    with pytest.raises(ErreurSaisie):
        mix.classer_push_pull(["push"])


@given(
    poids=parts_valides,
    demi_points=st.integers(min_value=0, max_value=60),
)
def test_propriete_normaliser_au_pas_des_curseurs(poids, demi_points):
    marge = demi_points / 2
    parts = mix.normaliser_parts({f"C{i}": p for i, p in enumerate(poids)}, marge, pas=0.5)
    assert sum(parts.values()) + marge == pytest.approx(100)
    assert all(part * 2 == int(part * 2) and part >= 0 for part in parts.values())
    exactes = mix.normaliser_parts({f"C{i}": p for i, p in enumerate(poids)}, marge)
    assert all(abs(parts[c] - exactes[c]) < 0.5 + 1e-9 for c in parts)
    assert len(mix.repartir_budget(5_000, parts, marge)) == len(poids) + (marge > 0)


def test_normaliser_pas_impossible():
    with pytest.raises(ErreurSaisie, match="multiple du pas"):
        mix.normaliser_parts({"A": 1}, 10.3, pas=0.5)
