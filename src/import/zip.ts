/**
 * The few parts of a zip (a .docx) the importer reads, unpacked with a bound on their size. A zip says how
 * large each part unpacks to, but that is only a claim: a part that says more than the bound is refused
 * before it is unpacked, and every part is inflated by zlib with the bound as its output limit, so a part
 * that lies stops being unpacked the moment it passes the bound. Time and memory stay proportional to the
 * bound, however small the file and however large its parts claim or turn out to be.
 */
import { inflateRawSync } from "node:zlib";

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/** The parts would unpack to more than the bound; `size` is the size a part claims, when that is why. */
export class ZipTooLargeError extends Error {
  constructor(
    readonly entry: string,
    readonly limit: number,
    readonly size?: number,
  ) {
    super(`${entry} unpacks to more than ${limit} bytes`);
    this.name = "ZipTooLargeError";
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_32 = 0xffffffff;

const names = new TextDecoder("utf-8");

/**
 * The entries named `wanted` (those present), unpacked; together they may unpack to `maxBytes` at most.
 * Throws {@link ZipError} for what is not a readable zip, {@link ZipTooLargeError} past the bound.
 */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: readonly string[],
  maxBytes: number,
): Record<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inside = (at: number, length: number) => {
    if (!Number.isSafeInteger(at) || at < 0 || at + length > bytes.length)
      throw new ZipError("the zip is cut short or damaged (a record points past its end)");
  };
  const u16 = (at: number) => {
    inside(at, 2);
    return view.getUint16(at, true);
  };
  const u32 = (at: number) => {
    inside(at, 4);
    return view.getUint32(at, true);
  };
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;

  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1)
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipError("no zip directory found (end of central directory record missing)");
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const zip64 = u64(end - 20 + 8);
    if (u32(zip64) !== ZIP64_END_OF_DIRECTORY) throw new ZipError("damaged zip64 directory");
    count = u64(zip64 + 32);
    offset = u64(zip64 + 48);
  }

  const found: Record<string, Uint8Array> = {};
  let budget = maxBytes;
  for (let index = 0, at = offset; index < count; index += 1) {
    if (u32(at) !== DIRECTORY_ENTRY) throw new ZipError("damaged zip directory");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressed = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let local = u32(at + 42);
    inside(at + 46, nameLength);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Sizes and offsets too large for 32 bits are in the zip64 extra field, in this order.
    if (size === MAX_32 || compressed === MAX_32 || local === MAX_32) {
      const extra = at + 46 + nameLength;
      for (let field = extra; field + 4 <= extra + extraLength; field += 4 + u16(field + 2)) {
        if (u16(field) !== 1) continue;
        let value = field + 4;
        if (size === MAX_32) [size, value] = [u64(value), value + 8];
        if (compressed === MAX_32) [compressed, value] = [u64(value), value + 8];
        if (local === MAX_32) local = u64(value);
        break;
      }
    }
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted.includes(name) || name in found) continue;

    if (flags & 1) throw new ZipError(`${name} is encrypted (the file is password-protected)`);
    if (size > budget) throw new ZipTooLargeError(name, maxBytes, size);
    if (u32(local) !== LOCAL_HEADER) throw new ZipError(`damaged zip: no local header for ${name}`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    inside(start, compressed);
    const data = bytes.subarray(start, start + compressed);
    let unpacked: Uint8Array;
    if (method === 0) unpacked = data.slice();
    else if (method === 8) {
      try {
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
          throw new ZipTooLargeError(name, maxBytes);
        throw new ZipError(`${name} cannot be unpacked (${(error as Error).message})`);
      }
    } else throw new ZipError(`${name} is compressed with method ${method}, which vtvl does not read`);
    if (unpacked.length > budget) throw new ZipTooLargeError(name, maxBytes);
    budget -= unpacked.length;
    found[name] = unpacked;
    if (wanted.every((entry) => entry in found)) break;
  }
  return found;
}
