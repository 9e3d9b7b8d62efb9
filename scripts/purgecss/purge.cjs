// Runs PurgeCSS (the pinned version in package.json) for scripts/css.py. Reads one JSON object on
// stdin and writes one on stdout, so that every decision (which files, which safelist) stays in
// Python and this file only calls the tool:
//
//   in:  {"css": [{"name", "raw"}], "content": [{"name", "raw", "extension"}],   (extension "tokens": JSON)
//         "safelist": {"standard": [regex source], "deep": [...], "greedy": [...], "variables": [name],
//                      "keyframes": [name]}, "blocklist": [regex source],
//         "split": false}
//   out: {"version": "8.0.0", "css": [{"name", "css", "rejected": [selector], "rejectedCss"}]}
//
// Unused custom properties, @keyframes and @font-face rules go too (variables, keyframes, fontFace),
// except with "split": then every at-rule stays in "css" and the rules left out are returned, in
// their order and inside their @media, as "rejectedCss" (the two together are the input).
"use strict";

const path = require("path");

const PACKAGE = path.join(__dirname, "node_modules", "purgecss");
const { PurgeCSS } = require(PACKAGE);

function read(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    stream.on("error", reject);
  });
}

async function main() {
  const request = JSON.parse(await read(process.stdin));
  const safelist = request.safelist || {};
  const patterns = (sources) => (sources || []).map((source) => new RegExp(source));
  const result = [];
  // One PurgeCSS per stylesheet: the tool keeps what it learnt of variables and keyframes between
  // the files of one call, so that a second file's purge would depend on the first's.
  for (const css of request.css) {
    const purged = await new PurgeCSS().purge({
      css: [{ raw: css.raw, name: css.name }],
      content: request.content.map((item) => ({ raw: item.raw, extension: item.extension })),
      // Content already taken apart (scripts/css.py's first screens): {tags, classes, ids,
      // attributes: {names, values}}, so that a class matches only a class selector.
      extractors: [{ extensions: ["tokens"], extractor: (text) => JSON.parse(text) }],
      safelist: {
        standard: patterns(safelist.standard),
        deep: patterns(safelist.deep),
        greedy: patterns(safelist.greedy),
        variables: safelist.variables || [],
        keyframes: safelist.keyframes || [],
      },
      // Left out even when some content names them (a safelisted part of a selector still wins).
      blocklist: patterns(request.blocklist),
      variables: !request.split,
      keyframes: !request.split,
      fontFace: !request.split,
      rejected: true,
      rejectedCss: Boolean(request.split),
    });
    result.push({
      name: css.name,
      css: purged[0].css,
      rejected: purged[0].rejected || [],
      rejectedCss: purged[0].rejectedCss || "",
    });
  }
  const version = require(path.join(PACKAGE, "package.json")).version;
  process.stdout.write(JSON.stringify({ version, css: result }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(2);
});
