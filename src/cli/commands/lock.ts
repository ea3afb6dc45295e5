/**
 * `packs lock` (pin every source, reusing pins that still satisfy packs.yaml) and
 * `packs update [NAME...]` (resolve the named packs, or all, afresh and move their pins). Both
 * write only packs.lock.yaml; `packs apply` then deploys what the lock pins.
 */
import type { Command } from "commander";
import { applyPlan } from "../../apply/apply-plan.js";
import { lockOnlyPlan, lockSources, type PinReport } from "../../engine/lock-sources.js";
import { renderDiagnostics } from "../../ui/render-diagnostics.js";
import type { Style } from "../../ui/style.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals, withEngine } from "../context.js";
import { fail, printJson } from "../report.js";

interface LockOptions {
  json?: boolean;
  offline?: boolean;
}

export function registerLock(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("lock")
    .description("resolve every source and write packs.lock.yaml, touching no agent file; pins that still satisfy packs.yaml are kept")
    .option("--json", "print the pins as JSON")
    .option("--offline", "no network: local sources and the cache only")
    .action(async (opts: LockOptions, cmd: Command) => setExit(await run(io, cmd, opts, undefined)));

  program
    .command("update")
    .argument("[names...]", "packs of packs.yaml to move (default: all)")
    .description("resolve sources afresh, ignoring their pins, and write the moved pins to packs.lock.yaml (old → new); run `packs apply` next")
    .option("--json", "print the pins as JSON")
    .option("--offline", "no network: local sources and the cache only")
    .action(async (names: string[], opts: LockOptions, cmd: Command) => setExit(await run(io, cmd, opts, names.length > 0 ? new Set(names) : "all")));
}

async function run(io: CliIo, cmd: Command, opts: LockOptions, update: ReadonlySet<string> | "all" | undefined): Promise<number> {
  const g = globals(cmd, opts.json);
  const style = styleFor(io, g);
  const ctx = engineContext(io, g, { offline: opts.offline, ...(update && { update }) });
  const outcome = await withEngine(io, g, { offline: opts.offline, ...(update && { update }) }, lockSources);
  if (!outcome.ok) return fail(io, outcome.diagnostics, style, g.json);
  if (outcome.change) {
    const written = await applyPlan(lockOnlyPlan(outcome.change, ctx), ctx.fs);
    if (!written.ok) return fail(io, written.diagnostics, style, g.json);
  }
  if (g.json) {
    printJson(io, { ok: true, written: Boolean(outcome.change), pins: outcome.pins, removed: outcome.removed, diagnostics: outcome.diagnostics });
    return 0;
  }
  const warnings = outcome.diagnostics.filter((d) => d.severity !== "error");
  if (warnings.length > 0) io.err(renderDiagnostics(warnings, style) + "\n");
  io.out(outcome.pins.map((p) => pinLine(p, style)).join("") + outcome.removed.map((k) => `${style.red("-")} ${k}: no longer in packs.yaml\n`).join(""));
  if (!outcome.change) io.out("packs.lock.yaml is up to date.\n");
  else io.out(`Wrote packs.lock.yaml.${update ? " Run `packs apply` to deploy the new pins." : ""}\n`);
  return 0;
}

function pinLine(p: PinReport, style: Style): string {
  const short = (pin: string) => (/^[0-9a-f]{40}$/.test(pin) ? pin.slice(0, 7) : pin);
  const head = p.from === undefined
    ? `${style.green("+")} ${p.pack} ${p.version}: pinned ${short(p.to)}`
    : p.from !== p.to
      ? `${style.yellow("~")} ${p.pack} ${p.version}: ${short(p.from)} → ${short(p.to)}`
      : `  ${p.pack} ${p.version}: ${short(p.to)} (unchanged)`;
  const floating = p.floating ? style.dim(" · floating: the source can move; `packs update` moves the pin") : "";
  return `${head} (${p.source})${floating}\n${p.notes.map((n) => `    ${style.dim(n)}\n`).join("")}`;
}
