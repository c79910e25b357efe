#!/usr/bin/env bash
# Installe le cours une fois pour toute la classe (à lancer en root, depuis une copie du dépôt).
#
#   sudo bash classe/installer.sh                 # cours dans /opt/coursekit/cours, Python dans /opt/coursekit/venv
#   sudo bash classe/installer.sh /srv/coursekit  # autre dossier d'installation
#
# Le Python du système (/usr/bin/python3) sert de base : un Python installé dans le dossier
# personnel de root (pyenv, conda…) n'est pas lisible par les comptes des élèves.
# La commande peut être relancée : elle met à jour la copie du cours et ne réinstalle que ce qui manque.
set -euo pipefail
DEPOT="$(cd "$(dirname "$0")/.." && pwd)"
CIBLE="${1:-/opt/coursekit}"
PYTHON_BASE="${COURSEKIT_PYTHON_BASE:-/usr/bin/python3}"
mkdir -p "$CIBLE/cours"
rm -rf "$CIBLE/cours/src" "$CIBLE/cours/data" "$CIBLE/cours/notebooks" "$CIBLE/cours/classe"
# Copie du cours (sans build/, mes-travaux/ ni .git) lisible par tous les comptes.
tar -C "$DEPOT" --exclude=./.git --exclude=./build --exclude='*/mes-travaux' --exclude='*/__pycache__' \
    -cf - src data notebooks classe pyproject.toml README.md | tar -C "$CIBLE/cours" -xf -
chmod a+rx "$CIBLE"
chmod -R a+rX "$CIBLE/cours"
if [ ! -x "$CIBLE/venv/bin/jupyterhub-singleuser" ] || ! cmp -s "$DEPOT/pyproject.toml" "$CIBLE/venv/.pyproject-installe"; then
  if ! "$PYTHON_BASE" -c "import ensurepip" 2>/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
  fi
  [ -x "$CIBLE/venv/bin/python" ] || "$PYTHON_BASE" -m venv "$CIBLE/venv"
  "$CIBLE/venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip "setuptools>=68"
  "$CIBLE/venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$CIBLE/cours[classe]"
  cp "$DEPOT/pyproject.toml" "$CIBLE/venv/.pyproject-installe"
  chmod -R a+rX "$CIBLE/venv"
fi
if ! command -v configurable-http-proxy >/dev/null 2>&1; then
  if ! command -v npm >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  fi
  npm install -g --silent configurable-http-proxy >/dev/null
fi
echo "Cours installé dans $CIBLE (Python : $CIBLE/venv/bin/python)."
