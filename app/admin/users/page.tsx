import type { Metadata } from 'next';
import { requireRole } from '@/server/session';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/users';
import { NewUserForm } from '@/components/admin/new-user-form';
import { UserControls } from '@/components/admin/user-controls';

export const metadata: Metadata = { title: 'Users' };
export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const me = await requireRole('admin', '/admin/users');
  const users = await listUsers(await getDb());
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">ORCID</th>
              <th scope="col">Role and access</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-${u.email}`}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.orcid ?? <span className="muted">—</span>}</td>
                <td>
                  <UserControls
                    user={{ id: u.id, email: u.email, role: u.role, disabled: Boolean(u.disabledAt) }}
                    isSelf={u.id === me.id}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Invite a user</h2>
      <p className="muted">Creates the account with an initial password to pass on; they can sign in at once.</p>
      <NewUserForm />
    </section>
  );
}
