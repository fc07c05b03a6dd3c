/** Dates as both .xlsx readers give them to the core: ISO text, so the two paths agree cell for cell. */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A date as ISO text: `2022-12-31`, or with its time when it has one. */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '#VALUE!';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day}T${pad(h)}:${pad(m)}:${pad(s)}` : day;
}
