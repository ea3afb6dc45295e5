/**
 * Commands that look beyond packs.yaml: `packs search TERM` and `packs detect` (the packs of the
 * registries packs.yaml names), and `packs import altimate` (take over what altimate-code
 * activated). search and detect never write; import writes packs.yaml, the lock and packs'
 * records, never an agent file.
 */
import type { Command } from "commander";
import { applyPlan } from "../../apply/apply-plan.js";
import type { Diagnostic } from "../../core/diagnostics.js";
import { detectPacks, type DetectedPack } from "../../engine/detect-packs.js";
import { importAltimate, type ImportedPack } from "../../engine/import-altimate.js";
import type { RegistryPack } from "../../engine/registry-search.js";
import { searchRegistries } from "../../engine/registry-search.js";
import { renderDiagnostics } from "../../ui/render-diagnostics.js";
import type { Style } from "../../ui/style.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals, withEngine } from "../context.js";
import { fail, printJson } from "../report.js";

export function registerRegistryCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("search")
    .description("search the registries packs.yaml names (registries:) by name, description and tags; writes nothing")
    .argument("<term>", "text to look for (case-insensitive)")
    .option("--json", "print the matches as JSON")
    .option("--offline", "no network: registry indexes from the cache only")
    .action(async (term: string, opts: { json?: boolean; offline?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const outcome = await withEngine(io, g, { offline: opts.offline }, (ctx) => searchRegistries(term, ctx));
      if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
      if (g.json) {
        printJson(io, { ok: true, term: outcome.term, registries: outcome.registries, results: outcome.results.map(packJson), notes: outcome.notes, diagnostics: outcome.diagnostics });
        return setExit(0);
      }
      warn(io, outcome.diagnostics, style);
      const where = `${outcome.registries.length === 1 ? "registry" : "registries"} ${outcome.registries.join(", ")}`;
      if (outcome.results.length === 0) io.out(`No pack in the ${where} matches "${outcome.term}".\n`);
      else {
        for (const p of outcome.results) io.out(packBlock(p, style, []));
        const n = outcome.results.length;
        io.out(`${n} pack${n === 1 ? "" : "s"} in the ${where} match${n === 1 ? "es" : ""} "${outcome.term}".\n`);
      }
      for (const note of outcome.notes) io.out(`${style.dim("note:")} ${note}\n`);
      setExit(0);
    });

  program
    .command("detect")
    .description("the registry packs whose detect rules match files of this project and that packs.yaml does not have yet; writes nothing")
    .option("--json", "print the matches as JSON")
    .option("--offline", "no network: registry indexes from the cache only")
    .action(async (opts: { json?: boolean; offline?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const outcome = await withEngine(io, g, { offline: opts.offline }, detectPacks);
      if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
      if (g.json) {
        printJson(io, { ok: true, detected: outcome.detected.map((p) => ({ ...packJson(p), matches: p.matches })), already_added: outcome.alreadyAdded, files_scanned: outcome.filesScanned, notes: outcome.notes, diagnostics: outcome.diagnostics });
        return setExit(0);
      }
      warn(io, outcome.diagnostics, style);
      for (const p of outcome.detected) io.out(packBlock(p, style, matchLines(p)));
      const n = outcome.detected.length;
      if (n === 0) io.out(`No registry pack matches this project${outcome.alreadyAdded.length > 0 ? " that packs.yaml does not have already" : ""} (${outcome.filesScanned} files looked at).\n`);
      else io.out(`${n} registry pack${n === 1 ? "" : "s"} match${n === 1 ? "es" : ""} this project and ${n === 1 ? "is" : "are"} not in packs.yaml yet.\n`);
      if (outcome.alreadyAdded.length > 0) io.out(`Matching, and in packs.yaml already: ${outcome.alreadyAdded.join(", ")}.\n`);
      for (const note of outcome.notes) io.out(`${style.dim("note:")} ${note}\n`);
      setExit(0);
    });

  const imp = program.command("import").description("take over an agent setup another tool made");
  imp
    .command("altimate")
    .description("add the packs altimate-code activated here (.opencode/active-packs) to packs.yaml and adopt what they wrote; changes no agent file")
    .option("--json", "print the result as JSON")
    .option("--offline", "no network: local sources and the cache only")
    .action(async (opts: { json?: boolean; offline?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const outcome = await withEngine(io, g, { offline: opts.offline }, (ctx) => importAltimate(ctx, (plan) => applyPlan(plan, ctx.fs)));
      if (!outcome.ok) return setExit(fail(io, outcome.diagnostics, style, g.json));
      const code = outcome.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
      if (g.json) {
        printJson(io, {
          ok: code === 0,
          active_file: outcome.activeFile,
          imported: outcome.imported.map((p) => ({
            key: p.key,
            source: p.source,
            manifest: p.manifest,
            ...(p.installedFrom !== undefined && { installed_from: p.installedFrom }),
            ...(p.editedSinceInstall && { edited_since_install: true }),
            ...(p.agents && { agents: p.agents }),
            adopted: p.adopted,
            excluded: p.excluded,
          })),
          skipped: outcome.skipped,
          packs_yaml: outcome.packsYaml,
          plan_empty: outcome.planEmpty,
          agent_files_unchanged: outcome.agentFilesUnchanged,
          diagnostics: outcome.diagnostics,
        });
        return setExit(code);
      }
      if (outcome.diagnostics.length > 0) io.err(renderDiagnostics(outcome.diagnostics, style) + "\n");
      io.out(importText(outcome, style));
      setExit(code);
    });
}

function warn(io: CliIo, diagnostics: readonly Diagnostic[], style: Style): void {
  const shown = diagnostics.filter((d) => d.severity !== "error");
  if (shown.length > 0) io.err(renderDiagnostics(shown, style) + "\n");
}

function packJson(p: RegistryPack) {
  return {
    name: p.name,
    ...(p.version !== undefined && { version: p.version }),
    ...(p.description !== undefined && { description: p.description }),
    tier: p.tier,
    claimed_tier: p.claimedTier,
    tags: p.tags,
    registry: p.registry,
    registry_url: p.registryUrl,
    ...(p.shadowedBy && { shadowed_by: p.shadowedBy }),
    add: p.add,
  };
}

/** One pack: name, version, tier and registry; its description and tags; extra lines; the add command. */
function packBlock(p: RegistryPack, style: Style, extra: readonly string[]): string {
  const tier = p.tier === p.claimedTier ? p.tier : `${p.tier} (claims ${p.claimedTier}; trust it with policy.trusted)`;
  const lines = [`${style.bold(p.name)} ${p.version ?? "(no version)"} · ${tier} · registry ${p.registry}`];
  if (p.description) lines.push(`  ${p.description}`);
  if (p.tags.length > 0) lines.push(`  ${style.dim("tags:")} ${p.tags.join(", ")}`);
  lines.push(...extra.map((l) => `  ${l}`));
  if (p.shadowedBy) lines.push(`  ${style.yellow("note:")} registry ${p.shadowedBy} is listed first in packs.yaml and has a pack of this name too; registry:${p.name} resolves there`);
  lines.push(`  ${style.cyan(p.add)}`);
  return lines.join("\n") + "\n\n";
}

function matchLines(p: DetectedPack): string[] {
  return p.matches.flatMap((m) => [`matched ${m.file}${m.pattern === m.file ? "" : ` (${m.pattern})`}`, ...(m.message ? [`  ${m.message}`] : [])]);
}

function importText(o: Extract<Awaited<ReturnType<typeof importAltimate>>, { ok: true }>, style: Style): string {
  const lines: string[] = [];
  const from = o.activeFile ? ` (${o.activeFile})` : "";
  if (o.imported.length === 0) lines.push(`Nothing to import from altimate-code${from}.`);
  else {
    lines.push(`Imported ${o.imported.length} pack${o.imported.length === 1 ? "" : "s"} from altimate-code${from} into packs.yaml:`);
    const width = Math.max(...o.imported.map((p) => p.key.length));
    for (const p of o.imported) lines.push(...importedLines(p, width, style));
  }
  if (o.skipped.length > 0) {
    lines.push("Not imported:");
    for (const s of o.skipped) lines.push(`  ${style.yellow("-")} ${s.name}: ${s.reason}`);
  }
  if (o.imported.length > 0) {
    lines.push("");
    lines.push(`${o.packsYaml === "created" ? "Created" : "Updated"} packs.yaml and wrote packs.lock.yaml and .packs/state/; ${o.agentFilesUnchanged ? "no agent file changed" : style.red("agent files changed meanwhile (see above)")}.`);
    lines.push(o.planEmpty ? "`packs plan` now shows no changes." : style.red("`packs plan` still shows changes (see above)."));
  }
  return lines.join("\n") + "\n";
}

function importedLines(p: ImportedPack, width: number, style: Style): string[] {
  const left = summarise(p.excluded);
  const lines = [`  ${style.green("+")} ${p.key.padEnd(width)}  ${p.source}  ${p.adopted} item${p.adopted === 1 ? "" : "s"} adopted${left ? `; left out: ${left}` : ""}${p.agents ? `; for ${p.agents.join(", ")} only` : ""}`];
  if (p.installedFrom) lines.push(`      altimate-code installed it from ${p.installedFrom} (manifest.json); packs.yaml uses the copy it activated`);
  if (p.editedSinceInstall) lines.push(`      ${p.manifest} was edited after altimate-code installed it`);
  return lines;
}

/** `9 skills, instructions, mcp/docs`. */
function summarise(excluded: readonly string[]): string {
  const skills = excluded.filter((e) => e.startsWith("skills/")).length;
  const rest = excluded.filter((e) => !e.startsWith("skills/"));
  return [...(skills > 0 ? [`${skills} skill${skills === 1 ? "" : "s"}`] : []), ...rest].join(", ");
}
