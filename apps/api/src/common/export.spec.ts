import { Workbook } from 'exceljs';
import { neutraliseFormula, neutraliseWorkbook } from './export';

describe('exports: formula injection', () => {
  it('text starting with = + - @ tab or CR is neutralised; numbers and plain text are not', () => {
    expect(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+86",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect([-2, 0, '张三', 'a=b', ''].map(neutraliseFormula)).toEqual([-2, 0, '张三', 'a=b', '']);
  });

  it('a workbook written as csv carries no live formula', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['=HYPERLINK("http://evil","x")', '客户甲', -3]);
    const csv = (await neutraliseWorkbook(wb).csv.writeBuffer()).toString();
    expect(csv).toBe(`"'=HYPERLINK(""http://evil"",""x"")",客户甲,-3`);
  });
});
