// The evidence report, pinned whole (read it in review), plus what a filing relies on: the weakest link named, synthetic marked.
import { describe, expect, it } from 'vitest';
import { code, md, toEvidenceReport } from './evidence-report.ts';
import { exportResult } from './export-result.fixture.ts';

const generatedAt = new Date('2024-05-01T09:30:00.000Z');
const report = (result = exportResult(), origin: 'query' | 'submitted' = 'query') => toEvidenceReport(result, { generatedAt, origin });
/** The lines of one chain's section. */
const chainSection = (text: string, number: number) => text.split(/\n(?=## )/).find((section) => section.startsWith(`## Chain ${number} of`))!;

describe('toEvidenceReport', () => {
  it('pins the whole report for a small result', () => {
    expect(report()).toMatchInlineSnapshot(`
      "# Chain-of-command evidence report: Detainee A (synthetic) (被拘留者甲（合成）)

      ## What was asked

      - Generated: 2024-05-01T09:30:00Z by xpf-explorer
      - Query: chain of command
      - Starting point: Detainee A (synthetic) (被拘留者甲（合成）) (id d1)
      - As of: 2018-08-01; only links in force on that date count
      - Other parameters: limit = 50
      - Origin: the server ran this query against the graph database to produce this report
      - Chains found: 2, strongest first

      ## How to read this report

      - Synthetic records are not evidence. Records marked SYNTHETIC are generated test data that stand in for personal records while the tool is built and tested. They come from no leak and no source, and must not be cited.
      - Confidence of each link, as recorded in the graph: confirmed (stated in the cited source); reported (reported by a source, but not confirmed by any source read); inferred (derived from the sources, for instance from where an office sits in the administrative hierarchy, not stated in them).
      - A chain is only as strong as its weakest link. Its strength is the lowest confidence among its links, and its weakest link is named so it can be checked first.
      - Links read upward, from the starting point towards the leadership; each states the relationship in that direction.
      - Dates are given at the precision the source records: 2016-08 is a day in August 2016 that the source does not give. "start unknown" means no start is recorded; "open-ended" means no end is recorded.
      - Exhibits are the documents cited by the links, numbered in the order first cited; a link names its sources by exhibit number.
      - An analyst's notes are the analyst's own words: they are not evidence and no source stands behind them.

      ## Chain 1 of 2: Detainee A (synthetic) (被拘留者甲（合成）) to Leader P

      - Strength: **reported**
      - Weakest link: link 3, County "Bureau" \\*1\\* \\| \\[PSB\\] & Co, \\<Kashgar\\> second line —[subordinate to]→ 新疆维吾尔自治区党委 & 政府 (reported)
      - Links: 4

      1. Detainee A (synthetic) (被拘留者甲（合成）) —[detained at]→ Camp F
         - Dates: 2018-07-10 to 2019-03-08
         - Confidence: confirmed
         - Reason recorded: untrustworthy
         - Sources: exhibit 1
         - Synthetic: **SYNTHETIC**: this link and Detainee A (synthetic) (被拘留者甲（合成）) are generated test data, not evidence
         - Link: id \`e1\`, type \`DETAINED_AT\`
      2. Camp F —[operated by]→ County "Bureau" \\*1\\* \\| \\[PSB\\] & Co, \\<Kashgar\\> second line
         - Dates: 2016-08 to open-ended
         - Confidence: confirmed
         - Sources: exhibit 2
         - Synthetic: no
         - Link: id \`e2\`, type \`OPERATES\`
      3. County "Bureau" \\*1\\* \\| \\[PSB\\] & Co, \\<Kashgar\\> second line —[subordinate to]→ 新疆维吾尔自治区党委 & 政府
         - Dates: start unknown to open-ended
         - Confidence: reported (**the weakest link of this chain**)
         - Source's wording: leads (per the speech)
         - Sources: exhibit 2
         - Synthetic: no
         - Link: id \`e3\`, type \`SUBORDINATE_TO\`
      4. 新疆维吾尔自治区党委 & 政府 —[post held by]→ Leader P
         - Dates: 2016-08-29 to open-ended
         - Confidence: confirmed
         - Post: Party Secretary (heads the organisation)
         - Sources: exhibit 2, exhibit 3
         - Synthetic: no
         - Link: id \`e4\`, type \`HELD_POST\`

      ## Chain 2 of 2: Detainee A (synthetic) (被拘留者甲（合成）) to Leader P

      - Strength: **inferred**
      - Weakest link: link 2, Camp F —[operated by]→ \\=HYPERLINK("https://evil.example","click") (inferred)
      - Links: 4

      1. Detainee A (synthetic) (被拘留者甲（合成）) —[detained at]→ Camp F
         - Dates: 2018-07-10 to 2019-03-08
         - Confidence: confirmed
         - Reason recorded: untrustworthy
         - Sources: exhibit 1
         - Synthetic: **SYNTHETIC**: this link and Detainee A (synthetic) (被拘留者甲（合成）) are generated test data, not evidence
         - Link: id \`e1\`, type \`DETAINED_AT\`
      2. Camp F —[operated by]→ \\=HYPERLINK("https://evil.example","click")
         - Dates: start unknown to open-ended
         - Confidence: inferred (**the weakest link of this chain**)
         - Sources: exhibit 2
         - Synthetic: no
         - Link: id \`e5\`, type \`OPERATES\`
      3. \\=HYPERLINK("https://evil.example","click") —[subordinate to]→ 新疆维吾尔自治区党委 & 政府
         - Dates: start unknown to open-ended
         - Confidence: confirmed
         - Sources: exhibit 2, \`doc-missing\` (no details in the result)
         - Synthetic: no
         - Link: id \`e6\`, type \`SUBORDINATE_TO\`
      4. 新疆维吾尔自治区党委 & 政府 —[post held by]→ Leader P
         - Dates: 2016-08-29 to open-ended
         - Confidence: confirmed
         - Post: Party Secretary (heads the organisation)
         - Sources: exhibit 2, exhibit 3
         - Synthetic: no
         - Link: id \`e4\`, type \`HELD_POST\`

      ## Exhibits

      1. Synthetic detention record D-1 (2018-07-10), access date not recorded, collection: Synthetic records (generated, not from the leak), id \`doc2\`
      2. Report on "bureaus" & camps (Publisher, 2022-05), <https://example.org/report?a=1&b=2>, access date not recorded, id \`doc1\`
      3. 新疆文件 (2019), access date not recorded, id \`doc3\`
      "
    `);
  });

  it("names each chain's weakest link, its position and its confidence, and marks it in the list", () => {
    const text = report();
    expect(chainSection(text, 1)).toContain('- Strength: **reported**');
    expect(chainSection(text, 1)).toMatch(/- Weakest link: link 3, County .* —\[subordinate to\]→ 新疆维吾尔自治区党委 & 政府 \(reported\)/);
    expect(chainSection(text, 1)).toContain('3. County');
    expect(chainSection(text, 2)).toContain('- Strength: **inferred**');
    expect(chainSection(text, 2)).toMatch(/- Weakest link: link 2, Camp F —\[operated by\]→ \\=HYPERLINK/);
    expect(chainSection(text, 2).match(/the weakest link of this chain/g)).toHaveLength(1);
  });

  it('works out strength and weakest link from the links when the result does not state them', () => {
    const result = exportResult();
    for (const path of result.paths) path.attributes = {};
    expect(report(result)).toBe(report());
  });

  it('names the other links as weak as the weakest', () => {
    const result = exportResult();
    result.edges.find((edge) => edge.id === 'e6')!.properties.confidence = 'inferred';
    expect(chainSection(report(result), 2)).toContain('- Also inferred: link 3\n');
  });

  it('marks synthetic links and records, and says a month-precise date is a month', () => {
    const first = chainSection(report(), 1);
    expect(first).toContain('- Synthetic: **SYNTHETIC**: this link and Detainee A (synthetic) (被拘留者甲（合成）) are generated test data, not evidence');
    expect(first).toContain('- Dates: 2016-08 to open-ended');
    expect(first).toContain('- Synthetic: no');
  });

  it('says where the result came from, whether the limit cut it, and when there is no chain', () => {
    expect(report(exportResult(), 'submitted')).toContain('- Origin: formatted from a result submitted to the export service; it was not re-run');
    const cut = exportResult();
    cut.meta.truncated = true;
    expect(report(cut)).toContain("- **Incomplete:** the query's limit cut the answer");
    const none = { ...exportResult(), paths: [], meta: { ...exportResult().meta, parameters: { id: 'd1', asOf: null, limit: 50 } } };
    expect(report(none)).toContain('This result holds no chain of command.');
    expect(report(none)).toContain('- As of: no date given; every link ever recorded counts');
  });

  it('is the same text for the same result and time', () => {
    expect(report()).toBe(report());
  });
});

describe('md', () => {
  it('escapes every character that would make a name Markdown rather than text', () => {
    expect(md('*bold* _em_ [link](x) `code` <b> a|b ~~s~~ #1 $x$ \\ &amp;')).toBe(
      '\\*bold\\* \\_em\\_ \\[link\\](x) \\`code\\` \\<b\\> a\\|b \\~\\~s\\~\\~ \\#1 \\$x\\$ \\\\ \\&amp;',
    );
  });

  it('keeps a name on one line and out of list syntax', () => {
    expect(md('- one\r\n two\u0007')).toBe('\\- one two');
    expect(md('1984. Year')).toBe('1984\\. Year');
    expect(md('  + plus ')).toBe('\\+ plus');
    expect(md('新疆 & Co')).toBe('新疆 & Co');
  });
});

describe('code', () => {
  it('fences an id with more backticks than it holds', () => {
    expect(code('org_ccp_cc')).toBe('`org_ccp_cc`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`a')).toBe('`` `a ``');
  });
});
