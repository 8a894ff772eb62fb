// Head posts and kinds of organisation, facility and directive, read from the words the record gives.
import type { z } from 'zod';
import type { DirectiveType, FacilityType, OrganizationType } from '../../contract/model.ts';

/**
 * A post heads its organisation when its title names the top office. Read from the title the
 * source gives, so it adds no fact; deputies, vice-chairs, members and "former" posts never head.
 */
export function isHeadPost(title: string): boolean {
  if (/\b(deputy|vice|member|former|executive deputy)\b/i.test(title)) return false;
  return /^(\(first\) )?(general secretary|secretary|party secretary|party committee secretary|director|minister|chairman|president|premier|head|governor|mayor)\b/i.test(
    title,
  );
}

/**
 * Kinds read from the names and titles the record gives (a "Public Security Bureau" is public
 * security); they sort and colour, they state nothing the record does not.
 */
export function organizationTypeOf(name: string): z.infer<typeof OrganizationType> {
  if (/political and legal|zhengfawei|\bPLAC\b/i.test(name)) return 'political-legal-commission';
  if (/public security|\bPSB\b|\bPSD\b|ministry of public security/i.test(name)) return 'public-security';
  if (/party committee|central committee|politburo|commission|leading group|small group|command|headquarters/i.test(name)) return 'party-committee';
  if (/government|state council|prc state|prefecture|county|congress|cppcc|production and construction/i.test(name)) return 'government';
  if (/court/i.test(name)) return 'court';
  return 'other';
}

export function facilityTypeOf(description: string): z.infer<typeof FacilityType> {
  if (/detention cent/i.test(description)) return 'detention-centre';
  if (/prison/i.test(description)) return 'prison';
  if (/re-education|vocational|internment|camp/i.test(description)) return 'camp';
  if (/police station/i.test(description)) return 'police-station';
  return 'other';
}

export function directiveTypeOf(title: string): z.infer<typeof DirectiveType> {
  if (/speech/i.test(title)) return 'speech';
  if (/telegram/i.test(title)) return 'telegram';
  if (/bulletin/i.test(title)) return 'bulletin';
  if (/regulation/i.test(title)) return 'regulation';
  if (/protocol/i.test(title)) return 'protocol';
  if (/^(instruction|notice|order)\b/i.test(title)) return 'order';
  return 'other';
}
