/**
 * Which of a pack's components this project gets: skill groups by activation (always; detect
 * when a glob matches a project file; manual when named in packs.yaml `groups`), minus
 * `exclude`, with packs.yaml MCP overrides applied. Every choice carries its reason.
 */
import type { Diagnostic, SourceLocation } from "./diagnostics.js";
import { npmName } from "./item.js";
import type { McpServer, Pack, Skill } from "./pack-model.js";

export interface PackUse {
  key: string;
  groups: readonly string[];
  exclude: readonly string[];
  mcp: Readonly<Record<string, { env?: Record<string, string>; headers?: Record<string, string>; enabled?: boolean }>>;
  /** Where the pack is named in packs.yaml, for diagnostics. */
  location: SourceLocation;
}

export interface Selection {
  key: string;
  /** Where the pack is named in packs.yaml. */
  location: SourceLocation;
  pack: Pack;
  skills: Skill[];
  mcp: McpServer[];
  plugins: string[];
  instructions?: string;
  /** One line per decision worth telling: why a group is in or out, what was excluded. */
  notes: string[];
  diagnostics: Diagnostic[];
}

/** `detected(globs)` returns the first project file matching any glob, or undefined. */
export function selectComponents(pack: Pack, use: PackUse, detected: (globs: readonly string[]) => string | undefined): Selection {
  const notes: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const excluded = new Set(use.exclude);
  const used = new Set<string>();
  const isExcluded = (id: string) => {
    if (!excluded.has(id)) return false;
    used.add(id);
    notes.push(`${id} excluded in packs.yaml`);
    return true;
  };

  const grouped = new Set(pack.skillGroups.flatMap((g) => g.skills));
  const wanted = new Set(pack.skills.filter((s) => !grouped.has(s.name)).map((s) => s.name));
  for (const g of pack.skillGroups) {
    const named = use.groups.includes(g.name);
    let on: boolean;
    let why: string;
    switch (g.activation) {
      case "always":
        on = true;
        why = "activation: always";
        break;
      case "manual":
        on = named;
        why = named ? "named in packs.yaml groups" : "activation: manual, not named in packs.yaml groups";
        break;
      case "detect": {
        const hit = named ? undefined : detected(g.detect.flatMap((r) => r.files));
        on = named || hit !== undefined;
        why = named ? "named in packs.yaml groups" : hit ? `detected ${hit}` : `no file matches ${g.detect.flatMap((r) => r.files).join(", ")}`;
        break;
      }
    }
    notes.push(`group ${g.name} ${on ? "in" : "out"}: ${why}`);
    if (on) g.skills.forEach((s) => wanted.add(s));
  }
  for (const name of use.groups) {
    if (!pack.skillGroups.some((g) => g.name === name)) {
      diagnostics.push({
        code: "packs-yaml/unknown-group",
        severity: "error",
        summary: `pack "${use.key}" has no skill group "${name}"`,
        location: use.location,
        hint: `Groups in ${pack.name}: ${pack.skillGroups.map((g) => g.name).join(", ") || "none"}.`,
      });
    }
  }

  // Check every exclusion (not only of wanted skills), so an exclude is never reported unused.
  const skills = pack.skills.filter((s) => !isExcluded(`skills/${s.name}`) && wanted.has(s.name));
  const mcp = pack.mcp.filter((m) => !isExcluded(`mcp/${m.name}`)).map((m) => withOverride(m, use.mcp[m.name]));
  // A plugin is excluded by its package name or by its spec as written.
  const plugins = pack.plugins.filter((p) => !(isExcluded(`plugins/${npmName(p)}`) || isExcluded(`plugins/${p}`)));
  const instructions = pack.instructions !== undefined && !isExcluded("instructions") ? pack.instructions : undefined;

  for (const name of Object.keys(use.mcp)) {
    if (!pack.mcp.some((m) => m.name === name)) {
      diagnostics.push({
        code: "packs-yaml/unknown-mcp-override",
        severity: "error",
        summary: `pack "${use.key}" has no MCP server "${name}" to override`,
        location: use.location,
        hint: `MCP servers in ${pack.name}: ${pack.mcp.map((m) => m.name).join(", ") || "none"}.`,
      });
    }
  }
  for (const id of excluded) {
    if (!used.has(id)) {
      diagnostics.push({
        code: "packs-yaml/exclude-matches-nothing",
        severity: "warning",
        summary: `exclude "${id}" in pack "${use.key}" matches nothing in ${pack.name}`,
        location: use.location,
        hint: "Check the name against the pack's skills, MCP servers and plugins.",
      });
    }
  }
  return { key: use.key, location: use.location, pack, skills, mcp, plugins, ...(instructions !== undefined && { instructions }), notes, diagnostics };
}

function withOverride(m: McpServer, o: PackUse["mcp"][string] | undefined): McpServer {
  if (!o) return m;
  return {
    ...m,
    ...(o.env && { env: { ...m.env, ...o.env } }),
    ...(o.headers && { headers: { ...m.headers, ...o.headers } }),
    ...(o.enabled !== undefined && { enabled: o.enabled }),
  };
}
