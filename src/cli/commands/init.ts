/**
 * `packs init`: writes a commented packs.yaml for this project: the agents detected from their
 * files (or given with --agents), no packs yet, commented examples of every source form and of
 * `policy:`. It never replaces a packs.yaml that says anything init would not write again: with
 * --force it replaces one that sets only `version`, `agents` and an empty `packs`.
 */
import type { Command } from "commander";
import { initReplaceable, parseAgentsOption } from "../../config/edit-packs-yaml.js";
import { initialPacksYaml } from "../../config/packs-yaml-template.js";
import type { AgentId } from "../../core/agent-id.js";
import { textContent } from "../../core/file-content.js";
import { CONFIG_PATH, detectAgents } from "../../engine/desired-state.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals } from "../context.js";
import { fail, printJson } from "../report.js";

type InitOptions = { agents?: string; force?: boolean; json?: boolean };

export function registerInit(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("init")
    .description("write a commented packs.yaml: the agents detected here, no packs yet, examples of each source form; never overwrites a packs.yaml that has packs or settings")
    .option("--agents <ids>", "the agents to set up, comma-separated (default: detected from the project's files)")
    .option("--force", "replace an existing packs.yaml, but only one that sets nothing besides version, agents and an empty packs")
    .option("--json", "print the result as JSON")
    .action(async (opts: InitOptions, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const fs = engineContext(io, g).fs;
      const failWith = (code: string, summary: string, hint: string) => setExit(fail(io, [{ code, severity: "error", summary, location: { file: CONFIG_PATH }, hint }], style, g.json));

      if ((await fs.list(".")) === null) return failWith("init/no-folder", `${fs.root} is not a folder`, "Create the project folder first, or fix --cwd.");
      const existing = await fs.readText(CONFIG_PATH);
      if (existing !== undefined) {
        if (!opts.force) return failWith("init/exists", `the file already exists in ${fs.root}`, "Edit it with `packs add` and `packs remove` (or by hand). `packs init --force` replaces it only while it has no packs or other settings.");
        const replaceable = initReplaceable(existing);
        if (!replaceable.ok) {
          return failWith("init/exists", `the file already exists and holds ${replaceable.holds.join(", ")}; --force does not replace it`, "Edit it with `packs add` and `packs remove` (or by hand), or move it away yourself and run packs init again.");
        }
      }

      let agents: AgentId[];
      let why: string;
      let from: "--agents" | "detected" | "default";
      let detected: { agent: AgentId; marker: string }[] = [];
      if (opts.agents !== undefined) {
        const parsed = parseAgentsOption(opts.agents, "init");
        if (!parsed.agents) return setExit(fail(io, parsed.diagnostics, style, g.json));
        [agents, why, from] = [parsed.agents, "Chosen with packs init --agents.", "--agents"];
      } else {
        const d = await detectAgents(fs);
        detected = d.found;
        agents = d.agents;
        from = d.found.length > 0 ? "detected" : "default";
        why = d.found.length > 0
          ? `Detected from the project's files: ${d.found.map((f) => `${f.agent} (found ${f.marker})`).join(", ")}.`
          : "No agent's files were found at the project root, so this is the default, opencode.";
      }

      const text = initialPacksYaml(agents, why);
      const unchanged = existing === text;
      if (!unchanged) await fs.write(CONFIG_PATH, textContent(text));
      if (g.json) {
        printJson(io, { ok: true, file: CONFIG_PATH, written: !unchanged, replaced: existing !== undefined && !unchanged, agents, agents_from: from, detected });
        return setExit(0);
      }
      const verb = unchanged ? `${CONFIG_PATH} is already what packs init writes` : existing !== undefined ? `Replaced ${CONFIG_PATH}` : `Wrote ${CONFIG_PATH}`;
      const note = from === "--agents" ? "from --agents" : from === "detected" ? `detected: ${detected.map((f) => `${f.agent} (found ${f.marker})`).join(", ")}` : "none detected; opencode is the default";
      io.out(`${style.green(verb)}: agents ${agents.join(", ")} (${note}), no packs yet.\n`);
      io.out(
        `\nNext:\n` +
          `  packs add ./packs/my-pack    add a pack: a folder, github:owner/repo, registry:name or npm:package\n` +
          `  packs plan                   see what packs would change\n` +
          `  packs apply                  make the change\n`,
      );
      setExit(0);
    });
}
