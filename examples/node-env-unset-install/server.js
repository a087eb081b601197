// Stock API: Express; prettier is a devDependency the runtime must not carry.
const express = require("express");

const app = express();
const port = Number(process.env.PORT || 3000);

app.get("/", (_req, res) => {
  let prettier = "absent";
  try {
    require.resolve("prettier");
    prettier = "present";
  } catch {}
  res.type("text/plain").send(`ENV-UNSET-API-OK env=${process.env.NODE_ENV} prettier=${prettier}\n`);
});

app.listen(port, () => console.log(`stock-api listening on :${port}`));
