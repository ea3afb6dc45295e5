/**
 * The approval question, answered by typing on the terminal. Only the exact word `yes` approves
 * (the command decides); Enter submits, Backspace edits, Ctrl-C or Escape answers "no". Keys
 * typed before the prompt took the terminal arrive together, with a newline for Enter.
 */
import { Text, useInput } from "ink";
import { useEffect, useRef, useState } from "react";
import { Tint } from "./tint.js";

export function ApprovalPrompt({ question, onAnswer }: { question: string; onAnswer: (answer: string) => void }) {
  // The ref holds the answer as typed so far: several keys can arrive before React re-renders.
  const typed = useRef("");
  const [shown, setShown] = useState("");
  const [answer, setAnswer] = useState<string>();
  const answered = answer !== undefined;
  const show = (text: string) => {
    typed.current = text;
    setShown(text);
  };
  // Report the answer once the screen shows it, so the last frame left on screen has it.
  useEffect(() => {
    if (answer !== undefined) onAnswer(answer);
  }, [answer]);
  useInput((input, key) => {
    if (answered) return;
    const finish = (text: string) => {
      show(text);
      setAnswer(text);
    };
    if ((key.ctrl && input === "c") || key.escape) return finish("");
    if (key.return) return finish(typed.current);
    if (key.backspace || key.delete) return show(typed.current.slice(0, -1));
    if (key.ctrl || key.meta || !input) return;
    const enter = input.search(/[\r\n]/);
    if (enter >= 0) finish(typed.current + input.slice(0, enter));
    else show(typed.current + input);
  });
  return (
    <Text>
      <Tint bold>{question}</Tint>
      {shown}
      {!answered && <Tint dim>▌</Tint>}
    </Text>
  );
}
