import { ElMessage } from 'element-plus';
import { onMounted, ref, type Ref } from 'vue';
import { errorOf } from './api-error';

interface PageAnswer<T> {
  data?: { items: T[]; nextCursor: string | null };
  error?: unknown;
}

/**
 * A keyset-paginated list: `load()` fetches the first page, `load(next)` the
 * following one and appends it; a failed call shows the API's message.
 */
export function useKeysetList<T>(fetch: (cursor: string | undefined) => Promise<PageAnswer<T>>): {
  items: Ref<T[]>;
  next: Ref<string | null>;
  load: (cursor?: string | null) => Promise<void>;
} {
  const items = ref<T[]>([]) as Ref<T[]>;
  const next = ref<string | null>(null);
  async function load(cursor?: string | null): Promise<void> {
    const { data, error } = await fetch(cursor ?? undefined);
    if (!data) return void ElMessage.error(errorOf(error).message);
    items.value = cursor ? [...items.value, ...data.items] : data.items;
    next.value = data.nextCursor;
  }
  onMounted(() => load());
  return { items, next, load };
}
