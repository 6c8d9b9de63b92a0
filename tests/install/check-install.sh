#!/bin/sh
# Installs a build into a scratch folder and uses it as a consumer would:
#   check-install.sh BUILD_DIR SOURCE_DIR
# 1. `meson install --destdir`: the headers, libmedins.so.0 (soname), medins.pc and the shipped
#    policies are where the configured directories say, and the library exports only medins_*;
#    the command, the Python extension and the JNI library carry a run path to the library
#    outside the system's library folders; the Python package is where the configured
#    interpreter reads it (for /usr/local and the interpreter's own prefix); beside medins.jar,
#    its sources and Javadoc jars and its pom, and the Javadoc builds from the installed sources;
# 2. a C program built with `pkg-config --cflags --libs medins` runs against the installed library
#    and settles a claim with the embedded policies and with the installed policy files;
# 3. a meson project using libmedins as a subproject (dependency('medins')) builds and runs.
# A real install into a prefix, and the Debian packages, are tested by check-prefix.sh and
# check-debian.sh (suite `packages`).
set -eu

build=$(cd "${1:?build dir}" && pwd)
src=$(cd "${2:?source dir}" && pwd)
here=$src/tests/install
. "$here/lib.sh"
scratch install
dest=$tmp/dest
need() { if [ -e "$1" ]; then ok "installed ${1#"$dest"}"; else fail "missing ${1#"$dest"}"; fi; }

# The configured directories, as meson resolved them for this build.
dirs=$("$MESON" introspect --buildoptions "$build" | python3 -c '
import json, os, sys
o = {x["name"]: x["value"] for x in json.load(sys.stdin)}
for k in ("libdir", "includedir", "datadir"):
    print(os.path.join(o["prefix"], o[k]))
print(o.get("b_sanitize", "none"))
print(o["prefix"])
print(o.get("python_interpreter", ""))
')
libdir=$(echo "$dirs" | sed -n 1p)
includedir=$(echo "$dirs" | sed -n 2p)
datadir=$(echo "$dirs" | sed -n 3p)
prefix=$(echo "$dirs" | sed -n 5p)
interpreter=$(echo "$dirs" | sed -n 6p)
# A sanitized library needs its runtime in every program that loads it: not a consumer's case.
if [ "$(echo "$dirs" | sed -n 4p)" != none ]; then
    echo "skipped: the build uses b_sanitize"
    exit 77
fi

echo "== meson install --destdir"
"$MESON" install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log" >&2
    echo "FAIL: meson install" >&2
    exit 1
}

echo "== installed files"
need "$dest$includedir/medins.h"
for h in "$src"/include/medins/*.h; do
    need "$dest$includedir/medins/$(basename "$h")"
done
need "$dest$includedir/medins/version.h"
need "$dest$libdir/pkgconfig/medins.pc"
need "$dest$datadir/bash-completion/completions/medins"
need "$dest$libdir/libmedins.so"
lib=$dest$libdir/libmedins.so.0
need "$lib"
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
if [ "$soname" = libmedins.so.0 ]; then ok "soname $soname"; else fail "soname '$soname', expected libmedins.so.0"; fi

# Every shipped policy is installed, and nothing else lands in the policy folder.
(cd "$src/policies" && find . -name '*.yaml' -type f | LC_ALL=C sort) >"$tmp/shipped"
if [ -d "$dest$datadir/medins/policies" ]; then
    (cd "$dest$datadir/medins/policies" && find . -type f | LC_ALL=C sort) >"$tmp/installed"
else
    : >"$tmp/installed"
fi
if [ -s "$tmp/shipped" ] && cmp -s "$tmp/shipped" "$tmp/installed"; then
    ok "$(wc -l <"$tmp/shipped") policies under share/medins/policies"
else
    fail "installed policies differ from policies/*.yaml:"
    diff "$tmp/shipped" "$tmp/installed" >&2 || true
fi

# The visibility is hidden by default: only the API is exported.
nm -D --defined-only "$lib" | awk 'NF >= 3 { print $3 }' >"$tmp/exports"
if [ ! -s "$tmp/exports" ]; then
    fail "no exported symbols"
elif grep -v '^medins_' "$tmp/exports" >"$tmp/stray"; then
    fail "exported symbols outside medins_*:"
    sed 's/^/  /' "$tmp/stray" >&2
else
    ok "$(wc -l <"$tmp/exports") exported symbols, all medins_*"
fi

# Where each file went, as meson resolved it (destinations without the destdir).
installed=$("$MESON" introspect --installed "$build" | python3 -c '
import json, sys
print("\n".join(sorted(json.load(sys.stdin).values())))
')
path_of() { echo "$installed" | grep -E "$1" | head -1; }

echo "== run paths"
# Outside the folders the dynamic linker searches by itself, whatever loads libmedins finds it
# through its run path (no LD_LIBRARY_PATH, no ldconfig); inside them it has none.
case $libdir in
    /usr/lib | /usr/lib64 | /lib | /lib64 | /usr/lib/*-linux-* | /lib/*-linux-*) want_rpath= ;;
    *) want_rpath=$libdir ;;
esac
for f in "$(path_of '/bin/medins$')" "$(path_of '/_lowlevel[^/]*[.]so$')" \
         "$(path_of '/libmedins_java[.]so$')"; do
    [ -n "$f" ] || continue  # a binding that is not built
    rp=$(readelf -d "$dest$f" | sed -n 's/.*(R[UN]*PATH).*\[\(.*\)\]/\1/p')
    if [ "$rp" = "$want_rpath" ]; then
        ok "run path of ${f##*/}: ${rp:-none}"
    else
        fail "run path of $f is '$rp', expected '${want_rpath:-none}'"
    fi
done
if [ -n "$(path_of '/man1/medins[.]1$')" ]; then
    ok "manual page medins(1)"
else
    fail "no medins(1)"
fi

init=$(path_of '/medins/__init__[.]py$')
if [ -n "$init" ]; then
    echo "== Python package"
    need "$dest${init%/*}/lowlevel.py"
    for f in "$dest${init%/*}"/_lowlevel*.so; do need "$f"; done
    # The package is on the interpreter's path when the prefix is the interpreter's own or the
    # one it installs local packages under (/usr/local for Debian's python3); from any other
    # prefix it is used through PYTHONPATH.
    site=${init%/medins/__init__.py}
    reads=$("$interpreter" -c '
import sys, sysconfig
site, prefix = sys.argv[1:]
local = sysconfig.get_paths()["platlib"]
own = prefix in (sys.prefix, sys.base_prefix) or local.startswith(prefix.rstrip("/") + "/")
print("yes" if site in sys.path else "no", "yes" if own else "no")
' "$site" "$prefix")
    case $reads in
        "yes "*) ok "$interpreter reads $site" ;;
        "no yes") fail "$interpreter does not read $site, in its own prefix $prefix" ;;
        *) ok "$site is under $prefix, not the interpreter's: use it through PYTHONPATH" ;;
    esac
fi

jar=$(path_of '/medins[.]jar$')
if [ -n "$jar" ]; then
    echo "== Java artifact"
    jdir=$dest${jar%/*}
    for f in medins.jar medins-sources.jar medins-javadoc.jar medins.pom; do
        need "$jdir/$f"
    done
    version=$("$MESON" introspect --projectinfo "$build" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
    coordinates=$(python3 -c 'import sys, xml.etree.ElementTree as ET
pom, ns = ET.parse(sys.argv[1]).getroot(), {"m": "http://maven.apache.org/POM/4.0.0"}
print(":".join(pom.findtext("m:" + k, "", ns) for k in ("groupId", "artifactId", "version")))
' "$jdir/medins.pom")
    if [ "$coordinates" = "org.medins:medins:$version" ]; then
        ok "pom coordinates $coordinates"
    else
        fail "pom coordinates '$coordinates', expected org.medins:medins:$version"
    fi
    javadoc_check "$jdir/medins-sources.jar" "$tmp/javadoc"
fi

echo "== consumer through pkg-config"
# The .pc names the configured prefix; the sysroot puts its -I and -L inside the destdir.
export PKG_CONFIG_PATH="$dest$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_SYSROOT_DIR="$dest"
if flags=$(pkg-config --cflags --libs medins); then
    echo "pkg-config: $flags"
    # shellcheck disable=SC2086 # the flags are words
    if "$CC" -std=c11 -Wall -Wextra -Werror -o "$tmp/consumer" "$here/consumer/consumer.c" $flags; then
        # The installed copy must be the one loaded, not a build-tree one.
        loaded=$(LD_LIBRARY_PATH="$dest$libdir" ldd "$tmp/consumer" | awk '/libmedins/ { print $3 }')
        case $loaded in
            "$dest"/*) ok "loads $loaded" ;;
            *) fail "loads libmedins from '$loaded', not the destdir" ;;
        esac
        if LD_LIBRARY_PATH="$dest$libdir" "$tmp/consumer" "$dest$datadir/medins/policies"; then
            ok "consumer settles with the embedded and the installed policies"
        else
            fail "consumer run"
        fi
    else
        fail "consumer compile"
    fi
else
    fail "pkg-config --cflags --libs medins"
fi
unset PKG_CONFIG_SYSROOT_DIR

echo "== libmedins as a meson subproject"
proj=$tmp/subproject
mkdir -p "$proj/subprojects"
cp "$here/consumer/meson.build" "$here/consumer/consumer.c" "$proj/"
ln -s "$src" "$proj/subprojects/libmedins"
if "$MESON" setup "$proj/build" "$proj" --force-fallback-for=medins --buildtype=plain \
        -Dlibmedins:python=false -Dlibmedins:java=false -Dlibmedins:tests=false -Dlibmedins:docs=false \
        >"$tmp/sub-setup.log" 2>&1 &&
    ninja -C "$proj/build" -j2 >"$tmp/sub-build.log" 2>&1; then
    if "$proj/build/consumer" "$src/policies"; then
        ok "subproject consumer settles"
    else
        fail "subproject consumer run"
    fi
else
    cat "$tmp/sub-setup.log" "$tmp/sub-build.log" 2>/dev/null | tail -40 >&2
    fail "subproject build"
fi

finish install
