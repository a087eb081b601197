from setuptools import Extension, setup

setup(
    name="fastpq",
    version="0.3.0",
    packages=["fastpq"],
    ext_modules=[
        Extension("fastpq._native", ["src/native.c"], libraries=["pq"], include_dirs=["/usr/include/postgresql"]),
    ],
)
