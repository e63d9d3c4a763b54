# Sourced by the benchmark scripts. measure LABEL CMD...: prints wall seconds, user+sys CPU
# seconds and peak RSS (MiB) of CMD, with its exit status; CMD's output is discarded.
measure() {
  local label=$1; shift
  local log status=0
  log=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>"$log.err" || status=$?
  local wall user sys rss
  read -r wall user sys rss < <(tail -n1 "$log")
  printf "%-36s wall %7.2f s   cpu %7.2f s   peak RSS %6d MiB   (exit %d)\n" \
    "$label" "$wall" "$(awk "BEGIN{print $user + $sys}")" "$((rss / 1024))" "$status"
  rm -f "$log" "$log.err"
}
