/** Real documents for upload tests: a .docx built with the `docx` package, a PDF written by hand. */
import zlib from 'node:zlib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

export async function makeDocx(paragraphs: Array<string | string[][]>): Promise<Uint8Array> {
  // A string is a paragraph; rows of cells are a Word table.
  const children = paragraphs.map((p) =>
    typeof p === 'string'
      ? new Paragraph({ text: p })
      : new Table({ rows: p.map((cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph({ text })] })) })) }),
  );
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A one-page PDF with a real text layer (Helvetica, one line per entry; ASCII text). */
export function makePdf(lines: string[]): Uint8Array {
  const escape = (s: string) => s.replace(/[\\()]/g, (m) => `\\${m}`);
  const content = ['BT', '/F1 11 Tf', '14 TL', '50 790 Td', ...lines.map((l) => `(${escape(l)}) Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** A multipart body carrying one file. */
export function uploadForm(name: string, bytes: Uint8Array, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

/**
 * A .docx-shaped zip bomb: a real zip whose word/document.xml inflates to `unpackedMb` MB of repeated XML.
 * One megabyte is compressed once, sync-flushed (no final block), and repeated: a valid deflate stream.
 */
export function makeZipBomb(unpackedMb: number): Uint8Array {
  const slice = Buffer.alloc(1024 * 1024, '<w:t>a</w:t>');
  const block = zlib.deflateRawSync(slice, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < unpackedMb; i++) crc = zlib.crc32(slice, crc);
  const packed = Buffer.concat([...Array.from({ length: unpackedMb }, () => block), zlib.deflateRawSync(Buffer.alloc(0))]);
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), stored: true },
    { name: 'word/document.xml', packed, size: unpackedMb * 1024 * 1024, crc },
  ]);
}

type ZipEntry = { name: string; data: Buffer; stored: true } | { name: string; packed: Buffer; size: number; crc: number };

function zipOf(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = 'data' in entry ? entry.data : entry.packed;
    const size = 'data' in entry ? entry.data.length : entry.size;
    const crc = 'data' in entry ? zlib.crc32(entry.data) : entry.crc;
    const method = 'data' in entry ? 0 : 8;
    // The local header and the central directory entry share these fields; the central one has them 2 bytes later.
    const header = (length: number, signature: number, shift: number) => {
      const b = Buffer.alloc(length);
      b.writeUInt32LE(signature, 0);
      b.writeUInt16LE(20, 4 + shift);
      b.writeUInt16LE(method, 8 + shift);
      b.writeUInt32LE(crc >>> 0, 14 + shift);
      b.writeUInt32LE(body.length, 18 + shift);
      b.writeUInt32LE(size, 22 + shift);
      b.writeUInt16LE(name.length, 26 + shift);
      return b;
    };
    const local = header(30, 0x04034b50, 0);
    const central = header(46, 0x02014b50, 2);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
