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

  it("maps the gender words a roster writes (男/女, M/F) to the model's values, and reads 1990/1/1 and 1990.01.01 as dates", () => {
    const columns = ['姓名', '性别', '出生日期', 'Sex', 'DOB'];
    const sample = [
      { 姓名: '测试甲', 性别: '男', 出生日期: '1990/1/1', Sex: 'M', DOB: '1990.01.01' },
      { 姓名: '测试乙', 性别: '女', 出生日期: '1992/12/31', Sex: 'f', DOB: '1992.12.31' },
    ];
    const mapping = MappingDocument.parse(proposeMapping('roster.xlsx', columns, sample));
    expect(mapping.entities.row!.properties.gender).toMatchObject({ column: '性别', map: { 男: 'male', 女: 'female' } });
    expect(mapping.entities.row!.properties.birthDate).toMatchObject({ column: '出生日期', date: ['YYYY/M/D'] });
    // One column per property: the second gender and birth-date columns are left to the analyst.
    expect(mapping.unmapped.drop).toEqual(['Sex', 'DOB']);
  });

  it("proposes only properties the row's kind holds: a post's title is dropped, not put on the person", () => {
    const mapping = MappingDocument.parse(
      proposeMapping('officials.csv', ['Name', 'Position', 'Gender'], [{ Name: 'Test Official', Position: 'Secretary', Gender: 'Male' }]),
    );
    expect(mapping.entities.row!.kind).toBe('Official');
    expect(Object.keys(mapping.entities.row!.properties)).toEqual(['name', 'gender']);
    expect(mapping.unmapped.drop).toEqual(['Position']);
  });
});
