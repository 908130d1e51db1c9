/** Revision bookkeeping that does not make two documents different. */
const IGNORED = new Set(['_rev', '_revisions', '_conflicts', 'id']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, canonical(inner)]);
    return Object.fromEntries(entries);
  }
  return value;
}

/** JSON with keys sorted and undefined values dropped: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function comparable(doc: Record<string, unknown>): string {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!IGNORED.has(key)) body[key] = value;
  // `_deleted: false` and no `_deleted` mean the same: a live document.
  if (body._deleted === false) delete body._deleted;
  return JSON.stringify(canonical(body));
}

/**
 * Whether two documents hold the same content, whatever their revisions and key order: the
 * test behind idempotent re-sends and the immutability of completed facts.
 */
export function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return comparable(a) === comparable(b);
}
