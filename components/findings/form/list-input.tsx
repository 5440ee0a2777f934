'use client';

import { useEffect, useRef, useState } from 'react';

const parse = (text: string) =>
  text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** A list typed as "a; b; c", kept as typed while editing and handed on as an array. */
export function ListInput({
  id,
  value,
  onChange,
  onBlur,
  describedBy,
  invalid,
}: {
  id: string;
  value: string[];
  onChange: (v: string[]) => void;
  onBlur: () => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const [text, setText] = useState(value.join('; '));
  const last = useRef(value);
  useEffect(() => {
    // Follow outside changes (reload, revert) without fighting the user's typing.
    if (
      JSON.stringify(value) !== JSON.stringify(last.current) &&
      JSON.stringify(value) !== JSON.stringify(parse(text))
    ) {
      setText(value.join('; '));
    }
    last.current = value;
  }, [value, text]);
  return (
    <input
      id={id}
      type="text"
      value={text}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        setText(e.target.value);
        const next = parse(e.target.value);
        last.current = next;
        onChange(next);
      }}
      onBlur={onBlur}
    />
  );
}
