// A first mapping for a file nobody has mapped yet: a kind for the file and a property for each
// column, read off its header (in English or Chinese: 姓名 -> name, 身份证号 -> idNumber, 出生日期 ->
// birthDate, 民族 -> ethnicity, 住址 -> address…) and its sample values (a date in 2017年5月28日, a
// number, an 18-character ID number). The browser's mapping editor starts from it; the analyst decides.
import type { MappingInput, ValueSource } from '../api/import-mapping.ts';
import { NodeKind, nodeSchemas, PersonRole } from '../model.ts';

type SampleValue = string | number | boolean | null;

/** Header words (lower case, no spaces) and the property they name. Chinese first: most leaked rosters use it. */
const HEADER_HINTS: [RegExp, string][] = [
  [/^(姓名|名字|人员姓名|名称|单位名称|设施名称|name|fullname|personname)$/, 'name'],
  [/^(中文名|中文姓名|汉字|namezh|chinesename|name_zh|namechinese)$/, 'nameZh'],
  [/^(拼音|pinyin)$/, 'pinyin'],
  [/^(别名|曾用名|化名|aliases?|alsoknownas|aka)$/, 'aliases'],
  [/^(身份证号|身份证号码|公民身份号码|身份证|idnumber|idno|nationalid|idcard)$/, 'idNumber'],
  [/^(出生日期|出生年月|生日|birthdate|dateofbirth|dob|born)$/, 'birthDate'],
  [/^(民族|族别|ethnicity|ethnic|nationality)$/, 'ethnicity'],
  [/^(住址|地址|家庭住址|户籍地址|现住址|address|homeaddress|residence)$/, 'address'],
  [/^(性别|gender|sex)$/, 'gender'],
  [/^(年龄|age)$/, 'age'],
  [/^(备注|说明|notes?|remarks?|comments?)$/, 'notes'],
  [/^(纬度|lat|latitude)$/, 'latitude'],
  [/^(经度|lon|lng|long|longitude)$/, 'longitude'],
  [/^(县|县市|county)$/, 'county'],
  [/^(地区|地州|prefecture)$/, 'prefecture'],
  [/^(容量|关押人数|capacity)$/, 'capacity'],
  [/^(级别|层级|level)$/, 'level'],
  [/^(日期|date)$/, 'date'],
  [/^(职务|title|post|position)$/, 'title'],
];

/** Header words that say what the rows are, and the kind they make. */
const KIND_HINTS: [RegExp, NodeKind | 'Detainee' | 'Official'][] = [
  [/(被拘押|关押|在押|学员|detainee|inmate|prisoner)/, 'Detainee'],
  [/(职务|官员|领导|official|post|position)/, 'Official'],
  [/(设施|看守所|拘留所|监狱|教培|facility|camp|tier)/, 'Facility'],
  [/(区划|行政区|代码|division|parent_?code)/, 'Place'],
  [/(制裁|sanction|designation|programme|program)/, 'Sanction'],
];

function folded(header: string): string {
  return header.toLowerCase().replace(/[\s_\-.()（）:：]/g, '');
}

/** The property a column's header names, if any. */
export function propertyForHeader(header: string): string | null {
  const word = folded(header);
  return HEADER_HINTS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}

const CHINESE_DATE = /^\d{4}年\d{1,2}月(\d{1,2}日)?$/;

/** How rosters write a gender (男/女, M/F…), folded to lower case: the model's three values. */
const GENDER_WORDS: Record<string, 'female' | 'male' | 'unknown'> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  未知: 'unknown',
  不详: 'unknown',
  unknown: 'unknown',
};

/** A value map for the gender words the sample holds, as they are written: a cell it lacks is then named in the check. */
function genderMap(values: readonly SampleValue[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const text = value === null ? '' : String(value).trim();
    const gender = GENDER_WORDS[text.toLowerCase()];
    if (gender) map[text] = gender;
  }
  return map;
}

/** What sample values say about a column: a date pattern, a number, an ID number, or nothing. */
export function valueHint(values: readonly SampleValue[]): { property?: string; source?: Partial<ValueSource> } {
  const texts = values.filter((value): value is string | number => value !== null && value !== '').map(String);
  if (texts.length === 0) return {};
  if (texts.every((text) => CHINESE_DATE.test(text))) return { source: { date: ['YYYY年M月D日', 'YYYY年M月'] } };
  if (texts.every((text) => /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text))) return { source: { date: ['DD/MM/YYYY'] } };
  // Spreadsheets exported in China often write 1990/1/1 or 1990.01.01.
  if (texts.every((text) => /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(text))) return { source: { date: ['YYYY/M/D'] } };
  if (texts.every((text) => /^\d{4}\.\d{1,2}\.\d{1,2}$/.test(text))) return { source: { date: ['YYYY.M.D'] } };
  if (texts.every((text) => /^\d{17}[\dXx]$/.test(text))) return { property: 'idNumber' };
  return {};
}

/** A mapping to start from: one entity of the likeliest kind, a property for every column it recognises; the rest dropped for the analyst to decide. */
export function proposeMapping(fileName: string, columns: readonly string[], sample: readonly Record<string, SampleValue>[]): MappingInput {
  const headerText = columns.map(folded).join(' ');
  const kind = KIND_HINTS.find(([pattern]) => pattern.test(headerText))?.[1] ?? 'Person';
  // Only what the kind holds: a post's title belongs on a HELD_POST link, not on the person, and the
  // analyst links it there; proposing it on the node would refuse the whole file.
  const shape = nodeSchemas[PersonRole.safeParse(kind).success ? 'Person' : NodeKind.parse(kind)].shape as Record<string, unknown>;
  const properties: Record<string, ValueSource | string> = {};
  const used = new Set<string>();
  let key: string | null = null;
  for (const column of columns) {
    const values = sample.map((row) => row[column] ?? null);
    const hint = valueHint(values);
    const property = propertyForHeader(column) ?? hint.property ?? null;
    if (!property || used.has(property) || !(property in shape)) continue;
    used.add(property);
    const genders = property === 'gender' ? genderMap(values) : {};
    if (Object.keys(genders).length > 0) properties[property] = { column, map: genders } as ValueSource;
    else properties[property] = hint.source ? ({ column, ...hint.source } as ValueSource) : column;
    if (property === 'idNumber') key = column;
  }
  // A kind's required category gets the model's catch-all until the analyst picks a column or a map.
  if (kind === 'Facility' && !properties.facilityType) properties.facilityType = { literal: 'other' } as ValueSource;
  if (kind === 'Place' && !properties.placeType) properties.placeType = { literal: 'other' } as ValueSource;
  const nameColumn = Object.entries(properties).find(([property]) => property === 'name')?.[1];
  const keyColumn = key ?? (typeof nameColumn === 'string' ? nameColumn : columns[0]!);
  const namespace =
    fileName
      .replace(/\.[^.]+$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'import';
  const mapped = new Set(Object.values(properties).flatMap((source) => (typeof source === 'string' ? [source] : source.column ? [source.column] : [])));
  mapped.add(keyColumn);
  return {
    schemaVersion: 1,
    name: fileName,
    namespace: /^[a-z0-9]/.test(namespace) ? namespace : `import-${namespace}`.slice(0, 40),
    document: { title: fileName },
    confidence: 'reported',
    entities: { row: { kind, key: [keyColumn], properties: properties as Record<string, ValueSource> } },
    unmapped: { drop: columns.filter((column) => !mapped.has(column)) },
  };
}
