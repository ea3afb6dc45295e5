/** `packs plan`: read everything, write nothing (but the plan file), print the plan. */
import { Option, type Command } from "commander";
import type { Diagnostic } from "../../core/diagnostics.js";
import type { Plan } from "../../core/plan-model.js";
import { redactPlan, secretsInPlan } from "../../core/redact-plan.js";
import { makePlan } from "../../engine/make-plan.js";
import { planBetweenRefs, type RefPoint } from "../../engine/plan-between-refs.js";
import { writeUserFile } from "../../io/project-fs.js";
import { renderPlanMarkdown } from "../../ui/render-plan-markdown.js";
import { preloadViews, renderPlan } from "../../ui/views.js";
import { renderTarget, styleFor, type CliIo } from "../cli-io.js";
import { globals, resolutionOf, withEngine } from "../context.js";
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
    .option("--from <ref>", "plan between two commits: the project as committed at this ref is the current state (reads git objects; the working tree is not touched)")
    .option("--to <ref>", "with --from: the commit whose packs.yaml, lock and local packs are the desired state (default: HEAD)")
    .addOption(new Option("--format <format>", "print the plan as text, or as Markdown for a pull-request comment").choices(["text", "markdown"]).default("text"))
    .action(async (opts: { out?: string; json?: boolean; detailedExitcode?: boolean; pack?: string; agent?: string; frozen?: boolean; offline?: boolean; adopt?: boolean; force?: boolean; from?: string; to?: string; format?: "text" | "markdown" }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const resolution = resolutionOf(opts);
      if (typeof resolution !== "string") return setExit(fail(io, [resolution], style, g.json));
      const misuse = betweenRefsMisuse(opts);
      if (misuse) return setExit(fail(io, [misuse], style, g.json));
      const request = { resolution, ...(opts.pack && { pack: opts.pack }), ...(opts.agent && { agent: opts.agent }), ...(opts.frozen && { frozen: true }) };
      if (!g.json && opts.format !== "markdown") preloadViews();
      let plan: Plan;
      let refs: { from: RefPoint; to: RefPoint } | undefined;
      if (opts.from !== undefined) {
        const from = opts.from;
        const outcome = await withEngine(io, g, { offline: opts.offline }, (ctx) => planBetweenRefs({ ...request, from, to: opts.to ?? "HEAD" }, ctx));
        if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
        plan = outcome.plan;
        refs = { from: outcome.from, to: outcome.to };
      } else {
        const outcome = await withEngine(io, g, { offline: opts.offline }, (ctx) => makePlan(request, ctx));
        if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
        plan = outcome.plan;
      }
      if (opts.out) {
        if (secretsInPlan(plan).length > 0) return setExit(fail(io, [secretInSavedPlan(opts.out)], style, g.json));
        await writeUserFile(opts.out, JSON.stringify(plan, null, 2) + "\n");
      }
      if (g.json) printJson(io, { ok: true, plan: redactPlan(plan), ...(refs && { between: refs }) });
      else if (opts.format === "markdown") {
        io.out(renderPlanMarkdown(plan, refs ? { refs } : {}));
        if (opts.out) io.err(`Saved the plan to ${opts.out}. Apply exactly this plan with: packs apply ${opts.out}\n`);
      } else if (refs) io.out(await renderPlan(plan, renderTarget(io, g)));
      else {
        io.out(await renderPlan(plan, renderTarget(io, g)));
        if (opts.out) io.out(`\nSaved the plan to ${opts.out}. Apply exactly this plan with: packs apply ${opts.out}\n`);
        else if (!plan.empty && !plan.blocked) io.out("\nRun `packs apply` to make these changes.\n");
      }
      setExit(opts.detailedExitcode && !plan.empty ? 2 : 0);
    });
}

/** A saved plan carries the exact bytes apply writes, so it cannot leave a secret out. */
function secretInSavedPlan(out: string): Diagnostic {
  return {
    code: "plan-file/literal-secret",
    severity: "error",
    summary: `not saving the plan to ${out}: it would hold a literal secret (see the secrets/literal warning)`,
    hint: "A saved plan is a review artefact and gets shared; it holds the exact bytes apply writes. Have the pack reference an environment variable (${env:NAME}) instead, or apply without a saved plan: packs apply.",
  };
}

/** The flag combinations a plan between refs (and the Markdown view) refuse. */
function betweenRefsMisuse(opts: { from?: string; to?: string; out?: string; json?: boolean; format?: string }): Diagnostic | undefined {
  const conflict = (summary: string, hint: string): Diagnostic => ({ code: "cli/conflicting-flags", severity: "error", summary, hint });
  if (opts.to !== undefined && opts.from === undefined) {
    return { code: "cli/to-without-from", severity: "error", summary: "--to needs --from", hint: "Plan between two commits with --from <ref> --to <ref> (--to defaults to HEAD); without either, packs plan plans the working tree." };
  }
  if (opts.from !== undefined && opts.out) {
    return conflict("--out cannot be used with --from", "A plan between commits describes a temporary copy of the project, so it cannot be applied; save it for reading with --json > plan.json, or --format markdown > plan.md.");
  }
  if (opts.json && opts.format === "markdown") return conflict("--json and --format markdown cannot be used together", "Choose one: --json for a program, --format markdown for a pull-request comment.");
  return undefined;
}
