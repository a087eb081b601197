from setuptools import setup

setup(name="mathutils", version="2.0.1", packages=["mathutils"])
