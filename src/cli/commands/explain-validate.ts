/**
 * `packs explain ITEM`: who owns a file, folder or entry, for which agents, from which pinned
 * source, and whether it is still what packs wrote (read-only; no source is resolved).
 * `packs validate [DIR]`: lint a pack folder, every problem in one run (exit 1 on errors).
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { explain } from "../../engine/explain.js";
import { validatePackDir, type PackSummary } from "../../engine/validate-pack.js";
import { renderDiagnostics } from "../../ui/render-diagnostics.js";
import { renderExplanation } from "../../ui/render-explain.js";
import type { Style } from "../../ui/style.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals } from "../context.js";
import { fail, printJson } from "../report.js";

export function registerExplainValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("explain")
    .description("say who owns a file, folder or entry (opencode.jsonc#/mcp/dbt, AGENTS.md#packs:team), for which agents, from which pinned source, and whether it changed since packs wrote it; read-only, resolves no source")
    .argument("<item>", "a project path (.mcp.json, .claude/skills/x/, …) or an item address (<file>#/<json pointer>, <file>#packs:<id>)")
    .option("--json", "print the explanation as JSON")
    .action(async (item: string, opts: { json?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const outcome = await explain(engineContext(io, g), item);
      if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
      if (g.json) {
        printJson(io, { ok: true, ...outcome.explanation, diagnostics: outcome.diagnostics });
        return setExit(0);
      }
      if (outcome.diagnostics.length > 0) io.err(renderDiagnostics(outcome.diagnostics, style));
      io.out(renderExplanation(outcome.explanation, style));
      setExit(0);
    });

  program
    .command("validate")
    .description("lint a pack folder (default: the current one): every problem in one run, with file:line:col and hints, plus hidden Unicode and literal secrets; exit 1 on errors, 0 otherwise; fetches nothing, writes nothing")
    .argument("[dir]", "the pack's folder (holding PACK.yaml, KIT.yaml or a plugin manifest)")
    .option("--json", "print the result as JSON")
    .action(async (dir: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const shown = (dir ?? g.cwd ?? ".").replace(/\\/g, "/").replace(/(.)\/+$/, "$1");
      const outcome = await validatePackDir(resolve(io.cwd, g.cwd ?? ".", dir ?? "."), shown);
      const code = outcome.ok ? 0 : 1;
      if (g.json) {
        printJson(io, { ok: outcome.ok, pack: outcome.pack, diagnostics: outcome.diagnostics });
        return setExit(code);
      }
      if (outcome.diagnostics.length > 0) io.err(renderDiagnostics(outcome.diagnostics, style));
      io.out(validateSummary(shown, outcome.ok, outcome.pack, outcome.diagnostics.map((d) => d.severity), style));
      setExit(code);
    });
}

function validateSummary(shown: string, ok: boolean, pack: PackSummary | null, severities: readonly string[], style: Style): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const errors = severities.filter((s) => s === "error").length;
  const warnings = severities.filter((s) => s === "warning").length;
  const counts = [errors > 0 && plural(errors, "error"), warnings > 0 && plural(warnings, "warning")].filter(Boolean).join(", ");
  if (!ok) return `${style.red(`packs validate: ${shown}: ${counts}.`)}\n`;
  const parts = pack
    ? [
        pack.skills !== undefined ? plural(pack.skills, "skill") : `skills from ${pack.remote_skill_sources.join(", ")} (not fetched)`,
        pack.mcp > 0 && plural(pack.mcp, "MCP server"),
        pack.plugins > 0 && plural(pack.plugins, "plugin"),
        pack.instructions && "instructions",
      ].filter(Boolean)
    : [];
  const what = pack ? ` pack ${pack.name} ${pack.version}${parts.length ? ` (${parts.join(", ")})` : ""}` : "";
  return `${style.green(`packs validate: ${shown} is a valid`)}${what}${counts ? `; ${counts}` : ""}.\n`;
}
