#!/usr/bin/env python3
"""Build the API reference and hold every enum value to the rule Doxygen applies to functions.

Usage: doxygen-check.py DOXYGEN DOXYFILE XML_DIR

Doxygen warns about an undocumented function, type or macro, but before 1.9.6
(WARN_IF_UNDOC_ENUM_VAL; Debian 12 ships 1.9.4) not about an undocumented enum value. So
after Doxygen has run (its own warnings are fatal, WARN_AS_ERROR in the Doxyfile), this reads
its XML output and reports each enum value with neither a brief nor a detailed description in
Doxygen's warning format, failing the build when there is any.
"""
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET


def value_line(path, first_line, name):
    """The line of `name` at or after the enum's first line, or the enum's line when not found."""
    try:
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
    except OSError:
        return first_line
    pattern = re.compile(r'\b%s\b' % re.escape(name))
    for i in range(max(first_line - 1, 0), len(lines)):
        if pattern.search(lines[i]):
            return i + 1
    return first_line


def undocumented(xml_dir):
    """(file, line, message) for each enum value without a description, once each."""
    seen = set()
    for entry in sorted(os.listdir(xml_dir)):
        if not entry.endswith('.xml'):
            continue
        for enum in ET.parse(os.path.join(xml_dir, entry)).getroot().iter('memberdef'):
            if enum.get('kind') != 'enum':
                continue
            location = enum.find('location')
            path = location.get('file') if location is not None else '?'
            line = int(location.get('line', '0')) if location is not None else 0
            for value in enum.findall('enumvalue'):
                if value.get('id') in seen:
                    continue
                seen.add(value.get('id'))
                text = ''.join(''.join(value.find(part).itertext())
                               for part in ('briefdescription', 'detaileddescription')
                               if value.find(part) is not None)
                if not text.strip():
                    name = value.findtext('name')
                    yield (path, value_line(path, line, name),
                           'Member %s (enumvalue) of enum %s is not documented.'
                           % (name, enum.findtext('name')))


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    doxygen, doxyfile, xml_dir = argv[1:]
    # Doxygen leaves files of deleted headers in place; they would be checked again.
    shutil.rmtree(xml_dir, ignore_errors=True)
    rc = subprocess.call([doxygen, doxyfile])
    if rc != 0:
        return rc
    problems = list(undocumented(xml_dir))
    for path, line, message in problems:
        sys.stderr.write('%s:%d: warning: %s\n' % (path, line, message))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
