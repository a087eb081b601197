from flask import Flask
from selenium import webdriver

app = Flask(__name__)


@app.get("/")
def title():
    options = webdriver.ChromeOptions()
    options.add_argument("--headless")
    driver = webdriver.Chrome(options=options)
    driver.get("http://localhost:8000/health")
    text = driver.title
    driver.quit()
    return text
