#!/usr/bin/env node
/**
 * The packs benchmark: one run, one machine, every figure side by side. Prints figures; it is
 * not a test and asserts nothing.
 *
 *   npm run bench                               build, then the default sizes
 *   node bench/run.mjs --sizes 200x10,1000x10 --runs 5 [--apply-runs 1] [--no-peers] [--keep]
 *
 * Per size P×S (P packs of S skills, each pack with an MCP server and instructions, for all
 * six agents), in a fresh temporary project:
 *   apply     `packs apply --yes` on a project with no outputs yet (outputs removed each run)
 *   plan      `packs plan` on the applied project (a no-op)
 *   check     `packs check` (its fast path: no source resolved)
 *   baseline  bench/baseline.mjs: walk the project and read + sha256 every file once, both
 *             synchronously and with 32 async reads in flight; ratios are to the faster
 * Runs of plan, check and baseline are interleaved so that load from elsewhere on the machine
 * falls on all of them alike. Then `packs --version` against `node -e 0` (cold starts), and the
 * `skills` CLI (npm package `skills`) installing the same skills for claude-code, with packs
 * doing the same, each fresh and as a no-op re-run. Medians; peak memory is the largest
 * maxRSS of any run (bench/rss.cjs).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { cpus, totalmem, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const PACKS = join(here, "..", "bin", "packs.js");
const BASELINE = join(here, "baseline.mjs");
const RSS = join(here, "rss.cjs");

function args() {
  const a = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = a.indexOf(name);
    return i === -1 ? dflt : a[i + 1];
  };
  return {
    sizes: get("--sizes", "200x10,1000x10").split(",").map((s) => s.split("x").map(Number)),
    runs: Number(get("--runs", "5")),
    // A fresh apply writes and fsyncs every file: the slowest figure, and not a target.
    applyRuns: Number(get("--apply-runs", "1")),
    peers: !a.includes("--no-peers"),
    keep: a.includes("--keep"),
  };
}

/** Runs a command; returns wall milliseconds, peak RSS (KB) of its node processes, and its status. */
function measure(cmd, argv, cwd, { rss = true, env = {} } = {}) {
  const rssFile = join(tmpdir(), `packs-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env, ...(rss && { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${RSS}`, PACKS_BENCH_RSS: rssFile }), NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const peak = existsSync(rssFile) ? Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number)) : NaN;
  rmSync(rssFile, { force: true });
  return { ms, rssKb: peak, status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

class Series {
  constructor() { this.ms = []; this.rss = 0; this.failed = undefined; }
  add(r, okStatuses = [0]) {
    if (!okStatuses.includes(r.status)) this.failed ??= `exit ${r.status}: ${r.out.trim().split("\n").slice(-3).join(" / ")}`;
    this.ms.push(r.ms);
    if (Number.isFinite(r.rssKb)) this.rss = Math.max(this.rss, r.rssKb);
  }
  get median() { return median(this.ms); }
}

/** Everything in the project but its inputs (packs.yaml and the packs): what apply writes. */
async function removeOutputs(dir, keep) {
  for (const name of await readdir(dir)) if (!keep.includes(name)) await rm(join(dir, name), { recursive: true, force: true });
}

async function benchSize(P, S, runs, applyRuns, rows) {
  const dir = mkdtempSync(join(tmpdir(), `packs-bench-${P}x${S}-`));
  const info = await generate(dir, P, S);
  const apply = new Series(), plan = new Series(), check = new Series(), baseSync = new Series(), baseAsync = new Series();
  for (let i = 0; i < applyRuns; i++) {
    await removeOutputs(dir, ["packs.yaml", "agent-packs"]);
    apply.add(measure(process.execPath, [PACKS, "apply", "--yes"], dir));
  }
  for (let i = 0; i < runs; i++) {
    baseSync.add(measure(process.execPath, [BASELINE, dir, "sync"], dir));
    plan.add(measure(process.execPath, [PACKS, "plan", "--detailed-exitcode"], dir));
    baseAsync.add(measure(process.execPath, [BASELINE, dir, "async"], dir));
    check.add(measure(process.execPath, [PACKS, "check"], dir));
  }
  const files = JSON.parse(measure(process.execPath, [BASELINE, dir], dir, { rss: false }).out);
  // The floor is the faster way to read and hash everything on this machine (baseline.mjs).
  const b = Math.min(baseSync.median, baseAsync.median);
  const label = `${P} × ${S}`;
  const perK = (s) => s.median / (files.files / 1000);
  const mem = P >= 1000 ? 300 : undefined;
  const read = `read + sha256 ${files.files} files (${(files.bytes / 1e6).toFixed(1)} MB)`;
  rows.push({ size: label, what: `baseline: ${read}, synchronously`, s: baseSync, ratio: baseSync.median / b, perK: perK(baseSync) });
  rows.push({ size: label, what: `baseline: ${read}, 32 async reads in flight`, s: baseAsync, ratio: baseAsync.median / b, perK: perK(baseAsync) });
  rows.push({ size: label, what: "packs apply (fresh)", s: apply, ratio: apply.median / b, perK: perK(apply) });
  rows.push({ size: label, what: "packs plan (no-op)", s: plan, ratio: plan.median / b, target: 2, perK: perK(plan), mem });
  rows.push({ size: label, what: "packs check (fast path)", s: check, ratio: check.median / b, target: 1.5, perK: perK(check), mem });
  return { dir, info };
}

function benchStartup(runs, rows) {
  const node = new Series(), version = new Series();
  const n = Math.max(runs * 2, 10);
  for (let i = 0; i < n; i++) {
    node.add(measure(process.execPath, ["-e", "0"], here, { rss: false }));
    version.add(measure(process.execPath, [PACKS, "--version"], here, { rss: false }));
  }
  rows.push({ size: "start-up", what: "node -e 0", s: node, ratio: 1 });
  rows.push({ size: "start-up", what: "packs --version", s: version, ratio: version.median / node.median, target: 3 });
}

/** The `skills` CLI from npm, installed once into a temporary prefix (so npx's lookup is not timed). */
function installSkillsCli() {
  const prefix = mkdtempSync(join(tmpdir(), "packs-bench-skills-cli-"));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["install", "--no-audit", "--no-fund", "--prefix", prefix, "skills"], { encoding: "utf8" });
  const bin = join(prefix, "node_modules", "skills", "bin", "cli.mjs");
  if (r.status !== 0 || !existsSync(bin)) return { error: `npm install skills failed: ${(r.stderr || String(r.error)).trim().split("\n").slice(-2).join(" / ")}`, prefix };
  const version = JSON.parse(readFileSync(join(prefix, "node_modules", "skills", "package.json"), "utf8")).version;
  return { bin, version, prefix };
}

async function benchPeers(P, S, runs, rows) {
  const cli = installSkillsCli();
  const label = `${P} × ${S}, claude-code`;
  if (cli.error) {
    console.error(`skills comparison skipped: ${cli.error}`);
    return cli;
  }
  const root = mkdtempSync(join(tmpdir(), `packs-bench-peers-${P}x${S}-`));
  // packs: the same skills, skills only, for claude-code only.
  const packsDir = join(root, "packs-project");
  await generate(packsDir, P, S, { agents: ["claude-code"], skillsOnly: true });
  const skillsDir = join(root, "skills-project");
  const env = { DO_NOT_TRACK: "1", DISABLE_TELEMETRY: "1" };
  const skillsArgs = [cli.bin, "add", join(packsDir, "agent-packs"), "--skill", "*", "-a", "claude-code", "-y", "--copy"];
  const pFresh = new Series(), pNoop = new Series(), sFresh = new Series(), sNoop = new Series();
  for (let i = 0; i < runs; i++) {
    await removeOutputs(packsDir, ["packs.yaml", "agent-packs"]);
    rmSync(skillsDir, { recursive: true, force: true });
    mkdirSync(skillsDir, { recursive: true });
    pFresh.add(measure(process.execPath, [PACKS, "apply", "--yes"], packsDir));
    sFresh.add(measure(process.execPath, skillsArgs, skillsDir, { env }));
    pNoop.add(measure(process.execPath, [PACKS, "apply", "--yes"], packsDir));
    sNoop.add(measure(process.execPath, skillsArgs, skillsDir, { env }));
  }
  const skillsHome = join(skillsDir, ".claude", "skills");
  const installed = existsSync(skillsHome) ? (await readdir(skillsHome)).filter((d) => existsSync(join(skillsHome, d, "SKILL.md"))).length : 0;
  if (installed !== P * S) sFresh.failed ??= `installed ${installed} skills, expected ${P * S}`;
  rows.push({ size: label, what: `skills ${cli.version} add (fresh)`, s: sFresh, ratio: 1 });
  rows.push({ size: label, what: "packs apply (fresh)", s: pFresh, ratio: pFresh.median / sFresh.median });
  rows.push({ size: label, what: `skills ${cli.version} add (re-run)`, s: sNoop, ratio: 1 });
  rows.push({ size: label, what: "packs apply (no-op re-run)", s: pNoop, ratio: pNoop.median / sNoop.median });
  return { ...cli, root };
}

function print(rows) {
  const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const lines = ["| size | what | median | runs | ms per 1k files | ratio | target | peak RSS |", "|---|---|---:|---:|---:|---:|---|---:|"];
  for (const r of rows) {
    const target = r.target === undefined ? "" : `≤ ${r.target}×: ${r.ratio <= r.target ? "holds" : "missed"}`;
    const rssMb = Math.round(r.s.rss / 1024);
    const rss = r.s.rss ? `${rssMb} MB${r.mem ? ` (< ${r.mem} MB: ${rssMb < r.mem ? "holds" : "missed"})` : ""}` : "";
    const perK = r.perK === undefined ? "" : r.perK.toFixed(0);
    lines.push(`| ${r.size} | ${r.what}${r.s.failed ? ` (FAILED: ${r.s.failed})` : ""} | ${fmt(r.s.median)} | ${r.s.ms.length} | ${perK} | ${r.ratio.toFixed(2)}× | ${target} | ${rss} |`);
  }
  console.log(lines.join("\n"));
}

const opts = args();
const rows = [];
const cleanup = [];
console.log(`packs benchmark: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${process.platform}, ${new Date().toISOString().slice(0, 10)}`);
benchStartup(opts.runs, rows);
for (const [P, S] of opts.sizes) {
  process.stderr.write(`size ${P} × ${S}…\n`);
  cleanup.push((await benchSize(P, S, opts.runs, opts.applyRuns, rows)).dir);
}
if (opts.peers) {
  const [P, S] = opts.sizes[0];
  process.stderr.write(`skills comparison at ${P} × ${S}…\n`);
  const peer = await benchPeers(P, S, opts.runs, rows);
  cleanup.push(peer.prefix, peer.root);
}
print(rows);
if (opts.keep) console.log(`kept: ${cleanup.filter(Boolean).join(" ")}`);
else for (const d of cleanup) if (d) rmSync(d, { recursive: true, force: true });
writeFileSync(join(tmpdir(), "packs-bench-last.json"), JSON.stringify(rows.map((r) => ({ size: r.size, what: r.what, median_ms: r.s.median, runs: r.s.ms, ratio: r.ratio, peak_rss_kb: r.s.rss, failed: r.s.failed })), null, 2));
