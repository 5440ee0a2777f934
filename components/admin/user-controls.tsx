'use client';

import { useState } from 'react';
import { changeRoleAction, setDisabledAction } from '@/app/admin/users/actions';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/ui/use-action';
import type { ActionResult } from '@/lib/action-result';
import { ROLES, type Role } from '@/lib/vocab/terms';

type Props = { user: { id: number; email: string; role: Role; disabled: boolean }; isSelf: boolean };

// Both controls share one pending state and one message, so the call is the action's argument.
const call = (fn: () => Promise<ActionResult<unknown>>, _done: string) => fn();

export function UserControls({ user, isSelf }: Props) {
  const [done, setDone] = useState<string | null>(null);
  // The actions revalidate the users page themselves.
  const { run, pending, error } = useAction(call, { refresh: false, onSuccess: (_data, _fn, text) => setDone(text) });
  const selectId = `role-${user.id}`;
  const failed = error !== null;

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
      {/* One live region that stays mounted, so both outcomes are announced. */}
      <Alert inline as="span" role="status" tone={failed ? 'error' : 'info'}>
        {failed ? error.message : done}
      </Alert>
    </div>
  );
}
