/** `packs status`: what is installed, drifted, blocked or pending, per pack and agent. Read-only. */
import type { Command } from "commander";
import { status } from "../../engine/status.js";
import { renderDiagnostics } from "../../ui/render-diagnostics.js";
import { renderStatus } from "../../ui/render-status.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals, withEngine } from "../context.js";
import { fail, printJson } from "../report.js";

export function registerStatus(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("status")
    .description("per pack and agent: items installed, drifted (changed by hand), blocked and pending; writes nothing")
    .option("--json", "print the counts as JSON")
    .option("--offline", "no network: local sources and the cache only")
    .action(async (opts: { json?: boolean; offline?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const outcome = await withEngine(io, g, { offline: opts.offline }, status);
      if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
      if (g.json) printJson(io, { ok: true, packs: outcome.packs, diagnostics: outcome.diagnostics });
      else {
        const warnings = outcome.diagnostics.filter((d) => d.severity !== "error");
        if (warnings.length > 0) io.err(renderDiagnostics(warnings, style) + "\n");
        io.out(renderStatus(outcome.packs, style));
      }
      setExit(0);
    });
}
