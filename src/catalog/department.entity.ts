import { defineEntity, p } from '@mikro-orm/postgresql';

const DepartmentSchema = defineEntity({
  name: 'Department',
  tableName: 'department',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    jurisdiction: p.string(),
    kind: p.string(),
  },
});

export class Department extends DepartmentSchema.class {}
DepartmentSchema.setClass(Department);
