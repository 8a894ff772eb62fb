// The first mapping offered for a file nobody has mapped: properties from headers in English and
// Chinese and from sample values, a kind from the header's words, every other column dropped.
import { describe, expect, it } from 'vitest';
import { MappingDocument } from '../api/import-mapping.ts';
import { proposeMapping, propertyForHeader } from './propose-mapping.ts';

describe('proposeMapping', () => {
  it('reads Chinese and English headers', () => {
    expect(['姓名', '身份证号', '出生日期', '民族', '住址', 'Date of birth', 'ID No.', 'Address'].map(propertyForHeader)).toEqual([
      'name',
      'idNumber',
      'birthDate',
      'ethnicity',
      'address',
      'birthDate',
      'idNumber',
      'address',
    ]);
  });

  it('proposes a valid mapping for a roster: detainees keyed by ID number, dates read from 2017年5月28日', () => {
    const columns = ['序号', '姓名', '身份证号', '出生日期', '民族', '住址', '关押场所'];
    const sample = [{ 序号: '1', 姓名: '测试', 身份证号: '650000199001011234', 出生日期: '1990年1月1日', 民族: '维吾尔族', 住址: '测试村', 关押场所: 'F1' }];
    const mapping = MappingDocument.parse(proposeMapping('Roster 2018.csv', columns, sample));
    expect(mapping.namespace).toBe('roster-2018');
    expect(mapping.entities.row!.kind).toBe('Detainee');
    expect(mapping.entities.row!.key).toEqual(['身份证号']);
    expect(mapping.entities.row!.properties.birthDate).toMatchObject({ column: '出生日期', date: ['YYYY年M月D日', 'YYYY年M月'] });
    expect(mapping.unmapped.drop).toEqual(['序号', '关押场所']);
  });
});
