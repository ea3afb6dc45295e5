/**
 * After tsc and bundle-views: bundle the CLI (dist/cli/main.js, with its dependencies) into
 * dist/bundle/, which bin/packs.js runs. Node then reads a few files at start-up instead of about
 * 450 modules: about a quarter of a second off every command (docs/performance.md). Code
 * splitting keeps each command's module loaded only when used, as in the source (cli/main.ts
 * loads commands lazily); the ink views stay the file bundle-views.mjs made, loaded lazily by
 * ui/views.ts. Tests of the source
 * run src/ through vitest; the e2e tests run this bundle through bin/packs.js.
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = (p) => fileURLToPath(new URL(`../dist/${p}`, import.meta.url));
rmSync(dist("bundle"), { recursive: true, force: true });

/**
 * The ink views are bundled already (bundle-views.mjs, React in production mode, with a require
 * of their own): they stay that one file, loaded from the bundle by its path.
 */
const viewsOutside = {
  name: "views-outside",
  setup(b) {
    b.onResolve({ filter: /\/ink\/index\.js$/ }, (args) => (args.importer.endsWith("/ui/views.js") ? { path: "../ui/ink/index.js", external: true } : undefined));
  },
};

await build({
  entryPoints: [dist("cli/main.js")],
  outdir: dist("bundle"),
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its ES build can be.
  mainFields: ["module", "main"],
  sourcemap: true,
  legalComments: "linked",
  // CommonJS dependencies call require(); give the ES modules one.
  banner: { js: 'import { createRequire as __packsRequire } from "node:module"; const require = __packsRequire(import.meta.url);' },
  plugins: [viewsOutside],
  logLevel: "warning",
});
