"""Simulateurs et tableaux du chapitre 09 (relation client à distance et automatisation).

Tous les calculs viennent de :mod:`coursekit.relation_client` ; les textes et tableaux du fichier
de contenu du chapitre. Les widgets lisent les réglages, appellent les calculateurs et mettent à
jour graphique, cartes et phrase. Tout texte tapé par l'élève est échappé avant affichage.
"""

from __future__ import annotations

import html
import re
from datetime import date

import ipywidgets as widgets
import pandas as pd
from babel.dates import format_date

from coursekit import contenu, tableaux
from coursekit import format as fmt
from coursekit import relation_client as rc
from coursekit.affichage import COULEUR_ACCENT, COULEUR_ATTEINT, COULEUR_MANQUE, COULEUR_PRINCIPALE
from coursekit.cas import GRAINE_DE_VILLE
from coursekit.erreurs import ErreurSaisie
from coursekit.graphiques.relation_client import figure_avant_apres, figure_centre_contacts, figure_flux
from coursekit.widgets.base import Curseur, Simulateur, ZoneGraphique, ZoneMessage, typographie

CHAPITRE = rc.CHAPITRE


def _carte(libelle: str, valeur: str, aide: str) -> str:
    return (
        "<div style='border:1px solid #c9d6e3;border-radius:6px;padding:0.3em 0.6em;min-width:8.5em'>"
        f"<div style='font-size:0.9em;color:#444'>{html.escape(libelle)}</div>"
        f"<div style='font-size:1.3em;font-weight:bold'>{html.escape(typographie(valeur))}</div>"
        f"<div style='font-size:0.9em;color:#555'>{html.escape(typographie(aide))}</div></div>"
    )


def _cartes(cartes) -> str:
    corps = "".join(_carte(*c) for c in cartes)
    return f"<div class='coursekit-resultats' style='display:flex;flex-wrap:wrap;gap:0.4em'>{corps}</div>"


def _section(cle: str):
    return contenu.section(CHAPITRE, cle)


def francais(texte: str) -> str:
    """Typographie française d'un texte du contenu : insécables avant ``: ; ? !``, dans « », avant % et €.

    >>> francais("plus de 95 % : « top »") == "plus de 95\xa0%\xa0: «\xa0top\xa0»"
    True
    """
    texte = typographie(texte)
    return re.sub(r"(\d) (%|€|h\b|heures?\b|minutes?\b|jours?\b)", "\\1\xa0\\2", texte)


def _vue(lignes) -> pd.DataFrame:
    """Un tableau du contenu, textes passés par :func:`francais`."""
    vue = pd.DataFrame(lignes)
    for colonne in vue.columns:
        vue[colonne] = [francais(x) if isinstance(x, str) else x for x in vue[colonne]]
    return vue


# ---------------------------------------------------------------------------
# Tableaux du cours
# ---------------------------------------------------------------------------


def tableau_canaux():
    """Les canaux du service client, leurs délais, objectifs, effets annoncés et outils."""
    return tableaux.tableau(
        _vue(_section("canaux_service")),
        titre="Les canaux du service client et leurs standards",
        entetes={
            "canal": "Canal",
            "delai": "Délai de réponse",
            "objectif": "Objectif",
            "effet_annonce": "Effet annoncé",
            "outils": "Outils",
        },
    )


def tableau_kpi_journee(j: dict | None = None):
    """Les KPI d'une journée de service client, calculés par :func:`relation_client.kpi_journee`."""
    j = j or dict(_section("journee_service"))
    r = rc.kpi_journee(j)
    lignes = [
        ("Taux de décroché", "appels décrochés ÷ appels reçus × 100", fmt.pourcent(r["taux_decroche"])),
        ("Taux d'abandon", "appels abandonnés ÷ appels reçus × 100", fmt.pourcent(r["taux_abandon"])),
        (
            "Temps moyen d'attente",
            "attente cumulée ÷ appels décrochés",
            rc.duree_lisible(r["attente_moyenne"]),
        ),
        ("DMT", "(conversation + post-traitement) ÷ appels traités", rc.duree_lisible(r["dmt"])),
        (
            "Résolution au premier contact",
            "réglés du premier coup ÷ demandes traitées × 100",
            fmt.pourcent(r["taux_fcr"]),
        ),
        (
            "Taux de joignabilité (appels sortants)",
            "contacts utiles ÷ appels émis × 100",
            fmt.pourcent(r["taux_joignabilite"]),
        ),
        (
            "Taux de transformation (appels sortants)",
            "ventes ÷ contacts utiles × 100",
            fmt.pourcent(r["taux_transformation"]),
        ),
    ]
    return tableaux.tableau(
        pd.DataFrame(lignes, columns=["KPI", "Formule", "Valeur"]), titre="Les KPI de la journée"
    )


def enonce_journee() -> str:
    """L'énoncé de l'exercice « une journée au service client » en Markdown (chiffres du contenu)."""
    j = _section("journee_exercice")
    lignes = [
        ("Appels reçus", fmt.nombre(j["appels_recus"], 0)),
        ("Appels décrochés (tous traités)", fmt.nombre(j["appels_decroches"], 0)),
        ("Temps de conversation cumulé", f"{fmt.nombre(j['conversation_totale'], 0)} s"),
        ("Temps de post-traitement cumulé", f"{fmt.nombre(j['post_traitement_totale'], 0)} s"),
        ("Demandes réglées au premier contact", fmt.nombre(j["resolus_premier_contact"], 0)),
    ]
    return "\n".join(["| donnée | valeur |", "| --- | ---: |", *(f"| {a} | {b} |" for a, b in lignes)])


def tableau_retractation():
    """Le délai légal de rétractation par pays (fichier de contenu, section ``retractation``)."""
    lignes = [
        {"pays": pays, "loi": d["texte"], "legal": f"{d['jours']} jours"}
        for pays, d in rc.delais_legaux().items()
    ]
    return tableaux.tableau(
        pd.DataFrame(lignes),
        titre="Le droit de rétractation en vente à distance",
        entetes={"pays": "Pays", "loi": "Texte", "legal": "Délai légal"},
    )


def date_lisible(jour: date, annee: bool = False) -> str:
    """Une date en toutes lettres, « 1er » compris : ``mercredi 1er avril``.

    >>> date_lisible(date(2026, 4, 1)), date_lisible(date(2026, 3, 16), annee=True)
    ('mercredi 1er avril', 'lundi 16 mars 2026')
    """
    texte = format_date(jour, "EEEE d MMMM" + (" y" if annee else ""), locale="fr_FR")
    if jour.day == 1:
        texte = texte.replace(" 1 ", " 1er ", 1)
    return texte


def tableau_post_achat(date_commande: date):
    """La séquence après l'achat, datée pour une commande passée le ``date_commande``."""
    t = rc.calendrier_post_achat(date_commande, _section("sequence_post_achat"))
    t["date"] = [date_lisible(d) for d in t["date"]]
    t["message"] = [francais(m) for m in t["message"]]
    return tableaux.tableau(
        t,
        titre="La séquence après l'achat",
        entetes={"moment": "Moment", "date": "Date", "canal": "Canal", "message": "Message"},
    )


def tableau_newsletter(blocs: int = 10):
    """La structure 40/30/20/10 d'une newsletter, en nombre de blocs."""
    sections = _section("newsletter")
    plan = rc.plan_newsletter(blocs, sections)
    plan["contenu"] = [francais(s["contenu"]) for s in sections]
    return tableaux.tableau(
        plan,
        formats={"part": lambda x: fmt.pourcent(x)},
        titre=f"Une newsletter de {blocs} blocs",
        entetes={"section": "Section", "part": "Part", "blocs": "Blocs", "contenu": "Ce qu'on y met"},
    )


def tableau_outils_crm():
    """Les outils CRM comparés : points forts, prix, pour qui."""
    return tableaux.tableau(
        _vue(_section("outils_crm")),
        titre="Cinq outils de gestion de la relation client",
        entetes={
            "outil": "Outil",
            "points_forts": "Points forts",
            "prix": "Prix",
            "ideal_pour": "Idéal pour",
        },
    )


def tableau_feuille_de_route():
    """La feuille de route sur 60 jours."""
    return tableaux.tableau(
        _vue(_section("feuille_de_route")),
        titre="Lancer un plan de fidélisation en 60 jours",
        entetes={"periode": "Période", "etape": "Étape", "actions": "Actions", "budget": "Budget"},
    )


def tableau_budget():
    """Le budget de lancement, poste par poste, avec les totaux calculés."""
    postes = _section("budget_lancement")
    totaux = rc.budget_lancement(postes)
    vue = pd.DataFrame(postes)
    vue.loc[len(vue)] = {"poste": "Total", "minimum": totaux["minimum"], "maximum": totaux["maximum"]}
    return tableaux.tableau(
        vue,
        formats={"minimum": fmt.monnaie, "maximum": fmt.monnaie},
        titre="Le budget de lancement",
        entetes={"poste": "Poste", "minimum": "Minimum", "maximum": "Maximum"},
    )


def tableau_veille():
    """Les outils de veille de l'e-réputation."""
    return tableaux.tableau(
        _vue(_section("veille")),
        titre="Surveiller sa réputation",
        entetes={"outil": "Outil", "surveille": "Ce qu'il surveille"},
    )


def tableau_crise():
    """Les étapes d'une crise, dans l'ordre."""
    etapes = _vue(_section("etapes_crise"))
    etapes.insert(0, "n", range(1, len(etapes) + 1))
    return tableaux.tableau(
        etapes,
        titre="Une crise, étape par étape",
        entetes={"n": "N°", "etape": "Étape", "quoi": "Ce qu'on fait"},
    )


def _valeur(x: float, unite: str) -> str:
    if unite == "pourcent":
        return fmt.pourcent(x)
    if unite == "euros":
        return fmt.monnaie(x, 0)
    return fmt.nombre(x)


def cas_club() -> pd.DataFrame:
    """Le tableau avant → après du club de course à pied (calculé)."""
    return rc.avant_apres(_section("club"))


def tableau_club():
    """Le cas du club : avant, évolution annoncée, après (calculé), écart en points pour les taux."""
    t = cas_club()
    vue = pd.DataFrame(
        {
            "Indicateur": t["indicateur"],
            "Avant": [_valeur(a, u) for a, u in zip(t["avant"], t["unite"], strict=True)],
            "Évolution": [fmt.pourcent(e, 0, signe=True) for e in t["evolution"]],
            "Après": [_valeur(a, u) for a, u in zip(t["apres"], t["unite"], strict=True)],
            "Écart en points": ["" if pd.isna(e) else fmt.points(e) for e in t["ecart_points"]],
        }
    )
    return tableaux.tableau(vue, titre="Le club de course à pied, avant et après son programme")


def figure_club():
    """Le graphique de l'évolution de chaque indicateur du club."""
    t = cas_club()
    return figure_avant_apres(list(t["indicateur"]), list(t["evolution"]), [s == "baisse" for s in t["sens"]])


# ---------------------------------------------------------------------------
# Simulateur « Centre de contacts »
# ---------------------------------------------------------------------------

CONSEILLERS_MAX = 30


def phrase_centre(r: dict, appels: float, dmt: float, objectif: float, seuil: float) -> str:
    """La phrase qui dit quoi changer : ajouter des conseillers, raccourcir la DMT ou alléger l'équipe."""
    besoin = rc.conseillers_necessaires(appels, dmt, objectif, seuil) if appels else 1
    n = r["conseillers"]
    if not r["stable"]:
        minimum = int(r["trafic"]) + 1
        return (
            f"La file ne se vide jamais : {fmt.nombre(r['trafic'])} erlangs de trafic pour {n} conseillers "
            f"occupés à 100 %. Il en faut au moins {minimum} pour qu'elle se résorbe, "
            f"et {besoin} pour décrocher {fmt.pourcent(objectif)} des appels en {fmt.nombre(seuil, 0)} s."
        )
    if r["taux_service"] < objectif:
        ajout = besoin - n
        dmt_cible = _dmt_suffisante(appels, n, dmt, objectif, seuil)
        suite = (
            f" ou ramenez la DMT à {rc.duree_lisible(dmt_cible)} (FAQ, scripts, fiches client à jour)"
            if dmt_cible
            else ""
        )
        return (
            f"Taux de service {fmt.pourcent(r['taux_service'])} : sous l'objectif "
            f"{fmt.pourcent(objectif, 0)} en {fmt.nombre(seuil, 0)} s, et l'attente moyenne est de "
            f"{rc.duree_lisible(r['attente_moyenne'])}. Ajoutez {ajout} conseiller{'s' if ajout > 1 else ''} "
            f"({besoin} en tout){suite}."
        )
    if r["taux_occupation"] < 60 and besoin < n:
        return (
            f"Objectif atteint ({fmt.pourcent(r['taux_service'])} en {fmt.nombre(seuil, 0)} s), mais les "
            f"conseillers ne sont occupés que {fmt.pourcent(r['taux_occupation'])} du temps : {besoin} suffiraient. "
            f"Confiez aux autres le chat et les e-mails, ou réduisez l'équipe à cette heure-là."
        )
    return (
        f"Bon équilibre : {fmt.pourcent(r['taux_service'])} des appels décrochés en {fmt.nombre(seuil, 0)} s, "
        f"attente moyenne {rc.duree_lisible(r['attente_moyenne'])}, conseillers occupés "
        f"{fmt.pourcent(r['taux_occupation'])} du temps, {fmt.monnaie(r['cout_par_contact'], 2)} par contact."
    )


def _dmt_suffisante(appels, n, dmt, objectif, seuil) -> float | None:
    """La plus longue DMT (par pas de 5 s, au moins 30 s) qui atteint l'objectif avec ``n`` conseillers."""
    cible = int(dmt) - int(dmt) % 5
    while cible >= 30:
        if rc.centre_contacts(appels, n, cible, seuil)["taux_service"] >= objectif:
            return cible
        cible -= 5
    return None


class SimulateurCentreContacts(Simulateur):
    """Une heure de centre de contacts : appels, équipe, DMT → taux de service, attente, occupation, coût."""

    titre = "Simulateur « Centre de contacts »"
    sorties = ("resultats",)

    def __init__(self):
        h = _section("centre_contacts")
        self.objectif = h["objectif_service"]
        self.seuil = h["seuil_attente"]
        self.patience = h["patience"]
        self.appels = Curseur(
            "Appels reçus par heure",
            0,
            300,
            5,
            h["appels_par_heure"],
            lambda x: fmt.nombre(x, 0),
            entier=True,
        )
        self.conseillers = Curseur(
            "Conseillers en ligne",
            1,
            CONSEILLERS_MAX,
            1,
            h["conseillers"],
            lambda x: fmt.nombre(x, 0),
            entier=True,
        )
        self.dmt = Curseur("Durée de traitement (DMT)", 30, 900, 10, h["dmt"], rc.duree_lisible, entier=True)
        self.cout_horaire = Curseur(
            "Coût d'un conseiller par heure", 10, 60, 1, h["cout_horaire"], fmt.monnaie, entier=True
        )
        self.resultats = widgets.HTML()
        self.figure, self.courbe_service, self.courbe_decroche, self.repere = figure_centre_contacts(
            CONSEILLERS_MAX, self.objectif
        )
        self.graphique = ZoneGraphique(self.figure)
        reglages = widgets.VBox([self.appels, self.conseillers, self.dmt, self.cout_horaire])
        super().__init__([reglages, self.graphique, self.message, self.resultats])
        for curseur in (self.appels, self.conseillers, self.dmt, self.cout_horaire):
            curseur.quand_change(self.actualiser)
        self.actualiser()

    def calcul(self, conseillers: int | None = None) -> dict:
        """Les résultats avec les réglages en cours (``relation_client.centre_contacts``)."""
        return rc.centre_contacts(
            self.appels.value,
            self.conseillers.value if conseillers is None else conseillers,
            self.dmt.value,
            self.seuil,
            self.patience,
            self.cout_horaire.value,
        )

    def actualiser(self, _changement=None) -> None:
        ok, r = self.calculer(self.calcul)
        if not ok:
            return  # cartes et graphique estompés par Simulateur jusqu'à la correction
        courbes = [self.calcul(n) for n in range(1, CONSEILLERS_MAX + 1)]
        self.courbe_service.set_ydata([c["taux_service"] for c in courbes])
        self.courbe_decroche.set_ydata([c["taux_decroche"] for c in courbes])
        self.repere.set_xdata([r["conseillers"], r["conseillers"]])
        self.graphique.actualiser()
        cout = fmt.monnaie(r["cout_par_contact"], 2) if r["appels_decroches"] else "—"
        self.resultats.value = _cartes(
            [
                ("Trafic", f"{fmt.nombre(r['trafic'])} erlangs", "appels × DMT ÷ 3 600"),
                ("Taux de service", fmt.pourcent(r["taux_service"]), f"décrochés en moins de {self.seuil} s"),
                ("Taux de décroché", fmt.pourcent(r["taux_decroche"]), "estimé : patience moyenne 1 min"),
                ("Attente moyenne", rc.duree_lisible(r["attente_moyenne"]), "avant le décroché"),
                ("Occupation", fmt.pourcent(r["taux_occupation"]), "temps passé à traiter"),
                ("Coût par contact", cout, "équipe ÷ appels décrochés"),
            ]
        )
        phrase = phrase_centre(r, self.appels.value, self.dmt.value, self.objectif, self.seuil)
        if r["stable"] and r["taux_service"] >= self.objectif:
            self.message.succes(phrase)
        else:
            self.message.info(phrase)


# ---------------------------------------------------------------------------
# Rédacteur de réponses (chat, e-mail, avis)
# ---------------------------------------------------------------------------


def liste_elements(analyse: rc.AnalyseReponse) -> str:
    """Les éléments attendus, cochés ou non, en HTML échappé (le symbole et le mot disent tout, sans la couleur)."""
    lignes = []
    for e in analyse.elements:
        couleur = COULEUR_ATTEINT if e.ok else COULEUR_MANQUE
        signe = "✔" if e.ok else "✘"
        lignes.append(
            f"<li style='list-style:none;margin:0.15em 0'><span style='color:{couleur};font-weight:bold'>{signe}</span> "
            f"<strong>{html.escape(e.titre)}</strong> : {html.escape(typographie(e.texte))}</li>"
        )
    return f"<ul class='coursekit-elements' style='padding-left:0.3em;margin:0.3em 0'>{''.join(lignes)}</ul>"


class _Relecture(widgets.VBox):
    """Une situation, la zone de réponse, le bouton « Relire » et le retour."""

    def __init__(self, cle: str, situation: dict):
        self.cle = cle
        self.situation = situation
        self.analyse: rc.AnalyseReponse | None = None
        detail = situation.get("avis") or situation.get("contexte", "")
        self.enonce = widgets.HTML(
            f"<p style='margin:0.3em 0'><strong>{html.escape(situation['titre'])}</strong><br>"
            f"{html.escape(typographie(detail))}</p>"
        )
        self.texte = widgets.Textarea(
            placeholder=f"Votre réponse à {situation['prenom']}…",
            layout=widgets.Layout(width="100%", max_width="52em", height="8em"),
            continuous_update=False,
        )
        self.bouton = widgets.Button(
            description="Relire ma réponse", button_style="primary", layout={"width": "auto"}
        )
        self.elements = widgets.HTML()
        self.retour = ZoneMessage()
        self.bouton.on_click(lambda _b: self.relire())
        self.texte.observe(lambda _c: self.relire(), names="value")
        super().__init__([self.enonce, self.texte, self.bouton, self.elements, self.retour])

    def relire(self) -> rc.AnalyseReponse | None:
        try:
            a = rc.analyser_reponse(self.texte.value, self.situation)
        except ErreurSaisie as erreur:
            self.retour.erreur(str(erreur))
            return None
        self.analyse = a
        self.elements.value = liste_elements(a)
        resume = " ".join([a.resume(), *a.remarques[1 if a.bourrage else 0 :]])
        if a.complete:
            self.retour.succes(resume, gras="✔")
        else:
            self.retour.erreur(resume, gras="✘" if a.nombre_mots else "")
        return a


class RedacteurReponse(Simulateur):
    """Écrire une réponse de chat ou d'e-mail : le correcteur nomme les éléments qui manquent."""

    titre = "Rédacteur de réponses"

    def __init__(self, situations: tuple[str, ...] = ("panier_chat", "produit_defectueux")):
        toutes = rc.situations()
        self.choix = widgets.ToggleButtons(
            options=[(toutes[c]["titre"], c) for c in situations],
            value=situations[0],
            style={"button_width": "auto"},
        )
        self.relectures = {c: _Relecture(c, toutes[c]) for c in situations}
        self.zone = widgets.VBox([self.relectures[situations[0]]])
        super().__init__([self.choix, self.zone, self.message])
        self.choix.observe(self.actualiser, names="value")
        self.actualiser()

    @property
    def relecture(self) -> _Relecture:
        """La situation affichée."""
        return self.relectures[self.choix.value]

    def actualiser(self, _changement=None) -> None:
        self.zone.children = [self.relecture]
        n = len(self.relecture.situation["criteres"])
        self.message.info(
            f"Écrivez votre réponse, puis cliquez sur « Relire ma réponse » : {n} éléments sont attendus."
        )


class RepondreAuxAvis(Simulateur):
    """L'exercice des trois avis négatifs : une réponse par avis, et le bilan des trois."""

    titre = "À vous de jouer : répondre à trois avis négatifs"

    def __init__(self, avis: tuple[str, ...] = ("avis_colis", "avis_delai", "avis_arnaque")):
        toutes = rc.situations()
        self.relectures = {c: _Relecture(c, toutes[c]) for c in avis}
        for r in self.relectures.values():
            r.bouton.on_click(lambda _b: self.actualiser())
            r.texte.observe(lambda _c: self.actualiser(), names="value")
        super().__init__([*self.relectures.values(), self.message])
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        faites = [r for r in self.relectures.values() if r.analyse is not None and r.analyse.nombre_mots]
        completes = sum(r.analyse.complete for r in faites)
        total = len(self.relectures)
        if not faites:
            self.message.info(f"Répondez aux {total} avis, un par un ; chaque réponse est relue à part.")
        elif completes == total:
            self.message.succes(
                f"Les {total} réponses sont complètes : publiables après une dernière relecture."
            )
        else:
            self.message.info(
                f"{completes} réponse{'s' if completes > 1 else ''} complète{'s' if completes > 1 else ''} sur {total}."
            )


# ---------------------------------------------------------------------------
# Concepteur de flux automatisés
# ---------------------------------------------------------------------------


def _unite(valeur: float, unite: str) -> str:
    """``1 heure``, ``0 jour``, ``24 heures`` : le singulier sous 2, comme en français."""
    return f"{fmt.nombre(valeur, 0)} {unite[:-1] if abs(valeur) < 2 else unite}"


def phrase_flux(r: dict, push_par_semaine: float, hypotheses: dict, reglages: dict) -> str:
    """Le bilan des flux sur 90 jours, la règle des push (2 à 3 par semaine) et le flux le plus mal réglé."""
    trimestre = GRAINE_DE_VILLE.chiffre_affaires_annuel * r["horizon"] / 365
    part = 100 * r["chiffre_affaires"] / trimestre
    push = hypotheses["push"]
    maximum = push["maximum_conseille"]
    phrase = ""
    if r["push_trop_nombreux"]:
        trop = (
            "plus d'un par jour : la plupart des clients coupent tout"
            if push_par_semaine > 7
            else f"la règle est {maximum - 1} à {maximum} par semaine au plus"
        )
        phrase = (
            f"{fmt.nombre(push_par_semaine, 0)} push par semaine, c'est trop ({trop}) : "
            f"{fmt.nombre(r['abonnes_perdus'], 0)} abonnés sur {fmt.nombre(r['abonnes_push'], 0)} coupent les "
            f"notifications en {r['horizon']} jours. Revenez à {maximum} au plus. "
        )
    phrase += (
        f"Sur {r['horizon']} jours : environ {fmt.nombre(r['commandes'], 0)} commandes et "
        f"{fmt.monnaie(r['chiffre_affaires'], 0)} de chiffre d'affaires en plus "
        f"({fmt.pourcent(part, 0, signe=True)} par rapport à un trimestre ordinaire de Graine de Ville), "
        f"après {fmt.monnaie(r['cout_remises'], 0)} de remises accordées."
    )
    if not r["push_trop_nombreux"]:
        phrase += f" Push : {fmt.nombre(push_par_semaine, 0)} par semaine, dans la règle ({maximum} au plus)."
    pire = None
    for cle, t in hypotheses["types"].items():
        choix = reglages.get(cle, {})
        if not choix.get("actif", True):
            continue
        delai = choix.get("delai", t["delai"])
        ecart = abs(delai - t["delai_ideal"]) / t["tolerance"]
        if ecart >= 1 and (pire is None or ecart > pire[0]):
            pire = (ecart, t, delai)
    if pire:
        ecart, t, delai = pire
        phrase += (
            f" Le flux « {t['titre']} » part à {_unite(delai, t['unite'])} : à "
            f"{_unite(t['delai_ideal'], t['unite'])}, il convertirait {fmt.nombre(1 + ecart)} fois mieux."
        )
    return phrase


class ConcepteurFlux(Simulateur):
    """Activer et régler cinq flux automatisés et les push : commandes et chiffre d'affaires sur 90 jours."""

    titre = "Concepteur de flux automatisés"

    def __init__(self):
        self.hypotheses = rc.hypotheses_flux()
        self.actifs: dict[str, widgets.Checkbox] = {}
        self.delais: dict[str, Curseur] = {}
        self.remises: dict[str, Curseur] = {}
        lignes = []
        for cle, t in self.hypotheses["types"].items():
            unite = t["unite"]
            self.actifs[cle] = widgets.Checkbox(value=True, description=t["titre"], indent=False)
            pas = 1
            self.delais[cle] = Curseur(
                f"Délai ({unite})",
                0,
                t["delai_max"],
                pas,
                t["delai"],
                lambda x, u=unite: f"{fmt.nombre(x, 0)} {u}",
                entier=True,
            )
            self.remises[cle] = Curseur(
                "Remise", 0, 30, 5, t["remise"], lambda x: fmt.pourcent(x, 0), entier=True
            )
            aide = widgets.HTML(
                f"<span style='color:#555'>{html.escape(typographie(t['explication']))}</span>"
            )
            lignes.append(
                widgets.VBox([widgets.HBox([self.actifs[cle], aide]), self.delais[cle], self.remises[cle]])
            )
        self.push = Curseur(
            "Push promotionnels par semaine", 0, 14, 1, 2, lambda x: fmt.nombre(x, 0), entier=True
        )
        titres = [t["titre"] for t in self.hypotheses["types"].values()] + ["Notifications push"]
        self.figure, self.barres, self.etiquettes = figure_flux(titres)
        self.graphique = ZoneGraphique(self.figure)
        super().__init__([widgets.VBox(lignes), self.push, self.message, self.graphique])
        for cle in self.hypotheses["types"]:
            self.actifs[cle].observe(self.actualiser, names="value")
            self.delais[cle].quand_change(self.actualiser)
            self.remises[cle].quand_change(self.actualiser)
        self.push.quand_change(self.actualiser)
        self.actualiser()

    def reglages(self) -> dict:
        """Les réglages en cours, flux par flux."""
        return {
            cle: {
                "actif": self.actifs[cle].value,
                "delai": self.delais[cle].value,
                "remise": self.remises[cle].value,
            }
            for cle in self.hypotheses["types"]
        }

    def calcul(self) -> dict:
        """Le bilan sur 90 jours (``relation_client.simuler_flux``)."""
        return rc.simuler_flux(self.reglages(), self.push.value, self.hypotheses)

    def actualiser(self, _changement=None) -> None:
        ok, r = self.calculer(self.calcul)
        if not ok:
            return
        montants = [*r["flux"]["chiffre_affaires"], r["chiffre_affaires_push"]]
        for barre, etiquette, montant in zip(self.barres, self.etiquettes, montants, strict=True):
            barre.set_width(montant)
            etiquette.set_x(montant)
            etiquette.set_text(f" {fmt.monnaie(montant, 0)}")
        self.barres[-1].set_color(COULEUR_MANQUE if r["push_trop_nombreux"] else COULEUR_ACCENT)
        for barre in self.barres[:-1]:
            barre.set_color(COULEUR_PRINCIPALE)
        self.barres[0].axes.set_xlim(0, max(1500, max(montants) * 1.35))
        self.graphique.actualiser()
        phrase = phrase_flux(r, self.push.value, self.hypotheses, self.reglages())
        if r["push_trop_nombreux"]:
            self.message.erreur(phrase, gras="Règle des push :")
        else:
            self.message.info(phrase)


def hypotheses_flux_markdown() -> str:
    """Les hypothèses du concepteur de flux, en Markdown (chiffres du fichier de contenu)."""
    h = rc.hypotheses_flux()
    lignes = [
        "| flux | personnes concernées en 90 jours | conversion de base | délai conseillé | remise par défaut |",
        "| --- | ---: | ---: | --- | ---: |",
    ]
    for t in h["types"].values():
        lignes.append(
            f"| {t['titre']} | {fmt.nombre(t['personnes'], 0)} | {fmt.pourcent(t['conversion'])} | "
            f"{_unite(t['delai_ideal'], t['unite'])} | {fmt.pourcent(t['remise'], 0)} |"
        )
    p = h["push"]
    lignes += [
        "",
        f"Panier moyen : {fmt.monnaie(h['panier_moyen'])} ; {fmt.nombre(p['abonnes'], 0)} clients abonnés aux "
        f"notifications ; chaque push fait {fmt.pourcent(p['conversion'])} de commandes ; chaque point de remise "
        f"augmente la conversion de {fmt.pourcent(h['sensibilite_remise'], 0)} (en valeur relative).",
    ]
    return typographie("\n".join(lignes))
