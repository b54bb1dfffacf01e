import { defineSignal } from '@temporalio/workflow';
import { MeetingChanged } from '../rectifications';

/** E-7: a fault-analysis meeting moved; every open rectification due at it re-arms its timer. */
export const meetingChangedSignal = defineSignal<[MeetingChanged]>('meetingChanged');
