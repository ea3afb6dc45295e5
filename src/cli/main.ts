/**
 * The packs command line. `main` returns the exit code; bin/packs.js sets it. The only place
 * that decides exit codes.
 */
import { Command, CommanderError } from "commander";
import { processIo, type CliIo } from "./cli-io.js";
import { registerApply } from "./commands/apply.js";
import { registerCheck } from "./commands/check.js";
import { registerStatus } from "./commands/status.js";
import { registerLock } from "./commands/lock.js";
import { registerPlan } from "./commands/plan.js";
import { registerSbom } from "./commands/sbom.js";
import { registerAuthoring } from "./commands/authoring.js";
import { registerExplainValidate } from "./commands/explain-validate.js";
import { registerRegistryCommands } from "./commands/registry-commands.js";
import { PACKS_VERSION } from "./version.js";

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // git sources: a remote that wants credentials fails instead of waiting for a password.
  process.env.GIT_TERMINAL_PROMPT ??= "0";
  // …and an ssh remote fails instead of asking for a passphrase or a host key answer.
  process.env.GIT_SSH_COMMAND ??= "ssh -o BatchMode=yes";
  let exit = 0;
  const setExit = (code: number) => {
    exit = code;
  };
  const program = new Command()
    .name("packs")
    .description("Plan and apply a reviewed agent setup (skills, MCP servers, plugins, instructions) from packs.yaml.")
    .version(PACKS_VERSION, "-V, --version", "print the packs version")
    .option("--cwd <dir>", "run in this project folder instead of the current one")
    .option("--no-color", "never colour the output (NO_COLOR is honoured too)")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerPlan(program, io, setExit);
  registerApply(program, io, setExit);
  registerCheck(program, io, setExit);
  registerStatus(program, io, setExit);
  registerLock(program, io, setExit);
  registerSbom(program, io, setExit);
  registerAuthoring(program, io, setExit);
  registerExplainValidate(program, io, setExit);
  registerRegistryCommands(program, io, setExit);

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 1;
    io.err(`packs ${PACKS_VERSION}: internal error: ${(e as Error).stack ?? String(e)}\nThis is a bug in packs; please report it with the command you ran and node ${process.version}.\n`);
    return 1;
  }
  return exit;
}
