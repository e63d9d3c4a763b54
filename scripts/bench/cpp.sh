#!/usr/bin/env bash
# C++ headers benchmark on two real header sets from Debian packages:
#   protobuf: the 91 headers of libprotobuf-dev (61k lines);
#   qtcore:   the 200 headers of qtbase5-dev's QtCore (59k lines), ten platform or internal ones
#             excluded (they do not compile on their own, as Qt's own include rules say).
# For each: OLD against itself must report nothing; a NEW copy with mutations of known verdict
# must report each by its rule; reports wall time, CPU time and peak RSS of breakwater and of
# libclang's parse of both sides (clang_parse_floor: the same umbrella translation unit, nothing
# modelled) and of `clang++ -fsyntax-only` on both sides (the C++ bar: at most that time), and
# runs abi-compliance-checker in headers-only mode on the same input when it is installed
# (`apt-get install abi-compliance-checker`; minutes). Run by hand; record the figures in
# docs/performance.md.
#
# usage: scripts/bench/cpp.sh [--keep] [--dir DIR] [--set protobuf|qtcore|all] [--no-acc]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
keep=0 dir="" set=all acc=1
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --dir) dir=$2; shift ;;
    --set) set=$2; shift ;;
    --no-acc) acc=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
BREAKWATER=${BREAKWATER:-$root/build/breakwater}
FLOOR=${FLOOR:-$root/build/clang_parse_floor}
CLANGXX=${CLANGXX:-$(command -v clang++-14 || command -v clang++)}
[ -x "$BREAKWATER" ] && [ -x "$FLOOR" ] || { echo "build first: $BREAKWATER, $FLOOR" >&2; exit 2; }
dir=${dir:-$(mktemp -d /tmp/bw-cpp-bench-XXXXXX)}
[ "$keep" = 1 ] || trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores; $(uname -sr)"
. "$here/measure.sh"

# copy_headers PREFIX PACKAGE REGEX DEST: the package's headers under PREFIX, as clients see them.
copy_headers() {
  local prefix=$1 package=$2 regex=$3 dest=$4 f
  rm -rf "$dest"
  for f in $(dpkg -L "$package" | grep -E "$regex"); do
    [ -f "$f" ] || continue
    mkdir -p "$dest/$(dirname "${f#$prefix/}")"
    cp "$f" "$dest/${f#$prefix/}"
  done
}

# bench NAME EXPECTED_RULES FLAGS... : OLD/NEW under $dir/NAME, config in $dir/NAME.yaml.
bench() {
  local name=$1 expected=$2 base="$dir/$1"
  echo
  echo "== $name: $(find "$base/old" -name '*.h' | wc -l) headers, $(cat $(find "$base/old" -name '*.h') | wc -l) lines a side"
  local cfg=(--config "$base/breakwater.yaml")
  measure "libclang parse-only (both)" "$FLOOR" "$base/old" "$base/new" "${floor_flags[@]}"
  # The bar as issue 17 states it: the compiler's own -fsyntax-only of both versions (function
  # bodies parsed, no preprocessing record), on the same umbrella of headers and flags.
  local side compile_flags=() skip=0 f
  for f in "${floor_flags[@]}"; do
    [ "$skip" = 1 ] && { skip=0; continue; }
    case $f in --exclude) skip=1 ;; --) ;; *) compile_flags+=("$f") ;; esac
  done
  for side in old new; do
    (cd "$base/$side" && find . -name '*.h' | sed 's|^\./||' | sort | while read -r h; do
      case " ${excluded_headers:-} " in *" $h "*) continue ;; esac
      printf '#include "%s"\n' "$base/$side/$h"
    done) > "$base/umbrella-$side.cpp"
  done
  measure "clang++ -fsyntax-only (both)" sh -c \
    "$CLANGXX -x c++ -std=c++17 -fsyntax-only -I '$base/old' ${compile_flags[*]:-} '$base/umbrella-old.cpp' &&
     $CLANGXX -x c++ -std=c++17 -fsyntax-only -I '$base/new' ${compile_flags[*]:-} '$base/umbrella-new.cpp'"
  measure "breakwater OLD vs OLD" "$BREAKWATER" check "$base/old" "$base/old" --lang cpp "${cfg[@]}"
  "$BREAKWATER" check "$base/old" "$base/old" --lang cpp "${cfg[@]}" --format json -o "$base/same.json" || true
  measure "breakwater OLD vs NEW" "$BREAKWATER" check "$base/old" "$base/new" --lang cpp "${cfg[@]}"
  "$BREAKWATER" check "$base/old" "$base/new" --lang cpp "${cfg[@]}" --format json -o "$base/n.json" || true
  python3 - "$base/same.json" "$base/n.json" $expected <<'PY'
import json, sys
same = json.load(open(sys.argv[1]))["findings"]
found = [f["rule_id"] for f in json.load(open(sys.argv[2]))["findings"]]
expected = sys.argv[3:]
print(f"OLD vs OLD: {len(same)} findings (must be 0)" +
      "".join(f"\n  {f['rule_id']}: {f['message']}" for f in same[:5]))
missing = [r for r in expected if r not in found]
extra = [r for r in found if r not in expected]
print(f"recall: {len(expected) - len(missing)}/{len(expected)} mutations reported"
      + (f"; missed {missing}" if missing else "")
      + f"; other findings: {len(extra)}" + (f" {sorted(set(extra))}" if extra else ""))
sys.exit(0 if not same and not missing else 1)
PY
  if [ "$acc" = 1 ] && command -v abi-compliance-checker >/dev/null 2>&1; then
    for side in old new; do
      {
        printf '<version>%s</version>\n<headers>\n%s\n</headers>\n' "$side" "$base/$side"
        [ -n "$acc_extra" ] && printf '%s\n' "${acc_extra//@SIDE@/$base/$side}"
      } > "$base/acc-$side.xml"
    done
    measure "abi-compliance-checker headers-only" \
      sh -c "cd '$base' && abi-compliance-checker -lib $name -old acc-old.xml -new acc-new.xml -headers-only"
  fi
}

if [ "$set" = all ] || [ "$set" = protobuf ]; then
  base="$dir/protobuf"
  copy_headers /usr/include libprotobuf-dev '^/usr/include/google/protobuf/.*\.(h|inc)$' "$base/old"
  cp -r "$base/old" "$base/new"
  p="$base/new/google/protobuf"
  # Mutations of known verdict (file, edit, rule expected).
  sed -i 's/    TYPE_DOUBLE = 1, /    TYPE_DOUBLE = 101, /' "$p/descriptor.h"
  sed -i 's/^  virtual size_t ByteSizeLong() const = 0;/  virtual void BreakwaterInserted();\n&/' "$p/message_lite.h"
  # A version bump: information (VERSION_CHANGED), never an error.
  sed -i 's/^#define GOOGLE_PROTOBUF_VERSION 3021012/#define GOOGLE_PROTOBUF_VERSION 3021013/' "$p/stubs/common.h"
  sed -i 's/^class PROTOBUF_EXPORT Status {/&\n  int breakwater_added_ = 0;/' "$p/stubs/status.h"
  printf 'version: 1\n' > "$base/breakwater.yaml"
  floor_flags=() acc_extra="" excluded_headers=""
  bench protobuf "ENUM_VALUE_NO_CHANGE VIRTUAL_NO_CHANGE VERSION_CHANGED RECORD_LAYOUT_NO_CHANGE"
fi

if [ "$set" = all ] || [ "$set" = qtcore ]; then
  base="$dir/qtcore"
  copy_headers /usr/include/x86_64-linux-gnu/qt5 qtbase5-dev \
    '^/usr/include/x86_64-linux-gnu/qt5/QtCore/[^/]*$' "$base/old"
  cp -r "$base/old" "$base/new"
  q="$base/new/QtCore"
  sed -i 's/^    int indexOfMethod(const char \*method) const;/    int indexOfMethod(const char *method, bool normalize = false) const;/' "$q/qobjectdefs.h"
  sed -i 's/^    virtual bool isSequential() const;/    virtual bool isSequential() const;\n    virtual bool breakwaterInserted() const;/' "$q/qiodevice.h"
  sed -i 's/^    int m_bottom;$/    int m_bottom;\n    int m_breakwater_added;/' "$q/qmargins.h"
  excluded="QtCore/qatomic_bootstrap.h QtCore/qatomic_msvc.h QtCore/qconfig-bootstrapped.h QtCore/qfunctions_nacl.h QtCore/qfunctions_vxworks.h QtCore/qfunctions_winrt.h QtCore/qt_windows.h QtCore/qobject_impl.h QtCore/qobjectdefs_impl.h QtCore/qsharedpointer_impl.h"
  {
    printf 'version: 1\ncompile_flags: [-fPIC]\nexclude:\n'
    for x in $excluded; do printf '  - %s\n' "$x"; done
  } > "$base/breakwater.yaml"
  floor_flags=(--exclude ${excluded// / --exclude } -- -fPIC)
  excluded_headers=$excluded
  acc_extra="<gcc_options>-fPIC</gcc_options>
<skip_headers>
$(for x in $excluded; do echo "${x#QtCore/}"; done)
</skip_headers>
<include_paths>@SIDE@</include_paths>"
  # QMargins growing also changes QTypeInfo<QMargins>::sizeOf (an explicit specialization's
  # constant): CONSTANT_NO_CHANGE is a true consequence of the mutation.
  bench qtcore "PARAMETER_NO_ADD VIRTUAL_NO_CHANGE RECORD_LAYOUT_NO_CHANGE CONSTANT_NO_CHANGE"
fi
