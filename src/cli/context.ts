/** Shared option handling for commands. */
import type { Command } from "commander";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import type { Resolution } from "../core/decide.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { EngineContext } from "../engine/make-plan.js";
import type { SourceSettings } from "../engine/resolve-packs.js";
import type { SourceEvent } from "../sources/source-context.js";
import { fetchEndLine, fetchStartLine } from "../ui/render-fetch-progress.js";
import type { Style } from "../ui/style.js";
import { ProjectFs } from "../io/project-fs.js";
import type { CliIo, GlobalOptions } from "./cli-io.js";
import { PACKS_VERSION } from "./version.js";

export function globals(cmd: Command, json: boolean | undefined): GlobalOptions {
  const g = cmd.optsWithGlobals() as { cwd?: string; color?: boolean };
  return { ...(g.cwd && { cwd: g.cwd }), color: g.color !== false, json: Boolean(json) };
}

/** `progress`: show network operations with this style (on a terminal; never with --json). */
type SourceOptions = { offline?: boolean; update?: SourceSettings["update"]; progress?: Style };

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
    ...(source.progress && io.interactive && { onEvent: fetchProgress(io, source.progress) }),
  };
}

/** On a terminal, each network operation as a line when it starts and when it ends, timed. */
function fetchProgress(io: CliIo, style: Style): (e: SourceEvent) => void {
  const started = new Map<number, number>();
  return (e) => {
    if (e.type === "start") {
      started.set(e.id, io.now());
      io.err(fetchStartLine(e.what, style));
    } else io.err(fetchEndLine(e.what, e.ok, (io.now() - (started.get(e.id) ?? io.now())) / 1000, style));
  };
}

export function resolutionOf(opts: { adopt?: boolean; force?: boolean }): Resolution | Diagnostic {
  if (opts.adopt && opts.force) {
    return { code: "cli/conflicting-flags", severity: "error", summary: "--adopt and --force cannot be used together", hint: "--adopt keeps what is on disk; --force writes the packs' values. Choose one." };
  }
  return opts.force ? "force" : opts.adopt ? "adopt" : "none";
}
