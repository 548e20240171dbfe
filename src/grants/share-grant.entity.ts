import { defineEntity, p } from '@mikro-orm/postgresql';
import type { Citation } from '../../workflows/contracts/citation.js';

const ShareGrantSchema = defineEntity({
  name: 'ShareGrant',
  tableName: 'share_grant',
  properties: {
    id: p.string().primary(),
    caseId: p.string(),
    resourceId: p.string(),
    items: p.json<string[]>(),
    purpose: p.text(),
    scenario: p.text(),
    manner: p.string(),
    medium: p.string().nullable(),
    users: p.json<string[]>(),
    granteeDepartment: p.string(),
    approverId: p.string(),
    approverName: p.string(),
    pack: p.string(),
    citation: p.json<Citation>(),
    grantedAt: p.datetime(),
    status: p.string(),
  },
});

export class ShareGrant extends ShareGrantSchema.class {}
ShareGrantSchema.setClass(ShareGrant);
