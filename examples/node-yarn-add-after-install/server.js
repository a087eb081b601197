// Notifier: node:http with ms (from package.json) and prom-client (added by the Dockerfile).
const http = require("http");
const ms = require("ms");
const client = require("prom-client");

const port = Number(process.env.PORT || 7000);
const up = new client.Gauge({ name: "notifier_up", help: "1 while the notifier runs" });
up.set(1);

http
  .createServer(async (req, res) => {
    if (req.url === "/metrics") {
      res.writeHead(200, { "Content-Type": client.register.contentType });
      res.end(await client.register.metrics());
      return;
    }
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`NOTIFIER-OK retry=${ms("2m")} path=${req.url}\n`);
  })
  .listen(port, () => console.log(`notifier on :${port}`));
