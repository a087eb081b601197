// Orders service: uses the generated client, which must survive the production prune.
const http = require("http");
const client = require("db-client");

const port = Number(process.env.PORT || 3000);

http
  .createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`GENERATED-CLIENT-OK models=${Object.keys(client).join(",")} tables=${Object.values(client).map((m) => m.table).join(",")} path=${req.url}\n`);
  })
  .listen(port, () => console.log(`orders-db listening on :${port}`));
