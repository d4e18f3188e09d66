#!/usr/bin/env bash
# Generates a migration for both providers at once, with the same name (see ARCHITECTURE.md, "Borders").
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <Name>}"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="src/Migrations/CarteBlanche.Migrations.$provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
