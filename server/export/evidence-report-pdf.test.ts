// The PDF report read back as a reader's PDF software reads it: the same facts as the Markdown, Chinese names as characters, exhibits, page numbers.
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { toEvidenceReportPdf } from './evidence-report-pdf.ts';
import { chineseName, exportResult } from './export-result.fixture.ts';

const options = {
  generatedAt: new Date('2024-05-01T09:30:00.000Z'),
  origin: 'query' as const,
  analyst: 'analyst.one',
  view: { title: 'Camp F to the leadership', notes: 'Check the 2016 subordination against the original.' },
  fingerprint: 'a'.repeat(64),
  queryTitle: 'Chain of command',
};

async function textOf(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe('toEvidenceReportPdf', () => {
  it('states the stamp, the chains with Chinese names as characters, the exhibits and the page numbers', async () => {
    const bytes = await toEvidenceReportPdf(exportResult(), options);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = await textOf(bytes);
    for (const expected of [
      'Analyst: analyst.one',
      'Saved view: Camp F to the leadership',
      'Query: Chain of command',
      'As of: 2018-08-01',
      `fingerprint ${'a'.repeat(64)}`,
      'Check the 2016 subordination against the original.',
      chineseName,
      '新疆文件',
      'Exhibit 1.',
      'Exhibit 3.',
      'access date not recorded',
      'page 1 of',
    ]) {
      expect(text).toContain(expected);
    }
    // Two chains share links e1 and e4 but not e2/e3 and e5/e6: both are listed.
    expect(text).toContain('Chain 2 of 2');
  }, 60_000);
});
