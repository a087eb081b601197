from mathutils import mean, variance


def summary(values):
    return f"n={len(values)} mean={mean(values):.3f} variance={variance(values):.3f}"
