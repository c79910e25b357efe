"""Mode projecteur vérifié sur la page, à 1 280 × 720 et 1 024 × 768 : tout tient à l'écran, le texte des widgets est grand
(taille calculée par le navigateur) et le texte DESSINÉ dans les graphiques aussi.

Pour les graphiques, on ne se contente pas de lire ``rcParams`` dans le noyau : on mesure
dans la page la hauteur des caractères de l'image affichée (pixels sombres et gris groupés
en taches de la taille d'une lettre, 8e décile des hauteurs, ramenée à la taille à l'écran),
et on la compare au même graphique en mode normal.
"""

import pilote
import projection
import pytest

pytestmark = pytest.mark.navigateur
NOTEBOOKS = pilote.notebooks()
TAILLE_MINIMALE_WIDGETS = 18  # px, texte des widgets au projecteur
HAUTEUR_MINIMALE_CARACTERES = 14  # px à l'écran, majuscules et chiffres (16 pt à 100 dpi ≈ 16 px)
RAPPORT_MINIMAL = 1.25  # projecteur / normal, pour le même graphique (16 pt / 11 pt ≈ 1,45)


def _ouvrir(page, serveur, chemin):
    attendu = pilote.attendu(chemin)
    pilote.ouvrir_voila(page, serveur.url, chemin.name, attendu.vues)
    return attendu


def _grands_caracteres(page, chemin) -> list[str]:
    """À 1 280 × 720 : le texte des widgets et celui dessiné dans le premier graphique sont grands."""
    mesures = pilote.polices_widgets(page)
    if not mesures:
        return [f"{chemin.name} : aucun texte de widget sur la page"]
    petits = sorted(m for m in mesures if m[0] < TAILLE_MINIMALE_WIDGETS)
    defauts = [f"texte de widget trop petit au projecteur : {petits[:5]}"] if petits else []
    image = pilote.premiere_image_simulateur(page)
    if image is not None:
        image.scroll_into_view_if_needed()
        texte = pilote.hauteur_texte_image(image)
        if texte["caracteres"] < 5:
            defauts.append(f"pas de texte lisible dans le graphique {texte}")
        elif texte["ecran"] < HAUTEUR_MINIMALE_CARACTERES:
            defauts.append(f"texte du graphique trop petit à l'écran {texte}")
    return defauts


def test_graphiques_plus_grands_au_projecteur(serveur_voila, serveur_voila_projecteur, navigateur):
    """Le même graphique, mode normal puis projecteur : ses caractères sont nettement plus hauts."""
    for chemin in NOTEBOOKS:
        hauteurs = {}
        for mode, serveur in (("normal", serveur_voila), ("projecteur", serveur_voila_projecteur)):
            page = pilote.nouvelle_page(navigateur)
            try:
                _ouvrir(page, serveur, chemin)
                image = pilote.premiere_image_simulateur(page)
                if image is None:
                    break
                image.scroll_into_view_if_needed()
                hauteurs[mode] = pilote.hauteur_texte_image(image)
            finally:
                page.context.close()
        if len(hauteurs) == 2:
            break
    else:
        pytest.fail("aucun notebook n'a de simulateur avec un graphique")
    normal, grand = hauteurs["normal"], hauteurs["projecteur"]
    print(
        f"{chemin.stem} : caractères {normal['ecran']:.1f} px (normal), {grand['ecran']:.1f} px (projecteur)"
    )
    assert grand["ecran"] >= RAPPORT_MINIMAL * normal["ecran"], (chemin.name, normal, grand)


# --- La page projetée tient à l'écran (1 280 × 720 et 1 024 × 768) ------------------------------

# Consignes qui ne valent que dans JupyterLab (cherchées sans tenir compte des majuscules).
CONSIGNES_JUPYTERLAB = (
    "maj + entrée",
    "maj+entrée",
    "shift + enter",
    "exécutez la cellule",
    "exécutez les cellules",
    "exécutez-les",
    "remplacez none",
    "cellules grises",
)


def _ouvrir_taille(navigateur, serveur, chemin, largeur, hauteur):
    page = pilote.nouvelle_page(navigateur, largeur, hauteur)
    _ouvrir(page, serveur, chemin)
    return page


def _tient_a_l_ecran(page) -> list[str]:
    defauts = []
    sims = pilote.simulateurs(page)
    for i in range(sims.count()):
        sim = sims.nth(i)
        projection.cadrer(sim)
        mesure = projection.mesurer(sim)
        defauts += [f"{mesure['titre']} : {d} hors de l'écran" for d in projection.hors_ecran(mesure)]
    defauts += [f"texte coupé : {d}" for d in projection.textes_coupes(page)]
    defauts += [f"ligne qui commence mal : {d}" for d in projection.debuts_de_ligne(page)]
    return defauts


@pytest.mark.parametrize("chemin", NOTEBOOKS, ids=[c.stem for c in NOTEBOOKS])
def test_page_projetee_tient_a_l_ecran(chemin, serveur_voila_projecteur, navigateur):
    """À 1 280 × 720 puis 1 024 × 768 (la même page, redimensionnée : la mise en page est en CSS),
    chaque simulateur, son titre en haut de l'écran : graphique, phrase et première commande
    entièrement visibles ; aucun bouton ni libellé coupé ; aucune ligne qui commence par » ou par
    une unité seule ; aucune consigne propre à JupyterLab ; à 1 280 × 720, texte des widgets et
    des graphiques en grands caractères."""
    largeur, hauteur = projection.TAILLES[0]
    page = _ouvrir_taille(navigateur, serveur_voila_projecteur, chemin, largeur, hauteur)
    try:
        defauts = [f"{largeur} × {hauteur} : {d}" for d in _grands_caracteres(page, chemin)]
        for largeur, hauteur in projection.TAILLES:
            page.set_viewport_size({"width": largeur, "height": hauteur})
            page.evaluate("() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))")
            defauts += [f"{largeur} × {hauteur} : {d}" for d in _tient_a_l_ecran(page)]
        texte = page.evaluate("() => document.body.innerText").lower().replace("\xa0", " ")
        defauts += [
            f"consigne pour JupyterLab dans Voilà : « {c} »" for c in CONSIGNES_JUPYTERLAB if c in texte
        ]
        assert not defauts, f"{chemin.name} :\n" + "\n".join(defauts)
    finally:
        page.context.close()
