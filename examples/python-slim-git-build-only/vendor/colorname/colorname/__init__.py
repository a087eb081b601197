NAMES = {
    "#ff0000": "red",
    "#00ff00": "lime",
    "#0000ff": "blue",
}


def name_of(hex_code):
    return NAMES.get(hex_code.lower(), "unknown")
