#!/bin/sh
# The Debian packages, built, checked, installed, used and purged as an administrator would:
#   check-debian.sh SOURCE_DIR
# 1. `dpkg-buildpackage -b -us -uc` in a copy of the tree builds libmedins0, libmedins-dev,
#    libmedins-doc, medins, python3-medins and libmedins-java (the test suites ran on the build
#    already: nocheck), and lintian finds no error or warning (debian/*.lintian-overrides say
#    why for the ones that remain);
# 2. `apt-get install ./*.deb`, then outside the source tree and with nothing set: a C program
#    built with `pkg-config --cflags --libs medins` (and one linked with libmedins.a), the system
#    python3 importing medins, a Java program compiled and run against /usr/share/java/medins.jar
#    with no -D option, the Javadoc built from the installed sources jar, `medins settle`,
#    `medins policy check` on the installed policies and `man medins` work; no file carries a
#    run path;
# 3. `apt-get purge` leaves no package state and no file behind.
# Needs root, and none of these packages installed before (it will not touch them): else it is
# skipped.
set -eu

src=$(cd "${1:?source dir}" && pwd)
here=$src/tests/install
. "$here/lib.sh"

if [ "$(id -u)" != 0 ]; then
    echo "skipped: installing packages needs root"
    exit 77
fi
packages=$(sed -n 's/^Package: *//p' "$src/debian/control")
for p in $packages; do
    if dpkg-query -W -f '${db:Status-Status}' "$p" 2>/dev/null | grep -qv '^not-installed$'; then
        echo "skipped: $p is already on this machine; remove it to run this test"
        exit 77
    fi
done
scratch debian
export DEBIAN_FRONTEND=noninteractive
apt_get() { apt-get -o DPkg::Lock::Timeout=600 -y -q "$@"; }

version=$("$MESON" introspect --projectinfo "$src/meson.build" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
deb_version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
if [ "$deb_version" = "$version" ]; then
    ok "debian/changelog is at the project's version $version"
else
    fail "debian/changelog is at $deb_version, meson.build at $version"
fi

echo "== dpkg-buildpackage -b -us -uc"
copy_tree "$src" "$tmp/libmedins"
if (cd "$tmp/libmedins" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
        dpkg-buildpackage -b -us -uc -Pnocheck) >"$tmp/build.log" 2>&1; then
    debs=
    for f in "$tmp"/*.deb; do
        case $f in *-dbgsym_*) ;; *) debs="$debs ./${f##*/}" ;; esac
    done
    ok "built$debs"
else
    tail -60 "$tmp/build.log" >&2
    fail "dpkg-buildpackage"
    finish debian
fi

echo "== lintian"
if lintian --fail-on error,warning "$tmp"/libmedins_*.changes >"$tmp/lintian.log" 2>&1; then
    ok "lintian: no error or warning"
else
    fail "lintian:"
fi
grep -v '^running with root privileges' "$tmp/lintian.log" | sed 's/^/  /' || true

echo "== apt-get install ./*.deb"
find /usr /etc /opt /var/lib -xdev 2>/dev/null | LC_ALL=C sort >"$tmp/before"
# Whatever happens from here on (a failure, a timeout), the packages do not stay installed.
trap 'apt_get purge $packages >/dev/null 2>&1; rm -rf "$tmp"' EXIT INT TERM
# shellcheck disable=SC2086 # lists of words
if (cd "$tmp" && apt_get install $debs) >"$tmp/apt.log" 2>&1; then
    ok "installed"
else
    tail -30 "$tmp/apt.log" >&2
    fail "apt-get install"
fi

mkdir "$tmp/work"
cd "$tmp/work"
policies=/usr/share/medins/policies

echo "== C"
# shellcheck disable=SC2046 # the flags are words
if cc -std=c11 -Wall -Werror -o consumer "$here/consumer/consumer.c" \
        $(pkg-config --cflags --libs medins) && ./consumer "$policies"; then
    ok "consumer built with pkg-config --cflags --libs medins settles"
else
    fail "C consumer against the installed packages"
fi
# shellcheck disable=SC2046
if cc -std=c11 -o consumer-static "$here/consumer/consumer.c" $(pkg-config --cflags medins) \
        -Wl,-Bstatic $(pkg-config --libs-only-l medins) -Wl,-Bdynamic \
        $(pkg-config --static --libs yaml-0.1) -pthread &&
    ! ldd ./consumer-static | grep -q libmedins && ./consumer-static >/dev/null; then
    ok "consumer linked with libmedins.a settles"
else
    fail "C consumer linked statically"
fi

echo "== Python"
if (cd / && /usr/bin/python3 -c "import medins; print(medins.__file__); print(medins.settle(
        medins.Person.employee(birth_date='1980-03-15'), medins.Claim(date='2023-06-01',
        kind='inpatient', level='l3', total=1000000)).fund)") >py.txt 2>&1 &&
    [ "$(cat py.txt)" = "/usr/lib/python3/dist-packages/medins/__init__.py
705500" ]; then
    ok "python3 -c 'import medins; ...': the fund pays 705500 fen (worked in consumer.c)"
else
    cat py.txt >&2
    fail "/usr/bin/python3 -c 'import medins'"
fi

echo "== Java"
javac -d . -cp /usr/share/java/medins.jar "$here/consumer/Consumer.java" ||
    fail "javac against /usr/share/java/medins.jar"
run_and_find "Java settles with no -D option, the JNI library on java.library.path" \
    'JNI library from java[.]library[.]path$' java.txt \
    java -cp /usr/share/java/medins.jar:. Consumer "$policies"
version_dir=/usr/share/maven-repo/org/medins/medins/$version
if [ -f "$version_dir/medins-$version.pom" ] && [ -f "$version_dir/medins-$version-javadoc.jar" ] &&
    [ "$(readlink -f "$version_dir/medins-$version.jar")" = \
      "$(readlink -f /usr/share/java/medins.jar)" ]; then
    ok "org.medins:medins:$version in /usr/share/maven-repo, with its sources and Javadoc jars"
else
    fail "the Maven artifact in /usr/share/maven-repo"
fi
javadoc_check "$version_dir/medins-$version-sources.jar" "$tmp/javadoc"

echo "== the command and its manual page"
run_and_find "medins settle: the fund pays 7055.00 (worked in consumer/consumer.c)" \
    'Basic fund pays +7055[.]00' out.txt medins settle --kind inpatient --level l3 --total 10000 \
    --date 2023-06-01 --birth-date 1980-03-15
medins policy check "$policies" >check.txt 2>&1 || fail "medins policy check $policies"
MANPAGER=cat MANWIDTH=100 man medins >man.txt 2>&1 || fail "man medins"
if grep -q 'medins settle' man.txt; then
    ok "man medins"
else
    fail "man medins: $(head -3 man.txt)"
fi
if [ -f /usr/share/doc/libmedins-doc/html/index.html ]; then
    ok "API reference in /usr/share/doc/libmedins-doc/html"
else
    fail "no API reference"
fi
for p in $packages; do dpkg -L "$p"; done | while read -r f; do
    if [ -f "$f" ] && [ ! -L "$f" ] && [ "$(head -c 4 "$f" | tail -c 3)" = ELF ] &&
        readelf -d "$f" | grep -q 'R[UN]*PATH'; then
        echo "$f"
    fi
done >rpath.txt
if [ -s rpath.txt ]; then fail "run paths in: $(tr '\n' ' ' <rpath.txt)"; else ok "no run path"; fi

echo "== apt-get purge"
cd "$tmp"
# shellcheck disable=SC2086
trap 'rm -rf "$tmp"' EXIT INT TERM
# shellcheck disable=SC2086 # a list of words
if apt_get purge $packages >"$tmp/purge.log" 2>&1; then
    ok "purged"
else
    tail -30 "$tmp/purge.log" >&2
    fail "apt-get purge"
fi
left=$(for p in $packages; do dpkg-query -W -f '${db:Status-Status}' "$p" 2>/dev/null |
    grep -qv '^not-installed$' && echo "$p"; done || true)
if [ -z "$left" ]; then ok "no package state left"; else fail "still known to dpkg: $left"; fi
find /usr /etc /opt /var/lib -xdev 2>/dev/null | LC_ALL=C sort >"$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then
    ok "no file left behind (or removed) in /usr, /etc, /opt, /var/lib"
else
    diff "$tmp/before" "$tmp/after" | grep '^[<>]' | head -30 >&2
    fail "files differ after the purge"
fi

finish debian
