/**
 * Remote skill sources of a pack's manifest (`skills: [{source: owner/repo, select}]`): each is
 * a git repository, fetched like a git source and pinned in the pack's lock entry under
 * `skill_sources`. `owner/repo` is GitHub, as in altimate-code; `github:` and `git+` work too.
 */
import { isSourceSpecError, parseSourceSpec } from "../config/source-spec.js";
import type { PackEntry } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { SourcePin } from "../core/source-pin.js";
import type { ReadTreeResult } from "../io/read-tree.js";
import { remoteSkillSources, skillFilesOnly } from "../packs/remote-skill-sources.js";
import { fetchGit } from "./resolve-git.js";
import type { SourceContext } from "./source-context.js";

export interface FetchedSkillSources {
  trees: Record<string, ReadTreeResult>;
  pins: NonNullable<SourcePin["skill_sources"]>;
  notes: string[];
  diagnostics: Diagnostic[];
}

const GITHUB_REPO = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

export async function fetchSkillSources(entry: PackEntry, tree: ReadTreeResult, locked: SourcePin | undefined, ctx: SourceContext): Promise<FetchedSkillSources> {
  const manifestFiles = tree.files.filter((f) => f.path === "PACK.yaml" || f.path === "KIT.yaml").map((f) => ({ path: f.path, content: { encoding: "utf8" as const, text: new TextDecoder().decode(f.bytes) } }));
  const out: FetchedSkillSources = { trees: {}, pins: {}, notes: [], diagnostics: [] };
  for (const source of remoteSkillSources(manifestFiles)) {
    const url = gitUrlOf(source);
    if (!url) {
      out.diagnostics.push({ code: "source/bad-skill-source", severity: "error", summary: `pack "${entry.key}": skill source "${source}" is neither owner/repo, github:owner/repo nor git+<url>`, location: entry.location, hint: "A folder inside the pack is written ./folder; a repository as owner/repo (GitHub), github:owner/repo or git+<url>." });
      continue;
    }
    const asSource = GITHUB_REPO.test(source) ? `github:${source}` : source;
    if (ctx.allowSource && !ctx.allowSource(asSource)) {
      out.diagnostics.push({ code: "policy/source-not-allowed", severity: "error", summary: `pack "${entry.key}": it takes skills from ${asSource}, which policy.allow_sources does not allow`, location: entry.location, hint: "Nothing was fetched from it. Add a glob matching it to policy.allow_sources after review, or exclude those skills." });
      continue;
    }
    const lockedSha = locked?.skill_sources?.[source]?.url === url ? locked.skill_sources[source]!.resolved : undefined;
    const got = await fetchGit({ key: entry.key, label: source, url, location: entry.location, ...(lockedSha && { lockedSha }) }, ctx);
    out.diagnostics.push(...got.diagnostics);
    if (!got.fetched) continue;
    out.notes.push(...got.fetched.notes.map((n) => `skills from ${source}: ${n}`));
    out.trees[source] = { ...got.fetched.tree, files: skillFilesOnly(got.fetched.tree.files), symlinks: [] };
    out.pins[source] = { url, resolved: got.fetched.pin.resolved, ...(got.fetched.pin.floating && { floating: true as const }) };
  }
  return out;
}

function gitUrlOf(source: string): string | undefined {
  if (GITHUB_REPO.test(source)) return `https://github.com/${source.replace(/\.git$/, "")}.git`;
  const spec = parseSourceSpec(source);
  return !isSourceSpecError(spec) && spec.kind === "git" ? spec.url : undefined;
}
