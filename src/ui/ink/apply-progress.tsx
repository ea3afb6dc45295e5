/**
 * Apply as it happens: every finished step stays on screen above the live one, which shows how
 * far apply has come; once done, the summary. Without a terminal the same component is rendered
 * once, finished, so a log shows every step and the summary.
 */
import { Box, Static, Text } from "ink";
import type { PlanSummary } from "../../core/plan-model.js";
import { Spinner } from "./spinner.js";
import { Tint } from "./tint.js";

export interface ApplyStep {
  type: "write" | "delete" | "mkdir" | "rmdir";
  path: string;
}

export interface ApplyProgressProps {
  done: readonly ApplyStep[];
  /** Steps the plan has in all (files and folders; an empty folder's removal may not happen). */
  total: number;
  /** True while apply runs: the live line shows how far it has come. */
  running: boolean;
  /** Set once apply has succeeded: the plan's summary, shown as the last line. */
  summary?: PlanSummary;
}

const VERB: Record<ApplyStep["type"], string> = { write: "wrote", delete: "deleted", mkdir: "created folder", rmdir: "removed empty folder" };

export function ApplyProgress({ done, total, running, summary }: ApplyProgressProps) {
  return (
    <Box flexDirection="column">
      <Static items={done.map((step, i) => ({ ...step, key: `${i}` }))}>
        {(step) => (
          <Text key={step.key}>
            {"  "}
            <Tint hue={step.type === "delete" || step.type === "rmdir" ? "red" : "green"}>✓</Tint>
            {` ${VERB[step.type]} ${step.path}`}
          </Text>
        )}
      </Static>
      {summary && (
        <Box marginTop={1}>
          <Text>
            <Tint bold>Apply complete:</Tint>
            {` ${summary.add} added, ${summary.change} changed, ${summary.remove} removed${summary.ownership ? `, ${summary.ownership} ownership change(s)` : ""}.`}
          </Text>
        </Box>
      )}
      {running && (
        <Text>
          {"  "}
          <Spinner /> {`applying… ${done.length} of about ${total} steps`}
        </Text>
      )}
    </Box>
  );
}
