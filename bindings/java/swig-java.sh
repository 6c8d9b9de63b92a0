#!/bin/sh
# Run SWIG for Java into a fresh source tree, so that classes of declarations that are gone do
# not linger and break the jar. Usage: swig-java.sh GENDIR STAMP SWIG ARGS...
set -e
gendir=$1 stamp=$2
shift 2
rm -rf "$gendir"
mkdir -p "$gendir/org/medins/swig"
"$@"
touch "$stamp"
