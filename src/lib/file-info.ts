import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { PDFDocument } from 'pdf-lib';

const TYPE_LABELS: Record<string, { label: string; mime: string }> = {
  '.pdf': { label: 'PDF', mime: 'application/pdf' },
  '.docx': { label: 'Word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  '.xlsx': { label: 'Excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  '.pptx': { label: 'PowerPoint', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  '.odt': { label: 'ODT', mime: 'application/vnd.oasis.opendocument.text' },
  '.ods': { label: 'ODS', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
  '.odp': { label: 'ODP', mime: 'application/vnd.oasis.opendocument.presentation' },
};

export interface FileInfo {
  /** Short type for people, e. g. "PDF". */
  type: string;
  mime: string;
  bytes: number;
  /** Number of pages, for PDF files. */
  pages?: number;
}

/** Number formats with 0 and 1 decimal, made once per process (not per call). */
const decimals = [0, 1].map((digits) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

/** "1,2 MB", "340 KB", "900 Byte" (decimal units, German number format). */

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} Byte`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${decimals[digits]!.format(value)} ${units[unit]}`;
}

/** "PDF, 1,2 MB, 12 Seiten" */
export function describeFile(info: FileInfo): string {
  const parts = [info.type, formatBytes(info.bytes)];
  if (info.pages !== undefined) parts.push(info.pages === 1 ? '1 Seite' : `${info.pages} Seiten`);
  return parts.join(', ');
}

/** Reads type, size and (for PDF) page count from the file itself. Throws when it is missing or broken. */
export async function readFileInfo(path: string): Promise<FileInfo> {
  const ext = extname(path).toLowerCase();
  const type = TYPE_LABELS[ext];
  if (!type) throw new Error(`Dateityp ${ext || '(ohne Endung)'} wird nicht unterstützt: ${path}`);
  const { size } = await stat(path);
  const info: FileInfo = { type: type.label, mime: type.mime, bytes: size };
  if (ext === '.pdf') {
    try {
      const pdf = await PDFDocument.load(await readFile(path), { updateMetadata: false, ignoreEncryption: true });
      info.pages = pdf.getPageCount();
    } catch (error) {
      throw new Error(`Die PDF-Datei ${path} lässt sich nicht lesen: ${(error as Error).message}`, { cause: error });
    }
  }
  return info;
}
