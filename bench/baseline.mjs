#!/usr/bin/env node
/**
 * The floor packs is measured against: walk a project and read + sha256 every file in it once
 * (packs.yaml, the lock, .packs/state, every pack file and every file packs wrote), in one
 * process, with a bounded number of reads in flight. A generated bench project holds exactly
 * the files packs must read, so this is "the cost of reading the files it must read".
 *
 *   node bench/baseline.mjs <project-dir>   prints {"files": N, "bytes": B}
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

async function walk(dir, out) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const files = await walk(process.argv[2], []);
let bytes = 0;
let next = 0;
async function worker() {
  while (next < files.length) {
    const b = await readFile(files[next++]);
    bytes += b.length;
    createHash("sha256").update(b).digest("base64");
  }
}
await Promise.all(Array.from({ length: 32 }, worker));
console.log(JSON.stringify({ files: files.length, bytes }));
