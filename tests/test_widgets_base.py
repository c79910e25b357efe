import ipywidgets as widgets
from boucle_isolee import dans_sa_boucle

import coursekit as ck
from coursekit import kpi, validation
from coursekit.graphiques import figure_en_png, nouvelle_figure
from coursekit.widgets import ChampNombre, Curseur, SelectionVide, Simulateur, ZoneGraphique, ZoneMessage


def test_curseur_affiche_a_la_francaise():
    curseur = Curseur("Budget", 0, 10_000, 100, 1500, ck.monnaie)
    assert curseur.lecture.value == "1\u202f500\xa0€"
    curseur.value = 2500
    assert curseur.lecture.value == "2\u202f500\xa0€"
    assert curseur.curseur.readout is False


def test_curseur_et_champ_nommes_par_leur_libelle_sans_le_repeter():
    """Le libellé visible (au-dessus) est aussi le nom de la commande pour un lecteur d'écran :
    la boîte porte la classe que le script du libellé relie (aria-labelledby), et ipywidgets
    n'affiche pas de seconde « description »."""
    from coursekit.widgets.base import CLASSE_NOMMEE, NOMMER_COMMANDES

    curseur = Curseur("Taux de clic (CTR)", 0, 10, 0.1, 2, ck.pourcent)
    champ = ChampNombre("Budget", "1 000", libelle="Le budget")
    for boite, commande in ((curseur, curseur.curseur), (champ, champ.champ)):
        assert CLASSE_NOMMEE in boite._dom_classes
        assert commande.description == ""
        premier = boite.children[0]
        assert NOMMER_COMMANDES in premier.value
        assert premier.value.count(">Taux de clic (CTR)<" if boite is curseur else ">Budget<") == 1
    assert "aria-labelledby" in NOMMER_COMMANDES and ".noUi-handle" in NOMMER_COMMANDES


def test_message_echappe_le_html():
    message = ZoneMessage()
    message.erreur("<script>alert(1)</script>")
    assert "<script>" not in message.value
    assert "&lt;script&gt;" in message.value


def test_champ_nombre_garde_la_saisie():
    champ = ChampNombre("Budget", "mille", libelle="Le budget")
    try:
        champ.lire()
    except ck.ErreurSaisie as erreur:
        assert "Le budget" in str(erreur)
    else:
        raise AssertionError("une saisie non numérique doit lever ErreurSaisie")
    assert champ.value == "mille"


def test_zone_graphique_rend_un_png():
    figure, axes = nouvelle_figure()
    barres = axes.bar(["a"], [1])
    zone = ZoneGraphique(figure)
    avant = zone.value
    barres[0].set_height(5)
    zone.actualiser()
    assert zone.value[:4] == b"\x89PNG" and zone.value != avant


def test_simulateur_calcul_protege_et_repr_stable():
    class Essai(Simulateur):
        titre = "Essai"

        def __init__(self):
            super().__init__([widgets.Label("x")])

    simulateur = Essai()
    ok, resultat = simulateur.calculer(lambda: kpi.taux_conversion(5, 0))
    assert not ok and resultat is None
    assert "visites" in simulateur.message.texte
    assert repr(simulateur) == "Essai (simulateur interactif : exécutez le notebook pour l'utiliser)"
    assert simulateur._repr_mimebundle_()["text/plain"] == repr(simulateur)


def test_mode_projecteur_agrandit_les_polices():
    import matplotlib as mpl

    try:
        style = ck.mode_projecteur()
        assert mpl.rcParams["font.size"] == 16
        assert "font-size: 20px" in style.data
    finally:
        ck.mode_projecteur(False)
    assert mpl.rcParams["font.size"] == 11


def test_graduations_a_la_francaise():
    figure, axes = nouvelle_figure()
    axes.bar(["Micro", "Star"], [25_000, 0.5])
    figure_en_png(figure)
    etiquettes = [t.get_text() for t in axes.get_yticklabels()]
    assert "25\u202f000" in etiquettes
    assert not any("." in e for e in etiquettes)
    assert [t.get_text() for t in axes.get_xticklabels()] == ["Micro", "Star"]


def test_message_a_la_typographie_francaise():
    message = ZoneMessage()
    message.info("Fichier « plan.json » : enregistré ; bravo !")
    assert "«\xa0plan.json\xa0»\xa0: enregistré\xa0; bravo\xa0!" in message.value
    assert message.texte == "Fichier « plan.json » : enregistré ; bravo !"


# --- travail différé sur la boucle d'événements du noyau -------------------------------------


class _Compteur(Simulateur):
    """Un simulateur minimal : un texte, une mise à jour différée qui recopie ce texte."""

    titre = "Compteur"

    def __init__(self, delai: float, mode: str = "pause", fonction=None):
        self.saisie = widgets.Text()
        self.copies: list[str] = []
        super().__init__([self.saisie])
        self.mise_a_jour = self.differer(fonction or self._recopier, delai, mode)
        self.saisie.observe(lambda _c: self.mise_a_jour.demander(), names="value")

    def _recopier(self):
        self.copies.append(self.saisie.value)
        self.message.info(f"Texte : {self.saisie.value}")


def test_rafale_de_frappes_un_seul_travail_qui_lit_la_derniere_valeur():
    async def scenario():
        outil = _Compteur(delai=0.05)
        for texte in ("C", "Co", "Coq", "Coque", "Coquelicot"):
            outil.saisie.value = texte
        assert outil.copies == [] and outil.mise_a_jour.en_attente
        await outil.mise_a_jour.attendre()
        return outil

    outil = dans_sa_boucle(scenario)
    assert outil.copies == ["Coquelicot"]
    assert outil.message.texte == "Texte : Coquelicot"


def test_cadence_premiere_frappe_tout_de_suite_puis_une_seule_pour_la_suite():
    async def scenario():
        outil = _Compteur(delai=0.05, mode="cadence")
        outil.saisie.value = "a"  # rien de dessiné depuis 0,05 s : tout de suite
        assert outil.copies == ["a"]
        for texte in ("ab", "abc", "abcd"):
            outil.saisie.value = texte
        assert outil.copies == ["a"]
        await outil.mise_a_jour.attendre()
        return outil

    assert dans_sa_boucle(scenario).copies == ["a", "abcd"]


def test_curseurs_rafale_etat_final_egal_a_la_derniere_valeur():
    from coursekit.widgets.kpi import SimulateurCampagne

    simulateur = SimulateurCampagne()
    assert simulateur.taux_clic.curseur.continuous_update is True
    for valeur in (2.1, 2.5, 3.0, 0.4, 7.7, 1.2):
        simulateur.taux_clic.value = valeur
    temoin = SimulateurCampagne()
    temoin.taux_clic.value = 1.2
    assert simulateur.message.texte == temoin.message.texte
    assert simulateur.graphique.value == temoin.graphique.value


def test_erreur_dans_un_travail_differe_va_dans_la_zone_de_message():
    def en_panne():
        raise ZeroDivisionError("division by zero")

    async def scenario():
        outil = _Compteur(delai=0.01, fonction=en_panne)
        outil.saisie.value = "x"
        await outil.mise_a_jour.attendre()
        return outil

    outil = dans_sa_boucle(scenario)
    assert "coursekit-erreur" in outil.message.value
    assert outil.message.texte.startswith("Erreur inattendue : la mise à jour n'a pas pu se faire")
    assert "ZeroDivisionError" in outil.message.texte
    assert isinstance(outil.mise_a_jour.derniere_erreur, ZeroDivisionError)


def test_saisie_impossible_dans_un_travail_differe_en_francais():
    def impossible():
        kpi.taux_conversion(5, 0)

    async def scenario():
        outil = _Compteur(delai=0.01, fonction=impossible)
        outil.saisie.value = "x"
        await outil.mise_a_jour.attendre()
        return outil

    outil = dans_sa_boucle(scenario)
    assert outil.message.texte.startswith("À corriger :") and "visites" in outil.message.texte


def test_sans_boucle_d_evenements_le_travail_est_fait_tout_de_suite():
    def scenario():
        compteur = _Compteur(delai=10)
        compteur.saisie.value = "direct"
        return compteur

    outil = dans_sa_boucle(scenario)  # un fil sans boucle d'événements
    assert outil.copies == ["direct"] and not outil.mise_a_jour.en_attente


def test_aucun_fil_d_execution_dans_les_widgets():
    import pathlib

    import coursekit.widgets as paquet

    for fichier in pathlib.Path(paquet.__file__).parent.glob("*.py"):
        texte = fichier.read_text(encoding="utf-8")
        assert "threading" not in texte and "Timer(" not in texte, fichier.name


# --- dessin rapide : mise en page figée pendant les gestes, vérifiée ensuite ----------------


def _figure_barres():
    figure, axes = nouvelle_figure()
    barres = axes.bar(["a", "b"], [1, 2])
    axes.set_ylim(0, 10)
    return figure, axes, barres


def test_dessin_fige_memes_pixels_quand_rien_ne_bouge():
    from coursekit.graphiques.base import figure_en_png_rapide

    figure, _axes, barres = _figure_barres()
    figure_en_png_rapide(figure)
    barres[0].set_height(7)
    fige = figure_en_png_rapide(figure, figer=True)
    assert fige == figure_en_png_rapide(figure)


def test_verifier_mise_en_page_voit_une_graduation_plus_longue():
    from coursekit.graphiques.base import figure_en_png_rapide, verifier_mise_en_page

    figure, axes, _barres = _figure_barres()
    figure_en_png_rapide(figure)
    assert not verifier_mise_en_page(figure)
    axes.set_ylim(0, 10_000_000)  # « 10 000 000 » ne tient plus dans la marge de « 10 »
    figure_en_png_rapide(figure, figer=True)
    assert verifier_mise_en_page(figure)
    assert not verifier_mise_en_page(figure)


def test_zone_graphique_finition_dans_la_boucle_renvoie_l_image_complete():
    from coursekit.graphiques.base import figure_en_png_rapide

    figure, axes, _barres = _figure_barres()

    async def scenario():
        zone = ZoneGraphique(figure)
        axes.set_ylim(0, 10_000_000)
        zone.actualiser()  # premier geste : dessin rapide, mise en page figée, en PNG
        assert zone.format == "png" and zone._finition.en_attente
        axes.set_ylim(0, 9_000_000)
        zone.actualiser()  # geste suivant (glisser) : par calques, envoyé en JPEG
        fige = zone.value
        assert zone.format == "jpeg" and fige[:3] == b"\xff\xd8\xff"
        assert zone._calques.images_par_calques == 1
        await zone._finition.attendre()
        return zone, fige

    zone, fige = dans_sa_boucle(scenario)
    assert zone.value != fige
    assert zone.format == "png"
    assert zone.value == figure_en_png_rapide(figure)  # celle d'un dessin complet


def test_graduations_en_memoire_suivent_la_devise():
    from coursekit.graphiques.base import figure_en_png_rapide

    figure, axes = nouvelle_figure()
    axes.bar(["a"], [1500])
    axes.yaxis.set_major_formatter(lambda y, _p: ck.monnaie(y, 0))
    try:
        figure_en_png_rapide(figure)
        assert any("€" in t.get_text() for t in axes.get_yticklabels())
        ck.definir_devise("MAD")
        figure_en_png_rapide(figure)
        etiquettes = [t.get_text() for t in axes.get_yticklabels()]
        assert etiquettes and not any("€" in t for t in etiquettes)
    finally:
        ck.definir_devise("EUR")


# --- Erreurs là où l'œil regarde : sous le champ, résultat estompé, sélection vide -----------


class _SimulateurDeuxChamps(Simulateur):
    """Deux champs, un graphique et des cartes : de quoi vérifier le mécanisme commun."""

    titre = "Essai"
    sorties = ("cartes",)

    def __init__(self):
        self.prix = ChampNombre("Prix", "10", libelle="Le prix")
        self.quantite = ChampNombre("Quantité", "3", libelle="La quantité")
        self.cases = [widgets.Checkbox(value=True, description=n) for n in ("A", "B")]
        self.cartes = widgets.HTML()
        figure, axes = nouvelle_figure()
        self.barres = axes.bar(["a"], [1])
        axes.set_ylim(0, 100)
        self.graphique = ZoneGraphique(figure)
        super().__init__([self.prix, self.quantite, *self.cases, self.cartes, self.graphique])
        for champ in (self.prix, self.quantite):
            champ.quand_change(self.actualiser)
        for case in self.cases:
            case.observe(self.actualiser, names="value")
        self.actualiser()

    def calcul(self):
        if not any(c.value for c in self.cases):
            raise SelectionVide("Cochez au moins un canal pour voir la répartition.")
        return validation.positif(self.prix.lire(), "Le prix") * validation.positif(
            self.quantite.lire(), "La quantité (quantite)"
        )

    def actualiser(self, _changement=None):
        ok, total = self.calculer(self.calcul)
        if not ok:
            return
        self.barres[0].set_height(total)
        self.graphique.actualiser()
        self.cartes.value = f"<b>{total}</b>"
        self.message.info(f"Total {total}")


def test_message_sous_le_champ_fautif_et_texte_garde():
    s = _SimulateurDeuxChamps()
    assert not s.prix.en_erreur and not s.perime
    s.quantite.value = "abc"
    assert s.quantite.value == "abc"
    assert s.quantite.en_erreur and "La quantité" in s.quantite.erreur.texte
    assert not s.prix.en_erreur and s.prix.erreur.value == ""
    # Le message est dans la boîte du champ (juste sous lui), et la phrase du simulateur le reprend.
    assert s.quantite.erreur in s.quantite.children
    assert "coursekit-champ-faux" in s.quantite._dom_classes
    assert "La quantité" in s.message.texte and s.message.texte.startswith("À corriger")


def test_resultat_estompe_puis_redessine_apres_correction():
    s = _SimulateurDeuxChamps()
    image, cartes = s.graphique.value, s.cartes.value
    s.prix.value = "dix"
    assert s.perime and s.bandeau.layout.display is None
    assert "Résultat à refaire" in s.bandeau.value and "opacity" in s.bandeau.value
    assert "coursekit-perime" in s.graphique._dom_classes and "coursekit-perime" in s.cartes._dom_classes
    assert bytes(s.graphique.value) == bytes(image) and s.cartes.value == cartes  # l'ancien résultat, estompé
    s.prix.value = "20"
    assert not s.perime and s.bandeau.layout.display == "none" and not s.prix.en_erreur
    assert "coursekit-perime" not in s.graphique._dom_classes + s.cartes._dom_classes
    assert bytes(s.graphique.value) != bytes(image) and s.cartes.value == "<b>60.0</b>"


def test_bandeau_place_juste_avant_le_graphique():
    """Dans la boîte du graphique (la colonne du résultat quand le simulateur a des commandes)."""
    s = _SimulateurDeuxChamps()
    a_voir, boite = [s], None
    while a_voir:
        candidate = a_voir.pop()
        if s.graphique in getattr(candidate, "children", ()):
            boite = candidate
        a_voir.extend(getattr(candidate, "children", ()))
    enfants = list(boite.children)
    assert enfants.index(s.bandeau) == enfants.index(s.graphique) - 1


def test_selection_vide_efface_le_graphique_avec_une_phrase():
    s = _SimulateurDeuxChamps()
    image = s.graphique.value
    for case in s.cases:
        case.value = False
    assert s.graphique.vide and bytes(s.graphique.value) != bytes(image)
    assert not any(axes.get_visible() for axes in s.graphique.figure.axes)
    assert s.message.texte == "Cochez au moins un canal pour voir la répartition."
    assert s.cartes.layout.display == "none" and not s.perime
    s.cases[0].value = True
    assert not s.graphique.vide and all(axes.get_visible() for axes in s.graphique.figure.axes)
    assert s.cartes.layout.display is None and bytes(s.graphique.value) == bytes(image)


def test_erreur_d_un_calculateur_nommant_le_champ_va_sous_le_champ():
    s = _SimulateurDeuxChamps()
    s.quantite.value = "-2"  # se lit, mais le calculateur la refuse en la nommant
    assert s.quantite.en_erreur and "quantité" in s.quantite.erreur.texte
    assert not s.prix.en_erreur and s.perime
    s.quantite.value = "2"
    assert not s.quantite.en_erreur and not s.perime


def test_champ_optionnel_vide_sans_message():
    champ = ChampNombre("Budget", "", libelle="Le budget")
    assert not champ.en_erreur
    champ.value = "abc"
    assert champ.en_erreur
    champ.value = ""
    assert not champ.en_erreur


def test_travail_differe_marque_le_resultat_perime():
    s = _SimulateurDeuxChamps()
    s.prix.champ.value = "x"
    s.signaler(ck.ErreurSaisie("Le prix doit être un nombre."))
    travail = s.differer(lambda: s.prix.lire(), 0)
    travail.demander()
    assert s.perime and isinstance(travail.derniere_erreur, ck.ErreurSaisie)


def test_tableau_a_la_cadence_tout_de_suite_puis_le_dernier_etat():
    from coursekit.widgets.base import CADENCE_TABLEAUX

    class _Tableau(Simulateur):
        def __init__(self):
            self.tableau = widgets.HTML()
            self.ecrits: list[int] = []
            super().__init__([self.tableau])

        def ecrire(self, n: int) -> None:
            def texte():
                self.ecrits.append(n)
                return f"<p>{n}</p>"

            self.ecrire_a_la_cadence(self.tableau, texte)

    async def scenario():
        outil = _Tableau()
        outil.ecrire(1)  # premier : tout de suite
        assert outil.tableau.value == "<p>1</p>"
        for n in range(2, 8):  # un glisser : regroupés
            outil.ecrire(n)
        assert outil.ecrits == [1] and outil._travail_tableaux.delai == CADENCE_TABLEAUX
        await outil._travail_tableaux.attendre()
        return outil

    outil = dans_sa_boucle(scenario)
    assert outil.ecrits == [1, 7]  # le dernier état, une seule fois
    assert outil.tableau.value == "<p>7</p>"
