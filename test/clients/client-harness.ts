/** What the real-client tests share: where the clients and the packs CLI are, and how to run them. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const PACKS = join(ROOT, "bin", "packs.js");

/** A client installed by scripts/install-clients.mjs (npm test runs it). */
export function clientBin(name: string): string {
  return join(ROOT, ".clients", "node_modules", ".bin", name);
}

/** Run a command to completion (90 s at most); without `env`, the test's own plus NO_COLOR. */
export function run(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd, env: env ?? { ...process.env, NO_COLOR: "1" }, encoding: "utf8", timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
