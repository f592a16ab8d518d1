// Parses each Mermaid file named on the command line with the real Mermaid parser (the npm
// package, run under node with jsdom standing in for the browser's DOM). Prints one line per
// file, "ok <file> <diagram type>" or "error <file>: <message>", and exits 1 if any fails.
// Usage: node mermaid-parse.mjs <folder holding node_modules> <file>...
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [base, ...files] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(base), 'package.json'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaidDir = path.dirname(require.resolve('mermaid/package.json'));
const pkg = JSON.parse(readFileSync(path.join(mermaidDir, 'package.json'), 'utf8'));
const entry = pkg.exports['.'].import.default ?? pkg.exports['.'].import;
const { default: mermaid } = await import(pathToFileURL(path.join(mermaidDir, entry)).href);
mermaid.initialize({ startOnLoad: false });
let failed = 0;
for (const file of files) {
  try {
    const result = await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file} ${result.diagramType} mermaid ${pkg.version}`);
  } catch (e) {
    failed++;
    console.log(`error ${file}: ${String(e.message ?? e).replace(/\n/g, ' | ')}`);
  }
}
process.exit(failed ? 1 : 0);
