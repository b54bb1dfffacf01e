import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('org_units')
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column() code: string;
  @Column() name: string;
  @Column() kind: 'company' | 'branch' | 'centre' | 'hall' | 'team';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('employees')
export class EmployeeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column() post: string;
  @Column({ name: 'post_bonus_fen', type: 'integer' }) postBonusFen: number;
  @Column({ name: 'hire_date', type: 'date', nullable: true }) hireDate: string | null;
  @Column({ name: 'job_type' }) jobType: string;
  @Column({ name: 'employment_type' }) employmentType: 'staff' | 'temporary' | 'outsourced';
  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true }) supervisorId: string | null;
  @Column({ name: 'vp_id', type: 'uuid', nullable: true }) vpId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() username: string;
  @Column({ name: 'display_name' }) displayName: string;
  @Column({ name: 'password_hash', select: false }) passwordHash: string;
  @Column({ type: 'text', array: true }) roles: string[];
  @Column({ name: 'employee_id', type: 'uuid', nullable: true }) employeeId: string | null;
  @Column() active: boolean;
  @Column({ name: 'token_version', type: 'integer' }) tokenVersion: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() kind: string;
  @Column({ name: 'business_key' }) businessKey: string;
  @Column() title: string;
  @Column() status: string;
  @Column({ type: 'text', nullable: true }) stage: string | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ name: 'waiting_on', type: 'jsonb' }) waitingOn: unknown[];
  @Column({ name: 'waiting_since', type: 'timestamptz', nullable: true }) waitingSince: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'workflow_id' }) workflowId: string;
  @Column({ name: 'policy_version', type: 'integer' }) policyVersion: number;
  @Column({ name: 'flow_version', type: 'integer' }) flowVersion: number;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ name: 'subject_employee_ids', type: 'uuid', array: true }) subjectEmployeeIds: string[];
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'workflow_id' }) workflowId: string;
  @Column() stage: string;
  @Column({ name: 'stage_label' }) stageLabel: string;
  @Column({ type: 'integer' }) round: number;
  @Column({ type: 'integer' }) slot: number;
  @Column({ name: 'assignee_role', type: 'text', nullable: true }) assigneeRole: string | null;
  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true }) assigneeUserId: string | null;
  @Column({ name: 'claimed_by', type: 'uuid', nullable: true }) claimedBy: string | null;
  @Column() status: 'open' | 'done' | 'cancelled';
  @Column({ type: 'text', nullable: true }) decision: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'allowed_actions', type: 'text', array: true }) allowedActions: string[];
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('audit_log')
export class AuditEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text', nullable: true }) actor: string | null;
  @Column() action: string;
  @Column() entity: string;
  @Column({ name: 'entity_id', type: 'text', nullable: true }) entityId: string | null;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ name: 'workflow_id', type: 'text', nullable: true }) workflowId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: unknown;
  @Column({ type: 'jsonb', nullable: true }) after: unknown;
  @Column({ type: 'jsonb', nullable: true }) details: unknown;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
}

@Entity('flow_versions')
export class FlowVersionEntity {
  @PrimaryColumn() kind: string;
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column() status: 'draft' | 'published';
  @Column({ type: 'jsonb' }) body: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}

@Entity('policy_versions')
export class PolicyVersionEntity {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column() status: 'draft' | 'published';
  @Column({ name: 'effective_from', type: 'date', nullable: true }) effectiveFrom: string | null;
  @Column({ type: 'jsonb' }) body: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}

export const ENTITIES = [
  OrgUnitEntity,
  EmployeeEntity,
  UserEntity,
  CaseEntity,
  TaskEntity,
  AuditEntity,
  FlowVersionEntity,
  PolicyVersionEntity,
];
