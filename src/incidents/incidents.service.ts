import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workflows/contracts/actor.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { DomainError } from '../common/errors/domain-error.js';
import { decodeCursor, pageOf, type Page } from '../common/http/keyset-cursor.js';
import { TasksService } from '../tasks/tasks.service.js';
import type { IncidentQueryDto } from './dto/incident.dto.js';
import type { Incident } from './incident.entity.js';
import { IncidentRepository, type IncidentFilter } from './incident.repository.js';

const incidentNotFound = () =>
  new DomainError('not-found', 'INCIDENT_NOT_FOUND', { zh: '运行异常记录不存在', en: 'No such incident' });

const incidentNotOpen = (state: string) =>
  new DomainError('conflict', 'INCIDENT_NOT_OPEN', {
    zh: `该运行异常当前为 ${state}，不能再次重试`,
    en: `This incident is ${state}; only an open incident can be retried`,
  });

/** Incidents for operators (and their overseers): listed from PostgreSQL; a retry is the decision on the operator's task. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly tasks: TasksService,
  ) {}

  async list(query: IncidentQueryDto): Promise<Page<Incident>> {
    const filter: IncidentFilter = { state: query.state, caseId: query.caseId, limit: query.limit ?? 20 };
    const cursor = decodeCursor(query.cursor);
    if (cursor) filter.before = { openedAt: new Date(cursor.sortKey), id: cursor.id };
    return pageOf(await this.incidents.page(filter), filter.limit, (row) => row.openedAt);
  }

  async get(id: string): Promise<Incident> {
    return (await this.incidents.findById(id)) ?? Promise.reject(incidentNotFound());
  }

  /** Tries the failed step again, once the operator has fixed the cause; answers when it went through or failed again. */
  async retry(actor: Actor, id: string): Promise<CaseStatus> {
    const incident = await this.get(id);
    if (incident.state !== 'open') throw incidentNotOpen(incident.state);
    return this.tasks.complete(actor, incident.id, { decision: 'retry' });
  }
}
