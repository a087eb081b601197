// Stand-in for `react-scripts build`: pre-renders <App/> into public/index.html and writes
// hashed assets to build/ (same layout as Create React App: build/static/js, build/static/css).
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const React = require("react");
const { renderToString } = require("react-dom/server");
const App = require("../src/App");

const root = path.join(__dirname, "..");
const out = path.join(root, "build");
const publicUrl = process.env.PUBLIC_URL || "";

function emit(kind, source) {
  const code = fs.readFileSync(path.join(root, "src", source), "utf8");
  const hash = crypto.createHash("sha256").update(code).digest("hex").slice(0, 8);
  const name = `static/${kind}/main.${hash}.${kind}`;
  fs.mkdirSync(path.join(out, "static", kind), { recursive: true });
  fs.writeFileSync(path.join(out, name), code);
  return name;
}

fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(path.join(root, "public"), out, { recursive: true });

const js = emit("js", "index.js");
const css = emit("css", "index.css");
const template = fs.readFileSync(path.join(root, "public", "index.html"), "utf8");
const html = template
  .replace(/%PUBLIC_URL%/g, publicUrl)
  .replace("<!--app-->", renderToString(React.createElement(App)))
  .replace("</head>", `  <link href="${publicUrl}/${css}" rel="stylesheet" />\n  </head>`)
  .replace("</body>", `  <script defer src="${publicUrl}/${js}"></script>\n  </body>`);
fs.writeFileSync(path.join(out, "index.html"), html);
fs.writeFileSync(
  path.join(out, "asset-manifest.json"),
  JSON.stringify({ files: { "main.js": `/${js}`, "main.css": `/${css}`, "index.html": "/index.html" } }, null, 2) + "\n"
);
console.log("Compiled successfully. The build folder is ready to be deployed.");
