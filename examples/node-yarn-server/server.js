// Status board: plain node:http server, dayjs for date formatting.
const http = require("http");
const dayjs = require("dayjs");

const port = Number(process.env.PORT || 8080);
const release = dayjs("2024-03-01T12:00:00Z");

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ status: "ok" }));
    return;
  }
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end(`YARN-SERVER-OK released ${release.format("YYYY-MM-DD")} path=${req.url}\n`);
});

server.listen(port, () => console.log(`status-board listening on :${port}`));
