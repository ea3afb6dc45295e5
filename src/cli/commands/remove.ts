/**
 * `packs remove NAME`: removes a pack entry from packs.yaml, keeping every other byte of the file.
 * It touches no agent file: the next `packs apply` removes what the pack deployed.
 */
import type { Command } from "commander";
import { noPacksYaml, removePackEntry } from "../../config/edit-packs-yaml.js";
import { textContent } from "../../core/file-content.js";
import { CONFIG_PATH } from "../../engine/desired-state.js";
import { renderDiagnostics } from "../../ui/render-diagnostics.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { engineContext, globals } from "../context.js";
import { fail, printJson } from "../report.js";

export function registerRemove(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("remove")
    .description("remove a pack from packs.yaml, keeping the rest of the file as it is; the next packs apply removes what it deployed")
    .argument("<name>", "the pack's name (its key under packs:)")
    .option("--json", "print the result as JSON")
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) => {
      const g = globals(cmd, opts.json);
      const style = styleFor(io, g);
      const fs = engineContext(io, g).fs;
      const text = await fs.readText(CONFIG_PATH);
      if (text === undefined) return setExit(fail(io, [noPacksYaml(CONFIG_PATH, fs.root)], style, g.json));
      const result = removePackEntry(CONFIG_PATH, text, name);
      if (result.text === undefined) return setExit(fail(io, result.diagnostics, style, g.json));
      await fs.write(CONFIG_PATH, textContent(result.text));
      if (g.json) {
        printJson(io, { ok: true, file: CONFIG_PATH, removed: name, diagnostics: result.diagnostics });
        return setExit(0);
      }
      if (result.diagnostics.length > 0) io.err(renderDiagnostics(result.diagnostics, style) + "\n");
      io.out(`${style.green(`Removed pack ${name}`)} from ${CONFIG_PATH}.\n`);
      io.out(`Its skills, MCP servers and other files are still in place: \`packs apply\` removes what it deployed (\`packs plan\` shows what).\n`);
      setExit(0);
    });
}
