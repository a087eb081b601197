import os
import shutil

import minidj

settings = minidj.load_settings()
print(f"{settings.SITE_NAME}: minidj {minidj.VERSION}, apps={','.join(settings.INSTALLED_APPS)}")
print(f"cwd={os.getcwd()} admin-on-path={shutil.which('minidj-admin') is not None}")
