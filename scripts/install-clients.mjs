#!/usr/bin/env node
// Installs the real agent clients the conformance tests run (test/clients/) into .clients/,
// pinned to exact versions. They are not devDependencies: their per-platform binary packages
// are not all on every registry mirror, which would break `npm ci` on the lockfile. Idempotent:
// a client already at its pinned version is left alone.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLIENTS = {
  "opencode-ai": "1.18.33",
  "@anthropic-ai/claude-code": "2.1.330",
  "@google/gemini-cli": "0.61.0",
  "@openai/codex": "0.169.0",
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prefix = join(root, ".clients");

function installedVersion(name) {
  const pkg = join(prefix, "node_modules", name, "package.json");
  return existsSync(pkg) ? JSON.parse(readFileSync(pkg, "utf8")).version : undefined;
}

const missing = Object.entries(CLIENTS).filter(([name, version]) => installedVersion(name) !== version);
if (missing.length === 0) process.exit(0);

mkdirSync(prefix, { recursive: true });
if (!existsSync(join(prefix, "package.json"))) writeFileSync(join(prefix, "package.json"), '{ "private": true }\n');
const specs = missing.map(([name, version]) => `${name}@${version}`);
console.log(`Installing agent clients for the conformance tests: ${specs.join(", ")}`);
execFileSync("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error", ...specs], { stdio: "inherit" });
