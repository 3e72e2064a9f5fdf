/** Every number anywhere in a value, with its path (`$.a[0].b`): for checks that nothing is NaN or infinite. */
export function numbersIn(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) numbersIn(v, `${path}[${i}]`, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}
