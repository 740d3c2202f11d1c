#!/usr/bin/env bash
# Workbench start-up, "start to a usable window", as ./calphot-workbench starts it (class-data sharing, later C2),
# beside three baselines of the same run: the plain `java -Xmx2g -jar plugins/org.eclipse.equinox.launcher_*.jar`
# start of the same product (before issue 21), java -version (the JVM's floor) and an empty SWT window of the same
# size (the JVM + SWT + GTK floor).
# Each start is timed from outside: from launching the process to the moment its main window is mapped on the
# X display (with a window manager: the moment it lists the window in _NET_CLIENT_LIST, seen by `xprop -spy`;
# without one: xdotool search --sync --onlyvisible, which polls every 0.5 s), then the process is stopped. The workbench's own figure
# (-Dcalphot.startupTime=true: "window open N ms after JVM start, C s CPU") is printed beside it.
#   DISPLAY=:103 tools/bench/workbench-startup.sh [--repeat N]      (needs the built workbench product, Xvfb, xdotool)
# Two untimed starts first (page cache, workspace metadata, registry cache); starts of the four kinds alternate;
# medians printed.
set -euo pipefail

repeat=3
[ "${1:-}" = "--repeat" ] && repeat="${2:?--repeat needs a number}"
[ -n "${DISPLAY:-}" ] || { echo "workbench-startup: set DISPLAY (e.g. Xvfb :103 -screen 0 1600x1000x24 &)" >&2; exit 2; }
command -v xdotool >/dev/null || { echo "workbench-startup: xdotool is not installed" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
wb="$here/product/org.calphot.product/target/products/org.calphot.ui.product/linux/gtk/x86_64/calphot-workbench"
launcher=("$wb"/plugins/org.eclipse.equinox.launcher_*.jar)
swt=("$wb"/plugins/org.eclipse.swt.gtk.linux.x86_64_*.jar)
[ -f "${launcher[0]}" ] && [ -f "${swt[0]}" ] || { echo "workbench-startup: no workbench product at $wb (./mvnw -B -o verify -DskipTests)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/calphot-wb-bench.XXXXXX")
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
javac -d "$tmp/classes" -cp "${swt[0]}" "$here/tools/bench/EmptyShell.java"

now() { date +%s.%N; }
# a window manager that keeps _NET_CLIENT_LIST (openbox, as the walkthrough uses): event-driven timing
wm=""
if xprop -root _NET_CLIENT_LIST 2>/dev/null | grep -q 'window id'; then wm=y; fi
# start "$title" cmd...: seconds from launch until a visible window with that title exists; stops the process
start() {
    local title="$1"; shift
    local t0 t1
    if [ -n "$wm" ]; then
        coproc SPY { exec xprop -root -spy _NET_CLIENT_LIST 2>/dev/null; }
        read -r -t 10 _ <&"${SPY[0]}" || true # the list as it is now
    fi
    t0=$(now)
    "$@" >"$tmp/out.txt" 2>&1 &
    pid=$!
    if [ -n "$wm" ]; then
        # event-driven: the window manager lists each window it maps in the root's _NET_CLIENT_LIST, and
        # `xprop -spy` prints every change as it happens (`xdotool search --sync` sleeps half a second between
        # tries, up to 0.5 s added to each start; polling with a new xdotool every few ms slowed the start itself)
        local line id found=""
        while [ -z "$found" ] && read -r -t 120 line <&"${SPY[0]}"; do
            for id in $(grep -o '0x[0-9a-f]*' <<<"$line"); do
                if xprop -id "$id" WM_NAME 2>/dev/null | grep -qF "\"$title"; then found=y; fi
            done
        done
        [ -n "$found" ] || { echo "workbench-startup: no window '$title' within 120 s; output:" >&2;
            tail -n 20 "$tmp/out.txt" >&2; exit 1; }
    elif ! timeout 120 xdotool search --sync --onlyvisible --name "$title" >/dev/null 2>&1; then
        echo "workbench-startup: no window '$title' within 120 s; output:" >&2; tail -n 20 "$tmp/out.txt" >&2; exit 1
    fi
    t1=$(now)
    sleep 0.3 # the workbench prints its own figure right after the window opens
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
    if [ -n "$wm" ]; then kill "$SPY_PID" 2>/dev/null || true; wait "$SPY_PID" 2>/dev/null || true; fi
    echo "$t0 $t1" | awk '{printf "%.3f", $2 - $1}'
}
floor() {
    local t0 t1
    t0=$(now); java -version >/dev/null 2>&1; t1=$(now)
    echo "$t0 $t1" | awk '{printf "%.3f", $2 - $1}'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

workbench=(env CALPHOT_JAVA_OPTS=-Dcalphot.startupTime=true "$here/calphot-workbench" -data "$tmp/workspace")
plain=(java -Xmx2g -Dcalphot.startupTime=true -jar "${launcher[0]}" -data "$tmp/workspace")
shell=(java -cp "$tmp/classes:${swt[0]}" EmptyShell calphot-bench-empty-shell)
load0=$(cut -d' ' -f1 /proc/loadavg)
# untimed, twice: page cache, new workspace; each quits as a user does (-Dcalphot.exitAfterStart), so the extension
# registry's cache and the layout are saved as after any session; after a build the second writes the CDS archive
for warm in 1 2; do
    if ! timeout 180 env CALPHOT_JAVA_OPTS=-Dcalphot.exitAfterStart=true "$here/calphot-workbench" \
            -data "$tmp/workspace" >"$tmp/out.txt" 2>&1; then
        echo "workbench-startup: the warm-up start failed; output:" >&2; tail -n 20 "$tmp/out.txt" >&2; exit 1
    fi
done
# every timed start is stopped by a signal, which leaves the workspace as after a crash (the next start recovers
# it); each timed start gets a copy of the workspace as the warm-up's clean exit left it, as a user's next day does
cp -a "$tmp/workspace" "$tmp/clean"
fresh() { rm -rf "$tmp/workspace"; cp -a "$tmp/clean" "$tmp/workspace"; }
wbs=""; plains=""; shells=""; floors=""; own=""; ownplain=""
for ((i = 0; i < repeat; i++)); do
    floors="$floors $(floor)"
    shells="$shells $(start calphot-bench-empty-shell "${shell[@]}")"
    fresh
    wbs="$wbs $(start "calphot workbench" "${workbench[@]}")"
    own="$own$(grep -o 'window open.*' "$tmp/out.txt" || true); "
    fresh
    plains="$plains $(start "calphot workbench" "${plain[@]}")"
    ownplain="$ownplain$(grep -o 'window open.*' "$tmp/out.txt" || true); "
done
printf 'workbench start to its main window shown: median %s s (%s)\n' "$(echo $wbs | median)" "${wbs# }"
printf '  its own figure (JVM start to postWindowOpen): %s\n' "${own%; }"
printf 'plain java -jar launcher start (baseline, no CDS, default JIT): median %s s (%s)\n' "$(echo $plains | median)" "${plains# }"
printf '  its own figure: %s\n' "${ownplain%; }"
printf 'empty SWT window (baseline, JVM + SWT + GTK): median %s s (%s)\n' "$(echo $shells | median)" "${shells# }"
printf 'java -version (baseline, the JVM floor): median %s s (%s)\n' "$(echo $floors | median)" "${floors# }"
printf '%d starts each on %s, %d cores, load average %s (before) %s (after)\n' "$repeat" "$DISPLAY" "$(nproc)" \
    "$load0" "$(cut -d' ' -f1 /proc/loadavg)"
