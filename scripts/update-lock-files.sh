#!/usr/bin/env bash
# Restores are locked (RestoreLockedMode in Directory.Build.props): after adding, removing or
# changing a package version in Directory.Packages.props, rewrite the lock files with this.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore CarteBlanche.slnx --force-evaluate -p:RestoreLockedMode=false
