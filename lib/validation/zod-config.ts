import { z } from 'zod';

// zod probes for eval (new Function) to speed up parsing; the pages' CSP forbids eval, so in the
// browser the probe would log a violation on every form. Parsing without the JIT is fast enough here.
// Imported first by every schema module that runs in the browser.
if (typeof window !== 'undefined') z.config({ jitless: true });
