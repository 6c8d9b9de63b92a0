#!/bin/sh
# Compile Java sources (the listed files plus every .java below GENDIR, if given) and pack a jar.
# Usage: javac-jar.sh JAVAC JAR OUT.jar WORKDIR CLASSPATH GENDIR MAIN-CLASS SOURCES...
# CLASSPATH, GENDIR and MAIN-CLASS may be "-" for none.
set -e
javac=$1 jar=$2 out=$3 work=$4 cp=$5 gendir=$6 main=$7
shift 7
rm -rf "$work"
mkdir -p "$work/classes"
: > "$work/sources"
for f in "$@"; do echo "$f" >> "$work/sources"; done
if [ "$gendir" != "-" ]; then find "$gendir" -name '*.java' | sort >> "$work/sources"; fi
# -parameters keeps parameter names in the classes: IDEs show them, and the null-argument test
# checks that each NullPointerException names the parameter it is about.
set -- --release 17 -parameters -encoding UTF-8 -Xlint:all,-serial -d "$work/classes"
# Warnings are errors in hand-written code only: SWIG's output is not ours to lint.
if [ "$gendir" = "-" ]; then set -- "$@" -Werror; fi
if [ "$cp" != "-" ]; then set -- "$@" -cp "$cp"; fi
"$javac" "$@" "@$work/sources"
if [ "$main" != "-" ]; then
    "$jar" --create --file "$out" --main-class "$main" -C "$work/classes" .
else
    "$jar" --create --file "$out" -C "$work/classes" .
fi
