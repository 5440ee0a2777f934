'use client';

import { useState, useTransition } from 'react';
import { changeRoleAction, setDisabledAction } from '@/app/admin/users/actions';
import { ROLES, type Role } from '@/lib/vocab/terms';

type Props = { user: { id: number; email: string; role: Role; disabled: boolean }; isSelf: boolean };

export function UserControls({ user, isSelf }: Props) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const selectId = `role-${user.id}`;

  const run = (fn: () => ReturnType<typeof changeRoleAction>, done: string) =>
    start(async () => {
      const r = await fn();
      setMessage(r.ok ? { ok: true, text: done } : { ok: false, text: r.message });
    });

  return (
    <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
      <label htmlFor={selectId} className="visually-hidden">
        Role of {user.email}
      </label>
      <select
        id={selectId}
        defaultValue={user.role}
        disabled={pending}
        onChange={(e) => {
          const role = e.target.value as Role;
          run(() => changeRoleAction({ userId: user.id, role }), `Role changed to ${role}.`);
        }}
      >
        {ROLES.list.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      {user.disabled && <span className="status status-rejected">disabled</span>}
      {!isSelf && (
        <button
          type="button"
          className={`btn ${user.disabled ? '' : 'btn-danger'}`}
          disabled={pending}
          onClick={() =>
            run(
              () => setDisabledAction({ userId: user.id, disabled: !user.disabled }),
              user.disabled ? 'Account enabled.' : 'Account disabled.',
            )
          }
        >
          {user.disabled ? `Enable ${user.email}` : `Disable ${user.email}`}
        </button>
      )}
      <span role="status" className={message?.ok === false ? 'field-error' : 'muted'}>
        {message?.text}
      </span>
    </div>
  );
}
