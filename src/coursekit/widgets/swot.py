"""Le constructeur SWOT et les exercices du chapitre 02.

Le constructeur lit quatre listes (une entrée par ligne), en fait une
:class:`~coursekit.swot.Swot`, met à jour la matrice sur place et affiche les
pistes TOWS. Il enregistre et relit l'analyse dans ``mes-travaux/swot/`` (le
format commun de :mod:`coursekit.travaux`), et l'exporte en Markdown ou en PNG.
Tout le calcul est dans :mod:`coursekit.swot`.
"""

from __future__ import annotations

import html
import warnings
from pathlib import Path

import ipywidgets as widgets

from coursekit import contenu
from coursekit.erreurs import ErreurSaisie
from coursekit.format import nombre, pourcent
from coursekit.graphiques.base import figure_en_png
from coursekit.graphiques.swot import COULEURS_SWOT, figure_interaction, figure_swot, remplir_swot
from coursekit.schemas import TEXTE as _TEXTE
from coursekit.schemas import objet as _objet
from coursekit.swot import (
    CONSTATS_GRAINE_DE_VILLE,
    EFFET,
    LETTRES,
    ORIGINE,
    PISTES_QUADRANT_VIDE,
    QUADRANTS,
    SEUIL_INTERACTION_FAIBLE,
    SEUIL_INTERACTION_FORT,
    SINGULIERS,
    TITRES,
    Constat,
    Retour,
    Swot,
    analyser_concurrent,
    corriger_audit,
    corriger_classement,
    entrees_depuis_texte,
    texte_depuis_entrees,
)
from coursekit.travaux import Carnet, nom_affiche
from coursekit.widgets.base import (
    CLASSE_NOMMEE,
    NOMMER_COMMANDES,
    ChampNombre,
    MessageDeChamp,
    Simulateur,
    ZoneGraphique,
    ZoneMessage,
)

SCHEMAS: dict[str, dict] = {
    "grille_observation": _objet(
        {
            "cases": _objet(
                dict.fromkeys(
                    (
                        "memes_produits",
                        "meme_besoin",
                        "actif_en_ligne",
                        "site_soigne",
                        "publie_regulierement",
                    ),
                    _TEXTE,
                )
            ),
            "abonnes": {"type": "number", "minimum": 0},
            "interactions": {"type": "number", "minimum": 0},
        }
    ),
    "exercice_classement": _objet(dict.fromkeys(("a_classer", "tout_juste", "conseil"), _TEXTE)),
    "exercice_audit": _objet(
        dict.fromkeys(
            (
                "titre_forces",
                "aide_forces",
                "consigne_forces",
                "titre_faiblesses",
                "aide_faiblesses",
                "consigne_faiblesses",
                "bravo",
                "a_revoir",
            ),
            _TEXTE,
        )
    ),
}
"""La forme des textes des outils dans ``contenu/02-swot.yaml``."""


def textes(cle: str) -> dict:
    """Les textes d'un outil du chapitre 02, lus et validés dans le fichier de contenu."""
    return contenu.section("02", cle, SCHEMAS[cle])


DELAI_MISE_A_JOUR = 0.15
"""Intervalle minimal (en secondes) entre deux dessins de la matrice pendant la frappe."""
LONGUEUR_PISTE = 90
"""Longueur maximale d'une entrée citée dans une piste TOWS à l'écran."""


def _pluriel(n: int, singulier: str) -> str:
    if n <= 1:
        return f"{n} {singulier}"
    return f"{n} {singulier}s"


def html_retours(retours: list[Retour]) -> str:
    """Liste HTML (texte échappé) de retours ✔ / ✘ (lisibles sans police d'emoji)."""
    lignes = "".join(
        f"<li style='margin:0.2em 0;color:{'#00664a' if r.juste else '#a33a00'}'>"
        f"{'✔' if r.juste else '✘'} {html.escape(r.explication)}</li>"
        for r in retours
    )
    return f"<ul style='list-style:none;padding-left:0.3em;font-size:1.05em'>{lignes}</ul>"


class ConstructeurSwot(Simulateur):
    """Quatre listes → matrice SWOT mise à jour pendant la frappe, pistes TOWS, fichiers."""

    titre = "Constructeur SWOT"

    def __init__(self, swot: Swot | None = None, delai: float = DELAI_MISE_A_JOUR):
        swot = swot if swot is not None else Swot()
        self.delai = delai
        self._chargement = False
        self.carnet = Carnet("swot")
        self.entreprise = widgets.Text(
            value=swot.entreprise,
            description="Entreprise",
            placeholder="le nom de l'entreprise étudiée",
            continuous_update=True,
            style={"description_width": "7em"},
            layout=widgets.Layout(width="32em"),
        )
        self.listes: dict[str, widgets.Textarea] = {}
        self.erreurs: dict[str, MessageDeChamp] = {}
        cases = []
        for q in QUADRANTS:
            self.listes[q] = widgets.Textarea(
                value=texte_depuis_entrees(swot.quadrant(q)),
                placeholder=f"Une {SINGULIERS[q]} par ligne\u00a0: {PISTES_QUADRANT_VIDE[q]}",
                continuous_update=True,
                layout=widgets.Layout(width="98%", height="8em"),
            )
            entete = widgets.HTML(
                f"<b style='color:{COULEURS_SWOT[q]}'>{LETTRES[q]}</b> <b>{TITRES[q]}</b> "
                f"<span style='color:#555'>(facteur {ORIGINE[q]}, {EFFET[q]})</span>"
            )
            case = widgets.VBox([entete, self.listes[q]], layout=widgets.Layout(width="100%"))
            # Une erreur qui nomme ce quadrant (« … des forces (forces) … ») s'affiche sous sa case.
            self.erreurs[q] = MessageDeChamp(case, f"({q})", efface_si_juste=True)
            case.children = [*case.children, self.erreurs[q]]
            cases.append(case)
        grille = widgets.GridBox(
            cases, layout=widgets.Layout(grid_template_columns="1fr 1fr", grid_gap="0.4em 1em", width="100%")
        )
        self.figure, self.elements = figure_swot(swot)
        self.graphique = ZoneGraphique(self.figure)
        self.tows = widgets.HTML()
        self.fichier = widgets.Text(
            value="mon-swot",
            description="Nom du fichier",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="22em"),
        )
        # Boutons à la largeur de leur texte : à la largeur par défaut, il est coupé au projecteur.
        largeur = widgets.Layout(width="auto")
        self.bouton_enregistrer = widgets.Button(description="Enregistrer", icon="save", layout=largeur)
        self.bouton_ouvrir = widgets.Button(description="Ouvrir", icon="folder-open", layout=largeur)
        self.bouton_markdown = widgets.Button(description="Voir en Markdown", layout=largeur)
        self.bouton_exporter_md = widgets.Button(description="Exporter .md", layout=largeur)
        self.bouton_exporter_png = widgets.Button(description="Exporter .png", layout=largeur)
        self.message_fichier = ZoneMessage()
        self.apercu = widgets.HTML()
        fichiers = widgets.HBox(
            [
                self.fichier,
                self.bouton_enregistrer,
                self.bouton_ouvrir,
                self.bouton_markdown,
                self.bouton_exporter_md,
                self.bouton_exporter_png,
            ],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        super().__init__(
            [
                self.entreprise,
                grille,
                self.graphique,
                self.message,
                self.tows,
                fichiers,
                self.message_fichier,
                self.apercu,
            ]
        )
        self.mise_a_jour = self.differer(self.actualiser, delai, mode="cadence")
        self.entreprise.observe(self._quand_frappe, names="value")
        for zone in self.listes.values():
            zone.observe(self._quand_frappe, names="value")
        self.bouton_enregistrer.on_click(lambda _b: self.enregistrer())
        self.bouton_ouvrir.on_click(lambda _b: self.ouvrir())
        self.bouton_markdown.on_click(lambda _b: self.afficher_markdown())
        self.bouton_exporter_md.on_click(lambda _b: self.exporter_markdown())
        self.bouton_exporter_png.on_click(lambda _b: self.exporter_png())
        self.mise_a_jour.executer()  # compte comme un dessin : la frappe qui suit de près attend

    # --- lecture et mise à jour ---------------------------------------------------------------

    def swot(self) -> Swot:
        """L'analyse telle qu'elle est saisie (une entrée par ligne non vide)."""
        return Swot(
            *(entrees_depuis_texte(self.listes[q].value) for q in QUADRANTS), entreprise=self.entreprise.value
        )

    def _quand_frappe(self, _changement=None) -> None:
        """Chaque frappe demande un nouveau dessin, au plus un tous les ``delai`` secondes.

        Si la matrice n'a pas été redessinée depuis ``delai``, elle l'est tout de suite ;
        sinon un seul dessin est programmé pour la fin de l'intervalle (sur la boucle
        d'événements du noyau, :class:`~coursekit.widgets.base.TravailDiffere`), et il lira
        le texte tel qu'il sera alors : aucune frappe n'est perdue, le noyau ne s'engorge pas.
        """
        if not self._chargement:
            self.mise_a_jour.demander()

    async def attendre(self) -> None:
        """Attend la fin du dessin programmé (utile aux tests, dans la boucle d'événements)."""
        await self.mise_a_jour.attendre()

    def actualiser(self, _changement=None) -> None:
        """Relit les quatre listes et met à jour la matrice, les pistes TOWS et la phrase."""
        ok, swot = self.calculer(self.swot)
        if not ok:
            return
        remplir_swot(self.elements, swot)
        with warnings.catch_warnings():
            # Un emoji tapé par l'élève n'existe pas dans la police des figures : il s'affiche
            # comme un carré dans l'image (le texte, lui, est gardé tel quel).
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            self.graphique.actualiser()
        self.tows.value = self._html_tows(swot)
        self._phrase(swot)

    def _phrase(self, swot: Swot) -> None:
        n = swot.nombre_entrees()
        bilan = (
            f"Votre SWOT compte {_pluriel(n['forces'], 'force')}, {_pluriel(n['faiblesses'], 'faiblesse')}, "
            f"{_pluriel(n['opportunites'], 'opportunité')} et {_pluriel(n['menaces'], 'menace')}."
        )
        if swot.est_vide():
            self.message.info(
                "Tapez une entrée par ligne dans chaque case\u00a0: la matrice et les pistes d'action se "
                "construisent au fur et à mesure.",
                gras="Pour commencer\u00a0:",
            )
            return
        conseils = swot.conseils()
        if conseils:
            suite = " ".join(conseils[:3])
            reste = len(conseils) - 3
            if reste > 0:
                suite += f" (et {_pluriel(reste, 'autre remarque')})"
            self.message.info(f"{bilan} {suite}", gras="Conseils\u00a0:")
        else:
            self.message.succes(
                f"{bilan} Les quatre cases sont remplies\u00a0: lisez les pistes croisées ci-dessous et "
                "choisissez celles qui nourriront votre mix marketing.",
                gras="Diagnostic complet.",
            )

    @staticmethod
    def _html_tows(swot: Swot) -> str:
        blocs = []
        for code, strategie in swot.tows(longueur_max=LONGUEUR_PISTE).items():
            if strategie.pistes:
                corps = "".join(f"<li>{html.escape(p)}</li>" for p in strategie.pistes)
            else:
                corps = f"<li style='color:#555;font-style:italic'>{html.escape(strategie.conseil)}</li>"
            blocs.append(
                f"<div style='margin:0.3em 0'><b>{code} — {html.escape(strategie.titre)}</b> "
                f"<span style='color:#555'>({html.escape(strategie.principe)})</span>"
                f"<ul style='margin:0.2em 0'>{corps}</ul></div>"
            )
        return (
            "<div class='coursekit-tows' style='font-size:1.05em;line-height:1.4'>"
            "<h4 style='margin:0.4em 0'>Pistes d'action croisées (matrice TOWS)</h4>"
            + "".join(blocs)
            + "</div>"
        )

    # --- fichiers -------------------------------------------------------------------------------

    def _fichier_protege(self, action):
        """Exécute une action sur fichier ; toute erreur devient une phrase française, rien n'est effacé."""
        try:
            return action()
        except ErreurSaisie as erreur:
            self.message_fichier.erreur(str(erreur))
        return None

    def _ecrire(self, extension: str, contenu: str | bytes, quoi: str, bouton: str) -> Path:
        if extension == ".json":
            chemin = self.carnet.enregistrer(self.fichier.value, contenu, bouton)
        else:
            chemin = self.carnet.exporter(self.fichier.value, extension, contenu, bouton)
        self.message_fichier.succes(f"{quoi} dans {nom_affiche(chemin)}.", gras="C'est fait.")
        return chemin

    def enregistrer(self) -> Path | None:
        """Écrit l'analyse dans ``mes-travaux/swot/`` ; rend le chemin, ou ``None`` en cas de problème.

        Un fichier du même nom que l'outil n'a ni ouvert ni écrit n'est remplacé qu'au second clic.
        """
        return self._fichier_protege(
            lambda: self._ecrire(".json", self.swot().vers_dict(), "Analyse enregistrée", "Enregistrer")
        )

    def ouvrir(self) -> bool:
        """Recharge une analyse enregistrée ; en cas de problème, ce qui est à l'écran reste intact."""

        def lire():
            conseil = "(enregistrez d'abord votre analyse avec le bouton « Enregistrer »)"
            travail = self.carnet.ouvrir(self.fichier.value, conseil)
            return travail, Swot.depuis_dict(travail.contenu)

        lu = self._fichier_protege(lire)
        if lu is None:
            return False
        travail, swot = lu
        self._chargement = True
        try:
            self.entreprise.value = swot.entreprise
            for q in QUADRANTS:
                self.listes[q].value = texte_depuis_entrees(swot.quadrant(q))
        finally:
            self._chargement = False
        self.actualiser()
        self.message_fichier.succes(self.carnet.annonce_ouverture(travail, "Analyse relue"), gras="Ouvert.")
        return True

    def afficher_markdown(self) -> str | None:
        """Montre le Markdown de l'analyse sous les boutons (texte échappé)."""
        ok, swot = self.calculer(self.swot)
        if not ok:
            return None
        texte = swot.vers_markdown()
        self.apercu.value = (
            "<pre style='white-space:pre-wrap;background:#f6f6f6;padding:0.6em;border-radius:6px'>"
            f"{html.escape(texte)}</pre>"
        )
        return texte

    def exporter_markdown(self) -> Path | None:
        """Écrit l'analyse et ses pistes TOWS en Markdown dans ``mes-travaux/swot/``."""
        return self._fichier_protege(
            lambda: self._ecrire(".md", self.swot().vers_markdown(), "Markdown exporté", "Exporter .md")
        )

    def exporter_png(self) -> Path | None:
        """Écrit l'image de la matrice dans ``mes-travaux/swot/``."""

        def ecrire():
            self.actualiser()
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Glyph .* missing from font")
                image = figure_en_png(self.figure, dpi=150)
            return self._ecrire(".png", image, "Image exportée", "Exporter .png")

        return self._fichier_protege(ecrire)


class GrilleConcurrent(Simulateur):
    """La grille d'observation d'un concurrent : cases à cocher, abonnés, interactions → bilan et jauge."""

    titre = "Grille d'observation d'un concurrent"

    def __init__(self):
        self.nom = widgets.Text(
            description="Concurrent",
            placeholder="son nom",
            style={"description_width": "15em"},
            layout=widgets.Layout(width="32em"),
        )
        reglages = textes("grille_observation")
        self.cases = {
            cle: widgets.Checkbox(value=True, description=texte, indent=False)
            for cle, texte in reglages["cases"].items()
        }
        self.abonnes = ChampNombre("Abonnés", nombre(reglages["abonnes"], 0), libelle="Le nombre d'abonnés")
        self.interactions = ChampNombre(
            "Interactions par publication",
            nombre(reglages["interactions"], 0),
            libelle="Le nombre d'interactions par publication",
        )
        self.figure, self.axes, self.barre, self.etiquette = figure_interaction(
            SEUIL_INTERACTION_FAIBLE, SEUIL_INTERACTION_FORT
        )
        self.graphique = ZoneGraphique(self.figure, layout=widgets.Layout(width="100%", max_width="700px"))
        super().__init__(
            [
                self.nom,
                widgets.GridBox(
                    list(self.cases.values()),
                    layout=widgets.Layout(grid_template_columns="repeat(3, auto)", grid_gap="0.2em 1.5em"),
                ),
                self.abonnes,
                self.interactions,
                self.graphique,
                self.message,
            ]
        )
        self.nom.observe(self.actualiser, names="value")
        for case in self.cases.values():
            case.observe(self.actualiser, names="value")
        self.abonnes.quand_change(self.actualiser)
        self.interactions.quand_change(self.actualiser)
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        ok, analyse = self.calculer(
            lambda: analyser_concurrent(
                self.nom.value,
                *(case.value for case in self.cases.values()),
                abonnes=self.abonnes.lire(),
                interactions=self.interactions.lire(),
            )
        )
        if not ok:
            return
        taux = analyse.taux_interaction
        self.barre.set_width(taux)
        self.axes.set_xlim(0, max(2 * SEUIL_INTERACTION_FORT, taux * 1.25))
        self.etiquette.set_position((taux, 0))
        self.etiquette.set_text(f" {pourcent(taux)}")
        self.graphique.actualiser()
        self.message.info(analyse.phrase())


# --- exercices ----------------------------------------------------------------------------------

OPTIONS_QUADRANTS = [(textes("exercice_classement")["a_classer"], None)] + [(TITRES[q], q) for q in QUADRANTS]


class ExerciceClassement(widgets.VBox):
    """Classer des constats en forces, faiblesses, opportunités ou menaces, avec la raison de chaque réponse."""

    def __init__(self, constats: tuple[Constat, ...] = CONSTATS_GRAINE_DE_VILLE):
        self.constats = constats
        self.choix = []
        self.retours = []
        lignes = []
        for rang, constat in enumerate(constats, start=1):
            choix = widgets.Dropdown(
                options=OPTIONS_QUADRANTS, value=None, layout=widgets.Layout(width="12em")
            )
            retour = ZoneMessage()
            # Le constat nomme sa liste déroulante pour un lecteur d'écran (CLASSE_NOMMEE).
            texte = widgets.HTML(
                f"<span class='coursekit-libelle' style='font-size:1.05em'>{rang}. "
                f"{html.escape(constat.texte)}</span>{NOMMER_COMMANDES}",
                layout=widgets.Layout(width="30em"),
            )
            self.choix.append(choix)
            self.retours.append(retour)
            ligne = widgets.HBox([texte, choix])
            ligne.add_class(CLASSE_NOMMEE)
            lignes.append(widgets.VBox([ligne, retour]))
        self.bouton = widgets.Button(description="Vérifier", button_style="primary")
        self.score = ZoneMessage()
        self.bouton.on_click(lambda _b: self.verifier())
        super().__init__([*lignes, self.bouton, self.score])
        self.add_class("coursekit-exercice")

    def verifier(self) -> list[Retour]:
        """Corrige chaque constat et affiche la raison sous chacun."""
        retours = corriger_classement([c.value for c in self.choix], self.constats)
        for zone, retour in zip(self.retours, retours, strict=True):
            (zone.succes if retour.juste else zone.erreur)(retour.explication, gras="")
        justes = sum(r.juste for r in retours)
        texte = f"{justes} bonne{'s' if justes > 1 else ''} réponse{'s' if justes > 1 else ''} sur {len(retours)}."
        consignes = textes("exercice_classement")
        if justes == len(retours):
            self.score.succes(f"{texte} {consignes['tout_juste']}", gras="Bravo\u00a0!")
        else:
            self.score.info(f"{texte} {consignes['conseil']}")
        return retours

    def __repr__(self) -> str:
        return f"Exercice\u00a0: classer {len(self.constats)} constats dans la matrice SWOT"


class ExerciceAudit(widgets.VBox):
    """Trois forces et trois faiblesses d'une boutique en ligne, avec un retour automatique."""

    def __init__(self):
        self.consignes = consignes = textes("exercice_audit")
        self.forces = widgets.Textarea(
            placeholder=consignes["consigne_forces"],
            layout=widgets.Layout(width="98%", height="6.5em"),
        )
        self.faiblesses = widgets.Textarea(
            placeholder=consignes["consigne_faiblesses"],
            layout=widgets.Layout(width="98%", height="6.5em"),
        )
        self.bouton = widgets.Button(description="Vérifier", button_style="primary")
        self.retour = widgets.HTML()
        self.message = ZoneMessage()
        self.bouton.on_click(lambda _b: self.verifier())
        cases = {
            cas: widgets.VBox([self._entete(cas), getattr(self, cas)]) for cas in ("forces", "faiblesses")
        }
        self.erreurs = {cas: MessageDeChamp(case, f"({cas})") for cas, case in cases.items()}
        for cas, case in cases.items():
            case.children = [*case.children, self.erreurs[cas]]
        grille = widgets.GridBox(
            list(cases.values()),
            layout=widgets.Layout(grid_template_columns="1fr 1fr", grid_gap="0.4em 1em", width="100%"),
        )
        super().__init__([grille, self.bouton, self.message, self.retour])
        self.add_class("coursekit-exercice")

    def _entete(self, cas: str) -> widgets.HTML:
        titre = html.escape(self.consignes[f"titre_{cas}"])
        return widgets.HTML(f"<b>{titre}</b> {html.escape(self.consignes[f'aide_{cas}'])}")

    def verifier(self) -> list[Retour] | None:
        """Corrige la saisie ; le texte tapé reste en place."""
        try:
            retours = corriger_audit(
                entrees_depuis_texte(self.forces.value), entrees_depuis_texte(self.faiblesses.value)
            )
        except ErreurSaisie as erreur:
            self.message.erreur(str(erreur))
            for message in self.erreurs.values():
                message.signaler(str(erreur) if message.designe(str(erreur)) else None)
            return None
        for message in self.erreurs.values():
            message.signaler(None)
        self.retour.value = html_retours(retours)
        if all(r.juste for r in retours):
            self.message.succes(self.consignes["bravo"], gras="Bravo\u00a0!")
        else:
            a_revoir = sum(not r.juste for r in retours)
            self.message.info(f"{_pluriel(a_revoir, 'point')} à revoir\u00a0: {self.consignes['a_revoir']}")
        return retours

    def __repr__(self) -> str:
        return "Exercice\u00a0: trois forces et trois faiblesses (exécutez le notebook pour répondre)"
