// The seed as rows: faithful to the public record, complete, and deterministic.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedRows } from './load.ts';
import { isHeadPost, publicRecordRows, readReference } from './public-record.ts';
import { SMALL_SYNTHETIC, syntheticRows } from './synthetic.ts';

const reference = readReference();

describe('public-record rows', () => {
  const rows = publicRecordRows(reference);
  const byId = new Map(rows.nodes.map((row) => [row.id, row]));

  it('has a node for every person, organisation, facility, directive and source of the record', () => {
    for (const entry of [...reference.people, ...reference.organizations, ...reference.facilities, ...reference.directives, ...reference.sources]) {
      expect(byId.has(entry.id), entry.id).toBe(true);
    }
    expect(rows.nodes).toHaveLength(
      reference.people.length + reference.organizations.length + reference.facilities.length + reference.directives.length + reference.sources.length,
    );
  });

  it('gives every fact sources that exist and a confidence, and marks nothing synthetic', () => {
    const documents = new Set(rows.nodes.filter((row) => row.labels.includes('Document')).map((row) => row.id));
    for (const row of [...rows.nodes.filter((r) => !r.labels.includes('Document')), ...rows.relationships]) {
      const sources = row.properties.sources as string[];
      expect(sources.length, row.id).toBeGreaterThan(0);
      for (const source of sources) expect(documents.has(source), `${row.id} cites ${source}`).toBe(true);
      expect(['confirmed', 'reported', 'inferred']).toContain(row.properties.confidence);
      expect(row.properties.synthetic).toBe(false);
    }
  });

  it('keeps each post as the record states it, with its dates widened to whole periods', () => {
    const chenXinjiang = rows.relationships.find((r) => r.source === 'chen_quanguo' && r.target === 'org_xuar_pc')!;
    expect(chenXinjiang.properties).toMatchObject({
      title: 'Party Secretary of the XUAR (Xinjiang Party Committee)',
      from: '2016-08-29',
      to: '2021-12-25',
      head: true,
      confidence: 'confirmed',
    });
    const wangXpcc = rows.relationships.find((r) => r.source === 'zhu_hailun' && r.properties.from === '2016-04-01')!;
    expect(wangXpcc.properties).toMatchObject({ fromPrecision: 'month', head: false });
  });

  it('stores organisation links upward (subordinate -> superior) and operators toward their facilities', () => {
    const countyUp = rows.relationships.find((r) => r.id === 'sub:org_tekes_county:org_ili_pref')!;
    expect(countyUp).toMatchObject({ type: 'SUBORDINATE_TO', source: 'org_tekes_county', target: 'org_ili_pref' });
    const operates = rows.relationships.find((r) => r.type === 'OPERATES' && r.target === 'fac_tekes_detention')!;
    expect(operates).toMatchObject({ source: 'org_tekes_psb', properties: { confidence: 'inferred' } });
  });

  it('links only nodes that exist, with unique ids', () => {
    const all = seedRows();
    const ids = new Set(all.nodes.map((row) => row.id));
    expect(ids.size).toBe(all.nodes.length);
    expect(new Set(all.relationships.map((row) => row.id)).size).toBe(all.relationships.length);
    for (const row of all.relationships) {
      expect(ids.has(row.source), `${row.id} source`).toBe(true);
      expect(ids.has(row.target), `${row.id} target`).toBe(true);
    }
  });

  it('is a faithful copy of the shared reference when that is present', () => {
    const shared = new URL('../../shared/reference/public-record.json', import.meta.url);
    if (!existsSync(shared)) return;
    expect(readFileSync(new URL('./public-record.json', import.meta.url), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});

describe('isHeadPost', () => {
  it('heads for top offices, never for deputies, members or former posts', () => {
    expect(isHeadPost('General Secretary of the CCP Central Committee')).toBe(true);
    expect(isHeadPost('Director, XUAR Public Security Department')).toBe(true);
    expect(isHeadPost('Deputy Party Secretary of the XUAR')).toBe(false);
    expect(isHeadPost('Member, 19th CCP Central Committee')).toBe(false);
    expect(isHeadPost('Former Party Secretary, XUAR Public Security Department')).toBe(false);
    expect(isHeadPost('Vice Chairman, XUAR People\'s Government')).toBe(false);
  });
});

describe('synthetic rows', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(syntheticRows(SMALL_SYNTHETIC)).toEqual(syntheticRows(SMALL_SYNTHETIC));
    expect(syntheticRows({ ...SMALL_SYNTHETIC, seed: 1 })).not.toEqual(syntheticRows(SMALL_SYNTHETIC));
  });

  it('are all marked synthetic and say so in their names', () => {
    const rows = syntheticRows(SMALL_SYNTHETIC);
    expect(rows.nodes.filter((row) => row.labels.includes('Detainee'))).toHaveLength(12);
    expect(rows.nodes.filter((row) => row.labels.includes('Guard'))).toHaveLength(9);
    for (const row of [...rows.nodes, ...rows.relationships]) expect(row.properties.synthetic, row.id).toBe(true);
    for (const row of rows.nodes) expect(String(row.properties.name)).toMatch(/^Synthetic /);
  });

  it('gives ages from 14 and detention dates mostly in 2017-2018', () => {
    const rows = syntheticRows({ ...SMALL_SYNTHETIC, detaineesPerFacility: 200 });
    const ages = rows.nodes.filter((row) => row.labels.includes('Detainee')).map((row) => row.properties.age as number);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(14);
    const years = rows.relationships.filter((row) => row.type === 'DETAINED_AT').map((row) => String(row.properties.from).slice(0, 4));
    const peak = years.filter((year) => year === '2017' || year === '2018').length / years.length;
    expect(peak).toBeGreaterThan(0.7);
  });
});
