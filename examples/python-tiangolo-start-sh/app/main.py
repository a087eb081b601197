from fastapi import FastAPI

import shoutcase

app = FastAPI()


@app.get("/")
def root():
    return {"message": shoutcase.shout("hello from tiangolo"), "shoutcase": shoutcase.__version__}
