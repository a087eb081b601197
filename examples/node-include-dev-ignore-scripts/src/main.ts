// Invoices API: Express compiled by tsc.
import express from "express";
import { totals } from "./totals";

const app = express();
const port = Number(process.env.PORT ?? 4000);

app.get("/", (_req, res) => {
  res.type("text/plain").send(`INVOICES-OK env=${process.env.NODE_ENV} total=${totals([12, 30])}\n`);
});

app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});

app.listen(port, () => console.log(`invoices-api on :${port}`));
