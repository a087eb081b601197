from setuptools import setup

setup(name="shoutcase", version="0.3.0", packages=["shoutcase"])
