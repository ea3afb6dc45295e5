#!/usr/bin/env bash
# Runs this example offline: makes a git repository of team-packs/ (as a team would host it),
# writes registry.json pointing at it, then plans, applies and checks in a temporary copy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
packs="node $here/../../bin/packs.js"
work="$(mktemp -d)"
cp -r "$here/team-packs" "$work/team-packs-src"
git -C "$work/team-packs-src" init -q -b main
git -C "$work/team-packs-src" add -A
git -C "$work/team-packs-src" -c user.name=team -c user.email=team@example.com commit -q -m "sql-review 1.2.0"
git -C "$work/team-packs-src" tag v1.2.0
git clone -q --bare "$work/team-packs-src" "$work/team-packs.git"
mkdir "$work/project"
cp "$here/packs.yaml" "$work/project/"
sed "s#{{TEAM_PACKS_REPO}}#$work/team-packs.git#" "$here/registry.template.json" > "$work/project/registry.json"
cd "$work/project"
export PACKS_CACHE_DIR="$work/cache"
echo "Project: $work/project"
$packs plan
$packs apply --yes
$packs check
