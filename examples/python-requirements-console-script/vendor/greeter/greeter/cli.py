import argparse
import configparser
import os
import pwd

from greeter import __version__


def main():
    parser = argparse.ArgumentParser(prog="greet-app")
    parser.add_argument("--config", default="settings.ini")
    args = parser.parse_args()
    cfg = configparser.ConfigParser()
    if not cfg.read(args.config):
        raise SystemExit(f"config file {args.config} not found in {os.getcwd()}")
    target = cfg.get("greeter", "target")
    greeting = os.environ.get("APP_GREETING", "Hello")
    user = pwd.getpwuid(os.getuid()).pw_name
    print(f"{greeting}, {target}! greeter {__version__} user={user} cwd={os.getcwd()}")


if __name__ == "__main__":
    main()
