import { ref } from 'vue';
import { notificationsUnreadCount } from './api/sdk.gen';
import { session } from './session';

/** The signed-in person's unread notifications, for the header's badge. */
export const unread = ref(0);

export async function refreshUnread(): Promise<void> {
  if (!session.token) return;
  unread.value = (await notificationsUnreadCount()).data?.unread ?? unread.value;
}
