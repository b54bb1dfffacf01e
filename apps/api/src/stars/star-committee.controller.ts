import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { StarCommitteeService } from './star-committee.service';

/** S-8, E-6: the committee's ballots and the repair star under its vote. */
@ApiTags('stars')
@ApiBearerAuth()
@Controller()
export class StarCommitteeController {
  constructor(private readonly committee: StarCommitteeService) {}

  /**
   * S-8, E-6: the committee's ballots on one case (a star application or the month's repair star) — each member's
   * current vote by name (votes are open to the committee and the staff who follow the case; they change until the
   * vote closes). Members who have not voted count as not voted (there is no abstain action).
   */
  @Roles('committee', 'admin', 'hr', 'leadership', 'manager')
  @Get('committee-ballots/:caseId')
  ballots(@CurrentUser() user: RequestUser, @Param('caseId') caseId: string) {
    return this.committee.ballots(user, caseId);
  }

  /** E-6: the repair star under the committee's vote — month, nominee by name, the E-5 score that made them the star, the points. */
  @Roles('committee', 'admin', 'hr', 'leadership', 'manager')
  @Get('repair-stars/:caseId')
  repairStar(@Param('caseId') caseId: string) {
    return this.committee.repairStar(caseId);
  }
}
