from colorname import name_of

print("colors:", ", ".join(name_of(c) for c in ["#FF0000", "#008080", "#123456"]))
