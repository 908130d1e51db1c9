/**
 * The Content Security Policy for every page the Electron shell serves. Strict by construction:
 * scripts and styles only from our own bundle (no 'unsafe-inline', no 'unsafe-eval'), and the only
 * remote origins are the sync-server's, which the renderer replicates with and calls the API of.
 *
 * React does not need inline styles allowed: `style={...}` props are applied through the CSSOM,
 * which CSP does not govern, and Vite emits CSS as files.
 */

const CONNECTABLE_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * The origin of an http(s)/ws(s) URL, or null for anything else (including URLs with embedded
 * credentials, which a configuration should never carry into a policy).
 */
export function connectableOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!CONNECTABLE_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.origin;
}

export interface ContentSecurityPolicyInput {
  /** URLs the renderer may fetch from besides the app itself: the sync URL and the API URL. */
  connectUrls: readonly string[];
}

/** Builds the policy; unusable URLs are dropped rather than widening the policy. */
export function buildContentSecurityPolicy(input: ContentSecurityPolicyInput): string {
  const origins = new Set<string>();
  for (const url of input.connectUrls) {
    const origin = connectableOrigin(url);
    if (origin !== null) origins.add(origin);
  }
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    // blob: the product pictures the register keeps offline (renderer/data/product-image-shelf.ts).
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...[...origins].sort()],
    ['worker-src', "'self'"],
    ['media-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['child-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Parses a policy back into directives, so tests can assert on each one. */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') directives.set(name, values);
  }
  return directives;
}
