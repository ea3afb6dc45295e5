/**
 * A pack folder (PACK.yaml or legacy KIT.yaml, with its skills; or a Claude Code plugin or an APM
 * plugin bundle, read by load-plugin.ts) → the Pack model. Pure: the
 * files come in as data (src/io/read-tree.ts + src/io/hash.ts read them). Every problem is
 * reported in one pass; a Pack is returned exactly when there is no error.
 */
import { canonicalText, type FileContent } from "../core/file-content.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import type { Pack, PackFile } from "../core/pack-model.js";
import { chooseManifest, manifestFormat } from "./choose-manifest.js";
import { toDetectRules } from "./detect-rules.js";
import type { Manifest } from "./manifest-schema.js";
import { toMcpServers } from "./mcp-servers.js";
import { isNpmSpec, isSlug } from "./names.js";
import { at, fileLocation, type PackContext } from "./pack-context.js";
import { DiagnosticSink } from "./pack-diagnostics.js";
import { compareStrings, displayPath, safeRelativePath } from "./pack-paths.js";
import { resolveSkills } from "./resolve-skills.js";
import { findSkillFolders } from "./skill-folders.js";
import { loadPluginPack } from "./load-plugin.js";
import { parseYamlSource } from "../config/yaml-source.js";
import { validateManifest } from "./validate-manifest.js";
import { remotePrefix } from "./remote-skill-sources.js";

export interface PackInput {
  /** How the pack's folder is shown in diagnostics, e.g. `packs/dbt-snowflake`. */
  displayRoot: string;
  /** Every regular file of the pack; POSIX paths relative to its root. */
  files: { path: string; content: FileContent; hash: string; executable?: boolean }[];
  /** Symlinks found in the pack (not followed, not read). */
  symlinks?: string[];
  /** Remote skill sources (as written in the manifest) → the skill files fetched for them. */
  remote?: Record<string, { path: string; content: FileContent; hash: string; executable?: boolean }[]>;
}

export interface LoadPackResult {
  /** Present exactly when `diagnostics` holds no error. */
  pack?: Pack;
  diagnostics: Diagnostic[];
}

export function loadPack(input: PackInput): LoadPackResult {
  const { pack, diagnostics } = load(input);
  return pack ? { pack, diagnostics: byPosition(diagnostics) } : { diagnostics: byPosition(diagnostics) };
}

function load(input: PackInput): LoadPackResult {
  const sink = new DiagnosticSink();
  const { displayRoot } = input;
  const remoteBases = new Map(Object.keys(input.remote ?? {}).map((source) => [source, remotePrefix(source)]));
  const remoteFiles = Object.entries(input.remote ?? {}).flatMap(([source, fs]) => fs.map((f) => ({ ...f, path: `${remotePrefix(source)}/${f.path}` })));
  const files = packFiles({ ...input, files: [...input.files, ...remoteFiles] }, sink);
  const symlinks = [...(input.symlinks ?? [])].sort(compareStrings);
  for (const link of symlinks) {
    sink.warning("pack/symlink-ignored", `${link} is a symlink; it is not followed and not part of the pack`, fileLocation(input, link),
      "Replace the symlink with the files themselves if the pack needs them.");
  }

  const manifestFile = chooseManifest(files, symlinks, displayRoot, sink);
  if (!manifestFile) return { diagnostics: sink.all };
  if (manifestFile.content.encoding !== "utf8") {
    sink.error("pack/not-utf8", `${manifestFile.path} is not UTF-8 text`, fileLocation(input, manifestFile.path), `Save ${manifestFile.path} as UTF-8.`);
    return { diagnostics: sink.all };
  }
  const format = manifestFormat(manifestFile.path);
  if (format !== "pack") {
    const plugin = loadPluginPack({ displayRoot, files, manifest: { ...manifestFile, content: manifestFile.content }, format });
    const diagnostics = [...sink.all, ...plugin.diagnostics];
    return plugin.pack && !hasErrors(diagnostics) ? { pack: plugin.pack, diagnostics } : { diagnostics };
  }
  const parsed = parseYamlSource(displayPath(displayRoot, manifestFile.path), canonicalText(manifestFile.content.text), "pack");
  sink.add(...parsed.diagnostics);
  if (parsed.value === undefined && parsed.diagnostics.length > 0) return { diagnostics: sink.all };
  const validated = validateManifest(parsed.source, parsed.value);
  sink.add(...validated.diagnostics);
  if (!validated.manifest) return { diagnostics: sink.all };

  const manifest = validated.manifest;
  const ctx: PackContext = {
    displayRoot,
    source: parsed.source,
    files,
    skillFolders: findSkillFolders(files.map((f) => f.path)),
    sink,
    isBroken: validated.isBroken,
    remoteBases,
  };
  checkHeader(ctx, manifest);
  const { skills, skillGroups } = resolveSkills(ctx, manifest);
  const mcp = toMcpServers(ctx, manifest.mcp);
  const plugins = checkPlugins(ctx, manifest.plugins ?? []);
  if (hasErrors(sink.all)) return { diagnostics: sink.all };

  const pack: Pack = {
    name: manifest.name,
    version: manifest.version ?? "1.0.0",
    description: manifest.description,
    tier: manifest.tier ?? "community",
    manifest: manifestFile.path,
    skills,
    skillGroups,
    mcp,
    plugins,
    detect: toDetectRules(manifest.detect),
    files,
  };
  if (typeof manifest.author === "string") pack.author = manifest.author;
  if (typeof manifest.instructions === "string") pack.instructions = manifest.instructions;
  return { pack, diagnostics: sink.all };
}

/** Diagnostics read top to bottom: by file, then line and column; a stable sort keeps the order found otherwise. */
function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => d.location ?? { file: "" };
  return [...diagnostics].sort((a, b) => {
    const la = key(a);
    const lb = key(b);
    return compareStrings(la.file, lb.file) || (la.line ?? 0) - (lb.line ?? 0) || (la.col ?? 0) - (lb.col ?? 0);
  });
}

/** The input files, sorted; a path that could escape the pack is reported and left out. */
function packFiles(input: PackInput, sink: DiagnosticSink): PackFile[] {
  const seen = new Set<string>();
  const out: PackFile[] = [];
  for (const f of input.files) {
    if (seen.has(f.path)) throw new Error(`bug: pack file listed twice: ${f.path}`);
    seen.add(f.path);
    const safe = safeRelativePath(f.path);
    if (!safe.ok || safe.path !== f.path || f.path === "") {
      sink.error("pack/unsafe-path", `pack file path "${f.path}" ${safe.ok ? "is not a plain relative path" : safe.reason}`, { file: input.displayRoot },
        "A pack's files must lie inside its folder; repackage it without this entry.");
      continue;
    }
    out.push({ path: f.path, content: f.content, hash: f.hash, ...(f.executable && { executable: true as const }) });
  }
  return out.sort((a, b) => compareStrings(a.path, b.path));
}

function checkHeader(ctx: PackContext, m: Manifest): void {
  if (!ctx.isBroken(["name"]) && !isSlug(m.name)) {
    ctx.sink.error("pack/invalid-name", `pack name "${m.name}" is not a slug`, at(ctx, ["name"]),
      `Use 2-64 lowercase letters, digits and single hyphens, starting with a letter${suggestSlug(m.name)}.`);
  }
  if (!ctx.isBroken(["description"]) && m.description.trim() === "") {
    ctx.sink.error("pack/missing-field", "description is empty", at(ctx, ["description"]), 'Say what the pack sets up, e.g. "description: dbt + Snowflake setup".');
  }
}

function suggestSlug(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+|-+$/g, "").slice(0, 64).replace(/-+$/, "");
  return isSlug(slug) ? `, e.g. "${slug}"` : "";
}

function checkPlugins(ctx: PackContext, plugins: readonly string[]): string[] {
  plugins.forEach((spec, i) => {
    if (ctx.isBroken(["plugins", i]) || isNpmSpec(spec)) return;
    ctx.sink.error("pack/invalid-plugin-spec", `plugin "${spec}" is not an npm package spec`, at(ctx, ["plugins", i]),
      'Write an npm spec: "name", "@scope/name", optionally with "@version", or a "file:" / "git+https://" spec.');
  });
  return [...plugins];
}
