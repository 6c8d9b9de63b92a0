#!/bin/sh
# The Python package as pip users get it, built offline against the system's numpy with
# meson-python (pyproject.toml):
#   check-wheel.sh SOURCE_DIR [INTERPRETER]
# 1. `python3 -m build --no-isolation --wheel` makes a wheel holding the package only;
# 2. installed into a fresh virtual environment made with --system-site-packages, it passes the
#    Python test suite (tests/python), run from outside the source tree;
# 3. `pip install --no-build-isolation .` in another such environment installs a package that
#    settles a claim (consumer/consumer.py).
set -eu

src=$(cd "${1:?source dir}" && pwd)
python=${2:-/usr/bin/python3}
here=$src/tests/install
. "$here/lib.sh"
scratch wheel
# A copy: meson-python builds in the tree it is given.
copy_tree "$src" "$tmp/src"
cd "$tmp"

echo "== $python -m build --no-isolation --wheel"
if "$python" -m build --no-isolation --wheel --outdir "$tmp/dist" "$tmp/src" >build.log 2>&1; then
    wheel=$(ls "$tmp"/dist/*.whl)
    ok "built ${wheel##*/}"
else
    tail -40 build.log >&2
    fail "python -m build --wheel"
    finish wheel
fi
# Nothing but the package: no library, header, command or data beside it.
others=$("$python" -c 'import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
print(" ".join(n for n in names if not n.startswith(("medins/", "medins-"))))' "$wheel")
if [ -z "$others" ]; then
    ok "the wheel holds the package medins only"
else
    fail "the wheel also holds: $others"
fi

echo "== the wheel in a fresh virtual environment (--system-site-packages)"
"$python" -m venv --system-site-packages "$tmp/venv"
# The notebook example runs in a kernel: the environment's own, not the system's python3.
if "$tmp/venv/bin/python" -m pip install --no-index "$wheel" >pip.log 2>&1 &&
    "$tmp/venv/bin/python" -m ipykernel install --sys-prefix >kernel.log 2>&1; then
    ok "pip install ${wheel##*/}"
else
    cat pip.log kernel.log >&2
    fail "pip install of the wheel"
fi
cp -R "$src/tests/python" "$tmp/tests"
if MEDINS_POLICIES=$src/policies MEDINS_TEST_DATA=$src/tests/data MEDINS_GOLDEN=$src/tests/golden \
    MEDINS_EXAMPLES=$src/examples/python MPLBACKEND=Agg PYTHONDONTWRITEBYTECODE=1 \
    "$tmp/venv/bin/python" -m pytest -p no:cacheprovider -q -rs --tb=short "$tmp/tests" \
        >pytest.log 2>&1; then
    ok "the Python test suite passes against the wheel: $(tail -1 pytest.log)"
else
    tail -40 pytest.log >&2
    fail "the Python test suite against the wheel"
fi
where=$("$tmp/venv/bin/python" -c 'import medins; print(medins.__file__)')
case $where in
    "$tmp/venv/"*) ok "medins imported from $where" ;;
    *) fail "medins imported from $where, not the virtual environment" ;;
esac

echo "== pip install --no-build-isolation . (another fresh environment)"
"$python" -m venv --system-site-packages "$tmp/venv2"
if (cd "$tmp/src" && "$tmp/venv2/bin/python" -m pip install --no-index --no-build-isolation . \
        >"$tmp/pip2.log" 2>&1) &&
    "$tmp/venv2/bin/python" "$here/consumer/consumer.py" "$src/policies"; then
    ok "pip install --no-build-isolation . settles a claim"
else
    tail -40 "$tmp/pip2.log" >&2
    fail "pip install --no-build-isolation ."
fi

finish wheel
