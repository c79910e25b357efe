import pytest

from coursekit import ErreurSaisie
from coursekit.glossaire import GLOSSAIRE, chercher, sigles


def test_sigles_du_programme_presents():
    for sigle in ("B2B", "B2C", "SEM", "SMM", "CPM", "CPC", "CPA", "CR", "CRM", "CLV", "KPI", "ROI"):
        assert sigle in sigles()


def test_recherche_tolerante():
    assert chercher(" cpl ").sigle == "CPL"
    assert chercher("ppc").sigle == "CPC"
    assert "SEO + SEA" in chercher("Sem").definition


def test_sigle_inconnu_propose_des_voisins():
    with pytest.raises(ErreurSaisie, match="Vouliez-vous dire\u00a0: CPL"):
        chercher("cpll")
    with pytest.raises(ErreurSaisie, match="obligatoire"):
        chercher("  ")


def test_pas_de_doublon_et_definitions_non_vides():
    assert len({t.sigle for t in GLOSSAIRE}) == len(GLOSSAIRE)
    assert all(t.definition.endswith(".") and t.developpe for t in GLOSSAIRE)
