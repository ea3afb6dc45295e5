/**
 * `packs apply [PLANFILE]`: make the project match packs.yaml. Without a plan file it plans,
 * shows the plan and asks for approval (on a terminal; elsewhere `--yes` is required). A saved
 * plan is the reviewed artefact: applied exactly, without re-planning or a prompt.
 */
import type { Command } from "commander";
import { applyPlan, type ApplyOutcome } from "../../apply/apply-plan.js";
import { parseSavedPlan } from "../../apply/saved-plan.js";
import type { Plan } from "../../core/plan-model.js";
import { redactPlan } from "../../core/redact-plan.js";
import { makePlan } from "../../engine/make-plan.js";
import { readUserFile, type ProjectFs } from "../../io/project-fs.js";
import type { Style } from "../../ui/style.js";
import { preloadViews, renderApplyResult, renderPlan, startApplyProgress, type ApplyStep } from "../../ui/views.js";
import { renderTarget, styleFor, type CliIo, type GlobalOptions } from "../cli-io.js";
import { engineContext, globals, resolutionOf, withEngine } from "../context.js";
import { fail, printJson } from "../report.js";

interface ApplyOptions {
  yes?: boolean;
  json?: boolean;
  adopt?: boolean;
  force?: boolean;
  frozen?: boolean;
  offline?: boolean;
}

export function registerApply(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("apply")
    .argument("[planfile]", "a plan saved with `packs plan --out`; applied exactly as planned")
    .description("make the project match packs.yaml: write agent files, sidecars and the lock")
    .option("--yes", "apply without asking for approval (required when not on a terminal)")
    .option("--json", "print the plan and the result as JSON")
    .option("--adopt", "keep hand edits and foreign entries as they are, and take ownership of them")
    .option("--force", "overwrite hand edits and foreign entries with the packs' values")
    .option("--frozen", "use the lock exactly: fail, writing nothing, if packs.yaml or a source no longer matches it")
    .option("--offline", "no network: local sources and the cache only")
    .action(async (planfile: string | undefined, opts: ApplyOptions, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      if (!g.json) preloadViews();
      const resolution = resolutionOf(opts);
      if (typeof resolution !== "string") return setExit(fail(io, [resolution], style, g.json));

      let plan: Plan;
      if (planfile !== undefined) {
        if (resolution !== "none" || opts.frozen || opts.offline) {
          return setExit(fail(io, [{ code: "cli/flags-with-plan-file", severity: "error", summary: "--adopt, --force, --frozen and --offline belong to the plan, not to applying a saved one", hint: `Make the plan with them: packs plan ${[resolution !== "none" && `--${resolution}`, opts.frozen && "--frozen", opts.offline && "--offline"].filter(Boolean).join(" ")} --out ${planfile}` }], style, g.json));
        }
        const text = await readUserFile(planfile);
        if (text === undefined) return setExit(fail(io, [{ code: "plan-file/not-found", severity: "error", summary: `no plan file ${planfile}`, location: { file: planfile }, hint: "Save one with `packs plan --out FILE`." }], style, g.json));
        const parsed = parseSavedPlan(planfile, text);
        if (!parsed.plan) return setExit(fail(io, parsed.diagnostics, style, g.json));
        plan = parsed.plan;
      } else {
        const outcome = await withEngine(io, g, { offline: opts.offline }, (ctx) => makePlan({ resolution, ...(opts.frozen && { frozen: true }) }, ctx));
        if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
        plan = outcome.plan;
        if (!g.json) io.out(await renderPlan(plan, renderTarget(io, g)));
      }

      if (plan.blocked) return setExit(refuse(io, plan, style, g.json, `${plan.summary.blocked} blocked item(s): resolve them with --adopt (keep yours) or --force (overwrite), then apply again.`));
      if (plan.empty) {
        if (g.json) printJson(io, { ok: true, plan: redactPlan(plan), result: { written: 0, deleted: 0 } });
        else io.out("\nNothing to do.\n");
        return setExit(0);
      }
      if (planfile === undefined && !opts.yes) {
        if (!io.interactive) return setExit(refuse(io, plan, style, g.json, "not on a terminal, so there is no one to approve: pass --yes to apply, or save a plan with `packs plan --out FILE` and apply that."));
        io.out("\n");
        const answer = await io.prompt("Apply these changes? Only 'yes' is accepted: ", renderTarget(io, g).color);
        if (answer.trim() !== "yes") return setExit(refuse(io, plan, style, g.json, "not approved."));
      }

      const result = await applyShown(io, g, plan, engineContext(io, g).fs);
      if (!result.ok) return setExit(fail(io, result.diagnostics, style, g.json));
      const took = result.recovered;
      if (took && !g.json) io.err(`${style.dim("note:")} took over the apply lock left by pid ${took.pid} on ${took.host}, which is no longer running.\n`);
      if (g.json) printJson(io, { ok: true, plan: redactPlan(plan), result: { written: result.written, deleted: result.deleted, ...(took && { recovered_lock: took }) } });
      setExit(0);
    });
}

/**
 * Apply, showing each step: live on a terminal (finished steps above the running one), and
 * once it is done everywhere else. Nothing is shown with --json.
 */
async function applyShown(io: CliIo, g: GlobalOptions, plan: Plan, fs: ProjectFs): Promise<ApplyOutcome> {
  if (g.json) return applyPlan(plan, fs);
  const target = renderTarget(io, g);
  io.out("\n");
  if (io.terminal) {
    const steps = plan.files.mkdir.length + plan.files.writes.length + plan.state.length + plan.files.rmdir.length;
    const live = await startApplyProgress(io.terminal, target.color, steps);
    const result = await applyPlan(plan, fs, (e) => live.step(e));
    await live.finish(result.ok ? plan.summary : undefined);
    return result;
  }
  const done: ApplyStep[] = [];
  const result = await applyPlan(plan, fs, (e) => done.push(e));
  if (result.ok) io.out(await renderApplyResult(done, plan.summary, target));
  return result;
}

function refuse(io: CliIo, plan: Plan, style: Style, json: boolean | undefined, why: string): number {
  if (json) printJson(io, { ok: false, plan: redactPlan(plan), refused: why });
  else io.err(`\n${style.red("Apply refused:")} ${why} Nothing was written.\n`);
  return 1;
}
