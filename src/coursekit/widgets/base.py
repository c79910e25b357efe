"""Pièces communes des simulateurs : curseurs à la française, champs, messages, graphique.

Règles suivies par tous les simulateurs du cours :

- un calculateur de ``coursekit`` fait le calcul, le widget ne fait que lire les
  curseurs, appeler ce calculateur et afficher le résultat ;
- une saisie impossible (:class:`~coursekit.ErreurSaisie`) s'affiche en français
  juste sous le champ fautif (:class:`ChampNombre` se vérifie lui-même) et dans la
  zone de message ; tant qu'elle n'est pas corrigée, le graphique et les chiffres
  sont estompés (classe ``coursekit-perime``) avec « Résultat à refaire » ; rien de
  ce que l'élève a tapé n'est effacé ;
- une sélection vide (:class:`SelectionVide` : aucun canal coché…) efface le
  graphique et dit en une phrase quoi faire ;
- le graphique est dessiné une fois puis mis à jour sur place (``set_height``,
  ``set_data``…), et envoyé au navigateur sous forme d'image ; pendant un glisser, seuls les
  éléments modifiés sont redessinés sur un fond gardé et l'image part en JPEG ; quand le geste
  s'arrête, c'est le PNG exact d'un dessin complet (:class:`ZoneGraphique`) ;
- un tableau sous le graphique s'écrit par :meth:`Simulateur.ecrire_a_la_cadence` : pendant un
  glisser, au plus deux fois par seconde, et toujours dans son dernier état ;
- les curseurs suivent la souris pendant qu'on les fait glisser
  (``continuous_update=True``) : le navigateur n'envoie qu'un changement à la fois et
  fusionne les suivants tant que le noyau dessine, et chaque dessin lit la valeur
  courante, donc l'état final est toujours celui de la position finale ;
- un travail différé (mise à jour pendant la frappe) passe par :class:`TravailDiffere`,
  sur la boucle d'événements du noyau : jamais de fil d'exécution qui dessine, et une
  erreur s'affiche dans la zone de message du simulateur ;
- la représentation texte du simulateur est stable (nbval la compare).
"""

from __future__ import annotations

import asyncio
import html
import re
import time
from collections.abc import Callable

import ipywidgets as widgets

from coursekit import format as fmt
from coursekit.erreurs import ErreurSaisie
from coursekit.graphiques.base import figure_en_png_rapide, toile_en_image
from coursekit.graphiques.calques import DessinParCalques
from coursekit.typographie import corriger
from coursekit.validation import nombre_saisi

STYLE_LIBELLE = {"description_width": "15em"}
LARGEUR_CURSEUR = "38em"
COLONNE_COMMANDES = "19em"
"""Largeur de base de la colonne des commandes d'un simulateur (elle peut grandir)."""
COLONNE_RESULTAT = "28em"
"""Largeur de base de la colonne du résultat (graphique et phrase) ; elle prend la place qui reste."""
HAUTEUR_RESULTAT = "calc(100vh - 4.5em)"
"""Hauteur maximale de la colonne du résultat : l'écran, moins le titre du simulateur."""


CLASSE_NOMMEE = "coursekit-nomme"
"""Classe CSS d'une boîte dont le libellé (``.coursekit-libelle``) nomme la commande pour les
lecteurs d'écran (curseur, champ, liste déroulante, zone de texte qu'elle contient)."""

# Le curseur d'ipywidgets 8 (noUiSlider) n'a pas de nom accessible sans ``description``, et la
# ``description`` s'affiche à gauche, coupée. Le libellé visible reste donc au-dessus, et ce petit
# script relie chaque commande d'une boîte .coursekit-nomme à son libellé (aria-labelledby, le
# motif recommandé par WAI-ARIA quand un libellé est visible). Il est porté par le libellé lui-même
# (« onload » d'une feuille de style, qui s'exécute aussi quand un notebook rouvert rejoue l'état
# enregistré des widgets), installé une fois par page, et suit les vues créées ensuite.
_SCRIPT_NOMS = (
    "if(!window.coursekitNoms){var n=0,prevu=0,nommer=function(){prevu=0;"
    "document.querySelectorAll('.coursekit-nomme').forEach(function(b){"
    "var l=b.querySelector('.coursekit-libelle');if(!l)return;"
    "if(!l.id)l.id='coursekit-libelle-'+(++n);"
    "b.querySelectorAll('.noUi-handle,input,textarea,select').forEach(function(c){"
    "if(c.getAttribute('aria-labelledby')!==l.id)c.setAttribute('aria-labelledby',l.id)})})};"
    "window.coursekitNoms=new MutationObserver(function(){"
    "if(!prevu){prevu=1;requestAnimationFrame(nommer)}});"
    "window.coursekitNoms.observe(document.body,{childList:true,subtree:true});nommer()}"
)
NOMMER_COMMANDES = f'<style onload="{_SCRIPT_NOMS}"></style>'
"""HTML qui installe (une fois par page) le lien entre libellés et commandes des boîtes
:data:`CLASSE_NOMMEE` ; à mettre dans le libellé."""


def _libelle(texte: str, classe: str) -> widgets.HTML:
    """Libellé au-dessus de sa commande, qui passe à la ligne au lieu d'être coupé (« … »).

    C'est aussi le nom de la commande pour un lecteur d'écran (voir :data:`CLASSE_NOMMEE`) :
    la boîte qui contient le libellé et la commande reçoit cette classe."""
    libelle = widgets.HTML(
        f"<span class='coursekit-libelle'>{html.escape(typographie(texte))}</span>{NOMMER_COMMANDES}",
        layout=widgets.Layout(width="100%", margin="0.3em 0 0 0"),
    )
    libelle.add_class(classe)
    return libelle


CLASSE_PERIME = "coursekit-perime"
"""Classe CSS des sorties (graphique, cartes, tableau) qui ne correspondent plus à la saisie."""

CLASSE_CHAMP_FAUX = "coursekit-champ-faux"
"""Classe CSS d'un champ dont le texte ne se calcule pas."""

TEXTE_PERIME = "Résultat à refaire\u00a0: corrigez la saisie"

STYLE_MESSAGES = (
    "<style>"
    f".{CLASSE_PERIME} {{ opacity: 0.35 !important; filter: grayscale(0.7); transition: opacity 0.2s; }}"
    f".{CLASSE_CHAMP_FAUX} input, .{CLASSE_CHAMP_FAUX} textarea"
    " { border: 2px solid #a33a00 !important; background: #fdeee6 !important; }"
    "</style>"
)
"""Feuille de style des saisies à corriger : envoyée par chaque simulateur (dans son
bandeau « Résultat à refaire »), elle marche dans Voilà comme dans JupyterLab."""


class SelectionVide(ErreurSaisie):
    """Rien n'est coché ou choisi : le simulateur efface son graphique et affiche la phrase
    (qui dit quoi faire, par exemple « Cochez au moins un canal… »).

    >>> issubclass(SelectionVide, ErreurSaisie)
    True
    """


def typographie(texte: str) -> str:
    """Espaces insécables à la française (avant ``: ; ? !``, dans « », avant % et €) et signe moins.

    Ainsi « » » ou « : » ne se retrouvent jamais seuls en début de ligne au projecteur.
    Une seule règle pour tout le cours : :func:`coursekit.typographie.corriger`.

    >>> typographie("Bravo ! « Audit » : fait ; ok ?") == "Bravo\xa0! «\xa0Audit\xa0»\xa0: fait\xa0; ok\xa0?"
    True
    """
    return corriger(texte)


class ZoneMessage(widgets.HTML):
    """Phrase d'interprétation ou message d'erreur, toujours échappée."""

    def _ecrire(self, texte: str, genre: str, gras: str = "") -> None:
        couleurs = {"info": "#1d3557", "succes": "#00664a", "erreur": "#a33a00"}
        fonds = {"info": "#eef4fb", "succes": "#e6f5ef", "erreur": "#fdeee6"}
        prefixe = f"<strong>{html.escape(typographie(gras))}</strong> " if gras else ""
        texte = typographie(texte)
        self.value = (
            f'<div class="coursekit-message coursekit-{genre}" style="color:{couleurs[genre]};'
            f"background:{fonds[genre]};padding:0.5em 0.8em;border-radius:6px;"
            f'border-left:5px solid {couleurs[genre]};font-size:1.1em;line-height:1.4">'
            f"{prefixe}{html.escape(texte)}</div>"
        )

    def info(self, texte: str, gras: str = "") -> None:
        """Affiche une phrase d'interprétation neutre."""
        self._ecrire(texte, "info", gras)

    def succes(self, texte: str, gras: str = "") -> None:
        """Affiche une réussite (objectif atteint, bonne réponse)."""
        self._ecrire(texte, "succes", gras)

    def erreur(self, texte: str, gras: str = "À corriger :") -> None:
        """Affiche une saisie à corriger, en français."""
        self._ecrire(texte, "erreur", gras)

    @property
    def texte(self) -> str:
        """Le texte tel qu'écrit par le simulateur, sans balises ni les espaces insécables
        ajoutées par :func:`typographie` (pratique pour les tests)."""
        brut = html.unescape(re.sub(r"<[^>]+>", "", self.value)).strip()
        return re.sub(r"\xa0([:;?!»])", r" \1", brut).replace("«\xa0", "« ")


DELAI_FINITION = 0.1
"""Pause (s) après le dernier dessin rapide avant de vérifier la mise en page du graphique."""


class ZoneGraphique(widgets.Image):
    """Image PNG d'une figure matplotlib, rafraîchie sur place par :meth:`actualiser`.

    Dans le noyau (boucle d'événements en marche), un geste redessine la figure sans
    refaire la mise en page automatique (les axes restent à leur place : deux fois moins
    de temps) ; pendant un glisser, seuls les éléments modifiés sont redessinés sur le fond
    gardé (:class:`~coursekit.graphiques.calques.DessinParCalques`) et l'image part en JPEG
    (encodée en ~1 ms). Quand les gestes s'arrêtent (:data:`DELAI_FINITION`), un dessin
    complet (mise en page recalculée) est envoyé en PNG s'il diffère de la dernière image :
    l'image finale est toujours le PNG exact de l'état final. Sans boucle (tests, scripts),
    chaque dessin est complet, en PNG.
    """

    def __init__(self, figure, **kwargs):
        kwargs.setdefault("format", "png")
        kwargs.setdefault("layout", widgets.Layout(width="100%", max_width="860px"))
        super().__init__(**kwargs)
        self.figure = figure
        self.simulateur: Simulateur | None = None  # renseigné par le simulateur qui l'affiche
        self._finition = TravailDiffere(self, self._finir, DELAI_FINITION)
        self._calques = DessinParCalques(figure)
        self._dessinee = False
        self._vide = None  # texte affiché à la place des axes quand la sélection est vide
        self.actualiser()

    @property
    def vide(self) -> bool:
        """Vrai quand le graphique est effacé (sélection vide)."""
        return self._vide is not None

    def vider(self, phrase: str = "") -> None:
        """Efface le graphique (plus aucun axe ni barre) et écrit ``phrase`` à la place.

        Le prochain :meth:`actualiser` rend les axes : le simulateur redessine comme d'habitude."""
        if self._vide is None:
            self._axes_caches = [axes for axes in self.figure.axes if axes.get_visible()]
        else:
            self._vide.remove()
        for axes in self._axes_caches:
            axes.set_visible(False)
        self._vide = self.figure.text(
            0.5, 0.5, typographie(phrase), ha="center", va="center", wrap=True, color="#1d3557"
        )
        self._finition.annuler()
        self._calques.oublier()
        self._envoyer(figure_en_png_rapide(self.figure), "png")

    def _rendre_axes(self) -> None:
        if self._vide is not None:
            self._vide.remove()
            self._vide = None
            for axes in self._axes_caches:
                axes.set_visible(True)
            self._dessinee = False  # mise en page complète au retour des axes

    @property
    def message(self) -> ZoneMessage:
        """La zone de message du simulateur (les erreurs de la finition y vont)."""
        if self.simulateur is not None:
            return self.simulateur.message
        try:
            return self._message_seul
        except AttributeError:
            self._message_seul = ZoneMessage()
            return self._message_seul

    def actualiser(self) -> None:
        """Redessine la figure (après modification de ses éléments) et l'envoie.

        Dans le noyau, le premier geste après une pause est envoyé en PNG, à l'échelle demandée :
        par calques sur le fond préparé à la fin du geste précédent si les limites n'ont pas
        changé, sinon par un dessin à mise en page figée. Les suivants, tant qu'ils se suivent à
        moins de :data:`DELAI_FINITION`, sont dessinés par calques (échelle du geste gardée) et
        envoyés en JPEG. C'est ce temps que le professeur attend à chaque geste."""
        self._rendre_axes()
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            rapide = False
        else:
            rapide = self._dessinee and self.figure.dpi == 100
        if rapide:
            en_geste = self._finition.en_attente
            toile = self._calques.dessiner(garder_echelle=en_geste)
            self._envoyer(toile_en_image(toile, "jpeg" if en_geste else "png"), "jpeg" if en_geste else "png")
            self._finition.demander()
        else:
            self._calques.oublier()
            self._envoyer(figure_en_png_rapide(self.figure), "png")
        self._dessinee = True

    def _envoyer(self, image: bytes, format_image: str) -> None:
        # Un seul message au navigateur pour l'image et son format.
        with self.hold_sync():
            self.format = format_image
            self.value = image

    def _finir(self) -> None:
        # Un dessin complet (mise en page refaite, titres compris) quand les gestes s'arrêtent :
        # l'image finale est toujours le PNG exact de l'état final.
        image = figure_en_png_rapide(self.figure)
        if self.format != "png" or image != bytes(self.value):
            self._envoyer(image, "png")
        # Le fond du prochain geste, pendant que le professeur regarde : une touche → qui ne change
        # que les mêmes éléments, à la même échelle, sera dessinée par calques.
        self._calques.preparer()

    def __repr__(self) -> str:
        return "Graphique"


class MessageDeChamp(ZoneMessage):
    """Message d'une saisie à corriger, juste sous son champ : caché tant que tout va bien.

    Quand il s'affiche, la boîte du champ (``boite``) reçoit :data:`CLASSE_CHAMP_FAUX` (bordure
    rouge du champ) ; le texte tapé ne bouge jamais. ``noms`` : les mots par lesquels un message
    d'erreur désigne ce champ (son libellé, ou le nom du paramètre entre parenthèses, ``(forces)``) ;
    :meth:`Simulateur.signaler` s'en sert pour mettre l'erreur d'un calculateur sous le bon champ.
    ``efface_si_juste`` : le message disparaît dès que le calcul du simulateur réussit (pour un
    champ qui ne se vérifie pas lui-même, comme une zone de texte sur plusieurs lignes).

    >>> zone = widgets.Textarea()
    >>> boite = widgets.VBox([zone])
    >>> message = MessageDeChamp(boite, "(forces)")
    >>> message.signaler("L'entrée n° 2 des forces (forces) doit être un texte.")
    >>> message.affiche, CLASSE_CHAMP_FAUX in boite._dom_classes
    (True, True)
    >>> message.signaler(None)
    >>> message.affiche, message.value
    (False, '')
    """

    def __init__(self, boite: widgets.DOMWidget, *noms: str, efface_si_juste: bool = False):
        # Toute la largeur : le message passe à la ligne, juste sous le champ.
        super().__init__(layout=widgets.Layout(width="100%", display="none"))
        self.add_class("coursekit-message-champ")
        self.boite = boite
        self.noms = tuple(n.casefold() for n in noms if n)
        self.efface_si_juste = efface_si_juste

    @property
    def affiche(self) -> bool:
        """Vrai quand le message est affiché."""
        return self.layout.display != "none"

    def designe(self, texte: str) -> bool:
        """Vrai si le message d'erreur ``texte`` nomme ce champ."""
        texte = texte.casefold()
        return any(nom in texte for nom in self.noms)

    def signaler(self, texte: str | None) -> None:
        """Affiche ``texte`` sous le champ (``None`` : efface le message) ; le texte tapé ne bouge pas."""
        if texte is None:
            self.value = ""
            self.layout.display = "none"
            self.boite.remove_class(CLASSE_CHAMP_FAUX)
        else:
            self.erreur(texte)
            self.layout.display = None
            self.boite.add_class(CLASSE_CHAMP_FAUX)


class Curseur(widgets.HBox):
    """Curseur dont la valeur s'affiche à la française à côté (``1 500 €``, ``2,5 %``).

    Le curseur d'ipywidgets affiche ses valeurs à l'anglaise (``2.5``) : on cache
    son affichage et on met le nôtre. ``curseur.value`` lit et règle la valeur.
    """

    def __init__(
        self,
        description: str,
        minimum: float,
        maximum: float,
        pas: float,
        valeur: float,
        formater: Callable[[float], str] = fmt.nombre,
        entier: bool = False,
    ):
        classe = widgets.IntSlider if entier else widgets.FloatSlider
        self.description = description
        # Le libellé est au-dessus du curseur, sur toute la largeur : il passe à la ligne au
        # lieu d'être coupé, et le curseur prend la largeur de la colonne des commandes.
        self.libelle = _libelle(description, "coursekit-libelle-curseur")
        self.curseur = classe(
            value=valeur,
            min=minimum,
            max=maximum,
            step=pas,
            readout=False,
            continuous_update=True,
            layout=widgets.Layout(flex="1 1 10em", width="auto", min_width="8em", max_width=LARGEUR_CURSEUR),
        )
        self._formater = formater
        self.lecture = widgets.Label(formater(valeur), layout=widgets.Layout(min_width="6em", width="auto"))
        self.lecture.add_class("coursekit-lecture")
        self.curseur.observe(self._afficher, names="value")
        super().__init__(
            [self.libelle, self.curseur, self.lecture],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center", width="100%"),
        )
        self.add_class("coursekit-curseur")
        self.add_class(CLASSE_NOMMEE)

    def _afficher(self, _change=None) -> None:
        self.lecture.value = self._formater(self.curseur.value)

    @property
    def value(self) -> float:
        return self.curseur.value

    @value.setter
    def value(self, valeur: float) -> None:
        self.curseur.value = valeur

    def quand_change(self, fonction: Callable) -> None:
        """Appelle ``fonction`` à chaque changement de valeur."""
        self.curseur.observe(fonction, names="value")

    def __repr__(self) -> str:
        return f"Curseur « {self.description} »"


class ChampNombre(widgets.HBox):
    """Champ texte où l'élève tape un nombre à la française (``1 500``, ``12,5``).

    Le texte tapé reste tel quel, même faux : :meth:`lire` rend le nombre ou lève
    :class:`~coursekit.ErreurSaisie` avec une phrase qui dit quoi corriger. Cette
    phrase s'affiche aussi juste sous le champ (:attr:`erreur`), là où l'élève
    regarde, et disparaît dès que le texte est juste.

    Un champ de montant (unité : le symbole de la devise, ``€`` ou ``DH``…) montre sa
    valeur de départ dans la devise du cours et :meth:`lire` la rend en euros de
    référence, ceux des calculateurs (:func:`coursekit.format.vers_reference`).
    """

    def __init__(self, description: str, valeur: str = "", libelle: str | None = None, unite: str = ""):
        self.monnaie = unite.split(" ")[0] == fmt.symbole_devise() and fmt.taux() != 1
        if self.monnaie and valeur:
            valeur = fmt.nombre(fmt.prix_naturel(nombre_saisi(valeur, libelle or description)), 2)
        self.description = description
        self.champ = widgets.Text(
            value=valeur,
            continuous_update=False,
            layout=widgets.Layout(flex="0 1 12em", width="auto", min_width="6em"),
        )
        self.libelle = libelle or description
        entete = _libelle(description, "coursekit-libelle-champ")
        self.erreur = MessageDeChamp(self, self.libelle)
        children = [entete, self.champ] + ([widgets.Label(unite)] if unite else []) + [self.erreur]
        super().__init__(
            children, layout=widgets.Layout(flex_flow="row wrap", align_items="center", width="100%")
        )
        self.add_class("coursekit-champ-nombre")
        self.add_class(CLASSE_NOMMEE)
        self.champ.observe(self._verifier, names="value")
        self._verifier()

    @property
    def value(self) -> str:
        return self.champ.value

    @value.setter
    def value(self, texte: str) -> None:
        self.champ.value = texte

    @property
    def en_erreur(self) -> bool:
        """Vrai quand le message du champ est affiché."""
        return self.erreur.affiche

    def signaler(self, texte: str | None) -> None:
        """Affiche ``texte`` sous le champ (``None`` : efface le message) ; le texte tapé ne bouge pas."""
        self.erreur.signaler(texte)

    def _verifier(self, _changement=None) -> None:
        if not self.champ.value.strip():
            self.signaler(None)  # un champ vide n'est faux que si le simulateur en a besoin (lire)
            return
        try:
            nombre_saisi(self.champ.value, self.libelle)
        except ErreurSaisie as erreur:
            self.signaler(str(erreur))
        else:
            self.signaler(None)

    def lire(self, controle: Callable[[float], float] | None = None) -> float:
        """Le nombre tapé (en euros de référence pour un montant), ou une
        :class:`~coursekit.ErreurSaisie` en français, montrée sous le champ.

        ``controle`` (facultatif) vérifie le nombre lu, par exemple
        ``lambda x: validation.strictement_positif(x, "Le budget")`` : son message
        s'affiche lui aussi sous le champ."""
        try:
            valeur = nombre_saisi(self.champ.value, self.libelle)
            if controle is not None:
                valeur = controle(valeur)
        except ErreurSaisie as erreur:
            self.signaler(str(erreur))
            raise
        self.signaler(None)
        return fmt.vers_reference(valeur) if self.monnaie else valeur

    def quand_change(self, fonction: Callable) -> None:
        """Appelle ``fonction`` quand l'élève valide sa saisie (Entrée ou clic ailleurs)."""
        self.champ.observe(fonction, names="value")

    def __repr__(self) -> str:
        return f"Champ « {self.description} »"


def disposer(enfants: list, message: ZoneMessage) -> list:
    """Range les enfants d'un simulateur pour qu'au projecteur tout tienne à l'écran.

    Quand le simulateur a un graphique (:class:`ZoneGraphique`) parmi ses enfants directs :
    les commandes placées avant lui forment une colonne, le graphique et la phrase
    (``message``) une autre, côte à côte s'il y a la place, l'une sous l'autre sur un écran
    étroit (rangée flexible qui passe à la ligne). Ce qui vient après le graphique (cartes,
    tableau, fichiers) suit, sur toute la largeur. Sans graphique, rien ne change.
    """
    graphiques = [e for e in enfants if isinstance(e, ZoneGraphique)]
    if not graphiques:
        return enfants
    rang = enfants.index(graphiques[0])
    commandes = [e for e in enfants[:rang] if e is not message]
    suite = [e for e in enfants[rang + 1 :] if e is not message]
    if not commandes:
        return [graphiques[0], message, *suite]
    colonne_commandes = widgets.VBox(
        commandes,
        layout=widgets.Layout(flex=f"1 1 {COLONNE_COMMANDES}", min_width=f"min({COLONNE_COMMANDES}, 100%)"),
    )
    colonne_commandes.add_class("coursekit-commandes")
    # La colonne du résultat ne dépasse pas la hauteur de l'écran (moins le titre) : le graphique
    # rétrécit (sans se déformer) pour laisser la phrase visible sous lui.
    graphique = graphiques[0]
    graphique.layout.flex = "0 1 auto"
    graphique.layout.min_height = "8em"
    graphique.layout.object_fit = "contain"
    graphique.layout.object_position = "center top"
    message.layout.flex = "0 0 auto"
    colonne_resultat = widgets.VBox(
        [graphique, message],
        layout=widgets.Layout(
            flex=f"3 1 {COLONNE_RESULTAT}",
            min_width=f"min({COLONNE_RESULTAT}, 100%)",
            max_height=HAUTEUR_RESULTAT,
        ),
    )
    colonne_resultat.add_class("coursekit-resultat")
    corps = widgets.HBox(
        [colonne_commandes, colonne_resultat],
        layout=widgets.Layout(
            flex_flow="row wrap", align_items="flex-start", grid_gap="0.5em 1.5em", width="100%"
        ),
    )
    corps.add_class("coursekit-colonnes")
    return [corps, *suite]


NOTE_REOUVERTURE = (
    "{quoi} montre son dernier état enregistré, mais ne répond plus : pour {action}, "
    "réexécutez le notebook (menu Exécution → Exécuter toutes les cellules)."
)


def note_reouverture(quoi: str = "Ce simulateur", action: str = "le faire bouger") -> str:
    """HTML d'une phrase cachée tant que le widget est relié au noyau.

    Un notebook enregistré garde l'état de ses widgets (réglage ``saveState`` du cours) : rouvert
    après l'arrêt du noyau, il montre le dernier état, et le gestionnaire de widgets marque alors
    chaque vue de la classe ``jupyter-widgets-disconnected``. La phrase n'apparaît qu'à ce moment-là :
    le style voyage avec l'état enregistré, sans JavaScript ni extension. L'icône de lien rompu
    qu'ipywidgets met alors devant chaque élément est retirée : la phrase dit la même chose.

    >>> "Ce quiz montre son dernier état" in note_reouverture("Ce quiz", "répondre")
    True
    """
    phrase = typographie(NOTE_REOUVERTURE.format(quoi=quoi, action=action))
    return (
        "<style>.coursekit-reouverture{display:none}"
        ".jupyter-widgets-disconnected .coursekit-reouverture{display:block;margin:0.2em 0;"
        "padding:0.3em 0.6em;border-left:4px solid #b35900;background:#fff4e5;color:#3d2600}"
        ".coursekit-reouvrable.jupyter-widgets-disconnected::before,"
        ".coursekit-reouvrable .jupyter-widgets-disconnected::before{content:none}</style>"
        f"<p class='coursekit-reouverture'>{html.escape(phrase, quote=False)}</p>"
    )


CADENCE_TABLEAUX = 0.5
"""Pendant un glisser, intervalle minimal (s) entre deux écritures d'un tableau (voir
:meth:`Simulateur.ecrire_a_la_cadence`)."""


class Simulateur(widgets.VBox):
    """Base des simulateurs : titre, zone de message et calcul protégé.

    Une sous-classe construit ses widgets, appelle ``super().__init__(enfants)``
    puis écrit :meth:`actualiser`, qui lit les valeurs et met à jour le
    graphique et la phrase. Dans :meth:`actualiser`, une
    :class:`~coursekit.ErreurSaisie` levée par un calculateur est attrapée par
    :meth:`calculer` et affichée dans ``self.message``.
    """

    titre = "Simulateur"
    sorties: tuple[str, ...] = ()
    """Noms des attributs qui affichent des chiffres (cartes, tableau…) : estompés avec le
    graphique quand une saisie est à corriger, cachés quand la sélection est vide."""

    def __init__(self, enfants, **kwargs):
        enfants = list(enfants)
        if self.message not in enfants:
            enfants.append(self.message)
        entete = widgets.HTML(
            f"<h3 style='margin:0.2em 0'>{html.escape(typographie(self.titre))}</h3>{note_reouverture()}"
        )
        super().__init__([entete, *disposer(enfants, self.message)], **kwargs)
        self.add_class("coursekit-simulateur")
        self.add_class("coursekit-reouvrable")
        self.graphiques: list[ZoneGraphique] = []
        self.champs_nombre: list[ChampNombre] = []
        self.messages_champs: list[MessageDeChamp] = []
        a_voir = list(enfants)
        while a_voir:
            enfant = a_voir.pop()
            if isinstance(enfant, ChampNombre):
                self.champs_nombre.append(enfant)
            if isinstance(enfant, MessageDeChamp):
                self.messages_champs.append(enfant)
            if isinstance(enfant, ZoneGraphique):
                self.graphiques.append(enfant)
                if enfant.simulateur is None:
                    enfant.simulateur = self
            a_voir.extend(getattr(enfant, "children", ()))
        self._placer_bandeau()

    @property
    def message(self) -> ZoneMessage:
        """La zone de la phrase d'interprétation ou du message d'erreur (créée à la demande,
        utilisable avant ``super().__init__``) ; ajoutée en bas si l'enfant ne la place pas."""
        try:
            return self._zone_message
        except AttributeError:
            self._zone_message = ZoneMessage()
            return self._zone_message

    @property
    def bandeau(self) -> widgets.HTML:
        """« Résultat à refaire : corrigez la saisie », juste au-dessus du graphique, visible
        seulement quand une saisie est à corriger ; porte aussi la feuille de style des erreurs."""
        try:
            return self._bandeau
        except AttributeError:
            self._bandeau = widgets.HTML(
                STYLE_MESSAGES
                + "<div style='display:inline-block;color:#a33a00;background:#fdeee6;font-weight:bold;"
                "padding:0.2em 0.7em;border:2px dashed #a33a00;border-radius:6px'>"
                f"{html.escape(typographie(TEXTE_PERIME))}</div>",
                layout=widgets.Layout(display="none"),
            )
            self._bandeau.add_class("coursekit-bandeau-perime")
            return self._bandeau

    def _placer_bandeau(self) -> None:
        """Met le bandeau juste avant le premier graphique (dans la même boîte), sinon sous le titre."""
        if self.graphiques:
            cible = self.graphiques[0]
            a_voir = [self]
            while a_voir:
                boite = a_voir.pop()
                enfants = list(getattr(boite, "children", ()))
                if cible in enfants:
                    enfants.insert(enfants.index(cible), self.bandeau)
                    boite.children = enfants
                    return
                a_voir.extend(enfants)
        entete, *reste = self.children
        self.children = [entete, self.bandeau, *reste]

    def _widgets_sorties(self) -> list[widgets.DOMWidget]:
        autres = [getattr(self, nom) for nom in self.sorties if hasattr(self, nom)]
        return [*self.graphiques, *autres]

    @property
    def perime(self) -> bool:
        """Vrai tant que le graphique et les chiffres ne correspondent plus à la saisie."""
        return self.bandeau.layout.display != "none"

    def marquer_perime(self, perime: bool = True) -> None:
        """Estompe (ou rend nets) le graphique et les chiffres, et montre (ou cache) le bandeau."""
        for sortie in self._widgets_sorties():
            (sortie.add_class if perime else sortie.remove_class)(CLASSE_PERIME)
        self.bandeau.layout.display = None if perime else "none"

    def selection_vide(self, phrase: str) -> None:
        """Sélection vide : graphique effacé, chiffres cachés, ``phrase`` dit quoi faire."""
        self.marquer_perime(False)
        for graphique in self.graphiques:
            graphique.vider(phrase)
        for sortie in self._widgets_sorties():
            if not isinstance(sortie, ZoneGraphique) and sortie.layout.display != "none":
                sortie.layout.display = "none"
                self._caches.append(sortie)
        self.message.info(phrase)

    @property
    def _caches(self) -> list:
        try:
            return self._sorties_cachees
        except AttributeError:
            self._sorties_cachees = []
            return self._sorties_cachees

    def signaler(self, erreur: ErreurSaisie, perime: bool = True) -> None:
        """Montre une saisie impossible : phrase dans :attr:`message`, sorties estompées
        (ou effacées pour une :class:`SelectionVide`). Le champ fautif a déjà son message.

        ``perime=False`` : la saisie fautive ne change pas le résultat affiché (un montant
        pour la prochaine opération, par exemple), qui reste net."""
        if isinstance(erreur, SelectionVide):
            self.selection_vide(str(erreur))
            return
        self.message.erreur(str(erreur))
        if perime:
            self.marquer_perime(True)
        # Un calculateur qui refuse une valeur la nomme (libellé du champ, ou nom du paramètre) :
        # le message va aussi sous ce champ (sauf un champ chiffré qui montre déjà le sien).
        texte = str(erreur)
        for message in self.messages_champs:
            if message.designe(texte):
                if message.efface_si_juste or not message.affiche:
                    message.signaler(texte)
            elif message.efface_si_juste:
                message.signaler(None)  # ce champ-là a été corrigé

    def _resultat_a_jour(self) -> None:
        self.marquer_perime(False)
        for message in self.messages_champs:
            if message.efface_si_juste and message.affiche:
                message.signaler(None)
        while self._caches:
            self._caches.pop().layout.display = None

    def calculer(self, fonction: Callable[[], object], perime: bool = True) -> tuple[bool, object]:
        """Exécute ``fonction`` ; rend ``(True, résultat)`` ou ``(False, None)`` après
        avoir affiché le message d'une saisie impossible (:meth:`signaler`).

        Un calcul réussi rend le graphique et les chiffres nets : le simulateur les redessine.
        ``perime=False`` : un contrôle qui ne touche pas au résultat affiché (ni estompé, ni rendu net)."""
        try:
            resultat = fonction()
        except ErreurSaisie as erreur:
            self.signaler(erreur, perime=perime)
            return False, None
        if perime:
            self._resultat_a_jour()
        return True, resultat

    def ecrire_a_la_cadence(self, sortie: widgets.HTML, texte: Callable[[], str]) -> None:
        """Écrit ``texte()`` dans ``sortie`` (un tableau sous le graphique) : tout de suite, ou
        pendant un glisser au plus une fois toutes les :data:`CADENCE_TABLEAUX` secondes.

        Le graphique et la phrase suivent le curseur à chaque image ; le tableau, plus long à
        écrire et lu une fois le geste fini, suit à son rythme. Le dernier état est toujours écrit."""
        try:
            travail = self._travail_tableaux
        except AttributeError:
            travail = self._travail_tableaux = self.differer(
                self._ecrire_tableaux, CADENCE_TABLEAUX, "cadence"
            )
            self._tableaux_a_ecrire: dict = {}
        self._tableaux_a_ecrire[id(sortie)] = (sortie, texte)
        travail.demander()

    def _ecrire_tableaux(self) -> None:
        while self._tableaux_a_ecrire:
            _cle, (sortie, texte) = self._tableaux_a_ecrire.popitem()
            sortie.value = texte()

    def differer(self, fonction: Callable[[], object], delai: float, mode: str = "pause") -> TravailDiffere:
        """Un :class:`TravailDiffere` qui exécute ``fonction`` pour ce simulateur
        (ses erreurs s'affichent dans :attr:`message`)."""
        return TravailDiffere(self, fonction, delai, mode)

    def __repr__(self) -> str:
        return f"{self.titre} (simulateur interactif : exécutez le notebook pour l'utiliser)"


MESSAGE_ERREUR_DIFFEREE = (
    "la mise à jour n'a pas pu se faire ({erreur}). Modifiez une valeur pour réessayer ; "
    "si le message revient, signalez-le au professeur."
)


class TravailDiffere:
    """Un travail remis à plus tard sur la boucle d'événements du noyau (asyncio / tornado).

    Sert aux saisies de texte : on ne redessine pas à chaque lettre. Deux façons :

    - ``mode="pause"`` : le travail part ``delai`` secondes après la **dernière** demande
      (l'élève fait une pause dans sa frappe) ;
    - ``mode="cadence"`` : au plus un travail tous les ``delai`` secondes, comptées depuis la
      fin du précédent ; une demande arrivée tôt est faite tout de suite, les suivantes
      sont regroupées en un seul travail à la fin de l'intervalle.

    Le travail lit toujours l'état du moment où il s'exécute : aucune frappe n'est
    perdue, et un seul travail est en attente à la fois. Il s'exécute dans le fil
    principal du noyau, entre deux messages du navigateur, jamais en même temps qu'un
    autre dessin. Une :class:`~coursekit.ErreurSaisie` ou toute autre exception levée
    par le travail s'affiche en français dans ``simulateur.message`` (et reste dans
    :attr:`derniere_erreur`), au lieu d'être perdue hors de toute cellule.

    Sans boucle d'événements en marche (script Python, test sans boucle), ou avec
    ``delai <= 0``, le travail est fait tout de suite. ``simulateur`` est un
    :class:`Simulateur` (ou tout objet qui a une zone ``message``).
    """

    def __init__(
        self, simulateur: Simulateur, fonction: Callable[[], object], delai: float, mode: str = "pause"
    ):
        if mode not in {"pause", "cadence"}:
            raise ValueError(f"mode inconnu : {mode!r} (« pause » ou « cadence »)")
        self.simulateur = simulateur
        self.fonction = fonction
        self.delai = delai
        self.mode = mode
        self.derniere_erreur: BaseException | None = None
        self._rappel: asyncio.TimerHandle | None = None
        self._dernier = float("-inf")

    @property
    def en_attente(self) -> bool:
        """Vrai si un travail est programmé et pas encore fait."""
        return self._rappel is not None

    def demander(self) -> None:
        """Demande le travail (à chaque frappe) ; il sera fait selon le mode."""
        try:
            boucle = asyncio.get_running_loop()
        except RuntimeError:
            boucle = None
        if boucle is None or self.delai <= 0:
            self.annuler()
            self.executer()
            return
        if self.mode == "pause":
            self.annuler()
            self._rappel = boucle.call_later(self.delai, self._echeance)
            return
        if self._rappel is not None:
            return  # déjà programmé : il lira l'état de ce moment-là
        attente = self._dernier + self.delai - time.monotonic()
        if attente <= 0:
            self.executer()
        else:
            self._rappel = boucle.call_later(attente, self._echeance)

    def annuler(self) -> None:
        """Oublie le travail programmé (s'il y en a un)."""
        if self._rappel is not None:
            self._rappel.cancel()
            self._rappel = None

    def _echeance(self) -> None:
        self._rappel = None
        self.executer()

    def executer(self) -> None:
        """Fait le travail maintenant ; toute erreur va dans la zone de message du simulateur."""
        try:
            self.fonction()
        except ErreurSaisie as erreur:
            self.derniere_erreur = erreur
            if isinstance(self.simulateur, Simulateur):
                self.simulateur.signaler(erreur)
            else:
                self.simulateur.message.erreur(str(erreur))
        except Exception as erreur:  # noqa: BLE001 - montrée à l'élève, jamais perdue
            self.derniere_erreur = erreur
            detail = f"{type(erreur).__name__} : {erreur}" if str(erreur) else type(erreur).__name__
            self.simulateur.message.erreur(
                MESSAGE_ERREUR_DIFFEREE.format(erreur=detail), gras="Erreur inattendue :"
            )
        finally:
            # L'intervalle du mode « cadence » compte depuis la FIN du dernier travail : un dessin
            # lent (machine chargée) laisse quand même au noyau le temps de lire les frappes suivantes.
            self._dernier = time.monotonic()

    async def attendre(self) -> None:
        """Attend (dans la boucle d'événements) que le travail programmé soit fait : pour les tests."""
        while self._rappel is not None:
            await asyncio.sleep(0.01)
