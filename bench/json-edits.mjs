#!/usr/bin/env node
/**
 * Building one shared JSON(C) file that gains N new items, as a fresh `packs apply` with N packs
 * does: N new MCP entries under `mcp` and N appends to `instructions`, into a small commented
 * file. Prints milliseconds per N; linear building shows as time proportional to N. Needs
 * `npm run build` first (it runs dist/).
 *
 *   node bench/json-edits.mjs [N...]   default 250 1000 4000
 */
import { buildJsonFile } from "../dist/core/plan-json-file.js";

const LIVE = `{
  // the user's own config
  "$schema": "https://opencode.ai/config.json",
  "mcp": {
    "mine": { "type": "local", "command": ["my-server"] }, // kept
  },
  "instructions": ["AGENTS.local.md"],
}
`;

const write = { action: "create", blocked: false, write: "desired" };

function decisions(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const name = `pack-${String(i).padStart(5, "0")}`;
    const entry = { type: "local", command: ["npx", "-y", `@bench/mcp-server-${i}@1.0.0`], environment: { BENCH_TOKEN: "{env:BENCH_TOKEN}" } };
    const file = `.opencode/instructions/${name}.md`;
    out.push(item(`opencode.json#/instructions/${file}`, { kind: "element", path: "opencode.json", array: ["instructions"], key: file, match: "exact" }, file));
    out.push(item(`opencode.json#/mcp/${name}-mcp`, { kind: "entry", path: "opencode.json", pointer: ["mcp", `${name}-mcp`] }, entry));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1)); // as decideItems orders them
}

function item(id, address, value) {
  return { id, desired: { address, value: { type: "json", value } }, decision: write };
}

function time(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [250, 1000, 4000];
for (const n of sizes) {
  const xs = decisions(n);
  const run = () => time(() => buildJsonFile("opencode.json", LIVE, {}, xs, new Set()));
  // The first run warms up; when it is quick, the best of three more is the figure.
  const first = run();
  const ms = first > 2000 ? first : Math.min(run(), run(), run());
  console.log(`N=${n}\t${ms.toFixed(1)} ms\t${((ms * 1000) / n).toFixed(1)} µs per item`);
}
