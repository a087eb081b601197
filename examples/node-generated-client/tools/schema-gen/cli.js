#!/usr/bin/env node
// Like `prisma generate`: reads the schema and writes a client into node_modules/.prisma/client.
const fs = require("fs");
const path = require("path");

const schema = JSON.parse(fs.readFileSync(process.argv[2] || "schema.json", "utf8"));
const out = path.join(process.cwd(), "node_modules", ".prisma", "client");
fs.mkdirSync(out, { recursive: true });
const body = schema.models.map((m) => `  ${m}: { table: ${JSON.stringify(m.toLowerCase() + "s")} },`).join("\n");
fs.writeFileSync(path.join(out, "index.js"), `module.exports = {\n${body}\n};\n`);
console.log(`generated a client for ${schema.models.length} models in ${path.relative(process.cwd(), out)}`);
