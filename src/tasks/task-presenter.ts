import type { Role } from '../../workflows/contracts/actor.js';
import type { Procedure, TaskKind } from '../../workflows/contracts/case-status.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import type { Language } from '../common/errors/localized-text.js';
import type { Page } from '../common/http/keyset-cursor.js';
import type { TaskDto, TaskPageDto } from './dto/task-response.dto.js';
import type { Row } from '../database/list-rows.js';
import type { InboxTask } from './inbox-task.entity.js';

/** `daysLeft`: the working days left of open tasks, by task id (TasksService.workingDaysLeft). */
export function presentTask(task: Row<InboxTask>, language: Language, daysLeft: ReadonlyMap<string, number>): TaskDto {
  return {
    id: task.id,
    caseId: task.caseId,
    procedure: task.procedure as Procedure,
    pack: task.pack as PackId,
    stepId: task.stepId,
    kind: task.kind as TaskKind,
    title: language === 'en' ? task.titleEn : task.titleZh,
    role: task.role as Role,
    department: task.department,
    dueAt: task.dueAt.toISOString(),
    dueDate: task.dueDate,
    dueBasis: task.dueBasis as TaskDto['dueBasis'],
    citation: task.citation,
    provisional: task.provisional,
    overdue: task.overdue,
    warnedAt: task.warnedAt?.toISOString() ?? null,
    status: task.status as TaskDto['status'],
    claimedBy: task.claimedBy ?? null,
    createdAt: task.createdAt.toISOString(),
    decisionSchema: task.decisionSchema ?? null,
    urgeCount: task.urgeCount ?? 0,
    lastUrgedAt: task.lastUrgedAt?.toISOString() ?? null,
    readBy: task.readBy ?? null,
    readAt: task.readAt?.toISOString() ?? null,
    workingDaysLeft: daysLeft.get(task.id) ?? null,
  };
}

export function presentTaskPage(
  page: Page<Row<InboxTask>>,
  language: Language,
  daysLeft: ReadonlyMap<string, number>,
): TaskPageDto {
  return { items: page.items.map((task) => presentTask(task, language, daysLeft)), nextCursor: page.nextCursor };
}
