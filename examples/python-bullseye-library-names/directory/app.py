import ldap
from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return f"python-ldap {ldap.__version__}"
