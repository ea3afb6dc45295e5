/**
 * Network operations while sources resolve: finished ones stay listed with their time, running
 * ones spin. Shown on a terminal only (to stderr); a log gets no progress.
 */
import { Box, Static, Text } from "ink";
import { Spinner } from "./spinner.js";
import { Tint } from "./tint.js";

export interface FetchOperation {
  id: number;
  what: string;
  /** Set when finished. */
  outcome?: { ok: boolean; seconds: number };
}

export function FetchProgress({ finished, running }: { finished: readonly FetchOperation[]; running: readonly FetchOperation[] }) {
  return (
    <Box flexDirection="column">
      <Static items={[...finished]}>
        {(op) => (
          <Text key={op.id}>
            {"  "}
            {op.outcome!.ok ? <Tint hue="green">✓</Tint> : <Tint hue="red">✗</Tint>}
            {` ${op.what} `}
            <Tint dim>{`(${op.outcome!.seconds.toFixed(1)} s)`}</Tint>
          </Text>
        )}
      </Static>
      {running.map((op) => (
        <Text key={op.id}>
          {"  "}
          <Spinner /> {op.what}
        </Text>
      ))}
    </Box>
  );
}
