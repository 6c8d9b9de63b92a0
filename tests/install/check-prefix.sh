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
. "$here/lib.sh"
scratch prefix
prefix=$tmp/prefix

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
run_and_find "medins settle: the fund pays 7055.00 (worked in consumer/consumer.c)" \
    'Basic fund pays +7055[.]00' out.txt "$prefix/bin/medins" settle --kind inpatient --level l3 \
    --total 10000 --date 2023-06-01 --birth-date 1980-03-15 --policies "$policies"

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
run_and_find "Python settles with the package in $site" "from $init\$" py.txt \
    env PYTHONPATH="$site" "$python" "$here/consumer/consumer.py" "$policies"

echo "== Java, against $prefix/share/java/medins.jar, no -D option"
jar=$prefix/share/java/medins.jar
javac -d . -cp "$jar" "$here/consumer/Consumer.java" || fail "javac against $jar"
run_and_find "Java settles, the JNI library found where meson installed it" \
    "JNI library from $libdir/jni/libmedins_java.so\$" java.txt \
    java -cp "$jar:." Consumer "$policies"

finish install-prefix
