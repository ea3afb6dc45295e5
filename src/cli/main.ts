/**
 * The packs command line. `main` returns the exit code; bin/packs.js sets it. The only place
 * that decides exit codes.
 */
import { Command, CommanderError } from "commander";
import { processIo, type CliIo } from "./cli-io.js";
import { PACKS_VERSION } from "./version.js";

type Register = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/**
 * Each command module with the command names it registers, in help order. A module (and the
 * engine it imports) is loaded only when its command runs, so `packs --version` and `packs check`
 * do not pay for loading every other command.
 */
const COMMANDS: readonly (readonly [names: readonly string[], load: () => Promise<Register>])[] = [
  [["plan"], async () => (await import("./commands/plan.js")).registerPlan],
  [["apply"], async () => (await import("./commands/apply.js")).registerApply],
  [["check"], async () => (await import("./commands/check.js")).registerCheck],
  [["status"], async () => (await import("./commands/status.js")).registerStatus],
  [["lock", "update"], async () => (await import("./commands/lock.js")).registerLock],
  [["sbom"], async () => (await import("./commands/sbom.js")).registerSbom],
  [["init", "add", "remove"], async () => (await import("./commands/authoring.js")).registerAuthoring],
  [["explain", "validate"], async () => (await import("./commands/explain-validate.js")).registerExplainValidate],
  [["search", "detect", "import"], async () => (await import("./commands/registry-commands.js")).registerRegistryCommands],
];

/**
 * The modules this argv needs: the named command's; none for a bare `--version`; every one
 * otherwise (help, `help CMD`, an unknown command, so commander can list and suggest them).
 */
function commandsFor(argv: readonly string[]): (typeof COMMANDS)[number][] {
  let name: string | undefined;
  for (let i = 0; i < argv.length && name === undefined; i++) {
    const a = argv[i]!;
    if (a === "--") break;
    if (a === "--cwd") i++; // the only global option with a separate value
    else if (!a.startsWith("-")) name = a;
  }
  if (name === undefined && (argv.includes("--version") || argv.includes("-V")) && !argv.includes("--help") && !argv.includes("-h")) return [];
  const named = COMMANDS.filter(([names]) => name !== undefined && names.includes(name));
  return named.length > 0 ? named : [...COMMANDS];
}

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
  const registers = await Promise.all(commandsFor(argv).map(([, load]) => load()));
  for (const register of registers) register(program, io, setExit);

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 1;
    io.err(`packs ${PACKS_VERSION}: internal error: ${(e as Error).stack ?? String(e)}\nThis is a bug in packs; please report it with the command you ran and node ${process.version}.\n`);
    return 1;
  }
  return exit;
}
