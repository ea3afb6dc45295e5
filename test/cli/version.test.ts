import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { PACKS_VERSION } from "../../src/cli/version.js";

it("PACKS_VERSION is package.json's version", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  expect(PACKS_VERSION).toBe(pkg.version);
});
