import type { Language } from '../common/errors/localized-text.js';
import type { InboxTask } from './inbox-task.entity.js';

export function presentTask(task: InboxTask, language: Language) {
  return {
    id: task.id,
    caseId: task.caseId,
    procedure: task.procedure,
    pack: task.pack,
    stepId: task.stepId,
    kind: task.kind,
    title: language === 'en' ? task.titleEn : task.titleZh,
    role: task.role,
    department: task.department,
    dueAt: task.dueAt.toISOString(),
    dueDate: task.dueDate,
    dueBasis: task.dueBasis,
    citation: task.citation,
    provisional: task.provisional,
    overdue: task.overdue,
    status: task.status,
    claimedBy: task.claimedBy,
    createdAt: task.createdAt.toISOString(),
  };
}
