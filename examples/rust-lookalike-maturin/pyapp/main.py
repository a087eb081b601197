from fastapi import FastAPI
import fastsum

app = FastAPI()


@app.get("/")
def index():
    return {"total": fastsum.total([1, 2, 3])}
