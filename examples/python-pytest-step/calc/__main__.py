import sys

from calc.stats import summary

print(summary([float(a) for a in sys.argv[1:]]))
