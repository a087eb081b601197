from setuptools import setup

setup(name="textfmt", version="1.0.0", packages=["textfmt"])
