from setuptools import setup

setup(
    name="quotes",
    version="0.3.0",
    packages=["quotes"],
    entry_points={"console_scripts": ["quote-of-the-day=quotes.cli:main"]},
)
