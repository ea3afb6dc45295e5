/**
 * `packs validate [DIR]`: lint a pack folder the way a project would load it, and report every
 * problem in one run. The folder is read and loaded exactly as a local source is (io/read-tree,
 * then sources/load-fetched: the same limits, the same loader), then checked for what the loader
 * does not look at: hidden Unicode in the text agents read (core/hidden-unicode) and literal
 * secrets in MCP servers (core/literal-secrets). Nothing is fetched and nothing is written.
 *
 * A manifest's remote skill sources (`skills: [{source: owner/repo}]`) are not fetched: validate
 * checks the pack's own files. Their `pack/remote-skill-source` error (what a pack loaded on its
 * own gets) is a warning here, and so is a skill group naming a skill that only such a source
 * could provide; `packs plan` fetches and checks them.
 */
import { basename } from "node:path";
import type { PackEntry } from "../config/project-config.js";
import { locate, parseYamlSource } from "../config/yaml-source.js";
import { hasErrors, type Diagnostic, type SourceLocation } from "../core/diagnostics.js";
import { canonicalText, type FileContent } from "../core/file-content.js";
import { describeRun, hiddenRuns } from "../core/hidden-unicode.js";
import { looksLikeLiteralSecret } from "../core/literal-secrets.js";
import type { Pack } from "../core/pack-model.js";
import { contentHash } from "../io/hash.js";
import { readTree, type ReadTreeResult } from "../io/read-tree.js";
import { APM_BUNDLE_MANIFEST, CLAUDE_PLUGIN_MANIFEST, LEGACY_MANIFEST, MANIFEST } from "../packs/choose-manifest.js";
import { INSTRUCTIONS_DIR } from "../packs/apm-instructions.js";
import { displayPath } from "../packs/pack-paths.js";
import { remoteSkillSources } from "../packs/remote-skill-sources.js";
import { findSkillFolders } from "../packs/skill-folders.js";
import { caseCollisionWarnings } from "../sources/case-collision.js";
import { loadFetchedTree } from "../sources/load-fetched.js";

/** What validate says about the pack it loaded (or, when only remote skills are missing, about its manifest). */
export interface PackSummary {
  name: string;
  version: string;
  description?: string;
  tier?: string;
  manifest: string;
  /** Skills in the pack; absent when the pack takes skills from a repository validate does not fetch. */
  skills?: number;
  skill_groups?: number;
  mcp: number;
  plugins: number;
  instructions: boolean;
  files: number;
  /** Repositories the manifest takes skills from (not fetched by validate). */
  remote_skill_sources: string[];
}

export type ValidateOutcome = { ok: boolean; pack: PackSummary | null; diagnostics: Diagnostic[] };

/** Hidden-Unicode findings reported per file at most; the rest are counted in one more. */
const MAX_HIDDEN_PER_FILE = 20;

/**
 * `root`: the folder (absolute); `displayRoot`: how it is named in diagnostics (DIR as given).
 */
export async function validatePackDir(root: string, displayRoot: string): Promise<ValidateOutcome> {
  let tree: ReadTreeResult;
  try {
    tree = await readTree(root);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is a file, not a folder" : `cannot be read (${(e as Error).message})`;
    return { ok: false, pack: null, diagnostics: [{ code: "validate/no-folder", severity: "error", summary: `the folder ${why}`, location: { file: displayRoot }, hint: "Pass the pack's folder: the one holding PACK.yaml (or KIT.yaml, or a plugin's manifest)." }] };
  }
  const entry: PackEntry = { key: basename(root), source: { kind: "local", path: displayRoot }, sourceText: displayRoot, groups: [], exclude: [], mcp: {}, location: { file: displayRoot } };
  const loaded = loadFetchedTree(entry, displayRoot, tree);
  const texts = tree.files.map((f) => ({ path: f.path, ...contentHash(f.bytes) }));
  const remote = remoteSkillSources(texts);
  const diagnostics = loaded.diagnostics.map((d) => (remote.length > 0 ? asRemoteWarning(d) : d));
  diagnostics.push(...caseCollisionWarnings(tree, { key: entry.key, location: { file: displayRoot } }, displayRoot));
  diagnostics.push(...hiddenUnicode(texts, displayRoot));
  diagnostics.push(...literalSecrets(loaded.pack, texts, displayRoot));
  const ok = !hasErrors(diagnostics);
  const pack = loaded.pack ? summary(loaded.pack, remote) : ok ? manifestSummary(texts, displayRoot, remote) : null;
  return { ok, pack, diagnostics: sortDiagnostics(diagnostics) };
}

/** Problems a fetch would settle: warnings, since validate fetches nothing. */
function asRemoteWarning(d: Diagnostic): Diagnostic {
  if (d.severity !== "error") return d;
  if (d.code === "pack/remote-skill-source") {
    return { ...d, severity: "warning", summary: `${d.summary}: packs validate checks the pack's own files; \`packs plan\` fetches and checks it` };
  }
  if (d.code === "pack/unknown-skill" && / in this pack$/.test(d.summary)) {
    return { ...d, severity: "warning", summary: `${d.summary} (unless a remote skill source provides it, which packs validate does not fetch)` };
  }
  return d;
}

type TextFile = { path: string; content: FileContent };

/** The files agents read as text: the manifest, every file of every skill folder, the instructions. */
function readByAgents(files: readonly TextFile[]): TextFile[] {
  const manifests = new Set([MANIFEST, LEGACY_MANIFEST, CLAUDE_PLUGIN_MANIFEST, APM_BUNDLE_MANIFEST]);
  const folders = findSkillFolders(files.map((f) => f.path));
  return files.filter((f) =>
    manifests.has(f.path) || folders.some((d) => f.path.startsWith(`${d}/`)) || (f.path.startsWith(`${INSTRUCTIONS_DIR}/`) && f.path.endsWith(".md")));
}

function hiddenUnicode(files: readonly TextFile[], displayRoot: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of readByAgents(files)) {
    if (f.content.encoding !== "utf8") continue;
    const file = displayPath(displayRoot, f.path);
    const runs = hiddenRuns(f.content.text);
    for (const run of runs.slice(0, MAX_HIDDEN_PER_FILE)) {
      out.push({
        code: "pack/hidden-unicode",
        severity: "warning",
        summary: `${describeRun(run)}: invisible in review, read by the agent`,
        location: { file, line: run.line, col: run.col },
        hint: run.chars.some((c) => c.kind === "bidi")
          ? "Bidirectional controls can make the text shown differ from the text read (\"Trojan Source\"); delete them unless the file really needs right-to-left text."
          : "Delete the character (an editor that shows invisible characters helps), or write it as an escape if the text really needs it.",
      });
    }
    if (runs.length > MAX_HIDDEN_PER_FILE) {
      const next = runs[MAX_HIDDEN_PER_FILE]!;
      out.push({ code: "pack/hidden-unicode", severity: "warning", summary: `${runs.length - MAX_HIDDEN_PER_FILE} more places with hidden characters in this file, from here on`, location: { file, line: next.line, col: next.col }, hint: "Strip every invisible format character from the file." });
    }
  }
  return out;
}

/**
 * MCP env values and headers that look like credentials. Read from the manifest itself when it
 * is PACK.yaml / KIT.yaml (so they are found, with positions, even when the pack has errors),
 * else from the loaded pack's servers (a plugin's).
 */
function literalSecrets(pack: Pack | undefined, files: readonly TextFile[], displayRoot: string): Diagnostic[] {
  const manifest = files.find((f) => f.path === MANIFEST) ?? files.find((f) => f.path === LEGACY_MANIFEST);
  const parsed = manifest?.content.encoding === "utf8" ? parseYamlSource(displayPath(displayRoot, manifest.path), canonicalText(manifest.content.text), "pack") : undefined;
  const servers: { name: string; env?: unknown; headers?: unknown }[] = [];
  if (parsed && isRecord(parsed.value)) {
    const mcp = parsed.value.mcp;
    if (isRecord(mcp)) for (const [name, s] of Object.entries(mcp)) if (isRecord(s)) servers.push({ name, env: s.env, headers: s.headers });
  } else if (pack && !parsed) servers.push(...pack.mcp);
  const where = (path: string[]): SourceLocation => (parsed ? locate(parsed.source, path) : { file: displayPath(displayRoot, pack?.manifest ?? "") });
  const out: Diagnostic[] = [];
  for (const m of servers) {
    for (const field of ["env", "headers"] as const) {
      const map = m[field];
      if (!isRecord(map)) continue;
      for (const [name, value] of Object.entries(map)) {
        if (typeof value !== "string" || !looksLikeLiteralSecret(name, value)) continue;
        out.push({
          code: "secrets/literal",
          severity: "warning",
          summary: `MCP server "${m.name}" has what looks like a literal secret in ${field}.${name} (value not shown)`,
          location: where(["mcp", m.name, field, name]),
          hint: `Write it as "\${env:${name.replace(/[^A-Za-z0-9_]/g, "_").toUpperCase()}}" so each user sets it in their environment; a pack is committed and shared, and must not hold secrets.`,
        });
      }
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function summary(pack: Pack, remote: string[]): PackSummary {
  return {
    name: pack.name,
    version: pack.version,
    description: pack.description,
    tier: pack.tier,
    manifest: pack.manifest,
    ...(remote.length === 0 && { skills: pack.skills.length }),
    skill_groups: pack.skillGroups.length,
    mcp: pack.mcp.length,
    plugins: pack.plugins.length,
    instructions: pack.instructions !== undefined,
    files: pack.files.length,
    remote_skill_sources: remote,
  };
}

/**
 * Without a Pack (its remote skills were not fetched), what the manifest says: it passed every
 * check, so its fields have their types.
 */
function manifestSummary(files: readonly TextFile[], displayRoot: string, remote: string[]): PackSummary | null {
  const manifest = files.find((f) => f.path === MANIFEST) ?? files.find((f) => f.path === LEGACY_MANIFEST);
  if (!manifest || manifest.content.encoding !== "utf8") return null;
  const value = parseYamlSource(displayPath(displayRoot, manifest.path), canonicalText(manifest.content.text), "pack").value as Record<string, unknown> | undefined;
  if (!value || typeof value !== "object") return null;
  const str = (k: string) => (typeof value[k] === "string" ? (value[k] as string) : undefined);
  const count = (k: string) => {
    const v = value[k];
    return Array.isArray(v) ? v.length : v && typeof v === "object" ? Object.keys(v).length : 0;
  };
  return {
    name: str("name") ?? "",
    version: str("version") ?? "1.0.0",
    ...(str("description") !== undefined && { description: str("description") }),
    tier: str("tier") ?? "community",
    manifest: manifest.path,
    skill_groups: count("skill_groups"),
    mcp: count("mcp"),
    plugins: count("plugins"),
    instructions: str("instructions") !== undefined,
    files: files.length,
    remote_skill_sources: remote,
  };
}

/** By file, line and column, as the loader sorts its own; a stable sort keeps the rest in order. */
function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...ds].sort((a, b) => {
    const la = a.location ?? { file: "" };
    const lb = b.location ?? { file: "" };
    return cmp(la.file, lb.file) || (la.line ?? 0) - (lb.line ?? 0) || (la.col ?? 0) - (lb.col ?? 0);
  });
}
