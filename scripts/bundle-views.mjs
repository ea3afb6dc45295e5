/**
 * After tsc: bundle the ink views (dist/ui/ink/index.js, with ink, React and their
 * dependencies) into that one file, in React's production mode. Loading the views then reads
 * one file instead of several hundred modules (es-toolkit's alone are ~300), which is most of
 * what showing a plan costs beyond planning. The source stays unbundled for tests (vitest runs
 * src/); docs/architecture.md says why.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

/**
 * ink loads the React devtools only when DEV=true, and they are not a dependency; a bundle
 * would import them eagerly, so they become a module that does nothing.
 */
const noDevtools = {
  name: "no-devtools",
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: "react-devtools-core", namespace: "no-devtools" }));
    b.onLoad({ filter: /.*/, namespace: "no-devtools" }, () => ({ contents: "export default { initialize() {}, connectToDevTools() {} };", loader: "js" }));
  },
};

const entry = fileURLToPath(new URL("../dist/ui/ink/index.js", import.meta.url));

await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: [noDevtools],
  // CommonJS dependencies (React) call require(); give the ES module one.
  banner: { js: 'import { createRequire as __packsRequire } from "node:module"; const require = __packsRequire(import.meta.url);' },
  logLevel: "warning",
});
