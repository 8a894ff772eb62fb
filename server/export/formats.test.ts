// File names any system accepts, and every format rendering the same Result.
import { describe, expect, it } from 'vitest';
import { exportResult } from './export-result.fixture.ts';
import { ExportFormat } from '../../contract/api/export.ts';
import { exportFileName, exportFormats } from './formats.ts';

describe('exportFileName', () => {
  it("keeps ASCII letters, digits, '.', '_' and '-' and adds the format's ending", () => {
    expect(exportFileName('xpf-chain-syn-detainee-0000001-as-of-2018-01-01', 'report')).toBe(
      'xpf-chain-syn-detainee-0000001-as-of-2018-01-01-evidence-report.md',
    );
    expect(exportFileName('xpf-chain-sub:org_a:org_b', 'csv', 'edges')).toBe('xpf-chain-sub-org_a-org_b-edges.csv');
    expect(exportFileName('xpf-chain-新疆 "x"/../y', 'graphml')).toBe('xpf-chain-x-..-y.graphml');
    expect(exportFileName('新疆', 'cytoscape')).toBe('xpf-export.cytoscape.json');
  });
});

describe('exportFormats', () => {
  it('renders one Result in every format, the report at the injected time', async () => {
    const options = { generatedAt: new Date('2024-05-01T09:30:00Z'), origin: 'query' as const, part: 'edges' as const };
    for (const format of ExportFormat.options) {
      const file = await exportFormats[format].render(exportResult(), format === 'csv' ? options : { ...options, part: undefined });
      expect(file.length, format).toBeGreaterThan(0);
    }
    expect(exportFormats.csv.render(exportResult(), options)).toMatch(/^\uFEFFid,type,source,target,/);
    expect(exportFormats.report.render(exportResult(), options)).toContain('- Generated: 2024-05-01T09:30:00Z by xpf-explorer');
  });
});
