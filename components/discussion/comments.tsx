import type { CommentView } from '@/db/queries/discussion';
import { When } from '@/components/ui/when';
import { CommentForm } from './comment-form';

/** A finding's discussion, threaded one level deep; plain text, rendered escaped. */
export function Comments({
  findingId,
  comments,
  canComment,
}: {
  findingId: number;
  comments: CommentView[];
  canComment: boolean;
}) {
  const top = comments.filter((c) => !c.parentId);
  return (
    <section aria-labelledby="comments-title" data-testid="comments">
      <h2 id="comments-title">Discussion ({comments.length})</h2>
      {top.length === 0 && <p className="muted">No comments yet.</p>}
      <ol style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.75rem' }}>
        {top.map((c) => (
          <li key={c.id} className="card" data-testid="comment">
            <p style={{ margin: 0 }}>
              <strong>{c.author}</strong>{' '}
              <span className="muted">
                · <When at={c.createdAt} />
              </span>
            </p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{c.body}</p>
            <ol style={{ listStyle: 'none', paddingLeft: '1.5rem', display: 'grid', gap: '0.5rem' }}>
              {comments
                .filter((r) => r.parentId === c.id)
                .map((r) => (
                  <li key={r.id} data-testid="reply">
                    <strong>{r.author}</strong>{' '}
                    <span className="muted">
                      · <When at={r.createdAt} />
                    </span>
                    <p style={{ whiteSpace: 'pre-wrap', margin: '0.25rem 0' }}>{r.body}</p>
                  </li>
                ))}
            </ol>
            {canComment && <CommentForm findingId={findingId} parentId={c.id} label={`Reply to ${c.author}`} />}
          </li>
        ))}
      </ol>
      {canComment ? (
        <CommentForm findingId={findingId} label="Add a comment" />
      ) : (
        <p className="muted">Sign in to comment.</p>
      )}
    </section>
  );
}
