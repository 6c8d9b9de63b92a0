"""Print numpy's include directory, then the directory holding numpy.i (empty when absent)."""
import os
import sys

import numpy

inc = numpy.get_include()
found = ""
candidates = [os.path.join(inc, "numpy"), inc, os.path.dirname(inc),
              os.path.join(sys.prefix, "share", "numpy"), "/usr/share/numpy",
              "/usr/share/swig/numpy", "/usr/share/doc/python3-numpy"]
for d in candidates:
    if os.path.isfile(os.path.join(d, "numpy.i")):
        found = d
        break
if not found:
    for root, _dirs, files in os.walk(os.path.dirname(numpy.__file__)):
        if "numpy.i" in files:
            found = root
            break
print(inc)
print(found)
