// Stock API: Express. prettier is a devDependency: the runtime must not carry it (Dockerfile.expected
// prunes it); the response does not depend on it, so the original and the converted image answer alike.
const express = require("express");

const app = express();
const port = Number(process.env.PORT || 3000);

app.get("/", (_req, res) => {
  res.type("text/plain").send(`ENV-UNSET-API-OK env=${process.env.NODE_ENV}\n`);
});

app.listen(port, () => console.log(`stock-api listening on :${port}`));
