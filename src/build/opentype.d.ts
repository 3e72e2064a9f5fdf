/** The one opentype.js function the font-metrics build step uses (the package ships no types). */
declare module 'opentype.js' {
  const opentype: { parse(buffer: ArrayBuffer): unknown };
  export default opentype;
}
