#!/usr/bin/env bash
# Test of the GNU parallel recipe (README "Many configs"): 20 simulated nights through calphot-parallel and
# calphot-merge, checked against `calphot run` of the same configs alone and against the one-JVM batch
# `calphot run A.yaml B.yaml ... --jobs 2`. Needs the built headless product and GNU parallel.
#   tools/cluster/test-parallel.sh [WORK_DIR]     (default: a new temporary folder, removed on success)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CALPHOT_NO_BUILD=1
calphot="$here/../../calphot"
work=${1:-$(mktemp -d "${TMPDIR:-/tmp}/calphot-parallel-test.XXXXXX")}
mkdir -p "$work"
fail() { echo "test-parallel: FAILED: $*" >&2; exit 1; }
nights=20
frames=300

echo "test-parallel: simulating $nights nights in $work" >&2
: > "$work/manifest.txt"
for i in $(seq 1 $nights); do
    d="$work/nights/n$i"
    # a different seed each: different data, same target; the 900 s start 9 min before the default ephemeris's
    # eclipse (T0 60384.13123), so every night has an eclipse and non-empty lightcurves to compare
    "$calphot" simulate -i ultracam -n $frames -s "$i" -o "$d" --start 60384.125 \
        --no-truth-frames >/dev/null 2>>"$work/simulate.err" || fail "simulate n$i: $(tail -1 "$work/simulate.err")"
    echo "$d/calphot.yaml" >> "$work/manifest.txt"
done
# the same configs, copied before any run: for the lone runs and the one-JVM batch
cp -r "$work/nights" "$work/alone"
cp -r "$work/nights" "$work/batch"

echo "test-parallel: GNU parallel recipe" >&2
"$here/calphot-parallel" "$work/manifest.txt" "$work/summaries" --jobs 2 > "$work/summary.tsv" \
    || fail "calphot-parallel exit $?"
[ "$(head -1 "$work/summary.tsv")" = "$(printf 'config\tlogs\tframes\tstatus\ttime_s\toutput')" ] \
    || fail "summary header: $(head -1 "$work/summary.tsv")"
[ "$(tail -n +2 "$work/summary.tsv" | wc -l)" -eq $nights ] || fail "summary rows: $(wc -l < "$work/summary.tsv")"
[ "$(tail -n +2 "$work/summary.tsv" | cut -f4 | sort -u)" = ok ] || fail "not all ok: $(cut -f4 "$work/summary.tsv")"
[ "$(tail -n +2 "$work/summary.tsv" | cut -f2 | sort -u)" = 1 ] || fail "one log per night expected"
# frames: the calibrated frames of the night, at most the simulated exposures (a few are bad by design)
tail -n +2 "$work/summary.tsv" | cut -f3 | while read -r n; do
    [ "$n" -gt $((frames * 9 / 10)) ] && [ "$n" -le $frames ] || fail "frames $n not in ($((frames * 9 / 10)), $frames]"
done

echo "test-parallel: lone runs and the one-JVM batch" >&2
for i in 1 7 20; do
    "$calphot" run --quiet "$work/alone/n$i/calphot.yaml" >/dev/null || fail "lone run of n$i"
done
( cd "$work/batch" && "$calphot" run n*/calphot.yaml --jobs 2 > "$work/batch.txt" ) || fail "batch exit $?"
grep -q "^$nights configs: $nights ok, 0 failed" "$work/batch.txt" || fail "batch summary: $(tail -1 "$work/batch.txt")"

# every lightcurve file of a parallel task and of the batch equals the lone run's, byte for byte
for i in 1 7 20; do
    # follow the output folder's links (calphot_out/X -> .calphot-gen-*) and skip the generation folders
    # themselves, whose names differ from run to run
    out_alone=$(find -L "$work/alone/n$i" -name '.calphot-*' -prune -o -name '*.calib' -print | sort)
    [ -n "$out_alone" ] || fail "no .calib in the lone run of n$i"
    # an empty lightcurve would make the comparison below vacuous
    for f in $out_alone; do
        [ "$(grep -vc "^#" "$f")" -gt 50 ] || fail "$f has $(grep -vc '^#' "$f") data rows, expected the eclipse (u: 3 co-adds)"
    done
    for f in $out_alone; do
        rel=${f#"$work/alone/"}
        # line 1 names the log by its absolute path, which differs between the three copies
        cmp -s <(tail -n +2 "$f") <(tail -n +2 "$work/nights/$rel") || fail "parallel $rel differs from the lone run"
        cmp -s <(tail -n +2 "$f") <(tail -n +2 "$work/batch/$rel") || fail "batch $rel differs from the lone run"
        for ext in csv lcurve; do
            g=${f%.calib}.$ext
            cmp -s "$g" "$work/nights/${g#"$work/alone/"}" || fail "parallel ${g#"$work/alone/"} differs"
        done
    done
done

echo "test-parallel: a bad config and a missing task are reported by the merge step" >&2
printf 'period: x\n' > "$work/bad.yaml"
{ head -2 "$work/manifest.txt"; echo "$work/bad.yaml"; } > "$work/manifest2.txt"
rc=0
"$here/calphot-parallel" "$work/manifest2.txt" "$work/summaries2" --jobs 2 > "$work/summary2.tsv" 2>/dev/null || rc=$?
[ $rc -ne 0 ] || fail "a failed config must make calphot-parallel exit non-zero"
[ "$(sed -n 4p "$work/summary2.tsv" | cut -f4)" = bad-input ] || fail "bad config row: $(sed -n 4p "$work/summary2.tsv")"
rm "$work/summaries2/2.tsv"
rc=0
"$here/calphot-merge" "$work/manifest2.txt" "$work/summaries2" > "$work/summary3.tsv" 2>/dev/null || rc=$?
[ $rc -eq 1 ] || fail "merge with a missing task: exit $rc"
[ "$(sed -n 3p "$work/summary3.tsv" | cut -f4)" = missing ] || fail "missing row: $(sed -n 3p "$work/summary3.tsv")"

echo "test-parallel: passed ($nights nights)" >&2
[ $# -ge 1 ] || rm -rf "$work"
