// Parses each HCL file named on the command line with HashiCorp's HCL parser, as packaged by
// @cdktf/hcl2json (hcl2json compiled to WebAssembly). That package is a library, not a command:
// this script is its command. Exit 0 when every file parses, 1 when one does not (each failure is
// printed to stderr), 2 on usage errors or when the package cannot be loaded.
//
// A global install (`npm install -g @cdktf/hcl2json`) is found through NODE_PATH set to
// `npm root -g`: ES `import` ignores NODE_PATH, so the package is loaded with require().
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const require = createRequire(import.meta.url);
let hcl2json;
try {
  hcl2json = require("@cdktf/hcl2json");
} catch (error) {
  console.error(`hcl2json.mjs: cannot load @cdktf/hcl2json (set NODE_PATH to \`npm root -g\`): ${error.message}`);
  process.exit(2);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node hcl2json.mjs FILE.tf...");
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`${file}: ${error.message}`);
    process.exit(2);
  }
  try {
    const json = await hcl2json.parse(basename(file), text);
    if (json === null || typeof json !== "object" || Object.keys(json).length === 0) {
      throw new Error("parsed to no blocks at all");
    }
    console.log(`${file}: ok (${Object.keys(json).sort().join(", ")})`);
  } catch (error) {
    failed += 1;
    console.error(`${file}: ${error.message}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
