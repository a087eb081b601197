// Catalog service: Express compiled by tsc; the page template is read from views/ at run time.
import express from "express";
import { readFileSync } from "fs";
import { join } from "path";
import { products } from "./routes/products";

const app = express();
const port = Number(process.env.PORT ?? 8080);
const page = readFileSync(join(__dirname, "..", "views", "index.html"), "utf8");

app.get("/", (_req, res) => {
  res.type("html").send(page.replace("{{count}}", String(products().length)));
});

app.get("/products", (_req, res) => {
  res.json(products());
});

app.listen(port, () => console.log(`catalog-service on :${port}`));
