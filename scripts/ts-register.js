/**
 * `node -r ./scripts/ts-register.js file.ts`: runs TypeScript sources in place (so paths relative
 * to src/ and test/ hold) by transpiling each module with the compiler we already depend on.
 */
'use strict';
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  module._compile(outputText, filename);
};
