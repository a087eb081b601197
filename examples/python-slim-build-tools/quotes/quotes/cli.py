import argparse

from quotes import QUOTES


def main():
    parser = argparse.ArgumentParser(prog="quote-of-the-day")
    parser.add_argument("--count", type=int, default=1)
    args = parser.parse_args()
    for quote in QUOTES[: args.count]:
        print(f"QUOTE: {quote}")


if __name__ == "__main__":
    main()
