"""Ouvre le cours coursekit dans JupyterLab, en français — une seule commande, sur tout système.

    python ouvrir.py                 (élève : votre copie du cours, sans les corrigés)
    python ouvrir.py --professeur    (professeur : le cours complet, avec les corrigés)
    python ouvrir.py --maroc         (édition marocaine : tous les montants en dirhams)

La première fois, ce script installe ce dont le cours a besoin (quelques minutes,
avec Internet), puis il ouvre JupyterLab dans le navigateur. Il ne sert qu'à cela :
tout le reste est dans ``src/coursekit/ouvrir.py``.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

ICI = Path(__file__).resolve().parent


def cours_installe() -> bool:
    """Le paquet du cours est-il installé, depuis ce dossier, avec JupyterLab ?"""
    if importlib.util.find_spec("jupyterlab") is None:
        return False
    spec = importlib.util.find_spec("coursekit")
    return spec is not None and spec.origin is not None and Path(spec.origin).resolve().is_relative_to(ICI)


def main() -> int:
    if sys.version_info < (3, 10):  # noqa: UP036 — ce script tourne avant toute installation
        print("Le cours demande Python 3.10 ou plus récent : installez-le depuis python.org, puis relancez.")
        return 1
    if not cours_installe():
        print("Première ouverture : installation du cours (quelques minutes)…", flush=True)
        code = subprocess.call(
            [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-e", str(ICI)]
        )
        if code != 0:
            print(
                "L'installation a échoué : vérifiez la connexion à Internet, puis relancez « python ouvrir.py »."
            )
            return code
    try:
        return subprocess.call([sys.executable, "-m", "coursekit.ouvrir", *sys.argv[1:]])
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
