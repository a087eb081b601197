import importlib
import os

VERSION = "0.9.0"


def load_settings():
    return importlib.import_module(os.environ["APP_SETTINGS_MODULE"])
