// The seed as rows: faithful to the public record, complete, and deterministic.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedBatches, seedBatchesAhead } from './seed-batches.ts';
import { isHeadPost, publicRecordRows, readReference } from './public-record.ts';
import { SCALES, syntheticRows } from './synthetic.ts';

const reference = readReference();

describe('public-record rows', () => {
  const rows = publicRecordRows(reference);
  const byId = new Map(rows.nodes.map((row) => [row.id, row]));

  it('has a node for every person, organisation, facility, directive, source, sanction and figure of the record', () => {
    for (const entry of [...reference.people, ...reference.organizations, ...reference.facilities, ...reference.directives, ...reference.sources]) {
      expect(byId.has(entry.id), entry.id).toBe(true);
    }
    const sanctions = reference.people.reduce((sum, person) => sum + person.sanctions.length, 0);
    expect(rows.nodes.filter((row) => row.labels.includes('Sanction'))).toHaveLength(sanctions);
    expect(rows.nodes.filter((row) => row.labels.includes('Figure'))).toHaveLength(reference.figures.length);
    expect(rows.nodes).toHaveLength(
      reference.people.length +
        reference.organizations.length +
        reference.facilities.length +
        reference.directives.length +
        reference.sources.length +
        sanctions +
        reference.figures.length,
    );
  });

  it('keeps every sourced link of the hierarchy, and only those', () => {
    const sourced = reference.hierarchy.filter((link) => link.source_ids.length > 0);
    const fromHierarchy = rows.relationships.filter((row) => row.properties.relation && row.properties.relation !== 'parent organisation');
    expect(fromHierarchy).toHaveLength(sourced.length);
    const instruction = rows.relationships.find((row) => row.id === 'addressed:d_ijop_bulletin_14:org_hotan_pref')!;
    expect(instruction).toMatchObject({ type: 'ADDRESSED_TO', properties: { relation: 'issued_instruction_to (IJOP Bulletin No. 14)' } });
    const direction = rows.relationships.find((row) => row.id === 'reports:zhao_kezhi:xi_jinping')!;
    expect(direction.properties.relation).toMatch(/^policy_direction/);
  });

  it('records sanctions as their own nodes, linked to the sanctioned official', () => {
    const zhu = rows.relationships.filter((row) => row.type === 'SANCTIONED_UNDER' && row.source === 'zhu_hailun');
    expect(zhu).toHaveLength(reference.people.find((person) => person.id === 'zhu_hailun')!.sanctions.length);
    const first = byId.get(zhu[0]!.target)!;
    expect(first.properties).toMatchObject({ authority: expect.any(String), confidence: expect.any(String) });
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

  it('links only nodes that exist (the record or an earlier row), with unique ids', () => {
    const all = { nodes: [] as { id: string }[], relationships: [] as { id: string; source: string; target: string }[] };
    for (const batch of seedBatches('small')) {
      all.nodes.push(...batch.nodes);
      const known = new Set(all.nodes.map((row) => row.id));
      for (const row of batch.relationships) {
        expect(known.has(row.source), `${row.id} source`).toBe(true);
        expect(known.has(row.target), `${row.id} target`).toBe(true);
      }
      all.relationships.push(...batch.relationships);
    }
    const ids = new Set(all.nodes.map((row) => row.id));
    expect(ids.size).toBe(all.nodes.length);
    expect(new Set(all.relationships.map((row) => row.id)).size).toBe(all.relationships.length);
  });

  it('comes out of the worker (nodes checked there, links here, rows crossing as JSON) as it does in one thread', async () => {
    const ahead = [];
    for await (const batch of seedBatchesAhead('small', 2_000)) ahead.push(batch);
    const here = [...seedBatches('small', 2_000)];
    expect(ahead.length).toBeGreaterThan(3);
    expect(ahead).toEqual(here);
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
    expect(isHeadPost("Vice Chairman, XUAR People's Government")).toBe(false);
  });
});

describe('synthetic rows', () => {
  // Without the known duplicates the small scale adds for the identity tests: these count and describe detainees as generated once.
  const tiny = { ...SCALES.small, detainees: 300, syntheticCounties: 2, knownDuplicates: 0 };

  it('are the same for the same seed and differ for another', () => {
    expect(syntheticRows(tiny)).toEqual(syntheticRows(tiny));
    expect(syntheticRows({ ...tiny, seed: 1 })).not.toEqual(syntheticRows(tiny));
  });

  it('are all marked synthetic and say so in their names', () => {
    const rows = syntheticRows(tiny);
    expect(rows.nodes.filter((row) => row.labels.includes('Detainee'))).toHaveLength(300);
    for (const row of [...rows.nodes, ...rows.relationships]) expect(row.properties.synthetic, row.id).toBe(true);
    for (const row of rows.nodes) expect(String(row.properties.name)).toMatch(/synthetic/i);
  });

  it('gives ages from 14 to past 80, detentions mostly in 2017-2018, and several facilities per county', () => {
    const rows = syntheticRows({ ...tiny, detainees: 3_000 });
    const ages = rows.nodes.filter((row) => row.labels.includes('Detainee')).map((row) => row.properties.age as number);
    expect(Math.min(...ages)).toBe(14);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(80);
    const detentions = rows.relationships.filter((row) => row.type === 'DETAINED_AT' && row.properties.recordedReason !== 'transfer');
    const peak = detentions.filter((row) => /^201[78]/.test(String(row.properties.from))).length / detentions.length;
    expect(peak).toBeGreaterThan(0.7);
    const perCounty = new Map<string, number>();
    for (const row of rows.nodes.filter((r) => r.labels.includes('Facility'))) {
      perCounty.set(String(row.properties.county), (perCounty.get(String(row.properties.county)) ?? 0) + 1);
    }
    expect(Math.min(...perCounty.values())).toBeGreaterThanOrEqual(2);
  });

  it('skews detainees towards a few very large facilities', () => {
    const rows = syntheticRows({ ...tiny, detainees: 5_000 });
    const perFacility = new Map<string, number>();
    for (const row of rows.relationships.filter((r) => r.type === 'DETAINED_AT')) perFacility.set(row.target, (perFacility.get(row.target) ?? 0) + 1);
    const sizes = [...perFacility.values()].sort((a, b) => b - a);
    expect(sizes[0]!).toBeGreaterThan(5 * sizes[Math.floor(sizes.length / 2)]!);
  });
});
