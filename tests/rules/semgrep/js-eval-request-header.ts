// Fixture for js-eval-request-header (TypeScript).
// RULEID: a Next.js API route evaluating a header through vm.runInNewContext.
// OK: a template literal without substitutions as the function body.
import vm from 'node:vm';
import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const code = String(req.headers['x-trace-hook'] ?? '');
  // ruleid: js-eval-request-header
  const out = vm.runInNewContext(code, { req });
  res.status(200).json({ ok: true, out });
}

// ok: js-eval-request-header
export const getGlobal = new Function(`return this`) as () => typeof globalThis;
