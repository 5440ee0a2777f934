import type { ErrorCode } from './errors';

/** What every server action answers: data, or an error a form can place (server/errors/action-result.ts). */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: ErrorCode;
      /** What the error is about (`finding`, `duplicate`, `source`…). */
      entity?: string;
      message: string;
      fields?: Record<string, string>;
      details?: Record<string, unknown>;
    };
