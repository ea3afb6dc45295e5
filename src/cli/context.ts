/** Shared option handling for commands. */
import type { Command } from "commander";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import type { Resolution } from "../core/decide.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { EngineContext } from "../engine/make-plan.js";
import type { SourceSettings } from "../engine/resolve-packs.js";
import { fetchProgress, type FetchProgress } from "../ui/views.js";
import { ProjectFs } from "../io/project-fs.js";
import { colorOn, type CliIo, type GlobalOptions } from "./cli-io.js";
import { PACKS_VERSION } from "./version.js";

export function globals(cmd: Command, json: boolean | undefined): GlobalOptions {
  const g = cmd.optsWithGlobals() as { cwd?: string; color?: boolean };
  return { ...(g.cwd && { cwd: g.cwd }), color: g.color !== false, json: Boolean(json) };
}

/** `progress`: where network operations are shown (see progressFor). */
type SourceOptions = { offline?: boolean; update?: SourceSettings["update"]; progress?: FetchProgress };

/**
 * The live fetch progress of a command, on a terminal and never with --json; the command stops
 * it before printing its result.
 */
export function progressFor(io: CliIo, g: GlobalOptions): FetchProgress | undefined {
  return io.terminal && !g.json ? fetchProgress(io.terminal, colorOn(io, g), io.now) : undefined;
}

/** Engine work under the command's live fetch progress, which ends before the result prints. */
export async function withEngine<T>(io: CliIo, g: GlobalOptions, source: Omit<SourceOptions, "progress">, run: (ctx: EngineContext) => Promise<T>): Promise<T> {
  const progress = progressFor(io, g);
  try {
    return await run(engineContext(io, g, { ...source, ...(progress && { progress }) }));
  } finally {
    await progress?.stop();
  }
}

export function engineContext(io: CliIo, g: GlobalOptions, source: SourceOptions = {}): EngineContext {
  return { fs: new ProjectFs(resolve(io.cwd, g.cwd ?? ".")), packsVersion: PACKS_VERSION, projectLabel: g.cwd ?? ".", sources: sourceSettings(io, source) };
}

const DEFAULT_NPM_REGISTRY = "https://registry.npmjs.org";
const DEFAULT_REGISTRY_TTL_SECONDS = 15 * 60;

/**
 * Where sources are cached and fetched from. PACKS_CACHE_DIR, else $XDG_CACHE_HOME/packs, else
 * ~/.cache/packs; PACKS_NPM_REGISTRY, else npm's own npm_config_registry; PACKS_REGISTRY_TTL
 * (seconds) for registry indexes. Documented in docs/sources.md.
 */
function sourceSettings(io: CliIo, source: SourceOptions): SourceSettings {
  const env = io.env;
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const cacheDir = env.PACKS_CACHE_DIR ? resolve(io.cwd, env.PACKS_CACHE_DIR) : join(xdg ?? join(env.HOME || homedir(), ".cache"), "packs");
  const ttl = Number(env.PACKS_REGISTRY_TTL);
  return {
    cacheDir,
    offline: Boolean(source.offline) || env.PACKS_OFFLINE === "1",
    npmRegistry: (env.PACKS_NPM_REGISTRY || env.npm_config_registry || DEFAULT_NPM_REGISTRY).replace(/\/+$/, ""),
    registryTtlMs: (Number.isFinite(ttl) && ttl >= 0 && env.PACKS_REGISTRY_TTL !== "" && env.PACKS_REGISTRY_TTL !== undefined ? ttl : DEFAULT_REGISTRY_TTL_SECONDS) * 1000,
    now: io.now(),
    ...(source.update && { update: source.update }),
    ...(source.progress && { onEvent: source.progress.onEvent }),
  };
}

export function resolutionOf(opts: { adopt?: boolean; force?: boolean }): Resolution | Diagnostic {
  if (opts.adopt && opts.force) {
    return { code: "cli/conflicting-flags", severity: "error", summary: "--adopt and --force cannot be used together", hint: "--adopt keeps what is on disk; --force writes the packs' values. Choose one." };
  }
  return opts.force ? "force" : opts.adopt ? "adopt" : "none";
}
