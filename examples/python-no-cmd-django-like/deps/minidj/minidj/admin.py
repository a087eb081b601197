from minidj import VERSION, load_settings


def main():
    settings = load_settings()
    print(f"minidj {VERSION}: {len(settings.INSTALLED_APPS)} apps, no issues")
