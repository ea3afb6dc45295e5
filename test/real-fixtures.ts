/** The real files from the field (../shared/fixtures/real, beside the repository; see its PROVENANCE.md). */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const REAL_FIXTURES = join(import.meta.dirname, "..", "..", "shared", "fixtures", "real");

export function readReal(path: string): string {
  return readFileSync(join(REAL_FIXTURES, path), "utf8");
}
