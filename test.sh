#!/usr/bin/env bash
# Builds the solution once and runs every test project.
# Unit, architecture, integration (SQLite and a real PostgreSQL server) and browser tests
# (Playwright driving Debian's Chromium). Run as root on a fresh machine, it first installs
# what the tests need from Debian's packages: chromium, postgresql (and npm for the DSFR assets).
# Ends with one line "N passed, N failed"; exits non-zero if the build or any test failed.
set -euo pipefail

cd "$(dirname "$0")"
root="$(pwd)"
configuration=Release
results="$root/TestResults"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright drives /usr/bin/chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The servers the product runs on may be on UTC: the tests too, so a date taken from the server's zone shows (ParisClock).
export TZ=UTC

started=$(date +%s)

# One run at a time in this tree: a second build would overwrite the binaries the first one is testing.
pid_file="$root/.test.pid"
if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file" 2>/dev/null)" 2>/dev/null; then
  echo "test.sh: another ./test.sh (process $(cat "$pid_file")) is running in $root; wait for it to end." >&2
  exit 1
fi
echo $$ > "$pid_file"
trap 'rm -f "$pid_file"' EXIT

# --- prerequisites ---------------------------------------------------------------------------
have_postgres_server() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
have_postgres_server || missing+=(postgresql)
if ! command -v npm > /dev/null; then
  # The web project's build fetches the DSFR assets with npm.
  if command -v node > /dev/null; then
    echo "test.sh: node is installed without npm; the web project's build needs npm." >&2
  else
    missing+=(nodejs npm)
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_install() { apt-get install -y -q "${missing[@]}"; }
    # Refresh the package lists only when there are none, or when installing from them fails.
    if ! compgen -G "/var/lib/apt/lists/*_Packages" > /dev/null; then
      apt-get update -q
    fi
    if ! apt_install; then
      apt-get update -q
      apt_install
    fi
  else
    echo "test.sh: missing ${missing[*]} (run as root to install them); the tests that need them will fail." >&2
  fi
fi

# --- build -------------------------------------------------------------------------------------
echo "test.sh: dotnet build CarteBlanche.slnx -c $configuration"
if ! dotnet build CarteBlanche.slnx -c "$configuration" -nologo -clp:ErrorsOnly; then
  echo "test.sh: the build failed." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- tests -------------------------------------------------------------------------------------
rm -rf "$results"
mkdir -p "$results"
projects=(
  tests/CarteBlanche.UnitTests
  tests/CarteBlanche.ArchitectureTests
  tests/CarteBlanche.IntegrationTests
  tests/CarteBlanche.BrowserTests
)

counter() { # counter NAME FILE: the value of attribute NAME of the trx Counters element
  grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0
}

total_passed=0
total_failed=0
total_skipped=0
for project in "${projects[@]}"; do
  name="$(basename "$project")"
  trx="$results/$name.trx"
  project_started=$(date +%s)
  status=0
  dotnet test "$project" --no-build -c "$configuration" --nologo \
    --results-directory "$results" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" || status=$?
  passed=0
  failed=0
  skipped=0
  if [ -f "$trx" ]; then
    passed=$(counter passed "$trx")
    failed=$(( $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx") ))
    skipped=$(counter notExecuted "$trx")
  fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The run itself failed (crash, no test found, no report): count it as one failure.
    echo "test.sh: $name: dotnet test exited with $status without a failed test in its report." >&2
    failed=1
  fi
  echo "test.sh: $name: $passed passed, $failed failed, $skipped skipped ($(( $(date +%s) - project_started )) s)"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
done

# --- benefits engine: OpenFisca YAML tests (tests/benefits) run by the command itself ----------------------
yaml_started=$(date +%s)
yaml_log="$results/benefits-yaml.log"
status=0
dotnet src/CarteBlanche.Cli/bin/$configuration/net10.0/carteblanche.dll benefits test tests/benefits > "$yaml_log" 2>&1 || status=$?
last="$(tail -n 1 "$yaml_log")"
if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped$ ]]; then
  passed=${BASH_REMATCH[1]}; failed=${BASH_REMATCH[2]}; skipped=${BASH_REMATCH[3]}
else
  passed=0; failed=1; skipped=0
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  cat "$yaml_log" >&2
fi
echo "test.sh: benefits YAML tests: $passed passed, $failed failed, $skipped skipped ($(( $(date +%s) - yaml_started )) s)"
total_passed=$((total_passed + passed))
total_failed=$((total_failed + failed))
total_skipped=$((total_skipped + skipped))

# --- OpenFisca-France's own tests, when ../shared/openfisca-tests is there (never copied into the repository) ---------
# Issue 14's target: at least 95 % of the tests whose outputs the engine computes pass (the rest are listed, with
# their reason, in docs/adr/0008-benefits-engine.md). Under it, this step fails (one failure in the total).
shared_tests="$root/../shared/openfisca-tests/tests"
if [ -d "$shared_tests" ]; then
  shared_log="$results/openfisca-france.log"
  dotnet src/CarteBlanche.Cli/bin/$configuration/net10.0/carteblanche.dll benefits test "$shared_tests" > "$shared_log" 2>&1 || true
  last="$(tail -n 1 "$shared_log")"
  if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped$ ]]; then
    run=$(( BASH_REMATCH[1] + BASH_REMATCH[2] ))
    rate=$(( run == 0 ? 0 : 1000 * BASH_REMATCH[1] / run ))
    echo "test.sh: OpenFisca-France's tests: ${BASH_REMATCH[1]} passed, ${BASH_REMATCH[2]} failed, ${BASH_REMATCH[3]} skipped; $(( rate / 10 )).$(( rate % 10 )) % of those run pass, target 95 % ($shared_log)"
    if [ "$rate" -ge 950 ]; then
      total_passed=$(( total_passed + 1 ))
    else
      echo "test.sh: FAILED: OpenFisca-France's pass rate is under 95 %"
      total_failed=$(( total_failed + 1 ))
    fi
  else
    echo "test.sh: FAILED: OpenFisca-France's tests did not run to the end: see $shared_log"
    total_failed=$(( total_failed + 1 ))
  fi
fi

echo "test.sh: $total_skipped skipped; total time $(( $(date +%s) - started )) s"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
