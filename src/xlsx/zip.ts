/**
 * A zip archive read for its parts, with every cap checked while inflating: zlib stops as
 * soon as a part's output passes what is left of the part and total caps, so a zip bomb
 * costs at most one cap of memory and never its full size. Only what an `.xlsx` package
 * uses: stored and deflated entries, Zip64 sizes; encrypted entries and duplicate names are
 * refused. (fflate's streaming inflater, fed small steps, bounded memory further but was
 * several times slower on real workbooks.)
 */
import { inflateRawSync } from 'zlib';
import { ReadLimits, WorkbookReadError } from './limits';

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Inflated bytes handed to the reader at a time. */
const SLICE = 256 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Zip64 extended information (extra field 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF. */
function zip64Extra(buf: Buffer, start: number, end: number, want: { size: boolean; compressed: boolean; offset: boolean }) {
  const out: { size?: number; compressed?: number; offset?: number } = {};
  let p = start;
  while (p + 4 <= end) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + len) throw new WorkbookReadError('corrupt', 'zip64');
        const v = Number(buf.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (want.size) out.size = take();
      if (want.compressed) out.compressed = take();
      if (want.offset) out.offset = take();
      return out;
    }
    p += 4 + len;
  }
  throw new WorkbookReadError('corrupt', 'zip64');
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly limits: ReadLimits,
  ) {
    if (buf.length < 22) throw new WorkbookReadError('not-xlsx');
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
      if (buf.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new WorkbookReadError('not-xlsx');
    let count = buf.readUInt16LE(eocd + 10);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
      const at = Number(buf.readBigUInt64LE(eocd - 20 + 8));
      if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) throw new WorkbookReadError('corrupt', 'zip64');
      count = Number(buf.readBigUInt64LE(at + 32));
      cdOffset = Number(buf.readBigUInt64LE(at + 48));
    }
    if (count > limits.maxEntries) throw new WorkbookReadError('too-large', 'maxEntries');
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new WorkbookReadError('corrupt', 'zip');
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      let compressedSize = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let localOffset = buf.readUInt32LE(p + 42);
      const nameEnd = p + 46 + nameLen;
      if (nameEnd + extraLen > buf.length) throw new WorkbookReadError('corrupt', 'zip');
      const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, nameEnd);
      if (flags & 0x1) throw new WorkbookReadError('encrypted', name);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        const x = zip64Extra(buf, nameEnd, nameEnd + extraLen, {
          size: size === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: localOffset === 0xffffffff,
        });
        size = x.size ?? size;
        compressedSize = x.compressed ?? compressedSize;
        localOffset = x.offset ?? localOffset;
      }
      const key = ZipArchive.key(name);
      if (this.byName.has(key)) throw new WorkbookReadError('duplicate-entry', name);
      this.byName.set(key, { name, method, compressedSize, size, localOffset });
      p = nameEnd + extraLen + commentLen;
    }
  }

  /** Part names are compared without a leading `/` and case-blind (OPC part names are). */
  static key(name: string): string {
    return name.replace(/^\/+/, '').toLowerCase();
  }

  has(name: string): boolean {
    return this.byName.has(ZipArchive.key(name));
  }

  get names(): string[] {
    return [...this.byName.values()].map((e) => e.name);
  }

  /**
   * Inflates part `name`, handing its bytes to `sink` a piece at a time; throws
   * `WorkbookReadError('too-large')` as soon as a cap is passed. False when there is no such part.
   */
  read(name: string, sink: (chunk: Uint8Array) => void): boolean {
    const entry = this.byName.get(ZipArchive.key(name));
    if (!entry) return false;
    const buf = this.buf;
    const at = entry.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new WorkbookReadError('corrupt', entry.name);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > buf.length) throw new WorkbookReadError('corrupt', entry.name);
    if (entry.size > this.limits.maxPartBytes) throw new WorkbookReadError('too-large', 'maxPartBytes');

    // Inflated natively (zlib), which stops as soon as the output passes the cap; the bytes are
    // then handed on in slices, so no caller ever sees more than a cap's worth.
    const cap = Math.min(this.limits.maxPartBytes, this.limits.maxTotalBytes - this.inflatedTotal);
    const data = buf.subarray(start, end);
    let bytes: Buffer;
    if (entry.method === 0) {
      bytes = data;
    } else if (entry.method === 8) {
      try {
        bytes = inflateRawSync(data, { maxOutputLength: Math.max(cap, 1) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw this.tooLarge(cap);
        throw new WorkbookReadError('corrupt', entry.name);
      }
    } else {
      throw new WorkbookReadError('corrupt', entry.name);
    }
    if (bytes.length > cap) throw this.tooLarge(cap);
    // Damaged data that still inflates: the size the directory states is the check (as ExcelJS's zip reader makes it).
    if (bytes.length !== entry.size) throw new WorkbookReadError('corrupt', entry.name);
    this.inflatedTotal += bytes.length;
    for (let p = 0; p < bytes.length; p += SLICE) sink(bytes.subarray(p, Math.min(bytes.length, p + SLICE)));
    return true;
  }

  private tooLarge(cap: number): WorkbookReadError {
    return new WorkbookReadError('too-large', cap === this.limits.maxPartBytes ? 'maxPartBytes' : 'maxTotalBytes');
  }

  /** A whole part as text (for the small parts: rels, workbook); undefined when absent. */
  text(name: string): string | undefined {
    const decoder = new TextDecoder('utf-8');
    let out = '';
    const found = this.read(name, (chunk) => (out += decoder.decode(chunk, { stream: true })));
    return found ? out + decoder.decode() : undefined;
  }
}

/** True for the first bytes of a Compound File Binary container (an `.xls`, or an encrypted `.xlsx`). */
export function isCfb(buf: Buffer): boolean {
  return buf.length >= 8 && buf.readUInt32LE(0) === 0xe011cfd0 && buf.readUInt32LE(4) === 0xe11ab1a1;
}

/** A CFB container holding an encrypted OOXML package has an `EncryptedPackage` stream. */
export function isEncryptedOoxml(buf: Buffer): boolean {
  return isCfb(buf) && buf.includes(Buffer.from('EncryptedPackage', 'utf16le'));
}
