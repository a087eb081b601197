// Stand-in for the Angular CLI (`ng build`), which is far too heavy for this example.
// It reads angular.json like the real application builder and writes the same layout:
//   <outputPath>/browser/{index.html, main-<hash>.js, styles-<hash>.css, assets...}
//   <outputPath>/3rdpartylicenses.txt, <outputPath>/prerendered-routes.json
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const [command = "build", ...args] = process.argv.slice(2);
if (command !== "build") {
  console.error(`ng ${command}: only "build" is supported by this stand-in`);
  process.exit(1);
}

const root = path.join(__dirname, "..");
const workspace = JSON.parse(fs.readFileSync(path.join(root, "angular.json"), "utf8"));
const project = Object.values(workspace.projects)[0];
const target = project.architect.build;
const opts = target.options;
const configIdx = args.indexOf("--configuration");
const configuration = configIdx >= 0 ? args[configIdx + 1] : target.defaultConfiguration;

const outputPath = path.join(root, opts.outputPath);
const browser = target.builder.endsWith(":application") ? path.join(outputPath, "browser") : outputPath;

const hashed = (base, ext, text) =>
  `${base}-${crypto.createHash("sha256").update(text).digest("hex").slice(0, 8).toUpperCase()}.${ext}`;
// "Compile" TypeScript: these sources carry no type annotations, so dropping `.ts` import suffixes
// and inlining the imported module is all a bundler would have to do.
const routes = fs.readFileSync(path.join(root, "src/app/app.routes.ts"), "utf8").replace(/^export /m, "");
const main = fs.readFileSync(path.join(root, opts.browser), "utf8").replace(/^import .*$/m, routes);
const styles = opts.styles.map((s) => fs.readFileSync(path.join(root, s), "utf8")).join("\n");

fs.rmSync(outputPath, { recursive: true, force: true });
fs.mkdirSync(browser, { recursive: true });
const mainFile = hashed("main", "js", main);
const stylesFile = hashed("styles", "css", styles);
fs.writeFileSync(path.join(browser, mainFile), main);
fs.writeFileSync(path.join(browser, stylesFile), styles);
for (const asset of opts.assets) {
  fs.cpSync(path.join(root, asset), path.join(browser, path.relative(project.sourceRoot, asset)), { recursive: true });
}
const index = fs
  .readFileSync(path.join(root, opts.index), "utf8")
  .replace("</head>", `<link rel="stylesheet" href="${stylesFile}"></head>`)
  .replace("</body>", `<script src="${mainFile}" type="module"></script></body>`);
fs.writeFileSync(path.join(browser, "index.html"), index);
fs.writeFileSync(path.join(outputPath, "3rdpartylicenses.txt"), "");
fs.writeFileSync(path.join(outputPath, "prerendered-routes.json"), '{\n  "routes": []\n}\n');
console.log(`Application bundle generation complete. [${configuration}]`);
console.log(`Output location: ${path.relative(root, outputPath)}`);
