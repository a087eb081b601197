def banner(text):
    line = "*" * (len(text) + 4)
    return f"{line}\n* {text} *\n{line}"
