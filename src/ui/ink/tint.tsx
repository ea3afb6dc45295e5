/**
 * Colour as the views use it: on only when the output is a terminal that wants it (not with
 * --no-color, NO_COLOR or a pipe). The facade sets ColorContext; components never decide.
 */
import { Text } from "ink";
import { createContext, useContext, type ReactNode } from "react";
import type { Hue } from "../plan-symbol.js";

export const ColorContext = createContext(false);

export function Tint({ hue, bold, dim, children }: { hue?: Hue; bold?: boolean; dim?: boolean; children: ReactNode }) {
  if (!useContext(ColorContext)) return <Text>{children}</Text>;
  return (
    <Text {...(hue && { color: hue })} bold={Boolean(bold)} dimColor={Boolean(dim)}>
      {children}
    </Text>
  );
}
