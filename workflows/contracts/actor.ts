/** Who may act in the system (SPEC §3); shared by the API, workflows and activities. */
export const ROLES = [
  'applicant',
  'reviewer',
  'principal',
  /** 政府信息公开工作机构负责人: approves extensions of disclosure replies (条例 Art. 33 ¶1); may sit in any department. */
  'disclosure-head',
  'authority',
  'service-unit',
  'auditor',
  'supervisor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export interface Actor {
  /** Stable user id (the token's `sub`). */
  id: string;
  name: string;
  role: Role;
  department: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
