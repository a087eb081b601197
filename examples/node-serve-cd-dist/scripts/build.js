// Renders src/*.md to dist/*.html with marked; index.html is the app shell.
const fs = require("fs");
const path = require("path");
const { marked } = require("marked");

const src = path.join(__dirname, "..", "src");
const dist = path.join(__dirname, "..", "dist");
fs.mkdirSync(dist, { recursive: true });
for (const file of fs.readdirSync(src).filter((f) => f.endsWith(".md"))) {
  const html = marked.parse(fs.readFileSync(path.join(src, file), "utf8"));
  fs.writeFileSync(path.join(dist, file.replace(/\.md$/, ".html")), `<!doctype html>\n${html}`);
}
