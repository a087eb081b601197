from setuptools import setup

setup(name="banner", version="1.0.0", packages=["banner"])
