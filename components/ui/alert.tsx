import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'ok' | 'info';

const BOX_CLASS: Record<AlertTone, string> = { error: 'alert', ok: 'alert alert-ok', info: 'alert alert-info' };
const INLINE_CLASS: Record<AlertTone, string> = { error: 'field-error', ok: 'muted', info: 'muted' };

/**
 * A message box (or, `inline`, a field's message). Errors are announced at once (role=alert), the rest
 * politely (role=status). `role` overrides that for a live region that must keep one role while its tone
 * changes, or `none` for messages rendered with the page that a summary already announces.
 */
export function Alert({
  tone = 'error',
  inline = false,
  as: Tag = inline ? 'p' : 'div',
  role,
  id,
  testId,
  label,
  labelledBy,
  children,
}: {
  tone?: AlertTone;
  inline?: boolean;
  as?: 'div' | 'p' | 'span' | 'section';
  role?: 'alert' | 'status' | 'none';
  id?: string;
  testId?: string;
  /** An accessible name, for a section holding more than one sentence. */
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  const r = role ?? (tone === 'error' ? 'alert' : 'status');
  return (
    <Tag
      className={(inline ? INLINE_CLASS : BOX_CLASS)[tone]}
      role={r === 'none' ? undefined : r}
      id={id}
      data-testid={testId}
      aria-label={label}
      aria-labelledby={labelledBy}
    >
      {children}
    </Tag>
  );
}
