"""Accès au pilote des tests dans le navigateur depuis les scripts de ``benchmarks/``."""

import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "tests" / "navigateur"))

import pilote  # noqa: E402
import projection  # noqa: E402

__all__ = ["RACINE", "pilote", "projection"]
