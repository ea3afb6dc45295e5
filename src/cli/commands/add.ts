/**
 * `packs add SOURCE`: adds a pack entry to packs.yaml, keeping every other byte of the file. The
 * source is checked as packs.yaml checks it, and the whole file must still load; nothing is
 * fetched or applied.
 */
import type { Command } from "commander";
import { join, resolve } from "node:path";
import { addPackEntry, checkNewSource, defaultPackName, manifestName, NAME_FROM_TEXT, noPacksYaml, parseAgentsOption, type DefaultName } from "../../config/edit-packs-yaml.js";
import type { SourceSpec } from "../../config/project-config.js";
import type { AgentId } from "../../core/agent-id.js";
import type { Diagnostic } from "../../core/diagnostics.js";
import { textContent } from "../../core/file-content.js";
import { CONFIG_PATH } from "../../engine/desired-state.js";
import { isDirectory, readUserFile, type ProjectFs } from "../../io/project-fs.js";
import { LEGACY_MANIFEST, MANIFEST } from "../../packs/choose-manifest.js";
import { renderDiagnostics } from "../../ui/render-diagnostics.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals } from "../context.js";
import { fail, printJson } from "../report.js";

type AddOptions = { name?: string; ref?: string; path?: string; agents?: string; json?: boolean };

export function registerAdd(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("add")
    .description("add a pack to packs.yaml, keeping the rest of the file as it is; fetches and applies nothing (run packs plan next)")
    .argument("<source>", "where the pack comes from: ./folder, file.tgz, github:owner/repo, git+https://…, registry:name[@range], npm:pkg[@range]")
    .option("--name <name>", "the pack's name (its key) in packs.yaml (default: from the source, or a local pack's PACK.yaml)")
    .option("--ref <ref>", "git sources: the tag, branch or commit")
    .option("--path <path>", "git sources: the pack's folder inside the repository")
    .option("--agents <ids>", "set this pack up only for these agents, comma-separated")
    .option("--json", "print the result as JSON")
    .action(async (source: string, opts: AddOptions, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const fs = engineContext(io, g).fs;
      const failWith = (diagnostics: Diagnostic[]) => setExit(fail(io, diagnostics, style, g.json));

      const text = await fs.readText(CONFIG_PATH);
      if (text === undefined) return failWith([noPacksYaml(CONFIG_PATH, fs.root)]);
      const checked = checkNewSource(source, opts);
      if (!checked.spec) return failWith(checked.diagnostics);
      let agents: AgentId[] | undefined;
      if (opts.agents !== undefined) {
        const parsed = parseAgentsOption(opts.agents, "add");
        if (!parsed.agents) return failWith(parsed.diagnostics);
        agents = parsed.agents;
      }

      const warnings: Diagnostic[] = [];
      let named: DefaultName | undefined = opts.name !== undefined ? { key: opts.name, from: "option" } : undefined;
      if (checked.spec.kind === "local") {
        const local = await inspectLocal(fs, checked.spec);
        if (!local.exists) {
          warnings.push({ code: "add/source-not-found", severity: "warning", summary: `the folder ${checked.spec.path} does not exist (yet)`, hint: "packs plan fails until it does: create it with a PACK.yaml inside, or fix the source (relative to the project root)." });
        }
        named ??= defaultPackName(checked.spec, local);
      } else {
        named ??= defaultPackName(checked.spec, { ...(opts.path !== undefined && { path: opts.path }) });
      }
      if (!named) return failWith([{ code: "add/no-name", severity: "error", summary: `no pack name can be made from "${source}"`, hint: "Pass --name NAME (lowercase letters, digits, ., _ and -)." }]);

      const result = addPackEntry(CONFIG_PATH, text, {
        key: named.key,
        source,
        ...(opts.ref !== undefined && { ref: opts.ref }),
        ...(opts.path !== undefined && { path: opts.path }),
        ...(agents && { agents }),
      });
      if (result.text === undefined) return failWith([...warnings, ...result.diagnostics]);
      await fs.write(CONFIG_PATH, textContent(result.text));

      const diagnostics = [...warnings, ...result.diagnostics];
      if (g.json) {
        const pack = { name: named.key, source, ...(opts.ref !== undefined && { ref: opts.ref }), ...(opts.path !== undefined && { path: opts.path }), ...(agents && { agents }) };
        printJson(io, { ok: true, file: CONFIG_PATH, added: pack, name_from: named.from, diagnostics });
        return setExit(0);
      }
      if (diagnostics.length > 0) io.err(renderDiagnostics(diagnostics, style) + "\n");
      const why = named.from === "option" ? "" : ` (name taken from ${NAME_FROM_TEXT[named.from]}; --name picks another)`;
      io.out(`${style.green(`Added pack ${named.key}`)} to ${CONFIG_PATH}: source ${source}${opts.ref !== undefined ? `, ref ${opts.ref}` : ""}${opts.path !== undefined ? `, path ${opts.path}` : ""}${agents ? `, agents ${agents.join(", ")}` : ""}${why}.\n`);
      io.out(`Nothing was fetched or installed. Next: \`packs plan\` shows what it would change, \`packs apply\` makes the change.\n`);
      setExit(0);
    });
}

/** A local pack folder: whether it exists, its name, and its manifest's `name:` when it has one. */
async function inspectLocal(fs: ProjectFs, spec: SourceSpec & { kind: "local" }): Promise<{ exists: boolean; folderName: string; manifestName?: string }> {
  const abs = resolve(fs.root, spec.path);
  const folderName = abs.split(/[\\/]/).pop() ?? "";
  if (!(await isDirectory(abs))) return { exists: false, folderName };
  for (const file of [MANIFEST, LEGACY_MANIFEST]) {
    const text = await readUserFile(join(abs, file));
    if (text === undefined) continue;
    const name = manifestName(text);
    return name === undefined ? { exists: true, folderName } : { exists: true, folderName, manifestName: name };
  }
  return { exists: true, folderName };
}
