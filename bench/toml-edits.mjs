#!/usr/bin/env node
/**
 * Time to build one shared file from N item decisions, to show that it grows linearly with N:
 * core/plan-toml-file buildTomlFile for Codex's config.toml with N `[mcp_servers.<name>]`
 * tables, and core/plan-markdown-file buildMarkdownFile for AGENTS.md with N packs sections.
 * Three scripts each: add N to a file with a few user lines (a fresh apply), replace all N (a
 * version bump of every pack), remove all N. Prints the fastest of --runs (the machine may be
 * busy with other work; the fastest run is the one least disturbed by it); asserts nothing.
 *
 *   npm run build && node bench/toml-edits.mjs [--sizes 250,1000,4000] [--runs 5]
 */
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "core");
const { buildTomlFile } = await import(pathToFileURL(join(dist, "plan-toml-file.js")).href);
const { buildMarkdownFile } = await import(pathToFileURL(join(dist, "plan-markdown-file.js")).href);

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : process.argv[i + 1];
};
const sizes = arg("--sizes", "250,1000,4000").split(",").map(Number);
const runs = Number(arg("--runs", "5"));

const name = (i) => `pack-${String(i).padStart(5, "0")}`;
const server = (i, v) => ({ command: "npx", args: ["-y", `@bench/mcp-server-${i}@1.0.${v}`], env: { BENCH_TOKEN: "${BENCH_TOKEN}" } });
const sectionText = (i, v) => `Pack ${name(i)} v${v}: follow the conventions of topic ${i}.\nRun the tests before committing.\n`;

/** Decisions writing (v > 0) or deleting (v = 0) every item, as core/plan would hand them over. */
function tomlDecisions(n, v) {
  return Array.from({ length: n }, (_, i) => {
    const address = { kind: "entry", path: ".codex/config.toml", pointer: ["mcp_servers", name(i)] };
    const item = { address, value: { type: "json", value: server(i, v) } };
    return v > 0 ? { id: `t${i}`, desired: item, decision: { write: "desired" } } : { id: `t${i}`, recorded: item, decision: { write: "delete" } };
  });
}

function markdownDecisions(n, v) {
  return Array.from({ length: n }, (_, i) => {
    const address = { kind: "section", path: "AGENTS.md", id: name(i) };
    const item = { address, value: { type: "text", text: sectionText(i, v) } };
    return v > 0 ? { id: `s${i}`, desired: item, decision: { write: "desired" } } : { id: `s${i}`, recorded: item, decision: { write: "delete" } };
  });
}

const USER_TOML = '# my settings\nmodel = "o3"\n\n[profiles.fast]\nmodel = "o4-mini"\n';
const USER_MD = "# Project rules\n\nUse pnpm.\n";

/** The fastest run of `build()` in milliseconds, and its result. */
function time(build) {
  const ms = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    out = build();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: Math.min(...ms), out };
}

function row(kind, build, decisions, user) {
  console.log(`\n${kind}`);
  console.log("      N    add ms   replace ms   remove ms   add µs/item");
  for (const n of sizes) {
    const add = time(() => build(user, decisions(n, 1)));
    const bump = time(() => build(add.out.after, decisions(n, 2)));
    const remove = time(() => build(bump.out.after, decisions(n, 0)));
    if (remove.out.after !== user) throw new Error(`${kind}: removing every item did not give the user's file back`);
    const cells = [add.ms.toFixed(1).padStart(9), bump.ms.toFixed(1).padStart(12), remove.ms.toFixed(1).padStart(11), ((add.ms * 1000) / n).toFixed(1).padStart(13)];
    console.log(`${String(n).padStart(7)} ${cells.join(" ")}`);
  }
}

console.log(`build time of one file from N decisions (fastest of ${runs}; node ${process.version})`);
row("config.toml: N [mcp_servers.<name>] tables (buildTomlFile)", (text, ds) => buildTomlFile(".codex/config.toml", text, ds, new Set()), tomlDecisions, USER_TOML);
row("AGENTS.md: N packs sections (buildMarkdownFile)", (text, ds) => buildMarkdownFile("AGENTS.md", text, ds, new Set()), markdownDecisions, USER_MD);
