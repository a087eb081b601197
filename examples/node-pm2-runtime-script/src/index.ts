// Ledger API: node:http compiled by tsc, run under pm2-runtime.
import { createServer } from "http";
import { validate } from "uuid";

const port = Number(process.env.PORT ?? 3300);

createServer((req, res) => {
  const id = (req.url ?? "/").slice(1);
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end(`LEDGER-OK id=${id || "none"} valid=${validate(id)}\n`);
}).listen(port, () => console.log(`ledger-api on :${port}`));
