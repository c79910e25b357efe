"""Un seul format pour les travaux, et aucun travail perdu (issue 8, point 4).

Pour chaque outil qui garde un travail (SWOT, persona, plan) : fichiers d'un autre outil,
abîmés, coupés ou d'une version inconnue refusés en français sans rien changer à l'écran ;
enregistrements du même nom jamais silencieux ; écriture atomique ; texte hostile intact.
"""

import errno
import itertools
import json
import os

import ipywidgets as widgets
import pytest

from coursekit import ErreurSaisie
from coursekit.personas import Persona, persona_vers_json
from coursekit.projet import PlanCommunication
from coursekit.swot import Swot
from coursekit.widgets.personas import ConstructeurPersona
from coursekit.widgets.projet import PlanificateurProjet
from coursekit.widgets.swot import ConstructeurSwot

OUTILS = ("swot", "persona", "plan")
PROPRIETAIRES = {
    "swot": "constructeur SWOT (chapitre 02)",
    "persona": "constructeur de persona (chapitre 03)",
    "plan": "planificateur du projet final (chapitre 08)",
}
HOSTILE = "Éco-responsable 🌱 <script>alert('x')</script> & « ça »\n" + "x" * 10_000

# Les fichiers tels que les écrivait la version 1 (avant l'enveloppe commune).
ANCIENS = {
    "swot": {
        "format": "coursekit-swot",
        "version": 1,
        "entreprise": "Ancienne boutique",
        "forces": ["une force d'avant"],
        "faiblesses": [],
        "opportunites": ["une opportunité"],
        "menaces": [],
    },
    "persona": {
        "format": "coursekit-persona",
        "version": 1,
        "nom": "Ancienne Inès",
        "age": [25, 40],
        "profession": "cheffe de projet",
        "habitudes_digitales": ["TikTok"],
        "motivations": ["gagner du temps"],
        "freins": [],
        "canaux": [],
        "moments": [],
        "budget": 45.0,
        "parcours": [],
        "sexe": "",
        "lieu": "Lyon",
        "taille_foyer": "",
        "etudes": "",
        "revenus": "",
        "cible": "B2C",
    },
    "plan": {"entreprise": "Ancienne PME", "reponses": {"1": "un audit d'avant"}},
}


@pytest.fixture(autouse=True)
def travaux(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_TRAVAUX", str(tmp_path))
    return tmp_path


def nouvel_outil(cle):
    """Un outil neuf, avec un travail en cours à l'écran (différent d'un outil à l'autre)."""
    if cle == "swot":
        outil = ConstructeurSwot(delai=0)
        outil.entreprise.value = "Ma boutique"
        outil.listes["forces"].value = "mon travail en cours"
    elif cle == "persona":
        outil = ConstructeurPersona(delai=0)
        outil.nom.value = "Inès"
        outil.age.value = 25
        outil.budget.value = "45"
        outil.motivations.value = "ma motivation en cours"
    else:
        outil = PlanificateurProjet()
        outil.entreprise.value = "Ma PME"
        outil.champs[1].value = "mon audit en cours"
    return outil


def texte_valide(cle):
    """Un travail valide de l'outil, au format d'aujourd'hui (écrit par l'API pure)."""
    if cle == "swot":
        return Swot(["une force"], [], [], [], entreprise="Autre").vers_json()
    if cle == "persona":
        return persona_vers_json(Persona(nom="Autre", age=30))
    return PlanCommunication("Autre", {2: "un positionnement"}).vers_json()


def etat(outil):
    """La valeur de chaque widget de l'outil (saisies, curseurs, cases, fiche, image, messages),
    sauf la zone qui répond au bouton de fichier."""
    valeurs = {}

    def parcourir(widget, chemin):
        if widget is outil.message_fichier:
            return
        if isinstance(widget, widgets.Widget) and widget.has_trait("value"):
            valeurs[chemin] = widget.value
        for rang, enfant in enumerate(getattr(widget, "children", ())):
            parcourir(enfant, f"{chemin}/{rang}")

    parcourir(outil, "")
    assert len(valeurs) > 8
    return valeurs


def refus(outil, fichier):
    """Ouvre ``fichier`` : doit être refusé, en français, sans rien changer à l'écran."""
    avant = etat(outil)
    outil.fichier.value = fichier
    assert outil.ouvrir() is False
    assert "coursekit-erreur" in outil.message_fichier.value
    apres = etat(outil)
    changes = sorted(k for k in avant if avant[k] != apres[k] and k != _chemin_nom(outil))
    assert not changes, f"l'écran a changé : {changes}"
    return outil.message_fichier.texte


def _chemin_nom(outil):
    chemins = {}

    def parcourir(widget, chemin):
        chemins[id(widget)] = chemin
        for rang, enfant in enumerate(getattr(widget, "children", ())):
            parcourir(enfant, f"{chemin}/{rang}")

    parcourir(outil, "")
    return chemins[id(outil.fichier)]


# --- noms, écriture et lecture de base ---------------------------------------------------------


def test_nom_de_fichier(travaux):
    from coursekit.travaux import chemin_travail

    assert chemin_travail("  mon-swot.JSON ", ".md", "mon-swot") == travaux / "mon-swot.md"
    assert chemin_travail("mon-swot", ".md", "mon-swot", "swot") == travaux / "swot" / "mon-swot.md"
    for mauvais in ("", "   ", "../evasion", "a/b", ".cache", "pl*n"):
        with pytest.raises(ErreurSaisie, match="par exemple : mon-plan"):
            chemin_travail(mauvais, ".json", "mon-plan")


def test_ecrire_puis_lire_texte_et_octets(travaux):
    from coursekit.travaux import ecrire_travail, lire_travail

    texte = "Éco 🌱 <script>\nligne 2 " + "x" * 10_000
    assert ecrire_travail("t", ".json", texte, "t") == travaux / "t.json"
    assert lire_travail("t", ".json", "t") == texte
    assert ecrire_travail("image", ".png", b"\x89PNG", "t").read_bytes() == b"\x89PNG"


def test_fichier_absent_avec_conseil():
    from coursekit.travaux import lire_travail

    with pytest.raises(
        ErreurSaisie, match=r"Aucun fichier « x\.json » dans .*/ : vérifiez le nom \(enregistrez d'abord\)\."
    ):
        lire_travail("x", ".json", "x", "(enregistrez d'abord)")


def test_fichier_illisible_ou_dossier_en_francais(travaux):
    from coursekit.travaux import ecrire_travail, lire_travail

    (travaux / "binaire.json").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ErreurSaisie, match="n'a pas pu être lu ou écrit"):
        lire_travail("binaire", ".json", "x")
    (travaux / "dossier.json").mkdir()
    with pytest.raises(ErreurSaisie, match=r"n'a pas pu être lu ou écrit \(c'est un dossier"):
        ecrire_travail("dossier", ".json", "{}", "x")


def test_le_planificateur_ne_plante_plus_sur_un_fichier_illisible(travaux):
    (travaux / "mon-plan.json").write_bytes(b"\xff\xfe\x00")
    outil = PlanificateurProjet()
    outil.champs[1].value = "mon audit en cours"
    assert not outil.ouvrir()
    assert "n'a pas pu être lu" in outil.message_fichier.texte
    assert outil.champs[1].value == "mon audit en cours"


# --- une seule enveloppe -------------------------------------------------------------------------


@pytest.mark.parametrize("cle", OUTILS)
def test_une_seule_enveloppe_validee_par_un_schema(cle, travaux):
    import jsonschema

    from coursekit import travaux as module

    outil = nouvel_outil(cle)
    chemin = outil.enregistrer()
    assert chemin == travaux / cle / f"mon-{cle}.json"
    donnees = json.loads(chemin.read_text(encoding="utf-8"))
    assert list(donnees) == ["outil", "version", "contenu", "enregistre_le"]
    assert donnees["outil"] == cle and donnees["version"] == module.VERSION == 2
    jsonschema.validate(donnees, module.SCHEMA_ENVELOPPE)
    jsonschema.validate(donnees["contenu"], module.OUTILS[cle].schema)
    # l'API pure écrit la même enveloppe (sans date : sa sortie est stable dans les notebooks)
    pur = json.loads(texte_valide(cle))
    assert list(pur) == ["outil", "version", "contenu"] and pur["outil"] == cle


def test_le_schema_persona_a_les_cles_de_la_fiche():
    from coursekit.travaux import OUTILS as FICHES

    assert set(FICHES["persona"].schema["properties"]) == set(Persona().vers_dict())
    assert set(FICHES["swot"].schema["properties"]) == set(Swot().vers_dict())
    assert set(FICHES["plan"].schema["properties"]) == {"entreprise", "reponses", "type_pme"}


# --- chaque paire d'outils : le fichier de l'un refusé par l'autre --------------------------------


@pytest.mark.parametrize(("auteur", "lecteur"), list(itertools.permutations(OUTILS, 2)))
@pytest.mark.parametrize("format_", ["enveloppe", "version 1"])
def test_fichier_d_un_autre_outil_refuse_sans_rien_changer(auteur, lecteur, format_, travaux):
    if format_ == "enveloppe":  # rangé à la main dans le dossier du lecteur
        chemin = travaux / lecteur / "intrus.json"
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text(texte_valide(auteur), encoding="utf-8")
    else:  # ancien fichier, à l'ancien emplacement commun
        chemin = travaux / "intrus.json"
        chemin.write_text(json.dumps(ANCIENS[auteur], ensure_ascii=False), encoding="utf-8")
    avant = chemin.read_bytes()
    outil = nouvel_outil(lecteur)
    message = refus(outil, "intrus")
    nom = chemin.relative_to(travaux).as_posix()
    assert f"Le fichier « {travaux.name}/{nom} » appartient au {PROPRIETAIRES[auteur]}" in message
    assert f"Ouvrez-le dans le {PROPRIETAIRES[auteur]}" in message
    assert chemin.read_bytes() == avant


@pytest.mark.parametrize(("auteur", "lecteur"), list(itertools.permutations(OUTILS, 2)))
def test_un_fichier_du_meme_nom_dans_un_autre_outil_est_signale(auteur, lecteur, travaux):
    nouvel_outil(auteur).enregistrer()
    outil = nouvel_outil(lecteur)
    message = refus(outil, f"mon-{auteur}")
    assert f"Aucun fichier « mon-{auteur}.json » dans {travaux.name}/{lecteur}/" in message
    assert f"mais il appartient au {PROPRIETAIRES[auteur]}" in message


# --- fichiers abîmés, coupés, d'une version inconnue -------------------------------------------


def _abimes(cle):
    enveloppe = json.loads(texte_valide(cle))
    contenu_faux = {
        "swot": {**enveloppe["contenu"], "forces": "une seule force"},
        "persona": {**enveloppe["contenu"], "cible": "les jeunes"},
        "plan": {**enveloppe["contenu"], "reponses": {"11": "une étape de trop"}},
    }[cle]
    return {
        "vide": ("", "est vide"),
        "espaces": ("  \n ", "est vide"),
        "pas du JSON": ("{oups, pas du json}", "n'est pas un JSON valide (ligne 1, colonne 2)"),
        "binaire": (b"\xff\xfe\x00\x01", "n'a pas pu être lu"),
        "liste": ("[1, 2]", "il faut un objet JSON entre { }"),
        "version future": (json.dumps({**enveloppe, "version": 3}), "format 3 par une version plus récente"),
        "outil inconnu": (
            json.dumps({**enveloppe, "outil": "calendrier"}),
            "ne connaît pas (« calendrier »)",
        ),
        "sans contenu": (
            json.dumps({"outil": cle, "version": 2}),
            "abîmé : il manque « contenu »",
        ),
        "contenu faux": (json.dumps({**enveloppe, "contenu": contenu_faux}), "abîmé à l'entrée « contenu → "),
        "ancien format inconnu": ('{"format": "coursekit-calendrier"}', "format « coursekit-calendrier »"),
    }


@pytest.mark.parametrize("cle", OUTILS)
@pytest.mark.parametrize(
    "cas",
    [
        "vide",
        "espaces",
        "pas du JSON",
        "binaire",
        "liste",
        "version future",
        "outil inconnu",
        "sans contenu",
        "contenu faux",
        "ancien format inconnu",
    ],
)
def test_fichier_abime_refuse_en_francais_sans_rien_changer(cle, cas, travaux):
    contenu, morceau = _abimes(cle)[cas]
    chemin = travaux / cle / "abime.json"
    chemin.parent.mkdir(parents=True)
    chemin.write_bytes(contenu if isinstance(contenu, bytes) else contenu.encode("utf-8"))
    outil = nouvel_outil(cle)
    message = refus(outil, "abime")
    assert morceau in message
    assert f"Le fichier « {travaux.name}/{cle}/abime.json »" in message


@pytest.mark.parametrize("cle", OUTILS)
def test_fichier_coupe_a_chaque_endroit_refuse_sans_rien_changer(cle, travaux):
    outil = nouvel_outil(cle)
    outil.fichier.value = "complet"
    texte = outil.enregistrer().read_text(encoding="utf-8")
    lecteur = nouvel_outil(cle)
    (travaux / cle / "coupe.json").write_text(texte[: len(texte) // 2], encoding="utf-8")
    assert "est incomplet" in refus(lecteur, "coupe")
    for fin in range(1, len(texte.rstrip()) - 1, 7):
        (travaux / cle / "coupe.json").write_text(texte[:fin], encoding="utf-8")
        refus(lecteur, "coupe")


@pytest.mark.parametrize("cle", OUTILS)
def test_les_fichiers_de_la_version_1_s_ouvrent_encore(cle, travaux):
    ancien = travaux / "ancien.json"  # l'ancien emplacement : directement dans mes-travaux/
    ancien.write_text(json.dumps(ANCIENS[cle], ensure_ascii=False, indent=2), encoding="utf-8")
    avant = ancien.read_bytes()
    outil = nouvel_outil(cle)
    outil.fichier.value = "ancien"
    assert outil.ouvrir() is True
    assert "ancien emplacement" in outil.message_fichier.texte
    if cle == "swot":
        assert (
            outil.entreprise.value == "Ancienne boutique"
            and outil.listes["forces"].value == "une force d'avant"
        )
    elif cle == "persona":
        assert outil.nom.value == "Ancienne Inès" and (outil.age.value, outil.etendue.value) == (25, 15)
        assert outil.budget.value == "45" and outil.habitudes["TikTok"].value is True
    else:
        assert outil.entreprise.value == "Ancienne PME" and outil.champs[1].value == "un audit d'avant"
    chemin = outil.enregistrer()
    assert chemin == travaux / cle / "ancien.json"
    assert ancien.read_bytes() == avant  # l'ancien fichier n'est pas touché
    assert json.loads(chemin.read_text(encoding="utf-8"))["version"] == 2


def test_api_pure_relit_les_anciens_textes():
    assert Swot.depuis_json(json.dumps(ANCIENS["swot"])).forces == ["une force d'avant"]
    assert Persona.depuis_json(json.dumps(ANCIENS["persona"])).age == (25, 40)
    assert PlanCommunication.depuis_json(json.dumps(ANCIENS["plan"])).reponses == {1: "un audit d'avant"}


# --- enregistrer sous un nom déjà pris -------------------------------------------------------------


@pytest.mark.parametrize("cle", OUTILS)
def test_meme_nom_meme_outil_refus_puis_confirmation(cle, travaux):
    premier = nouvel_outil(cle)
    chemin = premier.enregistrer()
    assert premier.enregistrer() == chemin  # réenregistrer son propre fichier : sans question
    avant = chemin.read_bytes()
    second = nouvel_outil(cle)
    if cle == "swot":
        second.listes["menaces"].value = "un autre travail"
    elif cle == "persona":
        second.freins.value = "un autre travail"
    else:
        second.champs[5].value = "un autre travail"
    assert second.enregistrer() is None
    message = second.message_fichier.texte
    assert f"« {travaux.name}/{cle}/mon-{cle}.json » existe déjà (enregistré le " in message
    assert "Cliquez de nouveau sur « Enregistrer » pour le remplacer" in message
    assert chemin.read_bytes() == avant
    assert second.enregistrer() == chemin  # second clic : confirmé
    assert "un autre travail" in chemin.read_text(encoding="utf-8")
    assert second.enregistrer() == chemin  # désormais c'est son fichier


@pytest.mark.parametrize("cle", OUTILS)
def test_apres_ouverture_on_reenregistre_sans_question(cle, travaux):
    nouvel_outil(cle).enregistrer()
    outil = nouvel_outil(cle)
    assert outil.ouvrir()
    assert outil.enregistrer() == travaux / cle / f"mon-{cle}.json"


@pytest.mark.parametrize("cle", OUTILS)
def test_changer_de_nom_annule_la_confirmation(cle, travaux):
    nouvel_outil(cle).enregistrer()
    outil = nouvel_outil(cle)
    assert outil.enregistrer() is None
    outil.fichier.value = "autre-nom"
    assert outil.enregistrer() == travaux / cle / "autre-nom.json"
    outil.fichier.value = f"mon-{cle}"
    assert outil.enregistrer() is None  # il faut de nouveau confirmer


@pytest.mark.parametrize("cle", OUTILS)
def test_le_fichier_d_un_autre_outil_n_est_jamais_remplace(cle, travaux):
    autre = next(o for o in OUTILS if o != cle)
    chemin = travaux / cle / "intrus.json"
    chemin.parent.mkdir(parents=True)
    chemin.write_text(texte_valide(autre), encoding="utf-8")
    avant = chemin.read_bytes()
    outil = nouvel_outil(cle)
    outil.fichier.value = "intrus"
    for _clic in range(3):
        assert outil.enregistrer() is None
        assert PROPRIETAIRES[autre] in outil.message_fichier.texte
        assert "il ne sera pas remplacé" in outil.message_fichier.texte
    assert chemin.read_bytes() == avant


def test_deux_outils_un_meme_nom_deux_fichiers(travaux):
    outils = {cle: nouvel_outil(cle) for cle in OUTILS}
    for outil in outils.values():
        outil.fichier.value = "projet"
        assert outil.enregistrer() is not None
    outils["swot"].exporter_markdown()
    outils["swot"].exporter_png()
    outils["persona"].exporter_html()
    outils["plan"].exporter()
    fichiers = sorted(p.relative_to(travaux).as_posix() for p in travaux.rglob("*") if p.is_file())
    assert fichiers == [
        "persona/projet.html",
        "persona/projet.json",
        "plan/projet.json",
        "plan/projet.md",
        "swot/projet.json",
        "swot/projet.md",
        "swot/projet.png",
    ]
    for cle, outil in outils.items():
        relu = nouvel_outil(cle)
        relu.fichier.value = "projet"
        assert relu.ouvrir(), outil.message_fichier.texte


@pytest.mark.parametrize(
    ("cle", "exporter", "extension", "bouton"),
    [
        ("swot", "exporter_markdown", ".md", "Exporter .md"),
        ("swot", "exporter_png", ".png", "Exporter .png"),
        ("persona", "exporter_html", ".html", "Exporter la fiche (.html)"),
        ("plan", "exporter", ".md", "Exporter en Markdown"),
    ],
)
def test_un_export_du_meme_nom_demande_confirmation(cle, exporter, extension, bouton, travaux):
    chemin = getattr(nouvel_outil(cle), exporter)()
    assert chemin == travaux / cle / f"mon-{cle}{extension}"
    avant = chemin.read_bytes()
    outil = nouvel_outil(cle)
    assert getattr(outil, exporter)() is None
    assert f"Cliquez de nouveau sur « {bouton} »" in outil.message_fichier.texte
    assert chemin.read_bytes() == avant
    assert getattr(outil, exporter)() == chemin


# --- écriture atomique -----------------------------------------------------------------------------


@pytest.mark.parametrize("cle", OUTILS)
@pytest.mark.parametrize("etape", ["fsync", "replace", "write"])
def test_une_ecriture_qui_echoue_laisse_l_ancien_fichier_intact(cle, etape, travaux, monkeypatch):
    from coursekit import travaux as module

    outil = nouvel_outil(cle)
    chemin = outil.enregistrer()
    avant = chemin.read_bytes()
    if cle == "swot":
        outil.listes["forces"].value = "tout a changé"
    elif cle == "persona":
        outil.nom.value = "tout a changé"
    else:
        outil.champs[1].value = "tout a changé"

    def panne(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as panneau:
        if etape == "write":  # le disque se remplit au milieu de l'écriture
            vrai_fdopen = os.fdopen

            class FluxPlein:
                def __init__(self, flux):
                    self.flux = flux

                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    self.flux.close()

                def write(self, donnees):
                    self.flux.write(donnees[: len(donnees) // 2])
                    panne()

            panneau.setattr(module.os, "fdopen", lambda *a, **k: FluxPlein(vrai_fdopen(*a, **k)))
        else:
            panneau.setattr(module.os, etape, panne)
        assert outil.enregistrer() is None
        assert (
            f"{cle}/mon-{cle}.json » n'a pas pu être lu ou écrit (le disque est plein)"
            in outil.message_fichier.texte
        )
        assert chemin.read_bytes() == avant
        assert [p.name for p in chemin.parent.iterdir()] == [chemin.name]  # pas de temporaire oublié
    assert outil.enregistrer() == chemin  # le disque libéré, l'enregistrement passe
    assert "tout a changé" in chemin.read_text(encoding="utf-8")


def test_ecriture_atomique_temporaire_du_meme_dossier_vide_sur_le_disque_puis_renomme(travaux, monkeypatch):
    from coursekit import travaux as module

    appels = []
    vrai_fsync, vrai_replace = os.fsync, os.replace
    monkeypatch.setattr(module.os, "fsync", lambda fd: (appels.append("fsync"), vrai_fsync(fd))[1])

    def remplacer(source, cible):
        appels.append(("replace", os.path.dirname(source), os.path.dirname(cible)))
        assert open(source, "rb").read() == b"nouveau"  # tout est écrit avant le renommage
        return vrai_replace(source, cible)

    monkeypatch.setattr(module.os, "replace", remplacer)
    cible = travaux / "swot" / "a.json"
    cible.parent.mkdir()
    cible.write_bytes(b"ancien")
    module.ecrire_atomique(cible, b"nouveau")
    assert appels[0] == "fsync" and appels[1] == ("replace", str(cible.parent), str(cible.parent))
    assert cible.read_bytes() == b"nouveau"
    assert oct(cible.stat().st_mode & 0o777) == oct(0o644)


# --- texte hostile ----------------------------------------------------------------------------------


@pytest.mark.parametrize("cle", OUTILS)
def test_texte_hostile_garde_tel_quel(cle, travaux):
    outil = nouvel_outil(cle)
    if cle == "swot":
        outil.entreprise.value = HOSTILE.replace("\n", " ")
        champs = lambda o: [o.entreprise.value, o.listes["forces"].value]  # noqa: E731
        outil.listes["forces"].value = HOSTILE
    elif cle == "persona":
        outil.nom.value = HOSTILE.replace("\n", " ")
        outil.freins.value = HOSTILE
        champs = lambda o: [o.nom.value, o.freins.value]  # noqa: E731
    else:
        outil.entreprise.value = HOSTILE
        outil.champs[10].value = HOSTILE
        champs = lambda o: [o.entreprise.value, o.champs[10].value]  # noqa: E731
    chemin = outil.enregistrer()
    texte = chemin.read_text(encoding="utf-8")
    assert "🌱" in texte and "Éco" in texte and "\\u" not in texte
    relu = nouvel_outil(cle)
    assert relu.ouvrir()
    assert champs(relu) == champs(outil)
    assert "<script>" not in relu.message_fichier.value
