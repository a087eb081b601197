import sys

from wordstat import __version__

words = " ".join(sys.argv[1:]).split() or ["no", "words", "given"]
print(f"wordstat {__version__}: {len(words)} words, longest={max(words, key=len)}")
