/**
 * Locale-aware number, money, duration and date formatting with Intl. Every formatter answers "n/a" for
 * null and never throws (an invalid locale falls back to en-US, a currency Intl rejects to "12.50 XYZ", and a
 * currency that is not a three-letter code to the plain number).
 */
import type { TimeRange } from '../periods/period.ts';

export const NOT_AVAILABLE = 'n/a';
/** Intl's currencyDisplay; `narrowSymbol` ("$" rather than "US$") is accepted too. */
export type CurrencyDisplay = 'symbol' | 'narrowSymbol' | 'code' | 'name';

export interface FormatOptions {
  locale?: string;
  currencyDisplay?: CurrencyDisplay;
}

/** A locale Intl accepts, else en-US. */
export function resolveLocale(locale: string | undefined): string {
  if (!locale) return 'en-US';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** Valid IANA time zone, else UTC. */
function resolveTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** Above this, integers are shown in scientific notation instead of hundreds of digits. */
const HUGE = 1e15;

export interface Formatter {
  locale: string;
  /** 1,234 */
  integer(n: number | null): string;
  /** 1.2K */
  compact(n: number | null): string;
  /** A number with up to `maxFractionDigits` decimals (default 1). */
  decimal(n: number | null, maxFractionDigits?: number): string;
  /** A fraction as a percentage: 0.853 → 85.3% */
  percent(fraction: number | null): string;
  /** A percent value (12.5 → "12.5%"), unsigned. */
  percentValue(percent: number | null): string;
  /** Percentage points, signed: −6.2 → "-6.2 pts" */
  points(points: number | null): string;
  /** Money with currency; small amounts keep up to 4 decimals. Unknown currency → plain number. */
  money(amount: number | null, currency: string | null): string;
  /** Minutes → "12 h 5 min", "45 min", "30 s". */
  duration(minutes: number | null): string;
  /** A calendar date `YYYY-MM-DD` → "Mon, Nov 10". */
  day(date: string | null): string;
  /** An instant range as dates in a time zone (end exclusive): "Nov 10 – 16, 2026". */
  dateRange(range: TimeRange, timeZone: string): string;
  /** A signed number in the same style as `integer`: "+132", "-7". */
  signedInteger(n: number): string;
  signedMoney(n: number, currency: string | null): string;
}

export function createFormatter(options: FormatOptions = {}): Formatter {
  const locale = resolveLocale(options.locale);
  const currencyDisplay = options.currencyDisplay ?? 'symbol';
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const sci = new Intl.NumberFormat(locale, { notation: 'scientific', maximumFractionDigits: 2 });
  const compactFmt = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const pts = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const signedInt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const decimals = new Map<number, Intl.NumberFormat>();
  const moneyCache = new Map<string, Intl.NumberFormat | null>();

  const safe = (n: number | null, f: (n: number) => string): string => (n === null || !Number.isFinite(n) ? NOT_AVAILABLE : f(n));
  const integer = (n: number | null): string => safe(n, (x) => (Math.abs(x) >= HUGE ? sci : int).format(x));
  const decimal = (n: number | null, maxFractionDigits = 1): string =>
    safe(n, (x) => {
      if (Math.abs(x) >= HUGE) return sci.format(x);
      let f = decimals.get(maxFractionDigits);
      if (!f) {
        f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits });
        decimals.set(maxFractionDigits, f);
      }
      return f.format(x);
    });

  function moneyFormat(currency: string, small: boolean, signed: boolean): Intl.NumberFormat | null {
    const key = `${currency}|${small}|${signed}`;
    if (moneyCache.has(key)) return moneyCache.get(key) ?? null;
    let f: Intl.NumberFormat | null;
    try {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay,
        ...(small ? { minimumFractionDigits: 2, maximumFractionDigits: 4 } : {}),
        ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
      });
    } catch {
      f = null;
    }
    moneyCache.set(key, f);
    return f;
  }

  function formatMoney(amount: number, code: string | null, signed: boolean): string {
    // Only an ISO 4217-shaped code is shown: anything else is not a currency (and is untrusted text).
    const currency = code !== null && /^[A-Z]{3}$/.test(code) ? code : null;
    if (Math.abs(amount) >= HUGE) return `${signed && amount > 0 ? '+' : ''}${sci.format(amount)}${currency ? ` ${currency}` : ''}`;
    const small = Math.abs(amount) < 1 && amount !== 0;
    const f = currency ? moneyFormat(currency, small, signed) : null;
    if (f) return f.format(amount);
    const plain = signed ? pts.format(amount) : decimal(amount, small ? 4 : 2);
    return currency ? `${plain} ${currency}` : plain;
  }

  const dayFmt = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

  return {
    locale,
    integer,
    compact: (n) => safe(n, (x) => (Math.abs(x) >= HUGE ? sci : compactFmt).format(x)),
    decimal,
    percent: (fraction) => safe(fraction, (x) => pct.format(x)),
    percentValue: (percent) => safe(percent, (x) => (Math.abs(x) >= HUGE ? `${sci.format(x)}%` : pct.format(Math.abs(x) / 100))),
    points: (points) => safe(points, (x) => `${pts.format(x)} pts`),
    money: (amount, currency) => safe(amount, (x) => formatMoney(x, currency, false)),
    duration: (minutes) =>
      safe(minutes, (m) => {
        if (m <= 0) return `${int.format(0)} min`;
        if (m < 1) return `${int.format(Math.round(m * 60))} s`;
        const total = Math.round(m);
        if (total >= HUGE) return `${sci.format(m / 60)} h`;
        const h = Math.floor(total / 60);
        const rest = total % 60;
        if (h === 0) return `${int.format(rest)} min`;
        return rest === 0 ? `${int.format(h)} h` : `${int.format(h)} h ${int.format(rest)} min`;
      }),
    day: (date) => {
      if (date === null) return NOT_AVAILABLE;
      const ms = Date.parse(`${date}T00:00:00Z`);
      return Number.isNaN(ms) ? NOT_AVAILABLE : dayFmt.format(ms);
    },
    dateRange: (range, timeZone) => {
      const start = Date.parse(range.start);
      const end = Date.parse(range.end);
      if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return NOT_AVAILABLE;
      const f = new Intl.DateTimeFormat(locale, {
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        timeZone: resolveTimeZone(timeZone),
      });
      // The end is exclusive: show the last instant inside the range.
      return f.formatRange(start, end - 1);
    },
    signedInteger: (n) => (Math.abs(n) >= HUGE ? `${n > 0 ? '+' : ''}${sci.format(n)}` : signedInt.format(n)),
    signedMoney: (n, currency) => (Number.isFinite(n) ? formatMoney(n, currency, true) : NOT_AVAILABLE),
  };
}
