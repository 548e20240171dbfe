import { HolidayYear } from '../calendar/holiday-year.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import { CatalogEntry } from '../catalog/catalog-entry.entity.js';
import { Department } from '../catalog/department.entity.js';
import { ShareGrant } from '../grants/share-grant.entity.js';
import { Breach } from '../supervision/breach.entity.js';
import { Incident } from '../incidents/incident.entity.js';
import { InboxTask } from '../tasks/inbox-task.entity.js';

export const ENTITIES = [HolidayYear, Department, CatalogEntry, CaseRecord, InboxTask, ShareGrant, Breach, Incident];
