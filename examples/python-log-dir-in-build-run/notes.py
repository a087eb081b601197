import logging

from flask import Flask

logging.basicConfig(filename="/var/log/notes-api/app.log", level=logging.INFO)
app = Flask(__name__)


@app.route("/")
def index():
    logging.info("index")
    return "notes"
