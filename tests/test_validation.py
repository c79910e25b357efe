import math

import pytest

from coursekit import ErreurSaisie
from coursekit import validation as v


@pytest.mark.parametrize("mauvais", ["12", True, None, [1], math.nan, math.inf, -math.inf])
def test_nombre_refuse_ce_qui_n_est_pas_un_nombre_fini(mauvais):
    with pytest.raises(ErreurSaisie) as info:
        v.nombre(mauvais, "Le budget (budget)")
    assert "Le budget (budget)" in str(info.value)


def test_erreur_saisie_est_une_value_error():
    with pytest.raises(ValueError):
        v.positif(-1, "Le coût (cout)")


def test_messages_en_francais_qui_disent_quoi_faire():
    with pytest.raises(ErreurSaisie, match="ne peut pas être négatif"):
        v.positif(-1, "Le coût (cout)")
    with pytest.raises(ErreurSaisie, match="doit être supérieur à 0 pour calculer un taux"):
        v.strictement_positif(0, "Le nombre de visites (visites)", "pour calculer un taux")
    with pytest.raises(ErreurSaisie, match="ne peut pas dépasser le nombre de visites"):
        v.partie_du_tout(12, 10, "Le nombre de ventes", "Le nombre de visites")
    with pytest.raises(ErreurSaisie, match="entre 0 et 100"):
        v.pourcentage(120, "Le taux (taux)")
    with pytest.raises(ErreurSaisie, match="est vide"):
        v.liste_non_vide([], "Les notes (notes)")


@pytest.mark.parametrize("valeur", [11, -1, 3.5, "9", True, math.nan])
def test_note_hors_echelle(valeur):
    with pytest.raises(ErreurSaisie, match="Les notes"):
        v.note(valeur, "Les notes", 0, 10)


def test_note_accepte_les_entiers_et_les_flottants_entiers():
    assert v.note(10, "n", 0, 10) == 10
    assert v.note(7.0, "n", 0, 10) == 7


def test_entier_positif():
    assert v.entier_positif(3.0, "n") == 3
    with pytest.raises(ErreurSaisie, match="entier"):
        v.entier_positif(2.5, "Le nombre de clients")


@pytest.mark.parametrize(
    ("saisie", "attendu"),
    [
        ("1 500", 1500),
        ("1\u202f500", 1500),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("40 €", 40),
        ("15 %", 15),
        ("-3", -3),
    ],
)
def test_nombre_saisi_lit_les_ecritures_francaises(saisie, attendu):
    assert v.nombre_saisi(saisie, "x") == pytest.approx(attendu)


@pytest.mark.parametrize("saisie", ["", "   ", "abc", "12,5,3", "nan"])
def test_nombre_saisi_refuse_en_francais(saisie):
    with pytest.raises(ErreurSaisie, match="Le budget"):
        v.nombre_saisi(saisie, "Le budget")


def test_choix():
    assert v.choix("ratio", "L'unité", ("nombre", "ratio")) == "ratio"
    with pytest.raises(ErreurSaisie, match="« nombre »"):
        v.choix("kg", "L'unité", ("nombre", "ratio"))
