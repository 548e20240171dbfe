import { ElMessage } from 'element-plus';
import type { ErrorBodyDto } from './api/types.gen';

/** The API's error body (its localized message, and the fields at fault), whatever a call answered. */
export function errorOf(error: unknown): { message: string; fields: Record<string, string>; status?: number } {
  const body = error as Partial<ErrorBodyDto> | undefined;
  const fields: Record<string, string> = {};
  for (const f of body?.errors ?? []) fields[f.field] = f.message;
  return { message: body?.message ?? String(error), fields, status: body?.statusCode };
}

/** A page's data did not come: true when it does not exist for this user (the not-found page), else the message is shown. */
export function missingOrReported(error: unknown): boolean {
  const problem = errorOf(error);
  if (problem.status === 404) return true;
  ElMessage.error(problem.message);
  return false;
}
