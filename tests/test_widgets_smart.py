import itertools
import sys
from pathlib import Path

import pytest

from coursekit import smart
from coursekit.graphiques.base import figure_en_png_rapide
from coursekit.widgets.smart import (
    CalculateurCroissance,
    ExerciceReformulation,
    VerificateurSmart,
    badges_html,
)

sys.path.insert(0, str(Path(__file__).parent))
from boucle_isolee import dans_sa_boucle  # noqa: E402

# --- vérificateur -----------------------------------------------------------------


def test_verificateur_juge_pendant_la_frappe():
    verificateur = VerificateurSmart()
    assert verificateur.saisie.continuous_update
    assert "0 critère sur 5" in verificateur.message.texte
    assert verificateur.badges.value.count("✘ à revoir") == 5
    verificateur.saisie.value = "Passer de 500 à 1 000 visites par mois"
    assert verificateur.verdicts["M"].ok and not verificateur.verdicts["T"].ok
    assert "M · Mesurable\xa0: ✔ oui" in verificateur.badges.value
    assert "T · Temporel\xa0: ✘ à revoir" in verificateur.badges.value
    assert "rythme" in verificateur.badges.value  # le conseil du critère T
    verificateur.saisie.value += " d'ici juin grâce au SEO"
    assert verificateur.badges.value.count("✔ oui") == 5
    assert verificateur.message.texte == "Bilan : " + smart.resume_smart(verificateur.verdicts).replace(
        "\xa0", " "
    )
    assert "coursekit-succes" in verificateur.message.value


def test_verificateur_texte_vide_et_hostile():
    verificateur = VerificateurSmart("")
    assert "Tapez un objectif" in verificateur.message.texte
    assert verificateur.badges.value.count("en attente") == 5
    texte = "<script>alert('x')</script> Améliorer 😀 notre visibilité"
    verificateur.saisie.value = texte
    assert "<script>" not in verificateur.badges.value
    assert "&lt;script&gt;" not in verificateur.message.value or "<script>" not in verificateur.message.value
    assert verificateur.saisie.value == texte
    assert "Améliorer" in verificateur.badges.value


def test_badges_html_ne_reposent_pas_que_sur_la_couleur():
    html = badges_html(smart.verifier_smart("Atteindre 5 000 abonnés Instagram en 6 mois"))
    assert html.count("✔ oui") == 3 and html.count("✘ à revoir") == 2
    assert "coursekit-badge-A coursekit-ko" in html and "coursekit-badge-R coursekit-ko" in html


# --- calculateur de croissance ----------------------------------------------------


def test_calculateur_exemple_du_cours():
    calc = CalculateurCroissance()
    texte = calc.message.texte
    assert "De 10\u202f000 à 13\u202f000 en 3 mois" in texte
    assert "+30\xa0% au total" in texte and "+9,14\xa0% par mois" in texte
    assert "1\u202f000 de plus chaque mois" in texte
    x, y = calc.elements["lineaire"].get_data()
    assert list(x) == [0, 1, 2, 3] and list(y) == [10_000, 11_000, 12_000, 13_000]
    _, y_comp = calc.elements["composee"].get_data()
    assert round(y_comp[1]) == 10_914 and y_comp[-1] == 13_000
    assert "ambitieux" in calc.realisme.texte


def test_calculateur_curseurs_mettent_a_jour_graphique_et_phrase():
    calc = CalculateurCroissance()
    image = calc.graphique.value
    calc.mois.value = 6
    x, y = calc.elements["lineaire"].get_data()
    assert len(x) == 7 and y[-1] == 13_000
    assert "en 6 mois" in calc.message.texte and "+4,47\xa0% par mois" in calc.message.texte
    assert calc.mois_lu.curseur.max == 6
    assert calc.graphique.value != image
    image = calc.graphique.value
    calc.mois_lu.value = 4
    assert "Au mois 4 : 12\u202f000 en linéaire" in calc.message.texte
    assert list(calc.elements["repere"].get_xdata()) == [4, 4]
    assert calc.graphique.value != image
    calc.mois.value = 2
    assert calc.mois_lu.value == 2  # ramené dans les bornes
    assert "Au mois 2 : 13\u202f000" in calc.message.texte


def test_calculateur_hausses_du_mois_et_alerte():
    calc = CalculateurCroissance()
    calc.exemple.value = next(e for e in calc.EXEMPLES if e.startswith("Graine de Ville, trafic"))
    assert (calc.depart.value, calc.cible.value, calc.mois.value) == ("500", "2\u202f000", 6)
    assert "+300\xa0% au total" in calc.message.texte and "+25,99\xa0% par mois" in calc.message.texte
    assert calc.realisme.texte.startswith("⚠ Attention")
    _, hausses = calc.elements["hausse_lineaire"].get_data()
    assert hausses[0] == pytest.approx(50)
    _, constantes = calc.elements["hausse_composee"].get_data()
    assert all(h == pytest.approx(25.99, abs=0.01) for h in constantes)
    calc.cible.value = "600"
    assert "Attention" not in calc.realisme.texte and "prudent" in calc.realisme.texte
    assert calc.exemple.value == "Vos chiffres"  # un chiffre changé : ce n'est plus l'exemple du cours


def test_calculateur_n_affiche_pas_de_hausse_absurde():
    calc = CalculateurCroissance()
    calc.depart.value, calc.cible.value, calc.mois.value = "2 000", "1 000 000", 2
    assert "plus de +100\xa0% par mois" in calc.message.texte
    assert "plus de +100\xa0%" in calc.realisme.texte and "2\u202f136" not in calc.realisme.texte


def test_calculateur_saisie_impossible_garde_les_valeurs():
    calc = CalculateurCroissance()
    _, avant = calc.elements["lineaire"].get_data()
    calc.depart.value = "abc"
    assert calc.message.texte.startswith("À corriger")
    assert "« abc » n'en est pas un" in calc.message.texte
    assert calc.depart.value == "abc" and calc.cible.value == "13 000" and calc.mois.value == 3
    # Message sous le champ fautif ; jugement et graphique gardés mais estompés (« Résultat à refaire »).
    assert "« abc » n'en est pas un" in calc.depart.erreur.texte and not calc.cible.en_erreur
    assert calc.perime and "coursekit-perime" in calc.realisme._dom_classes
    assert "coursekit-perime" in calc.graphique._dom_classes
    _, pendant = calc.elements["lineaire"].get_data()
    assert list(pendant) == list(avant)
    calc.depart.value = "0"
    assert "supérieure à 0" in calc.message.texte
    assert "(depart)" not in calc.message.texte  # pas de nom de paramètre Python devant l'élève
    calc.cible.value = ""
    assert "vide" in calc.message.texte
    calc.depart.value, calc.cible.value = "2 000", "1 500"
    assert "−25\xa0% au total" in calc.message.texte and "baisse" in calc.realisme.texte
    assert not calc.perime and not calc.depart.en_erreur and not calc.cible.en_erreur
    # une baisse se dit « de moins », jamais « -167 de plus »
    assert "167 de moins chaque mois" in calc.message.texte and "de plus" not in calc.message.texte
    assert "si chaque baisse s'ajoute" in calc.message.texte


def _etat(calc):
    return (
        calc.mois.value,
        calc.mois_lu.value,
        calc.mois_lu.curseur.max,
        calc.mois_lu.lecture.value,
        calc.message.texte,
        [list(map(list, calc.elements[nom].get_data())) for nom in ("lineaire", "points", "hausse_composee")],
        list(calc.elements["repere"].get_xdata()),
    )


def _temoin(mois, mois_lu):
    temoin = CalculateurCroissance()
    temoin.mois.value = mois
    temoin.mois_lu.value = mois_lu
    return temoin


def test_calculateur_rafale_sur_la_duree_etat_final_celui_des_positions_finales():
    """Glisser « Durée » change le maximum de « Lire le mois n° » : la rafale de valeurs venues du
    navigateur (avec un passage sous le mois lu) doit finir dans l'état des positions finales,
    le mois choisi par l'élève compris."""

    async def scenario():
        calc = CalculateurCroissance(mois=12)
        calc.mois_lu.curseur.set_state({"value": 10})  # l'élève lit le mois 10
        for mois in (11, 9, 6, 3, 2, 4, 8, 13, 17, 18, 17):  # glisser, puis → et ←
            calc.mois.curseur.set_state({"value": mois})
        for attente in (calc._caler_mois_lu, calc.graphique._finition):
            await attente.attendre()
        return calc

    calc = dans_sa_boucle(scenario)
    temoin = _temoin(17, 10)
    assert _etat(calc) == _etat(temoin)
    assert "Au mois 10 :" in calc.message.texte
    # l'image envoyée est celle d'un dessin complet de cet état (mise en page comprise)
    assert calc.graphique.value == figure_en_png_rapide(calc.figure)


def test_calculateur_duree_plus_courte_que_le_mois_lu_puis_plus_longue():
    calc = CalculateurCroissance(mois=12)
    calc.mois_lu.value = 10
    calc.mois.value = 4
    assert (calc.mois_lu.value, calc.mois_lu.curseur.max) == (4, 4)  # ramené dans les bornes
    assert "Au mois 4 :" in calc.message.texte
    calc.mois.value = 12
    assert (calc.mois_lu.value, calc.mois_lu.curseur.max) == (10, 12)  # le mois choisi revient
    assert _etat(calc) == _etat(_temoin(12, 10))
    calc.mois.value = 4
    calc.mois_lu.value = 3  # un nouveau choix de l'élève remplace l'ancien
    calc.mois.value = 12
    assert calc.mois_lu.value == 3


# --- exercice ------------------------------------------------------------------------


def test_exercice_retour_pendant_la_frappe():
    exercice = ExerciceReformulation()
    assert len(exercice.zones) == 3 and all(z.continuous_update for z in exercice.zones)
    assert "0 objectif sur 3" in exercice.message.texte
    exercice.zones[0].value = "Avoir plus d'abonnés"
    assert exercice.retours[0].texte.startswith("À améliorer")
    assert "Mesurable" in exercice.retours[0].texte
    exercice.zones[
        0
    ].value = "Passer de 2 000 à 3 000 abonnés Instagram d'ici juin grâce à 3 posts par semaine"
    assert exercice.retours[0].texte.startswith("Bravo")
    assert "1 objectif sur 3" in exercice.message.texte
    exercice.zones[1].value = "Réduire le taux d'attrition à 5 % d'ici décembre"
    assert "sujet" in exercice.retours[1].texte
    for i, objectif in enumerate(smart.OBJECTIFS_VAGUES):
        exercice.zones[i].value = objectif.exemple
    assert "3 objectifs sur 3" in exercice.message.texte


def test_reprs_stables():
    assert repr(VerificateurSmart()).startswith("Vérificateur d'objectif SMART (simulateur interactif")
    assert repr(CalculateurCroissance()).startswith("Calculateur de croissance (simulateur interactif")


@pytest.mark.parametrize("projecteur", [False, True], ids=["normal", "projecteur"])
@pytest.mark.parametrize("mois", [17, 18])
def test_calculateur_graduations_des_mois_lisibles(projecteur, mois):
    """Les étiquettes des mois (axe du bas, sur les deux panneaux) ne se touchent pas : entre deux
    étiquettes voisines, au moins la moitié de la hauteur d'un caractère, au projecteur aussi."""
    from coursekit import affichage

    affichage.mode_projecteur(projecteur)
    try:
        calc = CalculateurCroissance()
        calc.mois.value = mois
        figure = calc.figure
        figure.canvas.draw()
        rendu = figure.canvas.get_renderer()
        for nom in ("gauche", "droite"):
            axe = calc.elements[nom]
            debut, fin = axe.get_xlim()
            etiquettes = [
                t for t in axe.get_xticklabels() if t.get_text() and debut <= t.get_position()[0] <= fin
            ]
            assert len(etiquettes) >= 3, (nom, [t.get_text() for t in etiquettes])
            assert all(float(t.get_position()[0]).is_integer() for t in etiquettes)
            taille_px = etiquettes[0].get_fontsize() * figure.dpi / 72
            boites = sorted((t.get_window_extent(rendu) for t in etiquettes), key=lambda b: b.x0)
            ecarts = [b.x0 - a.x1 for a, b in itertools.pairwise(boites)]
            assert min(ecarts) >= 0.5 * taille_px, (nom, [t.get_text() for t in etiquettes], ecarts)
    finally:
        affichage.mode_projecteur(False)
