from setuptools import setup

setup(name="wordstat", version="2.0.1", packages=["wordstat"])
