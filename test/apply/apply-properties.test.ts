/**
 * Properties of plan + apply on real files, through the engine in process, over random
 * sequences of: packs.yaml naming a random subset of three packs with random contents (MCP
 * servers, one co-owned server, skills, instructions), hand edits of items packs manages, and
 * edits of the user's own entries. After every step:
 * - plan → apply → plan is empty, and applying that empty plan changes no byte (twice = once);
 * - a hand edit is never overwritten without --force (blocked, or released when no longer wanted);
 * - every byte packs does not own survives (comments and foreign entries, verbatim);
 * and at the end, removing every pack gives every user file back exactly as the user has it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../src/apply/apply-plan.js";
import type { Resolution } from "../../src/core/decide.js";
import { applyJsoncEdits } from "../../src/core/edit/jsonc-edit.js";
import { makePlan } from "../../src/engine/make-plan.js";
import { ProjectFs } from "../../src/io/project-fs.js";
import { readTree, type Tree } from "../e2e/harness.js";
import { ownedItems, unownedSurvive } from "../e2e/invariants.js";
import { OFFLINE_SOURCES, USER_FILES, userContentProblems } from "./crash-fixture.js";

/** Fixed for CI; PACKS_PROPERTY_SEED / PACKS_PROPERTY_RUNS explore further. */
const NUM_RUNS = Number(process.env.PACKS_PROPERTY_RUNS ?? 40);
const SEED = Number(process.env.PACKS_PROPERTY_SEED ?? 20261123);

const PACKS = ["pa", "pb", "pc"] as const;
type PackName = (typeof PACKS)[number];

const packContent = fc.record({
  servers: fc.dictionary(fc.constantFrom("s1", "s2"), fc.constantFrom("x", "y"), { maxKeys: 2 }),
  shared: fc.boolean(),
  skills: fc.dictionary(fc.constantFrom("k1", "k2"), fc.constantFrom("v1", "v2"), { maxKeys: 2 }),
  instructions: fc.option(fc.constantFrom("i1", "i2"), { nil: undefined }),
});
type PackContent = typeof packContent extends fc.Arbitrary<infer T> ? T : never;

const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("config" as const), active: fc.subarray([...PACKS]), contents: fc.tuple(packContent, packContent, packContent) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("hand" as const), target: fc.constantFrom("opencode", "mcp", "skill"), pick: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("user" as const), target: fc.constantFrom("opencode.jsonc", ".mcp.json", ".codex/config.toml", "AGENTS.md"), n: fc.integer({ min: 1, max: 9 }) }) },
);
const scenario = fc.record({ steps: fc.array(step, { minLength: 1, maxLength: 8 }), resolutions: fc.array(fc.constantFrom<Resolution>("adopt", "force"), { minLength: 8, maxLength: 8 }) });

/** The user's own edits: one region of each user file, rewritten in place. */
const USER_EDITS: Record<string, { find: RegExp; to: (n: number) => string }> = {
  "opencode.jsonc": { find: /"@acme\/docs-mcp(@\d)?"/, to: (n) => `"@acme/docs-mcp@${n}"` },
  ".mcp.json": { find: /"--port", "\d"/, to: (n) => `"--port", "${n}"` },
  ".codex/config.toml": { find: /model = "o3(-\d)?"/, to: (n) => `model = "o3-${n}"` },
  "AGENTS.md": { find: /never touches the rest\.( \d)?/, to: (n) => `never touches the rest. ${n}` },
};

function packYaml(name: PackName, c: PackContent): string {
  const servers = Object.entries(c.servers).map(([s, cmd]) => `  ${name}-${s}:\n    type: stdio\n    command: ["run-${cmd}"]\n`);
  if (c.shared) servers.push(`  shared:\n    type: stdio\n    command: ["shared-server"]\n`);
  return `name: ${name}\nversion: 1.0.0\ndescription: pack ${name}\n` + (servers.length ? `mcp:\n${servers.join("")}` : "") + (c.instructions ? `instructions: |\n  Pack ${name} says ${c.instructions}.\n` : "");
}

function writeConfig(dir: string, active: readonly PackName[], contents: readonly PackContent[]): void {
  for (const [i, name] of PACKS.entries()) {
    const root = join(dir, "packs", name);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const c = contents[i]!;
    writeFileSync(join(root, "PACK.yaml"), packYaml(name, c));
    for (const [k, body] of Object.entries(c.skills)) {
      mkdirSync(join(root, "skills", `${name}-${k}`), { recursive: true });
      writeFileSync(join(root, "skills", `${name}-${k}`, "SKILL.md"), `---\nname: ${name}-${k}\ndescription: Skill ${k} of pack ${name}.\n---\nBody ${body}.\n`);
    }
  }
  writeFileSync(join(dir, "packs.yaml"), `version: 1\nagents: [opencode, claude-code, codex]\npacks:${active.length ? "" : " {}"}\n` + active.map((p) => `  ${p}:\n    source: ./packs/${p}\n`).join(""));
}

const read = (dir: string, rel: string) => readFileSync(join(dir, rel), "utf8");
const snapshot = (dir: string): Tree => readTree(dir, (rel) => rel === ".packs/tmp" || rel.startsWith(".packs/tmp/"));

/** Managed item addresses of one kind, from the sidecars on disk. */
function managed(dir: string, target: "opencode" | "mcp" | "skill"): Array<{ path: string; pointer?: string[] }> {
  const out: Array<{ path: string; pointer?: string[] }> = [];
  const stateDir = join(dir, ".packs/state");
  for (const f of existsSync(stateDir) ? readdirSync(stateDir).sort() : []) {
    const sidecar = JSON.parse(read(dir, `.packs/state/${f}`)) as { items: Record<string, { address: { kind: string; path: string; pointer?: string[] } }> };
    for (const { address: a } of Object.values(sidecar.items)) {
      if (target === "opencode" && a.kind === "entry" && a.path === "opencode.jsonc" && a.pointer?.[0] === "mcp") out.push(a);
      if (target === "mcp" && a.kind === "entry" && a.path === ".mcp.json") out.push(a);
      if (target === "skill" && a.kind === "file" && a.path.endsWith("/SKILL.md")) out.push(a);
    }
  }
  return out.filter((a, i) => out.findIndex((b) => b.path === a.path && JSON.stringify(b.pointer) === JSON.stringify(a.pointer)) === i);
}

async function plan(dir: string, resolution: Resolution) {
  const outcome = await makePlan({ resolution }, { fs: new ProjectFs(dir), packsVersion: "test", projectLabel: ".", sources: OFFLINE_SOURCES });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics, null, 2));
  return outcome.plan;
}

const stats = { cases: 0, steps: 0, configs: 0, handEdits: 0, userEdits: 0, blocked: 0, forced: 0, adopted: 0, released: 0 };
afterAll(() => console.log(`apply-properties: ${JSON.stringify(stats)}`));

describe("plan + apply properties on real files", () => {
  it(`hold over ${NUM_RUNS} random sequences of packs.yaml changes, pack contents and edits`, async () => {
    await fc.assert(fc.asyncProperty(scenario, async ({ steps, resolutions }) => {
      stats.cases++;
      const dir = mkdtempSync(join(tmpdir(), "packs-prop-"));
      for (const [p, text] of Object.entries(USER_FILES)) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), text);
      }
      const userVersion: Record<string, string> = { ...USER_FILES };
      /** Hand edits not yet overwritten: a marker that must stay in its file. */
      const hand = new Map<string, string>();
      const releasedIn = new Set<string>();
      let r = 0;
      let handCount = 0;

      const cycle = async (label: string) => {
        const before = snapshot(dir);
        let p = await plan(dir, "none");
        let resolution: Resolution = "none";
        if (p.blocked) {
          stats.blocked++;
          // Every blocked item is one a hand edit touched: nothing else is drift.
          for (const item of p.items.filter((i) => i.blocked)) expect(hand.has(item.address), `${label}: ${item.address} blocked, not hand-edited`).toBe(true);
          resolution = resolutions[r++ % resolutions.length]!;
          stats[resolution === "force" ? "forced" : "adopted"]++;
          p = await plan(dir, resolution);
          expect(p.blocked).toBe(false);
        }
        for (const item of p.items) if (item.action === "release") {
          expect(hand.has(item.address), `${label}: ${item.address} released, not hand-edited`).toBe(true);
          releasedIn.add(item.target.path);
          stats.released++;
        }
        const result = await applyPlan(p, new ProjectFs(dir));
        expect(result.ok, `${label}: ${JSON.stringify(result)}`).toBe(true);
        const after = snapshot(dir);

        if (resolution === "force") hand.clear(); // the still-wanted ones were overwritten, as asked
        for (const [key, marker] of hand) expect(read(dir, key.split("#")[0]!), `${label}: hand edit ${key} lost`).toContain(marker);
        // Adopted edits are packs' from now on (a later removal deletes them); released ones stay the user's.
        if (resolution === "adopt") for (const item of p.items) if (item.resolved_by === "adopt") hand.delete(item.address);

        // The user's files as the user has them (without packs' items) survive in what apply left.
        // A file an item was released into holds that item too: its hand-edit marker and the
        // user's must-keep lines are checked instead.
        const userFiles: Tree = new Map(Object.entries(userVersion).filter(([path]) => !releasedIn.has(path)));
        expect(unownedSurvive(userFiles, after, [...ownedItems(before), ...ownedItems(after)]), label).toEqual([]);
        expect(userContentProblems(dir).filter((x) => !x.includes("lost")), label).toEqual([]);

        const again = await plan(dir, "none");
        expect(again.empty, `${label}: plan after apply: ${again.items.filter((i) => i.action !== "noop").map((i) => `${i.action} ${i.address}`).join(", ")}`).toBe(true);
        expect((await applyPlan(again, new ProjectFs(dir))).ok).toBe(true);
        expect(snapshot(dir), `${label}: applying twice`).toEqual(after);
      };

      for (const [i, s] of steps.entries()) {
        stats.steps++;
        const label = `step ${i} (${s.kind})`;
        if (s.kind === "config") {
          stats.configs++;
          writeConfig(dir, s.active, s.contents);
          await cycle(label);
        } else if (s.kind === "user") {
          stats.userEdits++;
          const e = USER_EDITS[s.target]!;
          writeFileSync(join(dir, s.target), read(dir, s.target).replace(e.find, e.to(s.n)));
          userVersion[s.target] = userVersion[s.target]!.replace(e.find, e.to(s.n));
          if (existsSync(join(dir, "packs.yaml"))) await cycle(label);
        } else {
          const items = managed(dir, s.target);
          if (items.length === 0) continue;
          stats.handEdits++;
          const item = items[s.pick % items.length]!;
          const marker = `hand-${++handCount}`;
          const text = read(dir, item.path);
          const edited = item.pointer
            ? applyJsoncEdits(text, [{ op: "set", path: item.pointer, value: s.target === "opencode" ? { type: "local", command: [marker] } : { command: marker } }])
            : `${text}\n${marker}\n`;
          writeFileSync(join(dir, item.path), edited);
          hand.set(item.pointer ? `${item.path}#/${item.pointer.join("/")}` : item.path, marker);
          // No apply yet: the next step may stop wanting the item (a release) or keep it (drift).
        }
      }

      // Remove every pack: each user file is back to exactly the user's version, unless an
      // edited item was released into it (then it is the user's now, and stays).
      const nothing: PackContent = { servers: {}, shared: false, skills: {}, instructions: undefined };
      writeConfig(dir, [], [nothing, nothing, nothing]);
      await cycle("removing every pack");
      for (const [p, text] of Object.entries(userVersion)) if (!releasedIn.has(p) && ![...hand.keys()].some((k) => k.startsWith(p))) expect(read(dir, p), `${p} after removing every pack`).toBe(text);
      const left = snapshot(dir);
      for (const path of left.keys()) if (path.startsWith(".agents/") || path.startsWith(".claude/")) expect([...releasedIn, ...hand.keys()].some((k) => k.startsWith(path) || path.startsWith(k.split("#")[0]!.replace(/[^/]*$/, ""))), `${path} left after removing every pack`).toBe(true);
      rmSync(dir, { recursive: true, force: true });
    }), { numRuns: NUM_RUNS, seed: SEED });
  }, 120_000);
});
