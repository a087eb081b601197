import os
import sys

from textfmt import banner

greeting = os.environ.get("GREETING", "")
print(banner(f"greeting={greeting!r} python={sys.version_info.major}.{sys.version_info.minor}"))
