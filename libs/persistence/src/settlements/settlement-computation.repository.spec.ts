import { ComputedSettlementRow, settlementRowsCopyText } from './settlement-computation.repository';

const row = (over: Partial<ComputedSettlementRow> = {}): ComputedSettlementRow => ({
  employeeId: '00000000-0000-0000-0000-0000000000e1',
  branchId: null,
  pointsX10: 25,
  deductionFen: 7500,
  grade: null,
  flags: { suspension: false, exit: false, training: true },
  sourceCases: [],
  reasons: [],
  bonusesFen: 0,
  starPayFen: 0,
  finesFen: 0,
  why: [],
  ...over,
});

describe('settlement rows as COPY text (issue 18 bulk write)', () => {
  it('H-1 one line per row, tab-separated in column order, \\N for null, uuid[] literal for the source cases', () => {
    const text = [
      ...settlementRowsCopyText('s1', [row(), row({ grade: 'P4', branchId: 'b1', sourceCases: ['c1', 'c2'] })]),
    ].join('');
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0].split('\t')).toEqual([
      's1',
      '00000000-0000-0000-0000-0000000000e1',
      '\\N',
      '25',
      '7500',
      '\\N',
      'false',
      'false',
      'true',
      '{}',
      '[]',
      '0',
      '0',
      '0',
      '[]',
    ]);
    expect(lines[1].split('\t').slice(2, 10)).toEqual(['b1', '25', '7500', 'P4', 'false', 'false', 'true', '{c1,c2}']);
  });

  it('H-1 JSON with quotes, backslashes, tabs and line breaks in its strings survives COPY text escaping', () => {
    const message = 'a "quoted"\tname\\path\nnext 行';
    const [line] = [...settlementRowsCopyText('s1', [row({ reasons: [{ rule: 'H-1', message }] })])]
      .join('')
      .split('\n');
    const field = line.split('\t')[10];
    // COPY text unescaping: \\ → \ (the only escape we emit)
    expect(JSON.parse(field.replace(/\\\\/g, '\\'))).toEqual([{ rule: 'H-1', message }]);
    expect(field).not.toMatch(/[\t\n\r]/);
  });

  it('H-1 rows are streamed in pieces: every row once, in order', () => {
    const rows = Array.from({ length: 4501 }, (_, i) => row({ pointsX10: i }));
    const pieces = [...settlementRowsCopyText('s1', rows)];
    expect(pieces.length).toBeGreaterThan(1);
    const points = pieces
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.split('\t')[3]));
    expect(points).toEqual(rows.map((r) => r.pointsX10));
  });

  it('H-1 a lazy iterable of rows is taken piece by piece (the rules run while the server parses the rows before)', () => {
    let made = 0;
    function* lazy() {
      for (let i = 0; i < 5000; i++) {
        made++;
        yield row({ pointsX10: i });
      }
    }
    const text = settlementRowsCopyText('s1', lazy());
    text.next();
    expect(made).toBeLessThan(5000);
    const rest = [...text];
    expect(made).toBe(5000);
    expect(rest.join('').split('\n').filter(Boolean).length).toBeLessThan(5000);
  });
});
