// Refuses requests whose Host is not this server's own name (DNS rebinding) and state-changing
// requests sent from another origin (forged requests from a page the analyst happens to visit).
import type { RequestHandler } from 'express';
import { HttpProblem } from '../errors.ts';

/** The loopback names; with no ALLOWED_HOSTS, each is allowed at the port the server listens on. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Methods that change nothing: no origin or CSRF check. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `allowed`: `name:port` (exactly that) or `name` (any port), from ALLOWED_HOSTS. Without it, the
 * loopback names at the port the request arrived on: a rebinding page's Host is its own domain
 * (`evil.example:8080`), never one of these, even when that domain resolves to 127.0.0.1.
 */
export function hostCheck(allowed?: readonly string[]): RequestHandler {
  const entries = allowed?.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  const isAllowed = (host: string, localPort: number | undefined): boolean => {
    const withPort = /:\d+$/.test(host) ? host : `${host}:80`;
    const name = withPort.replace(/:\d+$/, '');
    if (entries && entries.length > 0) return entries.includes(withPort) || entries.includes(name);
    return LOOPBACK_NAMES.some((loopback) => withPort === `${loopback}:${localPort}`);
  };

  return (req, _res, next) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!host || !isAllowed(host, req.socket.localPort)) {
      throw new HttpProblem(421, 'Misdirected request', 'This server answers only to its own host names (see ALLOWED_HOSTS).');
    }
    // Browsers send Origin on every cross-origin request and on same-origin POST/PUT/DELETE; a tool
    // such as curl sends none, and is not a browser page acting for someone.
    const origin = req.headers.origin;
    if (!SAFE_METHODS.has(req.method) && origin !== undefined && !sameOrigin(origin, host)) {
      throw new HttpProblem(403, 'Forbidden', 'A request that changes or runs something must come from this server’s own pages.');
    }
    next();
  };
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host.toLowerCase() === host;
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparseable.
    return false;
  }
}
