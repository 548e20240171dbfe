import { reactive, watch } from 'vue';
import { client } from './api/client.gen';
import type { ActorDto } from './api/types.gen';

export type Language = 'zh' | 'en';

interface Session {
  token: string | null;
  actor: ActorDto | null;
  language: Language;
}

const STORAGE_KEY = 'approvals-console-session';

function restore(): Session {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    if (saved) return saved;
  } catch {
    // a damaged entry is a signed-out session
  }
  return { token: null, actor: null, language: 'zh' };
}

/** Who is signed in (kept for the browser tab only) and in which language the console speaks. */
export const session = reactive<Session>(restore());
watch(session, (value) => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value)), { deep: true });

client.setConfig({ baseUrl: window.location.origin });
client.interceptors.request.use((request) => {
  if (session.token) request.headers.set('Authorization', `Bearer ${session.token}`);
  request.headers.set('Accept-Language', session.language === 'en' ? 'en' : 'zh-CN');
  return request;
});

export function signIn(token: string, actor: ActorDto): void {
  session.token = token;
  session.actor = actor;
}

export function signOut(): void {
  session.token = null;
  session.actor = null;
}

/** The actor a pasted token names (its claims; the API verifies the signature on every call). */
export function actorOfToken(token: string): ActorDto | null {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      string
    >;
    if (!claims.sub || !claims.role) return null;
    return {
      id: claims.sub,
      name: claims.name ?? claims.sub,
      role: claims.role as ActorDto['role'],
      department: claims.department ?? '',
    };
  } catch {
    return null;
  }
}
