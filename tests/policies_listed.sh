#!/bin/sh
# The policy files under DIR must be exactly the NAMES that policies/meson.build embeds.
#   policies_listed.sh DIR NAME...
dir=$1
shift
listed=$(printf '%s\n' "$@" | LC_ALL=C sort)
found=$(cd "$dir" && find . -name '*.yaml' -type f | sed 's|^\./||' | LC_ALL=C sort)
if [ "$listed" != "$found" ]; then
    echo "policies/meson.build lists:"; echo "$listed" | sed 's/^/  /'
    echo "policies/ holds:"; echo "$found" | sed 's/^/  /'
    echo "add the missing files to policy_names in policies/meson.build (or remove the stale ones)"
    exit 1
fi
echo "$(echo "$found" | wc -l) policy files, all embedded"
