import { ZipFile } from 'yazl';

/**
 * A ZIP whose bytes depend only on its entries: sorted names, one fixed modification time, fixed
 * permissions, no compression (PDFs and PNGs are compressed already).
 */
export function deterministicZip(entries: { name: string; data: Buffer }[], mtime: Date): Promise<Buffer> {
  const zip = new ZipFile();
  // yazl writes DOS times from the local clock: shift the date so every time zone writes the same
  // fields, and leave out the extended (UTC) timestamp.
  const dosTime = new Date(mtime.getTime() + mtime.getTimezoneOffset() * 60_000);
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    zip.addBuffer(e.data, e.name, { mtime: dosTime, mode: 0o100644, compress: false, forceDosTimestamp: true });
  }
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.end();
  });
}
