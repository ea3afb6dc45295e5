/** `packs plan`: read everything, write nothing (but the plan file), print the plan. */
import type { Command } from "commander";
import { makePlan } from "../../engine/make-plan.js";
import { writeUserFile } from "../../io/project-fs.js";
import { renderPlanText } from "../../ui/render-plan-text.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals, resolutionOf } from "../context.js";
import { fail, printJson } from "../report.js";

export function registerPlan(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("plan")
    .description("show what apply would change, and why; writes nothing")
    .option("--out <file>", "also save the plan, to apply exactly with `packs apply <file>`")
    .option("--json", "print the plan as JSON (a versioned document, format_version 1)")
    .option("--detailed-exitcode", "exit 0 when there are no changes, 2 when there are, 1 on error")
    .option("--pack <name>", "limit the plan to one pack of packs.yaml")
    .option("--agent <id>", "limit the plan to the items one agent reads; other agents' files stay as they are")
    .option("--adopt", "plan to keep hand edits and foreign entries, taking ownership of them")
    .option("--force", "plan to overwrite hand edits and foreign entries with the packs' values")
    .option("--frozen", "use the lock exactly: fail if packs.yaml or a source no longer matches it")
    .option("--offline", "no network: local sources and the cache only")
    .action(async (opts: { out?: string; json?: boolean; detailedExitcode?: boolean; pack?: string; agent?: string; frozen?: boolean; offline?: boolean; adopt?: boolean; force?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const resolution = resolutionOf(opts);
      if (typeof resolution !== "string") return setExit(fail(io, [resolution], style, g.json));
      const outcome = await makePlan({ resolution, ...(opts.pack && { pack: opts.pack }), ...(opts.agent && { agent: opts.agent }), ...(opts.frozen && { frozen: true }) }, engineContext(io, g, { offline: opts.offline, ...(!g.json && { progress: style }) }));
      if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
      const plan = outcome.plan;
      if (opts.out) await writeUserFile(opts.out, JSON.stringify(plan, null, 2) + "\n");
      if (g.json) printJson(io, { ok: true, plan });
      else {
        io.out(renderPlanText(plan, style));
        if (opts.out) io.out(`\nSaved the plan to ${opts.out}. Apply exactly this plan with: packs apply ${opts.out}\n`);
        else if (!plan.empty && !plan.blocked) io.out("\nRun `packs apply` to make these changes.\n");
      }
      setExit(opts.detailedExitcode && !plan.empty ? 2 : 0);
    });
}
