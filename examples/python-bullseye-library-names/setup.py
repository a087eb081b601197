from setuptools import find_packages, setup

setup(
    name="directory",
    version="0.3.0",
    packages=find_packages(),
    install_requires=["flask==1.1.4", "gunicorn==20.1.0", "python-ldap==3.4.0"],
)
