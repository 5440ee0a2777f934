/** The SHA-256 a snapshot is stored and cited under: of the UTF-8 bytes of its text, as lowercase hex. */
import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
