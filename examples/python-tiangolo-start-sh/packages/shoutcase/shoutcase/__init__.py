__version__ = "0.3.0"


def shout(text):
    return text.upper() + "!"
