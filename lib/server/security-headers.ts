/**
 * The headers every response carries (lib/server/response.ts sets them).
 *
 * Documents get a strict policy: no eval, no plugins, no <base>, no framing, and only
 * the scripts the render made. A document made for one request names them by its
 * nonce: only scripts carrying it run, and what they load ('strict-dynamic'). A page
 * every reader shares (public and cached, lib/server/script-hashes.ts) names its inline
 * scripts by hash, and scripts from our own origin (the build's files). Everything else
 * (JSON, feeds, images, scripts and styles themselves) gets a policy that lets nothing
 * run should it ever be opened as a document.
 */
export interface SecurityHeaderOptions {
  /** Next.js in development needs eval (React's error overlays) and a WebSocket for HMR. */
  isDev: boolean;
  /** NEXTAUTH_URL is https: send HSTS and upgrade stray http sub-resources. */
  isHttps: boolean;
}

export function documentPolicy(nonce: string, options: SecurityHeaderOptions): string {
  return policyWithScripts(`'nonce-${nonce}' 'strict-dynamic'`, options);
}

/**
 * A shared page's policy: its inline scripts by hash ('sha256-…'), and script files from
 * our origin ('self': the build's chunks; nothing else of ours is served as JavaScript,
 * and nosniff keeps a browser from running JSON, feeds or CSV as script).
 */
export function sharedDocumentPolicy(hashes: readonly string[], options: SecurityHeaderOptions): string {
  return policyWithScripts(["'self'", ...hashes].join(" "), options);
}

function policyWithScripts(scriptSources: string, options: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources}${options.isDev ? " 'unsafe-eval'" : ""}`,
    // Stylesheets are files of ours. style="" attributes (React's style prop) cannot
    // carry a nonce and can do far less than scripts, so they are allowed on their own.
    // (At most one nonce in the policy: a proxy can swap it, deploy/nginx.conf.)
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.isDev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export const RESOURCE_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function staticSecurityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.isHttps ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}
