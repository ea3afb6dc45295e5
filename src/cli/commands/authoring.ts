/** The commands that write packs.yaml itself: `packs init`, `packs add`, `packs remove`. */
import type { Command } from "commander";
import type { CliIo } from "../cli-io.js";
import { registerAdd } from "./add.js";
import { registerInit } from "./init.js";
import { registerRemove } from "./remove.js";

export function registerAuthoring(program: Command, io: CliIo, setExit: (code: number) => void): void {
  registerInit(program, io, setExit);
  registerAdd(program, io, setExit);
  registerRemove(program, io, setExit);
}
