// Link shortener: keeps links in memory, ids come from nanoid's customAlphabet.
const http = require("http");
const { customAlphabet } = require("nanoid");

const port = Number(process.env.PORT || 3000);
const makeId = customAlphabet("abcdefghijklmnopqrstuvwxyz", 6);
const links = new Map([["docs", "https://example.com/docs"]]);

http
  .createServer((req, res) => {
    if (req.method === "POST" && req.url === "/links") {
      const id = makeId();
      links.set(id, "https://example.com/" + id);
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ id }));
      return;
    }
    const id = req.url.slice(1);
    if (links.has(id)) {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end(`PNPM-SERVER-OK ${id} -> ${links.get(id)}\n`);
      return;
    }
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`PNPM-SERVER-OK ${links.size} link(s), id length ${makeId().length}\n`);
  })
  .listen(port, () => console.log(`shortlinks listening on :${port}`));
