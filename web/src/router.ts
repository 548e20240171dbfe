import { createRouter, createWebHistory } from 'vue-router';
import { session } from './session';
import { refreshUnread } from './unread';
import CasePage from './pages/CasePage.vue';
import CasesPage from './pages/CasesPage.vue';
import DonePage from './pages/DonePage.vue';
import InboxPage from './pages/InboxPage.vue';
import NewCasePage from './pages/NewCasePage.vue';
import NotFoundPage from './pages/NotFoundPage.vue';
import NotificationsPage from './pages/NotificationsPage.vue';
import OperatorPage from './pages/OperatorPage.vue';
import SignInPage from './pages/SignInPage.vue';
import SupervisionPage from './pages/SupervisionPage.vue';
import TaskPage from './pages/TaskPage.vue';

const REVIEWING_ROLES = ['reviewer', 'principal', 'disclosure-head', 'authority', 'service-unit', 'admin'];

/** Where a person starts: reviewers at their inbox, supervisors at the figures, everyone else at their cases. */
export function homeOf(role: string | undefined): string {
  if (!role) return '/signin';
  if (REVIEWING_ROLES.includes(role)) return '/inbox';
  if (role === 'supervisor') return '/supervision';
  return '/cases';
}

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/', redirect: () => homeOf(session.actor?.role) },
    { path: '/signin', component: SignInPage },
    { path: '/inbox', component: InboxPage },
    { path: '/done', component: DonePage },
    { path: '/tasks/:id', component: TaskPage, props: true },
    { path: '/cases', component: CasesPage },
    { path: '/cases/new', component: NewCasePage },
    { path: '/cases/:id', component: CasePage, props: true },
    { path: '/supervision', component: SupervisionPage },
    { path: '/operations', component: OperatorPage },
    { path: '/notifications', component: NotificationsPage },
    { path: '/:pathMatch(.*)*', component: NotFoundPage },
  ],
});

router.beforeEach((to) => (to.path !== '/signin' && !session.token ? '/signin' : true));
router.afterEach(() => void refreshUnread());
