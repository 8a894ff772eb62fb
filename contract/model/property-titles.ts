// Each property's title in words, as the inspector, the exports and the reports show it. A property
// not listed here is shown as its key in words (`detentionReason` -> "Detention reason").
export const propertyTitles: Readonly<Record<string, string>> = {
  id: 'Id',
  name: 'Name',
  nameZh: 'Chinese name',
  pinyin: 'Pinyin',
  aliases: 'Also known as',
  age: 'Age',
  level: 'Level',
  facilityType: 'Facility type',
  county: 'County',
  prefecture: 'Prefecture',
  code: 'Division code',
  within: 'Lies in',
  aliasSources: 'Sources of the aliases',
  latitude: 'Latitude',
  longitude: 'Longitude',
  date: 'Date',
  summary: 'Summary',
  title: 'Post',
  head: 'Heads the body',
  relation: 'Relation',
  role: 'Role',
  recordedReason: 'Recorded reason',
  confidence: 'Confidence',
  collection: 'Collection',
  publisher: 'Publisher',
  url: 'Address',
  notes: 'Notes',
  address: 'Home address',
  birthDate: 'Born',
  idNumber: 'ID number',
  takenAt: 'Taken',
};

/** A known property's title, else the key in words: `detentionReason` -> "Detention reason". */
export function propertyTitle(key: string): string {
  const known = propertyTitles[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
