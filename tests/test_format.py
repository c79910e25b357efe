import pytest
from hypothesis import given
from hypothesis import strategies as st

import coursekit as ck
from coursekit import format as fmt

NBSP, NNBSP = "\xa0", "\u202f"


@pytest.fixture(autouse=True)
def euro():
    fmt.definir_devise("EUR")
    yield
    fmt.definir_devise("EUR")


def test_monnaie_a_la_francaise():
    assert ck.monnaie(1440) == f"1{NNBSP}440{NBSP}€"
    assert ck.monnaie(12.5) == f"12,50{NBSP}€"
    assert ck.monnaie(1440.0) == f"1{NNBSP}440{NBSP}€"
    assert ck.monnaie(0.1 + 0.2) == f"0,30{NBSP}€"


def test_devise_du_cours_dirham():
    ck.definir_devise("MAD")
    # Montants de référence en euros, affichés en dirhams au taux unique (1 € → 10 DH).
    assert ck.monnaie(1440) == f"14{NNBSP}400{NBSP}DH"
    assert fmt.symbole_devise() == "DH"
    with pytest.raises(ck.ErreurSaisie, match="EUR"):
        ck.definir_devise("USD")


def test_pourcent_et_points():
    assert ck.pourcent(16.666) == f"16,7{NBSP}%"
    assert ck.pourcent(30) == f"30{NBSP}%"
    assert ck.pourcent(16.666, signe=True) == f"+16,7{NBSP}%"
    assert ck.pourcent(-6.666, signe=True) == f"\u22126,7{NBSP}%"
    assert ck.points(0.8) == f"+0,8{NBSP}point"
    assert ck.points(-2) == f"\u22122{NBSP}points"
    assert ck.monnaie(-3) == f"\u22123{NBSP}€" and ck.nombre(-1500) == "\u22121\u202f500"
    assert ck.ratio(3.5) == "3,5:1"
    assert ck.nombre(15000) == f"15{NNBSP}000"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_jamais_de_point_decimal_anglais(x):
    for texte in (ck.monnaie(x), ck.pourcent(x), ck.nombre(x)):
        assert "." not in texte
        assert "e+" not in texte


def test_format_refuse_nan():
    with pytest.raises(ck.ErreurSaisie):
        ck.monnaie(float("nan"))
