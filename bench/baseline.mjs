#!/usr/bin/env node
/**
 * The floor packs is measured against: walk a project and read + sha256 every file in it once
 * (packs.yaml, the lock, .packs/state, every pack file and every file packs wrote), in one
 * process. A generated bench project holds exactly the files packs must read, so this is "the
 * cost of reading the files it must read". Two ways, since which is faster depends on the disk
 * and the page cache:
 *   sync   readdirSync / readFileSync, one file after another (fastest on cached files)
 *   async  fs/promises, 32 reads in flight (can win on a cold cache or a slow disk)
 * The runner takes the faster of the two as the floor.
 *
 *   node bench/baseline.mjs <project-dir> [sync|async]   prints {"files": N, "bytes": B}
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const hash = (bytes) => createHash("sha256").update(bytes).digest("base64");

function walkSync(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walkSync(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

async function walk(dir, out) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const [root, mode = "sync"] = process.argv.slice(2);
let files;
let bytes = 0;
if (mode === "sync") {
  files = walkSync(root, []);
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    hash(b);
  }
} else {
  files = await walk(root, []);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const b = await readFile(files[next++]);
      bytes += b.length;
      hash(b);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}
console.log(JSON.stringify({ files: files.length, bytes }));
