from setuptools import setup

setup(name="colorname", version="1.1.0", packages=["colorname"])
