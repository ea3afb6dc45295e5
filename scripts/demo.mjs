#!/usr/bin/env node
// The main job on the bundled example: copy examples/quickstart to a temp folder, then
// plan, apply, plan again (empty) and check (clean), showing how opencode.jsonc changed.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTwoFilesPatch } from "diff";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const project = mkdtempSync(join(tmpdir(), "packs-demo-"));
cpSync(join(root, "examples", "quickstart"), project, { recursive: true });
const before = readFileSync(join(project, "opencode.jsonc"), "utf8");

function packs(...args) {
  console.log(`\n$ packs ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [join(root, "bin", "packs.js"), ...args], { cwd: project, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log(`Demo project: ${project} (a copy of examples/quickstart)`);
packs("plan");
packs("apply", "--yes");
packs("plan", "--detailed-exitcode");
packs("check");

const after = readFileSync(join(project, "opencode.jsonc"), "utf8");
console.log("\nWhat apply changed in opencode.jsonc (your comments and entries are untouched):\n");
console.log(createTwoFilesPatch("opencode.jsonc", "opencode.jsonc", before, after, "before", "after"));
