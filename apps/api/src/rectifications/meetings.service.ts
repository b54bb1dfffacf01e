import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { MeetingSchema } from '@qf/contracts';
import { meetingChangedSignal } from '@qf/contracts/messages';
import {
  appendAudit,
  findMeeting,
  insertMeeting,
  listMeetings,
  openRectificationWorkflows,
  updateMeeting,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { notFound } from '../common/errors';
import { TemporalService } from '../temporal/temporal.module';

type MeetingInput = z.infer<typeof MeetingSchema>;

/** Fault-analysis meetings (E-7): moving one signals every open rectification tied to it (its timer is re-armed). */
@Injectable()
export class MeetingsService {
  private readonly log = new Logger('meetings');
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  /** Signals the open rectifications due at the meeting (null: those without one); returns how many. */
  private async signalOpen(dueAt: string | null, meeting: { id: string; scheduledAt: string }): Promise<number> {
    const workflows = await openRectificationWorkflows(this.ds, dueAt);
    const client = await this.temporal.client();
    for (const id of workflows) {
      await client.workflow
        .getHandle(id)
        .signal(meetingChangedSignal, { meetingId: meeting.id, scheduledAt: meeting.scheduledAt })
        .catch((e) => this.log.warn(`signal to ${id} failed: ${(e as Error).message}`));
    }
    return workflows.length;
  }

  list(orderBy: string, limit: number, offset: number) {
    return listMeetings(this.ds, { orderBy, limit, offset });
  }

  async get(id: string) {
    const m = /^[0-9a-f-]{36}$/i.test(id) ? await findMeeting(this.ds, id) : undefined;
    if (!m) throw notFound('meeting');
    return m;
  }

  async create(user: RequestUser, body: MeetingInput) {
    const id = await insertMeeting(this.ds, body);
    const at = new Date(body.scheduledAt).toISOString();
    // open items without a meeting take the first one scheduled (the workflow decides)
    await this.signalOpen(null, { id, scheduledAt: at });
    await appendAudit(this.ds, {
      actor: { id: user.id, name: user.username },
      action: 'meeting.created',
      entity: 'meeting',
      entityId: id,
      after: body,
    });
    // the saved meeting as GET shows it (the console caches this as the record: its open count included)
    return this.get(id);
  }

  async move(user: RequestUser, id: string, body: MeetingInput) {
    const before = await this.get(id);
    const at = new Date(body.scheduledAt).toISOString();
    await updateMeeting(this.ds, { id, title: body.title, scheduledAt: at });
    const moved = await this.signalOpen(id, { id, scheduledAt: at });
    await appendAudit(this.ds, {
      actor: { id: user.id, name: user.username },
      action: 'meeting.moved',
      entity: 'meeting',
      entityId: id,
      before,
      after: body,
      details: { openRectifications: moved },
    });
    return { ...(await this.get(id)), movedOpenRectifications: moved };
  }
}
