import html
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit import ErreurSaisie
from coursekit import personas as module_personas
from coursekit.graphiques.personas import figure_completude, remplir_completude
from coursekit.personas import (
    CHAMPS_COMPLETUDE,
    GROUPES,
    HABITUDES_CONNUES,
    Persona,
    carte_html,
    lire_age,
    lire_budget,
    page_html,
    persona_acheteur_b2b,
    persona_depuis_json,
    persona_graine_de_ville,
    persona_mode_eco,
    persona_vers_json,
    suggerer_canaux_moments,
    tableau_b2c_b2b,
    tableau_criteres,
)

HOSTILE = [
    "Éco-responsable, à l'œuvre 🌱✨",
    "<script>alert('x')</script> & <b>gras</b>",
    "ligne 1\nligne 2\r\nligne 3",
    "x" * 10_000,
    "guillemets \" ' « » et barre | <img src=x onerror=alert(1)>",
]


def persona_hostile() -> Persona:
    return Persona(
        nom=HOSTILE[1],
        age=(18, 99),
        profession=HOSTILE[0],
        habitudes_digitales=HOSTILE,
        motivations=HOSTILE[::-1],
        freins=[HOSTILE[4]],
        canaux=["TikTok 🎵"],
        moments=[HOSTILE[2]],
        budget=12.5,
        parcours=HOSTILE[:2],
        sexe=HOSTILE[3],
        lieu="Rabat <Maroc>",
        taille_foyer="4 personnes",
        etudes="BTS",
        revenus="1 500 € / mois",
        cible="B2B",
    )


# --- validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("saisie", "attendu"),
    [(25, 25), (25.0, 25), ("25", 25), (" 42 ans ", 42), ("30-45", (30, 45)), ("30 à 45 ans", (30, 45)),
     ((30, 45), (30, 45)), ([30, 45], (30, 45)), ((40, 40), 40), (0, 0), (120, 120), (None, None), ("", None)],
)  # fmt: skip
def test_lire_age_accepte_nombres_tranches_et_textes(saisie, attendu):
    assert lire_age(saisie) == attendu


@pytest.mark.parametrize(
    ("saisie", "morceau"),
    [
        ("vingt", "« vingt » n'en est pas un"),
        (-1, "entre 0 et 120"),
        (121, "entre 0 et 120"),
        (25.5, "nombre entier"),
        (math.nan, "nombre entier"),
        (math.inf, "nombre entier"),
        (True, "nombre entier de 0 à 120"),
        ((45, 30), "du plus jeune au plus âgé"),
        ((1, 2, 3), "deux nombres"),
        ("30-200", "entre 0 et 120"),
    ],
)
def test_lire_age_refuse_en_francais(saisie, morceau):
    with pytest.raises(ErreurSaisie, match="L'âge \\(age\\)") as erreur:
        lire_age(saisie)
    assert morceau in str(erreur.value)


def test_persona_refuse_les_saisies_impossibles():
    with pytest.raises(ErreurSaisie, match="entre 0 et 120 ans"):
        Persona(nom="Inès", age=140)
    with pytest.raises(ErreurSaisie, match="vingt"):
        Persona(age="vingt")
    with pytest.raises(ErreurSaisie, match="Le budget moyen \\(budget\\) ne peut pas être négatif"):
        Persona(budget=-5)
    with pytest.raises(ErreurSaisie, match="Le budget moyen \\(budget\\) doit être un nombre"):
        Persona(budget="beaucoup")
    with pytest.raises(ErreurSaisie, match="pas un texte seul"):
        Persona(motivations="prix bas")
    with pytest.raises(ErreurSaisie, match="élément n° 2 de « Freins »"):
        Persona(freins=["prix", 3])
    with pytest.raises(ErreurSaisie, match="Prénom \\(nom\\) doit être un texte"):
        Persona(nom=12)
    with pytest.raises(ErreurSaisie, match="« B2C » ou « B2B »"):
        Persona(cible="B2A")


def test_persona_normalise_sans_rien_perdre():
    p = Persona(
        nom="  Inès  ", motivations=["prix", "  ", ""], budget="1 200,50 €", cible="b2b", age="30 - 45"
    )
    assert p.nom == "  Inès  "  # le texte tapé est gardé tel quel
    assert p.motivations == ["prix"]
    assert p.budget == 1200.5
    assert p.cible == "B2B"
    assert p.age == (30, 45)
    assert lire_budget("") is None and lire_budget(0) == 0


# --- complétude -----------------------------------------------------------------------------------


def test_completude_compte_les_quinze_champs():
    assert len(CHAMPS_COMPLETUDE) == 15
    assert Persona().completude() == 0
    assert Persona(nom="Inès", age=25, budget=0).completude() == pytest.approx(3 / 15 * 100)
    assert Persona(nom="   ").completude() == 0  # un blanc n'est pas une réponse
    for exemple in (persona_mode_eco(), persona_graine_de_ville(), persona_acheteur_b2b()):
        assert exemple.completude() == 100
        assert exemple.champs_manquants() == []


def test_completude_par_groupe_et_bilan():
    p = persona_mode_eco()
    p.revenus = ""
    p.budget = None
    p.moments = []
    groupes = p.completude_par_groupe()
    assert list(groupes) == list(GROUPES)
    assert groupes == {
        "Identité": 100,
        "Socio-démographie": 75,
        "Comportement": 100,
        "Canaux et moments": 50,
        "Budget et parcours": 50,
    }
    assert p.completude() == 80
    assert p.champs_manquants() == ["revenus", "moments", "budget"]
    assert p.bilan_completude() == (
        "Fiche complète à 80\xa0% : il manque les revenus, les moments de consultation et le budget moyen."
    )
    assert (
        Persona().bilan_completude().startswith("Fiche complète à 0\xa0% : il manque encore 15 champs, dont")
    )
    assert (
        persona_mode_eco().bilan_completude()
        == "Fiche complète à 100\xa0% : tous les critères sont renseignés."
    )
    with pytest.raises(ErreurSaisie, match="n'existe pas"):
        p.est_rempli("couleur_preferee")


# --- fiche HTML -----------------------------------------------------------------------------------


def test_carte_html_echappe_tout_texte_saisi():
    p = persona_hostile()
    carte = p.carte_html()
    assert "<script>" not in carte and "<b>gras</b>" not in carte and "<img" not in carte
    assert html.escape(HOSTILE[1]) in carte
    assert "Rabat &lt;Maroc&gt;" in carte
    assert "x" * 10_000 in carte  # rien n'est coupé
    assert "18 à 99 ans" in carte and "12,50\xa0€" in carte and ">B2B<" in carte
    assert "Fiche complète à 100\xa0%" in carte
    assert p._repr_html_() == carte == carte_html(p)


def test_carte_html_signale_les_champs_vides():
    carte = Persona(nom="Inès").carte_html()
    assert carte.count("à compléter") == 13  # l'âge et la profession partagent la ligne du titre
    assert "Persona sans prénom" in Persona().carte_html()


def test_page_html_est_un_document_complet():
    page = page_html(persona_hostile())
    assert page.startswith("<!DOCTYPE html>") and "<meta charset='utf-8'>" in page
    assert "<title>Fiche persona : &lt;script&gt;" in page
    assert "<script>" not in page


@settings(max_examples=60, deadline=None)
@given(st.text().filter(lambda t: t.strip() != ""))
def test_propriete_aucun_texte_saisi_n_est_interprete(texte):
    carte = Persona(nom=texte, motivations=[texte], lieu=texte).carte_html()
    assert html.escape(texte) in carte
    # le texte saisi n'ajoute aucune balise : autant de « < » qu'avec un texte anodin
    assert carte.count("<") == Persona(nom="a", motivations=["a"], lieu="a").carte_html().count("<")


# --- enregistrement -------------------------------------------------------------------------------


def test_aller_retour_dict_et_json_sans_perte():
    p = persona_hostile()
    d = p.vers_dict()
    assert "format" not in d and d["age"] == [18, 99]
    assert json.loads(json.dumps(d)) == d
    assert Persona.depuis_dict(d) == p
    texte = p.vers_json()
    assert "🌱" in texte and "Éco" in texte  # lisible, pas d'échappement \\u
    assert json.loads(texte)["outil"] == "persona" and json.loads(texte)["contenu"] == d
    assert persona_depuis_json(texte) == p == Persona.depuis_json(persona_vers_json(p))
    assert Persona.depuis_json(texte).motivations[1] == "x" * 10_000


@pytest.mark.parametrize(
    ("texte", "morceau"),
    [
        ("", "Le fichier est vide"),
        ("{pas du json", "n'est pas un JSON valide (ligne 1, colonne 2)"),
        ("[1, 2]", "il faut un objet JSON"),
        ('{"format": "coursekit-swot", "forces": []}', "appartient au constructeur SWOT"),
        ('{"nom": "Inès", "couleur": "vert"}', "clé inconnue : « couleur »"),
        ('{"nom": "Inès", "age": "vingt"}', "à l'entrée « age » : on attend un âge en années"),
        ('{"nom": "Inès", "age": 300}', "(reçu : 300)"),
    ],
)
def test_json_abime_donne_une_phrase_francaise(texte, morceau):
    with pytest.raises(ErreurSaisie) as erreur:
        persona_depuis_json(texte)
    assert morceau in str(erreur.value)


def test_vers_json_refuse_autre_chose_qu_un_persona():
    with pytest.raises(ErreurSaisie, match="fiche persona"):
        persona_vers_json({"nom": "Inès"})
    with pytest.raises(ErreurSaisie, match="texte JSON"):
        persona_depuis_json(b"{}")


listes = st.lists(st.text().filter(lambda t: t.strip() != ""), max_size=4)
ages = st.one_of(
    st.none(),
    st.integers(0, 120),
    st.tuples(st.integers(0, 120), st.integers(0, 120)).map(sorted).filter(lambda t: t[0] != t[1]).map(tuple),
)
personas = st.builds(
    Persona,
    nom=st.text(),
    age=ages,
    profession=st.text(),
    habitudes_digitales=listes,
    motivations=listes,
    freins=listes,
    canaux=listes,
    moments=listes,
    budget=st.one_of(st.none(), st.floats(0, 1e9, allow_nan=False)),
    parcours=listes,
    sexe=st.text(),
    lieu=st.text(),
    taille_foyer=st.text(),
    etudes=st.text(),
    revenus=st.text(),
    cible=st.sampled_from(["B2C", "B2B"]),
)


@settings(max_examples=80, deadline=None)
@given(personas)
def test_propriete_aller_retour_json_sans_perte(p):
    assert Persona.depuis_dict(p.vers_dict()) == p
    assert Persona.depuis_json(p.vers_json()) == p
    assert 0 <= p.completude() <= 100


@settings(max_examples=60, deadline=None)
@given(personas, st.sampled_from(CHAMPS_COMPLETUDE))
def test_propriete_remplir_un_champ_ne_fait_jamais_baisser_la_completude(p, champ):
    avant = p.completude()
    valeurs = {"age": 30, "budget": 50.0}
    if champ in valeurs:
        setattr(p, champ, valeurs[champ])
    elif isinstance(getattr(p, champ), list):
        setattr(p, champ, [*getattr(p, champ), "nouveau"])
    else:
        setattr(p, champ, getattr(p, champ) + "nouveau")
    assert p.completude() >= avant
    assert p.est_rempli(champ)


# --- suggestions ----------------------------------------------------------------------------------


def test_suggestions_reseaux_du_soir_et_reseau_professionnel():
    s = suggerer_canaux_moments(["actif sur TikTok", "INSTAGRAM tous les jours"])
    assert s.noms_canaux == ["TikTok (vidéos courtes)", "Instagram (Reels, stories, publications)"]
    assert s.noms_moments == ["le soir, de 19 h à 22 h", "le week-end"]
    # le moment partagé garde les deux raisons
    assert "TikTok" in s.moments[0].raison and "Instagram" in s.moments[0].raison
    pro = suggerer_canaux_moments(["LinkedIn"], cible="B2B")
    assert pro.noms_moments == [
        "à la pause déjeuner en semaine (de 12 h à 14 h)",
        "en début de matinée en semaine (de 8 h à 10 h)",
    ]
    assert "pause de midi" in pro.moments[0].raison


def test_suggestions_dependent_de_la_cible_et_ignorent_l_inconnu():
    particulier = suggerer_canaux_moments(["e-mail et newsletters"])
    professionnel = suggerer_canaux_moments(["e-mail et newsletters"], "B2B")
    assert particulier.noms_canaux == professionnel.noms_canaux == ["Newsletter et e-mails"]
    assert particulier.noms_moments == ["le matin, de 7 h à 9 h"]
    assert professionnel.noms_moments == ["le mardi ou le jeudi matin"]
    rien = suggerer_canaux_moments(["fait du vélo", "🌱"])
    assert rien.canaux == () and rien.moments == ()
    assert all(str(c).count("\xa0: ") >= 1 for c in particulier.canaux)


def test_suggestions_couvrent_chaque_habitude_a_cocher():
    for habitude in HABITUDES_CONNUES:
        s = suggerer_canaux_moments([habitude])
        assert len(s.canaux) == 1, habitude
        assert s.canaux[0].raison and s.moments and all(m.raison for m in s.moments)


def test_suggestions_refusent_les_saisies_impossibles():
    with pytest.raises(ErreurSaisie, match="pas un texte seul"):
        suggerer_canaux_moments("TikTok")
    with pytest.raises(ErreurSaisie, match="« B2C » ou « B2B »"):
        suggerer_canaux_moments(["TikTok"], cible="particulier")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(HABITUDES_CONNUES), unique=True), st.sampled_from(["B2C", "B2B"]))
def test_propriete_une_suggestion_par_habitude_reconnue_sans_doublon(habitudes, cible):
    s = suggerer_canaux_moments(habitudes, cible)
    assert len(s.canaux) == len(habitudes)
    assert len(set(s.noms_moments)) == len(s.noms_moments)


# --- exemples du cours et jauge -------------------------------------------------------------------


def test_personas_du_cours_suivent_le_programme():
    ines = persona_mode_eco()
    assert ines.age == 25 and ines.cible == "B2C"
    assert ines.parcours[0] == "découverte sur TikTok" and ines.parcours[-1] == "achat sur mobile"
    assert "le soir, de 19 h à 22 h" in ines.moments
    claire = persona_graine_de_ville()
    assert (
        claire.age == (30, 45)
        and claire.lieu.startswith("Paris")
        and claire.revenus == "confortables (cadre, CSP+)"
    )
    assert "smartphone 80 % du temps" in claire.habitudes_digitales
    assert len(claire.parcours) == 5 and claire.parcours[-1].startswith("recommandation")
    assert persona_acheteur_b2b().cible == "B2B"


def test_tableaux_du_cours():
    criteres = tableau_criteres()
    assert set(criteres["famille"]) == {"socio-démographique", "comportemental"}
    assert len(criteres) == 14
    assert list(tableau_b2c_b2b().columns) == ["question", "b2c", "b2b"]


def test_jauge_mise_a_jour_sur_place():
    figure, elements = figure_completude()
    assert [b.get_width() for b in elements["barres"]] == [0] * 6
    assert elements["titre"].get_text() == "Complétude de la fiche : 0\xa0%"
    p = persona_mode_eco()
    p.budget = None
    remplir_completude(elements, p)
    assert [b.get_width() for b in elements["barres"]] == [
        100,
        100,
        100,
        100,
        50,
        pytest.approx(14 / 15 * 100),
    ]
    assert elements["textes"][4].get_text() == "50\xa0%"
    assert elements["titre"].get_text() == "Complétude de la fiche de Inès : 93\xa0%"
    assert len(figure.axes) == 1


def test_resume_familles_liste_chaque_champ_une_fois():
    texte = module_personas.resume_familles()
    lignes = texte.splitlines()
    assert lignes[0] == "Une fiche compte 15 champs, en 5 familles :"
    assert len(lignes) == 1 + len(module_personas.GROUPES)
    for champ in module_personas.CHAMPS_COMPLETUDE:
        assert texte.count(module_personas.LIBELLES[champ]) >= 1


def test_suggestions_en_texte_canaux_puis_moments():
    pistes = module_personas.suggerer_canaux_moments(["TikTok", "lit les avis avant d'acheter"])
    texte = str(pistes)
    avant, apres = texte.split("\n\nMoments :")
    assert avant.startswith("Canaux :")
    assert avant.count("\n• ") == len(pistes.canaux) and apres.count("\n• ") == len(pistes.moments)
    assert all(str(s) in texte for s in (*pistes.canaux, *pistes.moments))
