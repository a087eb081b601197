from setuptools import setup

setup(
    name="minidj",
    version="0.9.0",
    packages=["minidj"],
    entry_points={"console_scripts": ["minidj-admin=minidj.admin:main"]},
)
