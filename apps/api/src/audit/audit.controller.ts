import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { userNameSql } from '../cases/case-views';
import { Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';

/** Append-only audit entries; searchable by admins (per case they show on the case page). */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["at","DESC"]', ...q },
      { at: 'a.at', id: 'a.id', action: 'a.action', actor: 'a.actor' },
    );
    const f = lq.filter;
    const params: unknown[] = [];
    const where = ['TRUE'];
    const add = (sql: string, v: unknown) => {
      if (typeof v === 'string' && v) {
        params.push(v);
        where.push(sql.replace(/\?/g, `$${params.length}`));
      }
    };
    add('a.case_id::text = ?', f.caseId);
    // the actor by login name, 姓名 or 工号
    add(
      `(a.actor = ? OR EXISTS (SELECT 1 FROM users fu LEFT JOIN employees fe ON fe.id = fu.employee_id
      WHERE (fu.id = a.actor_id OR fu.username = a.actor) AND (fe.name = $P OR fe.code = $P OR fu.display_name = $P)))`.replace(
        /\$P/g,
        '?',
      ),
      f.actor,
    );
    add('a.workflow_id = ?', f.workflowId);
    add("a.action LIKE ? || '%'", f.action);
    add('a.at >= ?::timestamptz', f.from);
    add('a.at < ?::timestamptz', f.to);
    const sql = `FROM audit_log a WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT a.id, a.at, a.actor_id AS "actorId", a.actor, ${userNameSql('COALESCE(a.actor_id, (SELECT au.id FROM users au WHERE au.username = a.actor))')} AS "actorName",
              a.action, a.entity, a.entity_id AS "entityId", a.case_id AS "caseId", (SELECT ac.title FROM cases ac WHERE ac.id = a.case_id) AS "caseTitle",
              a.workflow_id AS "workflowId", a.before, a.after, a.details ${sql} ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(res, 'audit', rows, lq.offset, total);
  }
}
