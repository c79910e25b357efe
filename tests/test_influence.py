import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import ErreurSaisie
from coursekit.influence import cout_par_interaction, interactions_attendues


def test_exemple_du_cours():
    assert interactions_attendues(15_000, 6) == 900
    assert cout_par_interaction(300, 15_000, 6) == pytest.approx(1 / 3)
    assert cout_par_interaction(6_000, 400_000, 2) == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("args", "mot"),
    [
        ((300, 0, 5), "aucune interaction"),
        ((300, 100, 150), "entre 0 et 100"),
        ((-1, 100, 5), "négatif"),
        ((300, "mille", 5), "abonnés"),
    ],
)
def test_mauvaises_saisies(args, mot):
    with pytest.raises(ErreurSaisie, match=mot):
        cout_par_interaction(*args)


@given(st.floats(1, 1e5), st.integers(1, 10**7), st.floats(0.1, 100))
def test_plus_d_engagement_coute_moins_cher(prix, abonnes, taux):
    assert (
        cout_par_interaction(prix, abonnes, taux)
        >= cout_par_interaction(prix, abonnes, min(100, taux * 2)) - 1e-12
    )
