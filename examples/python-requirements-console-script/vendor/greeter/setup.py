from setuptools import setup

setup(
    name="greeter",
    version="1.2.0",
    packages=["greeter"],
    entry_points={"console_scripts": ["greet-app=greeter.cli:main"]},
)
