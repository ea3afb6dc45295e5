/** A spinner for work in progress; only ever mounted on a live terminal. */
import { Text } from "ink";
import { useEffect, useState } from "react";
import { Tint } from "./tint.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const FRAME_MS = 80;

export function Spinner() {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), FRAME_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text>
      <Tint hue="cyan">{FRAMES[frame]}</Tint>
    </Text>
  );
}
