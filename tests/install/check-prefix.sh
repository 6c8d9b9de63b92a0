#!/bin/sh
# `meson install` into a prefix of its own, then each installed program used from there with
# nothing set but PYTHONPATH (the README's instructions):
#   check-prefix.sh SOURCE_DIR [INTERPRETER]
# the command settles a claim; the C consumer built with the installed medins.pc settles it;
# the Python package, on PYTHONPATH, settles it; a Java program compiled against the installed
# medins.jar settles it with no -D option. The command, the Python extension and the JNI library
# find libmedins through their run path; each settles with the embedded policies and with the
# installed policy files.
set -eu

src=$(cd "${1:?source dir}" && pwd)
python=${2:-/usr/bin/python3}
here=$src/tests/install
CC=${CC:-cc}
MESON=${MESON:-meson}
. "$here/lib.sh"
scratch prefix
prefix=$tmp/prefix
# Nothing from the environment may point at a build tree or an installation.
unset LD_LIBRARY_PATH PYTHONPATH CLASSPATH JAVA_TOOL_OPTIONS || true

echo "== meson setup --prefix $prefix, build, install"
if "$MESON" setup "$tmp/build" "$src" --prefix "$prefix" -Dtests=false -Ddocs=false \
        -Dpython_interpreter="$python" >"$tmp/setup.log" 2>&1 &&
    ninja -C "$tmp/build" -j2 >"$tmp/build.log" 2>&1 &&
    "$MESON" install -C "$tmp/build" --no-rebuild >"$tmp/install.log" 2>&1; then
    ok "installed into $prefix"
else
    cat "$tmp/setup.log" "$tmp/build.log" "$tmp/install.log" 2>/dev/null | tail -40 >&2
    fail "meson install into $prefix"
    finish install-prefix
fi
libdir=$(dirname "$(find "$prefix" -name libmedins.so.0 | head -1)")
policies=$prefix/share/medins/policies
mkdir "$tmp/work"
cd "$tmp/work"

echo "== the command"
if "$prefix/bin/medins" settle --kind inpatient --level l3 --total 10000 --date 2023-06-01 \
        --birth-date 1980-03-15 --policies "$policies" >out.txt 2>&1 &&
    grep -q 'Basic fund pays  *7055[.]00' out.txt; then
    ok "medins settle: the fund pays 7055.00 (worked in consumer/consumer.c)"
else
    cat out.txt >&2
    fail "medins settle from $prefix/bin"
fi

echo "== C, through the installed medins.pc"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046 # the flags are words
if "$CC" -std=c11 -o consumer "$here/consumer/consumer.c" $(pkg-config --cflags --libs medins) &&
    LD_LIBRARY_PATH="$libdir" ./consumer "$policies"; then
    ok "C consumer settles"
else
    fail "C consumer"
fi

echo "== Python, PYTHONPATH=<the installed package's folder>"
init=$(find "$prefix" -path '*/medins/__init__.py' | head -1)
site=${init%/medins/__init__.py}
if [ -n "$init" ] && PYTHONPATH=$site "$python" "$here/consumer/consumer.py" "$policies" >py.txt 2>&1 &&
    grep -q "from $site/medins/__init__.py" py.txt; then
    cat py.txt
    ok "Python settles with the package in $site"
else
    cat py.txt >&2 2>/dev/null || true
    fail "Python from $prefix"
fi

echo "== Java, against $prefix/share/java/medins.jar, no -D option"
jar=$prefix/share/java/medins.jar
if javac -d . -cp "$jar" "$here/consumer/Consumer.java" &&
    java -cp "$jar:." Consumer "$policies" >java.txt 2>&1 &&
    grep -q "JNI library from $libdir/jni/libmedins_java.so" java.txt; then
    cat java.txt
    ok "Java settles, the JNI library found where meson installed it"
else
    cat java.txt >&2 2>/dev/null || true
    fail "Java from $prefix"
fi

finish install-prefix
