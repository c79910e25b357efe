import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import ErreurSaisie, mix, projet
from coursekit.projet import ETAPES, MOTS_MINIMUM, PlanCommunication, charge_calendrier, etape

TEXTES_HOSTILES = [
    "Éco-conçu, ça coûte ? Œuvre « à part » 🌱",
    "<script>alert('x')</script>",
    "ligne 1\nligne 2\r\n\tfin",
    "x" * 10_000,
]


def test_dix_etapes_dans_l_ordre():
    assert [e.numero for e in ETAPES] == list(range(1, 11))
    assert ETAPES[0].titre == "Audit" and ETAPES[-1].titre == "KPI et pilotage"
    with pytest.raises(ErreurSaisie, match="de 1 à 10"):
        etape(11)
    with pytest.raises(ErreurSaisie):
        etape(True)


def test_avancement_et_etapes_manquantes():
    plan = PlanCommunication("Graine de Ville")
    assert plan.avancement() == 0
    plan.repondre(1, "mot " * (MOTS_MINIMUM - 1))
    assert plan.avancement() == 0
    plan.repondre(1, "mot " * MOTS_MINIMUM)
    plan.repondre(4, "mot " * MOTS_MINIMUM)
    assert plan.avancement() == 20
    assert [e.numero for e in plan.etapes_manquantes()][:3] == [2, 3, 5]


@pytest.mark.parametrize("texte", TEXTES_HOSTILES)
def test_aller_retour_json_sans_perte(texte):
    plan = PlanCommunication(texte, {1: texte, 10: texte})
    copie = PlanCommunication.depuis_json(plan.vers_json())
    assert copie == plan
    assert copie.reponses[1] == texte


@given(st.text(), st.dictionaries(st.integers(1, 10), st.text()))
def test_aller_retour_json_quelconque(entreprise, reponses):
    plan = PlanCommunication(entreprise, reponses)
    assert PlanCommunication.depuis_json(plan.vers_json()) == plan


def test_json_invalide_en_francais():
    with pytest.raises(ErreurSaisie, match="JSON valide"):
        PlanCommunication.depuis_json("{pas du json")
    with pytest.raises(ErreurSaisie, match="entreprise"):
        PlanCommunication.depuis_json(json.dumps({"autre": 1}))
    with pytest.raises(ErreurSaisie, match="numéro d'étape"):
        PlanCommunication.depuis_json(json.dumps({"entreprise": "x", "reponses": {"un": "y"}}))
    with pytest.raises(ErreurSaisie, match="de 1 à 10"):
        PlanCommunication.depuis_json(json.dumps({"entreprise": "x", "reponses": {"12": "y"}}))


def test_markdown_complet():
    plan = PlanCommunication("Graine de Ville", {2: "Rendre la consommation responsable facile."})
    texte = plan.vers_markdown()
    assert texte.startswith("# Plan de communication digitale : Graine de Ville")
    assert "## 2. Positionnement\n\nRendre la consommation responsable facile." in texte
    assert texte.count("*À compléter.*") == 9


def test_calendrier_totaux():
    table = charge_calendrier(
        {
            "Semaine 1": {"Instagram": 3, "Blog SEO": 1, "Newsletter": 1},
            "Semaine 2": {"TikTok": 1, "LinkedIn": 2},
        }
    )
    assert table.loc["Total", "Semaine 1"] == 5
    assert table.loc["Instagram", "Total"] == 3
    assert table.loc["LinkedIn", "Semaine 1"] == 0
    assert table.loc["Total", "Total"] == 8
    with pytest.raises(ErreurSaisie, match="vide"):
        charge_calendrier({})
    with pytest.raises(ErreurSaisie, match="négatif"):
        charge_calendrier({"Semaine 1": {"Instagram": -1}})


def test_le_cas_guide_reste_coherent_avec_les_chapitres_01_et_08():
    # Le calendrier n'emploie que les canaux retenus par le plan (Instagram, blog, e-mail, micro-influence).
    table = charge_calendrier(projet.CALENDRIER_GRAINE_DE_VILLE)
    assert set(table.index) - {"Total"} == {
        "Instagram",
        "Article de blog (SEO)",
        "Newsletter",
        "Micro-influenceuse",
    }
    assert table.loc["Instagram", "Total"] == 12  # trois publications par semaine
    # Le budget reprend les montants d'illustration du chapitre 01, réaffectés aux canaux du plan.
    budget = mix.repartir_budget(5_000, projet.PARTS_BUDGET_GRAINE_DE_VILLE, marge_securite=10)
    exemple = mix.repartir_budget(5_000, mix.REPARTITION_EXEMPLE, marge_securite=10)
    assert budget["montant"].tolist() == exemple["montant"].tolist()


def test_plan_action_complet_et_dans_le_budget():
    actions = projet.plan_action()
    colonnes = ["action", "objectif", "cible", "canal", "kpi", "responsable", "budget", "echeance"]
    assert list(actions.columns) == colonnes
    assert actions.notna().all().all()
    budget = mix.repartir_budget(5_000, projet.PARTS_BUDGET_GRAINE_DE_VILLE, marge_securite=10)
    # Le plan d'action dépense exactement le budget réparti, réserve comprise, poste par poste.
    assert float(actions["budget"].sum()) == pytest.approx(float(budget["montant"].sum())) == 5_000
    assert sorted(actions["budget"]) == sorted(budget["montant"])
    assert set(projet.entetes("plan_action")) == set(colonnes)


def test_calendrier_editorial_redonne_les_volumes_du_mois():
    calendrier = projet.calendrier_editorial()
    assert projet.volumes_du_calendrier(calendrier) == projet.CALENDRIER_GRAINE_DE_VILLE
    assert calendrier["format"].nunique() >= 4, "des formats variés"
    # Les publications des influenceuses portent la mention légale (loi 2023-451).
    influence = calendrier[calendrier["canal"] == "Micro-influenceuse"]
    assert all("Publicité" in s or "Collaboration commerciale" in s for s in influence["sujet"])
    with pytest.raises(ErreurSaisie, match="semaine"):
        projet.volumes_du_calendrier(calendrier.drop(columns="semaine"))


def test_grille_evaluation_sur_vingt_points():
    grille = projet.grille_evaluation()
    assert float(grille["points"].sum()) == 20
    assert "Plan d'action" in set(grille["critere"])


def test_etapes_lues_du_contenu_avec_leur_typographie():
    assert all(e.question.endswith(("\xa0?", ".")) for e in ETAPES)
    assert not any(" ?" in e.question for e in ETAPES)
