// Orders API: a small Express server compiled to dist/ with tsc.
import express from "express";
import { listOrders, findOrder } from "./orders";

const app = express();
const port = Number(process.env.PORT ?? 3000);

app.get("/", (_req, res) => {
  res.type("text/plain").send(`EXPRESS-TS-OK env=${process.env.NODE_ENV ?? "unset"}\n`);
});

app.get("/api/orders", (_req, res) => {
  res.json(listOrders());
});

app.get("/api/orders/:id", (req, res) => {
  const order = findOrder(Number(req.params.id));
  if (!order) {
    res.status(404).json({ error: "not found" });
    return;
  }
  res.json(order);
});

app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});

app.listen(port, () => {
  console.log(`orders-api listening on :${port}`);
});
