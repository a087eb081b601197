// Password hashing service: bcrypt is a native addon (a compiled .node file linked against glibc).
const http = require("http");
const bcrypt = require("bcrypt");

const port = Number(process.env.PORT || 8080);
const stored = bcrypt.hashSync("s3cret", 4);

http
  .createServer((req, res) => {
    const ok = bcrypt.compareSync("s3cret", stored) && !bcrypt.compareSync("wrong", stored);
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`BCRYPT-OK verify=${ok} rounds=${bcrypt.getRounds(stored)} path=${req.url}\n`);
  })
  .listen(port, () => console.log(`auth-service listening on :${port}`));
