/**
 * `packs sbom [--format cyclonedx|spdx] [--out FILE]`: the lock as a standard SBOM. Reads only
 * packs.lock.yaml: never resolves a source, never touches the network. Mapping: docs/sbom.md.
 */
import { Option, type Command } from "commander";
import { resolve } from "node:path";
import type { Diagnostic } from "../../core/diagnostics.js";
import { sha256Sri } from "../../io/hash.js";
import { ProjectFs, writeUserFile } from "../../io/project-fs.js";
import { parseLock } from "../../lockfile/parse-lock.js";
import { LOCK_PATH } from "../../lockfile/render-lock.js";
import { renderSbom } from "../../sbom/render-sbom.js";
import { SBOM_FORMATS, type SbomFormat } from "../../sbom/sbom-meta.js";
import { styleFor, type CliIo } from "../cli-io.js";
import { globals } from "../context.js";
import { fail } from "../report.js";
import { PACKS_VERSION } from "../version.js";

interface SbomOptions {
  format: SbomFormat;
  out?: string;
}

const FORMAT_NAME: Record<SbomFormat, string> = { cyclonedx: "CycloneDX 1.6", spdx: "SPDX 2.3" };

export function registerSbom(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("sbom")
    .description("print an SBOM (CycloneDX 1.6 or SPDX 2.3 JSON) of packs.lock.yaml: every pinned pack, its components and the deployed items")
    .addOption(new Option("--format <format>", "the SBOM standard").choices(SBOM_FORMATS).default("cyclonedx"))
    .option("--out <file>", "write the SBOM to this file instead of printing it")
    .action(async (opts: SbomOptions, cmd: Command) => {
      const g = globals(cmd, false);
      const style = styleFor(io, g);
      const fs = new ProjectFs(resolve(io.cwd, g.cwd ?? "."));
      const text = await fs.readText(LOCK_PATH);
      if (text === undefined) {
        return setExit(fail(io, [{
          code: "sbom/no-lock",
          severity: "error",
          summary: `no ${LOCK_PATH} in ${g.cwd ?? "this folder"}: the SBOM is made from the lock`,
          location: { file: LOCK_PATH },
          hint: "Run `packs lock` to pin every source (or `packs apply` to install them too), then `packs sbom` again.",
        }], style, false));
      }
      const parsed = parseLock(LOCK_PATH, text);
      if (!parsed.lock) return setExit(fail(io, parsed.diagnostics, style, false));

      const meta = { projectName: projectName(fs.root), toolVersion: PACKS_VERSION, hash: sha256Sri };
      let sbom: string;
      if (opts.format === "spdx") {
        const created = creationTime(io);
        if (typeof created !== "string") return setExit(fail(io, [created], style, false));
        sbom = renderSbom(parsed.lock, "spdx", { ...meta, created });
      } else {
        sbom = renderSbom(parsed.lock, "cyclonedx", meta);
      }

      if (opts.out) {
        await writeUserFile(resolve(io.cwd, opts.out), sbom);
        const n = Object.keys(parsed.lock.packs).length;
        io.out(`Wrote the ${FORMAT_NAME[opts.format]} SBOM of ${n} pack${n === 1 ? "" : "s"} to ${opts.out}.\n`);
      } else {
        io.out(sbom);
      }
      setExit(0);
    });
}

function projectName(root: string): string {
  return root.split(/[\\/]/).filter(Boolean).pop() ?? "project";
}

/**
 * SPDX's `created`: SOURCE_DATE_EPOCH when set (https://reproducible-builds.org/specs/source-date-epoch/),
 * so a build can make the same bytes twice; else now. To the second, UTC, as SPDX 2.3 writes it.
 */
function creationTime(io: CliIo): string | Diagnostic {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  let ms = io.now();
  if (epoch !== undefined && epoch !== "") {
    const seconds = /^\d+$/.test(epoch) ? Number(epoch) : NaN;
    ms = seconds * 1000;
    if (!Number.isSafeInteger(seconds) || Number.isNaN(new Date(ms).getTime())) {
      return {
        code: "sbom/bad-source-date-epoch",
        severity: "error",
        summary: `SOURCE_DATE_EPOCH is "${epoch}", not a number of seconds since 1970-01-01 UTC`,
        hint: "Set it to an integer such as the last commit's time (git log -1 --format=%ct), or unset it to use the current time.",
      };
    }
  }
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
