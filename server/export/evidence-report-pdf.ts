// The evidence report as PDF: the same report model as the Markdown (report-model.ts), laid out for
// a filing with pdfkit, in an embedded CJK font (so Chinese names print as characters on any
// machine) and with "page N of M" on every page.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Result } from '../../contract/result.ts';
import { type Exhibit, type ReportChain, type ReportFact, type ReportLink, type ReportOptions, reportModel, syntheticSentence } from './report-model.ts';

/**
 * Noto Sans Hans (SIL Open Font License), from the npm package @embedpdf/fonts-sc: OpenType files
 * pdfkit can embed (it cannot read the WOFF2 slices web-font packages ship). It covers GB 2312's
 * 6,763 characters, Latin with diacritics (Uyghur names in Latin script) and punctuation; pdfkit
 * embeds only the glyphs a report uses, so a report stays small.
 */
const fontFolder = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const fonts = { regular: join(fontFolder, 'NotoSansHans-Regular.otf'), bold: join(fontFolder, 'NotoSansHans-Bold.otf') };

const margin = 56;
const colours = { text: '#111111', muted: '#555555', weakest: '#6a1b9a', synthetic: '#b00020', rule: '#bbbbbb' };

export async function toEvidenceReportPdf(result: Result, options: ReportOptions): Promise<Uint8Array> {
  const model = reportModel(result, options);
  // Loaded on first use: pdfkit takes a fifth of a second to load, which every start of the app and
  // every process that imports the export formats would pay without ever writing a PDF.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin + 20, left: margin, right: margin },
    bufferPages: true,
    // The file's own dates are the report's: the same result and time give the same document.
    info: {
      Title: model.title,
      Author: options.analyst ?? 'xpf-explorer',
      Creator: 'xpf-explorer',
      CreationDate: options.generatedAt,
      ModDate: options.generatedAt,
    },
    lang: 'en',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const writer = new Writer(doc);

  writer.title(model.title);
  writer.heading('What was asked');
  for (const fact of model.asked) writer.fact(fact);
  if (model.notes) {
    writer.heading("The analyst's notes (not evidence)");
    writer.quote(model.notes);
  }
  writer.heading('How to read this report');
  for (const note of model.readingNotes) writer.bullet(note, 9);
  if (model.chains.length === 0) {
    writer.heading('Chains');
    writer.paragraph('This result holds no chain of command.');
  }
  for (const chain of model.chains) writer.chain(chain, model.chains.length);
  if (model.repeatedChains > 0) {
    writer.paragraph(
      `${model.repeatedChains} more ${model.repeatedChains === 1 ? 'chain passes' : 'chains pass'} through exactly the same links as a chain above and ${model.repeatedChains === 1 ? 'is' : 'are'} not repeated.`,
    );
  }
  writer.heading('Exhibits');
  if (model.exhibits.length === 0) writer.paragraph('No document is cited by the links above.');
  for (const exhibit of model.exhibits) writer.exhibit(exhibit);
  writer.pageNumbers(
    `Evidence report generated ${options.generatedAt.toISOString().slice(0, 10)}${options.fingerprint ? ` · graph state ${options.fingerprint.slice(0, 12)}` : ''}`,
  );

  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** One place for the report's typography: each kind of line is drawn the one way. */
class Writer {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Starts a new page when fewer than `needed` points are left, so a heading never ends a page. */
  private keep(needed: number): void {
    if (this.doc.y + needed > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  title(text: string): void {
    this.doc.font('bold').fontSize(17).fillColor(colours.text).text(text, { width: this.width });
    this.doc.moveDown(0.6);
  }

  heading(text: string): void {
    this.keep(60);
    this.doc.moveDown(0.6);
    this.doc.font('bold').fontSize(12.5).fillColor(colours.text).text(text, { width: this.width });
    const y = this.doc.y + 2;
    this.doc
      .moveTo(this.doc.page.margins.left, y)
      .lineTo(this.doc.page.margins.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor(colours.rule)
      .stroke();
    this.doc.moveDown(0.5);
  }

  fact(fact: ReportFact, indent = 0): void {
    const { doc } = this;
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(fact.warning ? colours.synthetic : colours.text);
    doc.text(`${fact.label}: `, doc.page.margins.left + indent, doc.y, { continued: true, width: this.width - indent });
    doc.font('regular').fillColor(colours.text).text(fact.value);
    doc.x = doc.page.margins.left;
  }

  paragraph(text: string, size = 10): void {
    this.doc.font('regular').fontSize(size).fillColor(colours.text).text(text, this.doc.page.margins.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  bullet(text: string, size = 10): void {
    const { doc } = this;
    doc
      .font('regular')
      .fontSize(size)
      .fillColor(colours.muted)
      .text(`•  ${text}`, doc.page.margins.left + 6, doc.y, { width: this.width - 6 });
    doc.moveDown(0.15);
    doc.x = doc.page.margins.left;
  }

  quote(text: string): void {
    const { doc } = this;
    const top = doc.y;
    doc
      .font('regular')
      .fontSize(10)
      .fillColor(colours.muted)
      .text(text, doc.page.margins.left + 12, top, { width: this.width - 12 });
    doc.rect(doc.page.margins.left, top, 3, doc.y - top).fill(colours.rule);
    doc.fillColor(colours.text);
    doc.x = doc.page.margins.left;
    doc.moveDown(0.3);
  }

  chain(chain: ReportChain, total: number): void {
    this.heading(`Chain ${chain.number} of ${total}: ${chain.from} to ${chain.to}`);
    this.fact({ label: 'Strength', value: chain.strength ?? 'unknown' });
    const { weakest } = chain;
    this.fact({
      label: 'Weakest link',
      value: weakest
        ? `link ${weakest.number}, ${weakest.from} —[${weakest.caption}]→ ${weakest.to} (${weakest.confidence ?? 'confidence not recorded'})`
        : 'none recorded',
    });
    if (weakest && chain.tied.length > 0)
      this.fact({ label: `Also ${weakest.confidence}`, value: `${chain.tied.length === 1 ? 'link' : 'links'} ${chain.tied.join(', ')}` });
    this.doc.moveDown(0.4);
    for (const link of chain.links) this.link(link);
  }

  private link(link: ReportLink): void {
    const { doc } = this;
    this.keep(70);
    doc
      .font('bold')
      .fontSize(10.5)
      .fillColor(link.isWeakest ? colours.weakest : colours.text);
    doc.text(`${link.number}.  ${link.from} —[${link.caption}]→ ${link.to}`, doc.page.margins.left, doc.y, { width: this.width });
    const indent = 18;
    if (!link.present) {
      this.fact({ label: 'Not in this result', value: `the link ${link.edgeId} was not sent with it` }, indent);
      doc.moveDown(0.4);
      return;
    }
    this.fact({ label: 'Dates', value: link.dates }, indent);
    this.fact({ label: 'Confidence', value: `${link.confidence ?? 'not recorded'}${link.isWeakest ? ' (the weakest link of this chain)' : ''}` }, indent);
    for (const detail of link.details) this.fact(detail, indent);
    const sources = link.sources.map((source) => (source.exhibit !== null ? `exhibit ${source.exhibit}` : `${source.id} (no details in the result)`));
    this.fact({ label: 'Sources', value: sources.length === 0 ? 'none recorded' : sources.join(', '), warning: sources.length === 0 }, indent);
    this.fact(
      { label: 'Synthetic', value: link.synthetic.length === 0 ? 'no' : `SYNTHETIC: ${syntheticSentence(link.synthetic)}`, warning: link.synthetic.length > 0 },
      indent,
    );
    this.fact({ label: 'Link', value: `id ${link.edgeId}, type ${link.edgeType ?? 'unknown'}` }, indent);
    doc.moveDown(0.5);
  }

  exhibit(exhibit: Exhibit): void {
    const { doc } = this;
    this.keep(40);
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(colours.text)
      .text(`Exhibit ${exhibit.number}.  `, doc.page.margins.left, doc.y, { continued: true, width: this.width });
    doc.font('regular').text(exhibit.title ?? exhibit.id);
    const about = [exhibit.publisher, exhibit.date && `dated ${exhibit.date}`, exhibit.accessed ? `accessed ${exhibit.accessed}` : 'access date not recorded']
      .filter((part): part is string => Boolean(part))
      .join(' · ');
    doc
      .fontSize(9)
      .fillColor(colours.muted)
      .text(about, doc.page.margins.left + 18, doc.y, { width: this.width - 18 });
    if (exhibit.url) doc.text(exhibit.url, { width: this.width - 18 });
    doc.text([exhibit.collection && `Collection: ${exhibit.collection}`, `id ${exhibit.id}`].filter(Boolean).join(' · '), { width: this.width - 18 });
    doc.fillColor(colours.text);
    doc.x = doc.page.margins.left;
    doc.moveDown(0.4);
  }

  /** "Page N of M" on every page, once all pages exist (pages are buffered until then). */
  pageNumbers(footer: string): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      const bottom = doc.page.margins.bottom;
      // Written inside the bottom margin: lift the margin while writing, or pdfkit would start a new page.
      doc.page.margins.bottom = 0;
      doc
        .font('regular')
        .fontSize(8)
        .fillColor(colours.muted)
        .text(`${footer} · page ${index + 1} of ${range.count}`, doc.page.margins.left, doc.page.height - margin + 8, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
  }
}
