import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommitteeBallots } from '@qf/contracts';
import { committeeBallots, findRepairStarCase, policyInEffect } from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { notFound } from '../common/errors';
import { assertUuid } from './star-access';

/** S-8, E-6: what the committee votes on — the ballots of a case, the month's repair star. */
@Injectable()
export class StarCommitteeService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** each member's current vote by name; members who have not voted count as not voted (there is no abstain) */
  async ballots(user: RequestUser, caseId: string): Promise<CommitteeBallots> {
    assertUuid(caseId, 'case');
    const rows = await committeeBallots(this.ds, caseId);
    if (!rows) throw notFound('case');
    const ballots = rows.map((r) => ({
      userId: r.userId,
      voter: r.voter ?? '—',
      vote: r.vote === 'approve' || r.vote === 'reject' ? (r.vote as 'approve' | 'reject') : null,
      at: r.vote ? r.at : null,
      mine: r.userId === user.id,
    }));
    const count = (v: string | null) => ballots.filter((b) => b.vote === v).length;
    return {
      caseId,
      open: rows.some((r) => r.status === 'open'),
      members: ballots.length,
      approve: count('approve'),
      reject: count('reject'),
      notVoted: count(null),
      myVote: ballots.find((b) => b.mine)?.vote ?? null,
      ballots,
    };
  }

  /** E-6: month, nominee by name, the E-5 score that made them the star, the points */
  async repairStar(caseId: string) {
    assertUuid(caseId, 'case');
    const c = await findRepairStarCase(this.ds, caseId);
    if (!c) throw notFound('repair star');
    const d = c.data ?? {};
    const pointsX10 = d.award?.pointsX10 ?? (await policyInEffect(this.ds)).evaluation.repairStarPointsX10;
    const n = (v: unknown) => (typeof v === 'number' ? v : v == null ? null : Number(v));
    return {
      caseId,
      month: d.month,
      status: c.status,
      outcome: c.outcome,
      nominees: [
        {
          employeeId: d.repairerId,
          name: c.name ?? d.repairerName,
          code: c.code ?? null,
          teamName: c.teamName ?? d.teamName ?? null,
          count: n(d.count),
          average: n(d.average),
          volumeBonus: n(d.volumeBonus),
          total: n(d.total),
          /** E-5: rules, policy version and counted evaluations, as sent (null on cases sent before issue 16) */
          why: d.why ?? null,
        },
      ],
      points: pointsX10 / 10,
      bookMonth: d.award?.bookMonth ?? `${Number(String(d.month).slice(0, 4)) + 1}-01`,
    };
  }
}
