/**
 * `packs plan --from <ref> --to <ref>`: the plan between two commits, for a pull-request comment.
 * The project as committed at `from` (its agent files and `.packs/state` sidecars) is the current
 * state; `packs.yaml`, `packs.lock.yaml`, the local pack folders and `.tgz` files and the local
 * registry files as of `to` are the desired state. Both are read from the repository's objects
 * into a temporary folder, the ordinary planner runs there, and the folder is removed. The
 * repository's working tree and index are never written.
 */
import { join, posix } from "node:path";
import { loadProjectConfig } from "../config/load-project-config.js";
import type { ProjectConfig } from "../config/project-config.js";
import type { Diagnostic, SourceLocation } from "../core/diagnostics.js";
import type { Plan } from "../core/plan-model.js";
import { commitOf, confineSymlinks, entryAtCommit, exportTree, isShallowRepository, makeTempDir, readFileAtRef, removeTree, repositoryOf, writeBytes } from "../io/git-export.js";
import { ProjectFs } from "../io/project-fs.js";
import { parseLock } from "../lockfile/parse-lock.js";
import { LOCK_PATH } from "../lockfile/render-lock.js";
import { CONFIG_PATH } from "./desired-state.js";
import { pinChange } from "./frozen-lock.js";
import { makePlan, type EngineContext, type PlanRequest } from "./make-plan.js";

export interface BetweenRefsRequest extends PlanRequest {
  /** The commit whose committed project is the current state. */
  from: string;
  /** The commit whose packs.yaml, lock and local packs are the desired state. */
  to: string;
}

/** A ref as the user wrote it and the commit it named. */
export interface RefPoint {
  ref: string;
  commit: string;
}

export type BetweenRefsOutcome = { ok: true; plan: Plan; from: RefPoint; to: RefPoint } | { ok: false; diagnostics: Diagnostic[] };

const err = (code: string, summary: string, hint: string, location?: SourceLocation): Diagnostic => ({ code, severity: "error", summary, hint, ...(location && { location }) });
const short = (sha: string) => sha.slice(0, 7);

/** `ctx.fs` is the user's project folder: it locates the repository and is only ever read through git. */
export async function planBetweenRefs(req: BetweenRefsRequest, ctx: EngineContext): Promise<BetweenRefsOutcome> {
  const repo = await repositoryOf(ctx.fs.root);
  if ("error" in repo) {
    return { ok: false, diagnostics: [err("cli/not-a-git-repo", `${ctx.projectLabel} is not in a git repository (${repo.error})`, "--from and --to name commits of the project's git repository: run packs in a clone, or pass --cwd to the project folder inside one.")] };
  }
  const { top, prefix } = repo;
  const refs = { from: req.from, to: req.to };
  const commits: Partial<Record<"from" | "to", string>> = {};
  const unknown: Diagnostic[] = [];
  for (const side of ["from", "to"] as const) {
    const sha = await commitOf(top, refs[side]);
    if (sha) commits[side] = sha;
    else unknown.push(err("cli/unknown-ref", `--${side} ${refs[side]}: no such commit, branch or tag in this repository`, (await isShallowRepository(top))
      ? "This is a shallow clone, so older commits and other branches are missing: fetch them (actions/checkout with fetch-depth: 0, or `git fetch --unshallow origin`)."
      : "Check the name (`git log --oneline -1 <ref>`); a branch of the remote is origin/<branch>, and must have been fetched (`git fetch origin <branch>`)."));
  }
  if (unknown.length > 0) return { ok: false, diagnostics: unknown };
  const from: RefPoint = { ref: refs.from, commit: commits.from! };
  const to: RefPoint = { ref: refs.to, commit: commits.to! };

  const configAtTo = await readFileAtRef(top, to.commit, prefix + CONFIG_PATH);
  if (!("bytes" in configAtTo)) {
    const what = "kind" in configAtTo ? `a ${configAtTo.kind}, not a file,` : "missing";
    return { ok: false, diagnostics: [err("cli/no-packs-yaml-at-ref", `${what} at --to ${to.ref} (${short(to.commit)})`, `--to names the commit whose ${CONFIG_PATH} is planned: commit ${prefix}${CONFIG_PATH} there, or pick another ref.`, { file: CONFIG_PATH })] };
  }

  const tmp = await makeTempDir("packs-plan-refs-");
  try {
    const tmpRepo = join(tmp, "repo");
    const project = join(tmpRepo, prefix);
    const fs = new ProjectFs(project);
    // The current state: the project folder as committed at `from` (none at all is a project without packs yet).
    const exported = await exportTree(top, from.commit, prefix, project);
    await fs.mkdir(".");

    // The desired state's inputs, as of `to`.
    await writeBytes(fs.abs(CONFIG_PATH), configAtTo.bytes);
    const lockAtTo = await readFileAtRef(top, to.commit, prefix + LOCK_PATH);
    if ("bytes" in lockAtTo) await writeBytes(fs.abs(LOCK_PATH), lockAtTo.bytes);
    else await removeTree(fs.abs(LOCK_PATH));
    const config = loadProjectConfig(CONFIG_PATH, new TextDecoder().decode(configAtTo.bytes)).config;
    if (config) {
      const refused = await overlayLocalInputs(config, { top, prefix, toCommit: to.commit, toRef: to.ref, tmpRepo });
      if (refused.length > 0) return { ok: false, diagnostics: refused };
    }
    const dropped = await confineSymlinks(tmpRepo);

    const outcome = await makePlan(req, { ...ctx, fs });
    const undoPaths = <T>(v: T): T => replaceInStrings(v, tmpRepo, top);
    if (!outcome.ok) return { ok: false, diagnostics: undoPaths(outcome.diagnostics) };
    const plan = undoPaths(outcome.plan);

    // The lock pins as they move between the two commits, not against `to`'s own lock.
    const lockAtFrom = await readFileAtRef(top, from.commit, prefix + LOCK_PATH);
    const fromLock = "bytes" in lockAtFrom ? parseLock(LOCK_PATH, new TextDecoder().decode(lockAtFrom.bytes)).lock : undefined;
    if (fromLock || !("bytes" in lockAtFrom)) {
      plan.packs = plan.packs.map(({ pin: _, ...p }) => ({ ...p, ...pinChange(fromLock?.packs[p.name], p.resolved) }));
    }

    const notes = [`planned between commits: the project as committed at ${from.ref} (${short(from.commit)}), with ${CONFIG_PATH}, ${LOCK_PATH} and local packs as of ${to.ref} (${short(to.commit)})`];
    if (!(await entryAtCommit(top, from.commit, prefix + CONFIG_PATH))) notes.push(`${from.ref} has no ${CONFIG_PATH}: the plan starts from a project without packs`);
    const projectDir = prefix.replace(/\/$/, "") || ".";
    const skipped = new Set([...(exported?.skipped ?? []), ...dropped.map((p) => posix.relative(projectDir, p))]);
    if (skipped.size > 0) notes.push(`left out of the copy of ${from.ref}: ${[...skipped].sort().join(", ")} (symlinks leading outside the repository, and submodules)`);
    plan.notes = [...notes, ...plan.notes];
    return { ok: true, plan, from, to };
  } finally {
    await removeTree(tmp);
  }
}

/**
 * Replace, in the temporary copy, every local pack folder, `.tgz` file and registry file that
 * `to`'s packs.yaml names with its content at `to` (or with nothing, when it is not there).
 * Inputs outside the repository cannot be read at a commit: they are refused.
 */
async function overlayLocalInputs(config: ProjectConfig, at: { top: string; prefix: string; toCommit: string; toRef: string; tmpRepo: string }): Promise<Diagnostic[]> {
  const inputs: { path: string; what: string; location: SourceLocation }[] = [];
  for (const p of config.packs) {
    if (p.source.kind === "local" || p.source.kind === "tarball") inputs.push({ path: p.source.path, what: `pack "${p.key}"`, location: p.location });
  }
  for (const [name, where] of Object.entries(config.registries)) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(where)) inputs.push({ path: where, what: `registry "${name}"`, location: { file: CONFIG_PATH } });
  }
  const diagnostics: Diagnostic[] = [];
  const projectDir = at.prefix.replace(/\/$/, "");
  for (const input of inputs) {
    const written = input.path.replace(/\\/g, "/");
    const rel = posix.isAbsolute(written) || /^[A-Za-z]:/.test(written) ? undefined : posix.normalize(posix.join(projectDir || ".", written)).replace(/\/+$/, "");
    if (rel === undefined || rel === ".." || rel.startsWith("../")) {
      diagnostics.push(err("cli/source-outside-repo", `${input.what}: ${input.path} is outside the git repository, so packs cannot read it as of ${at.toRef}`, "To plan between refs, keep local packs and registry files inside the repository, or use a git source the lock pins. Without --from/--to, packs plan reads it from disk.", input.location));
      continue;
    }
    if (rel === "." || rel === projectDir || projectDir.startsWith(`${rel}/`)) {
      diagnostics.push(err("cli/source-contains-project", `${input.what}: ${input.path} holds the project itself, so its content as of ${at.toRef} cannot be laid over the project as committed at --from`, "Move the pack into a folder of its own (e.g. ./packs/<name>), or plan without --from/--to.", input.location));
      continue;
    }
    const dest = join(at.tmpRepo, rel);
    await removeTree(dest);
    const entry = await entryAtCommit(at.top, at.toCommit, rel);
    if (entry?.kind === "folder") await exportTree(at.top, at.toCommit, rel, dest);
    else if (entry?.kind === "file") {
      const file = await readFileAtRef(at.top, at.toCommit, rel);
      if ("bytes" in file) await writeBytes(dest, file.bytes);
    }
    // Anything else (nothing, a symlink, a submodule) stays absent: the resolver says what is missing.
  }
  return diagnostics;
}

/** Every string in a JSON value with `from` replaced by `to` (the temporary folder's path by the repository's). */
function replaceInStrings<T>(value: T, from: string, to: string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.includes(from) ? v.split(from).join(to) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
