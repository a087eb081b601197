// Inventory API: Express behind pm2-runtime.
const express = require("express");

const app = express();
const port = Number(process.env.PORT || 3000);
const items = [{ id: 1, sku: "A-100", qty: 4 }, { id: 2, sku: "B-200", qty: 0 }];

app.get("/", (_req, res) => res.type("text/plain").send(`PM2-API-OK env=${process.env.NODE_ENV} user=${process.getuid()}\n`));
app.get("/items", (_req, res) => res.json(items));
app.get("/healthz", (_req, res) => res.json({ status: "ok" }));

app.listen(port, () => console.log(`inventory-api listening on :${port}`));
