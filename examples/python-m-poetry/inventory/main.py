from fastapi import FastAPI

app = FastAPI()


@app.get("/stock")
def stock():
    return {"items": 3}
