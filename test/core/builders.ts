/** In-memory builders for core tests: desired items, sidecars and live snapshots without a disk. */
import { createHash } from "node:crypto";
import { canonicalText } from "../../src/core/file-content.js";
import type { IgnoreRules } from "../../src/core/ignore.js";
import type { DesiredItem, ItemAddress } from "../../src/core/item.js";
import type { LiveSnapshot } from "../../src/core/live.js";
import { plan, type CorePlanInput } from "../../src/core/plan.js";
import type { Sidecar } from "../../src/core/sidecar.js";
import type { JsonValue } from "../../src/core/json.js";

export const hash = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;

export const CONFIG = "opencode.json";
export const TEMPLATE = { $schema: "https://opencode.ai/config.json" };

export function mcp(owner: string, name: string, value: JsonValue = { type: "local", command: ["x", name] }): DesiredItem {
  return { address: { kind: "entry", path: CONFIG, pointer: ["mcp", name] }, owner, agent: "opencode", serves: ["opencode"], value: { type: "json", value }, description: `mcp ${name}` };
}

export function plugin(owner: string, spec: string): DesiredItem {
  const key = spec.replace(/^(@?[^@]+)@.*$/, "$1");
  return { address: { kind: "element", path: CONFIG, array: ["plugin"], key, match: "npm-name" }, owner, agent: "opencode", serves: ["opencode"], value: { type: "json", value: spec }, description: `plugin ${spec}` };
}

export function file(owner: string, path: string, text: string): DesiredItem {
  return { address: { kind: "file", path }, owner, agent: "opencode", serves: ["opencode"], value: { type: "file", content: { encoding: "utf8", text }, hash: hash(canonicalText(text)) }, description: `file ${path}`, group: path.slice(0, path.lastIndexOf("/") + 1) };
}

/** A project on "disk": files by path; folders are derived from the file paths plus `dirs`. */
export function snapshot(files: Record<string, string>, extraDirs: string[] = []): LiveSnapshot {
  const s: LiveSnapshot = { files: {}, dirs: {} };
  for (const [p, text] of Object.entries(files)) s.files[p] = { exists: true, text, hash: hash(canonicalText(text)), raw: hash(text) };
  const dirs = new Set(extraDirs);
  for (const p of Object.keys(files)) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  for (const d of dirs) s.dirs[d] = [...new Set(Object.keys(files).concat([...dirs]).filter((p) => p.startsWith(d + "/")).map((p) => p.slice(d.length + 1).split("/")[0]!))].sort();
  // Folders the test asks about that do not exist.
  return new Proxy(s, { get: (t, k) => (k === "dirs" ? new Proxy(t.dirs, { get: (d, name: string) => (name in d ? d[name] : null) }) : t[k as keyof LiveSnapshot]) });
}

export interface World {
  files: Record<string, string>;
  sidecars: Sidecar[];
}

/**
 * Plan against a world and apply the plan to it in memory: the loop the real CLI runs.
 * `ignore`: packs.yaml's `ignore:` as the engine passes it.
 */
export function planAndApply(world: World, desired: DesiredItem[], active: string[], resolution: CorePlanInput["resolution"] = "none", scope?: CorePlanInput["scope"], ignore?: IgnoreRules) {
  const p = plan({ desired, templates: { [CONFIG]: TEMPLATE }, activePacks: active, sidecars: world.sidecars, pending: [], live: snapshot(world.files), resolution, hash, ...(scope && { scope }), ...(ignore && { ignore }) });
  if (p.diagnostics.some((d) => d.severity === "error") || p.items.some((i) => i.blocked)) return { plan: p, world };
  const files = { ...world.files };
  for (const w of p.files.writes) {
    if (w.after === null) delete files[w.path];
    else files[w.path] = (w.after as { text: string }).text;
  }
  return { plan: p, world: { files, sidecars: [...p.sidecars.values()] } };
}

export function addressOf(d: DesiredItem): ItemAddress {
  return d.address;
}
