/** Shared option handling for commands. */
import type { Command } from "commander";
import { resolve } from "node:path";
import type { Resolution } from "../core/decide.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { EngineContext } from "../engine/make-plan.js";
import { ProjectFs } from "../io/project-fs.js";
import type { CliIo, GlobalOptions } from "./cli-io.js";
import { PACKS_VERSION } from "./version.js";

export function globals(cmd: Command, json: boolean | undefined): GlobalOptions {
  const g = cmd.optsWithGlobals() as { cwd?: string; color?: boolean };
  return { ...(g.cwd && { cwd: g.cwd }), color: g.color !== false, json: Boolean(json) };
}

export function engineContext(io: CliIo, g: GlobalOptions): EngineContext {
  return { fs: new ProjectFs(resolve(io.cwd, g.cwd ?? ".")), packsVersion: PACKS_VERSION, projectLabel: g.cwd ?? "." };
}

export function resolutionOf(opts: { adopt?: boolean; force?: boolean }): Resolution | Diagnostic {
  if (opts.adopt && opts.force) {
    return { code: "cli/conflicting-flags", severity: "error", summary: "--adopt and --force cannot be used together", hint: "--adopt keeps what is on disk; --force writes the packs' values. Choose one." };
  }
  return opts.force ? "force" : opts.adopt ? "adopt" : "none";
}
