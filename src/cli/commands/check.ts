/**
 * `packs check`: the CI gate. Exit 0 when the project is exactly what packs.yaml and the lock
 * say; 2 when something drifted or is pending (each named); 1 on errors. Never writes.
 */
import type { Command } from "commander";
import { check } from "../../engine/check.js";
import { renderDiagnostics } from "../../ui/render-diagnostics.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals, withEngine } from "../context.js";
import { fail, printJson } from "../report.js";

export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("check")
    .description("CI gate: exit 0 when the project matches packs.yaml and the lock, 2 on drift or pending changes (each named), 1 on errors; writes nothing")
    .option("--json", "print the result as JSON")
    .option("--offline", "no network: local sources and the cache only (only needed when the fast path cannot decide)")
    .action(async (opts: { json?: boolean; offline?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const outcome = await withEngine(io, g, { offline: opts.offline }, check);
      if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
      const code = outcome.clean ? 0 : 2;
      if (g.json) {
        printJson(io, { ok: true, clean: outcome.clean, via: outcome.via, findings: outcome.findings, diagnostics: outcome.diagnostics });
        return setExit(code);
      }
      const warnings = outcome.diagnostics.filter((d) => d.severity !== "error");
      if (warnings.length > 0) io.err(renderDiagnostics(warnings, style) + "\n");
      if (outcome.clean) {
        io.out(`${style.green("packs check: clean.")} ${outcome.via === "fast" ? "The lock, .packs/state and every deployed item match, and packs.yaml is what was last applied (no source was resolved)." : "packs.yaml differs from what was last applied, but a plan changes nothing."}\n`);
        return setExit(0);
      }
      const n = outcome.findings.length;
      io.out(`${style.red(`packs check: ${n} problem${n === 1 ? "" : "s"}`)}\n`);
      for (const f of outcome.findings) io.out(`  ${f.kind === "drift" ? style.yellow("drift  ") : style.cyan("pending")} ${f.address ? `${f.address}: ` : ""}${f.summary}\n`);
      io.out(`\nRun \`packs plan\` to see the changes; \`packs apply\` makes the project match (a hand edit is kept with --adopt or overwritten with --force).\n`);
      setExit(2);
    });
}
