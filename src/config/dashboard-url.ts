/**
 * Whether a project's ChatDash dashboard URL (`projects[].dashboardUrl`) may become an "Open in ChatDash" link button:
 * https only, bounded, and with no credentials in it (the URL is embedded in the bundles and shown in Slack).
 * Pure and dependency-free: the configuration schema checks it, and the renderers check again before linking.
 */

/** Longest URL accepted (Slack allows 3,000 for a button's url; a dashboard link needs far less). */
export const DASHBOARD_URL_MAX_LENGTH = 1000;

export interface DashboardUrlProblem {
  /** Follows the field name: "must be an https URL…". Never contains the URL itself, which may hold a secret. */
  message: string;
}

/** Query or fragment parameter names that carry credentials (compared lowercased, without `-`, `_` and `.`). */
const SECRET_NAMES = new Set(['key', 'pwd', 'pass', 'sig', 'jwt', 'sid', 'code', 'auth', 'authorization', 'bearer', 'otp']);
const SECRET_PARTS = ['token', 'secret', 'password', 'passwd', 'apikey', 'accesskey', 'privatekey', 'signature', 'credential', 'session'];

function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_.\s]/g, '');
  return SECRET_NAMES.has(n) || SECRET_PARTS.some((part) => n.includes(part));
}

function parameterNames(text: string): string[] {
  const body = text.replace(/^[?#]/, '');
  if (!body.includes('=')) return [];
  try {
    return [...new URLSearchParams(body).keys()];
  } catch {
    return [];
  }
}

/** Why `value` may not be used as a dashboard link, or undefined when it may. */
export function dashboardUrlProblem(value: string): DashboardUrlProblem | undefined {
  if (value.length > DASHBOARD_URL_MAX_LENGTH) return { message: `must be at most ${DASHBOARD_URL_MAX_LENGTH} characters long` };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\s\u0000-\u001F\u007F]/.test(value)) return { message: 'must not contain spaces or control characters' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { message: 'is not a valid URL: use the full address of the dashboard page, like https://app.chat-dash.com/…' };
  }
  if (url.username !== '' || url.password !== '') {
    return { message: 'must not contain a user name or password (user:password@…): link to the page and let people sign in there' };
  }
  const secret = [...parameterNames(url.search), ...parameterNames(url.hash)].find(isSecretName);
  if (secret !== undefined) {
    return {
      message: `must not carry credentials: the parameter ${JSON.stringify(secret.slice(0, 40))} looks like a token or key; link to the page without it`,
    };
  }
  if (url.protocol !== 'https:') return { message: 'must be an https:// URL' };
  if (url.hostname === '') return { message: 'must name a host, like https://app.chat-dash.com/…' };
  return undefined;
}
