import { defaultPolicy } from '@qf/policy';
// the domain is not a console dependency: its sentences are read from the source here, in the test only
import { allocateStarAwards, examCascade, monthlyStarPay, validateTeamLeadReview } from '../../../../libs/domain/src';
import { en } from '../i18n/areas/process.en';
import { zh } from '../i18n/areas/process.zh';
import { noteText, PATTERNS, personLabel, starText, yuan } from './starText';

/** A polyglot-like translate over one catalogue: `%{name}` interpolation, `_` as the fallback. */
const translator =
  (catalogue: Record<string, unknown>) =>
  (key: string, options: Record<string, unknown> = {}) => {
    const found = key
      .split('.')
      .reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
        catalogue,
      );
    if (typeof found !== 'string') return typeof options._ === 'string' ? options._ : key;
    return found.replace(/%\{(\w+)\}/g, (_, n: string) => String(options[n] ?? ''));
  };
const t = translator(zh);
const zhText = (s: string) => starText(t, 'zh', s);

describe('star sentences in Chinese (issue 11)', () => {
  it('every pattern has its sentence in the zh and en catalogues', () => {
    for (const p of PATTERNS) {
      expect(translator(zh)(`qf.stars_ui.text.${p.key}`)).not.toBe(`qf.stars_ui.text.${p.key}`);
      expect(translator(en)(`qf.stars_ui.text.${p.key}`)).not.toBe(`qf.stars_ui.text.${p.key}`);
    }
  });

  it("renders the domain's own sentences (exam cascade, committee allocation, monthly pay, lead review)", () => {
    const policy = defaultPolicy();
    expect(zhText(examCascade({ 2: 91 }, 2, policy).explanation)).toBe('2 星考试 91 分（合格线 85 分），通过（S-7）');
    expect(zhText(examCascade({ 3: 70, 2: 80, 1: 60 }, 3, policy).explanation)).toBe('逐级考试至 1 星均未通过（S-7）');
    expect(zhText(examCascade({ 3: 70 }, 3, policy).explanation)).toBe('等待 2 星考试（S-7）');
    const out = allocateStarAwards(
      [
        { candidateId: 'a', approved: true, approvals: 5, examScore: 95, label: '王伟' },
        { candidateId: 'b', approved: true, approvals: 4, examScore: 90, label: '李娜' },
      ],
      1,
    );
    expect(zhText(out.explanations.a)).toBe('评委会 5 票赞成，在 1 个名额内授星（S-8）');
    expect(zhText(out.explanations.b)).toBe(
      '评委会通过，但超出 1 个名额：考试成绩 90 分低于最后一位授星者 王伟 的 95 分（S-8）',
    );
    expect(zhText(monthlyStarPay(90, false, policy).message)).toBe('得分 90：星级工资 × 90%（S-10）');
    expect(zhText(monthlyStarPay(100, false, policy).message)).toBe('得分 100 ≥ 95：全额发放星级工资（S-10）');
    expect(zhText(`${monthlyStarPay(100, true, policy).message}：有责投诉一次`)).toBe(
      '一票否决（违规、重大差错或有责投诉）：取消当月星级工资（有责投诉一次）（S-10）',
    );
    expect(zhText(validateTeamLeadReview({ decision: 'reject', reason: '' })[0].message)).toBe(
      '驳回必须填写理由（S-6）',
    );
  });

  it("renders the workflow's sentences (lead rejection, quota, award, committee)", () => {
    expect(zhText('rejected by the team lead: 近三个月质检成绩未达标 (S-6)')).toBe(
      '班组长驳回：近三个月质检成绩未达标（S-6）',
    );
    expect(zhText('the recommendation quota of 4 place(s) for 2 star(s) is used (4) (S-5)')).toBe(
      '2 星推荐名额 4 个已用完（已推荐 4 个）（S-5）',
    );
    expect(zhText('not approved by the committee: 2 of 5 votes cast (S-8)')).toBe(
      '评委会未通过：已投 5 票，赞成 2 票（S-8）',
    );
    expect(
      zhText(
        'awarded 2 star(s), effective 2043-10-20 (S-9); approved with 5 votes and awarded within the quota of 4 (S-8)',
      ),
    ).toBe('已授予 2 星，自 2043-10-20 起生效（S-9）；评委会 5 票赞成，在 4 个名额内授星（S-8）');
    expect(zhText('3 consecutive months below 95 (S-11)')).toBe('连续 3 个月低于 95 分（S-11）');
  });

  it('keeps unknown and English-locale text as it is; a coded note uses its code', () => {
    expect(zhText('2043 年星级评定授予 2 星')).toBe('2043 年星级评定授予 2 星');
    expect(starText(t, 'en', 'awaiting the 1-star exam (S-7)')).toBe('awaiting the 1-star exam (S-7)');
    expect(
      noteText(t, 'zh', { rule: 'S-2', message: "under the tenure, admitted on the team lead's recommendation" }),
    ).toBe('入职热线未满年限，凭班组长推荐为优秀员工申请（S-2）');
    expect(personLabel('王伟', 'H0001')).toBe('王伟（H0001）');
    expect(yuan(50000)).toBe('500.00 元');
  });
});
