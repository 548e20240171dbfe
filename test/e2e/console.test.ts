/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The callbacks passed to page.$eval and waitForFunction run in the browser.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CONSOLE_DIR } from '../../src/console/serve-console.js';
import type { Repositories } from '../../src/database/repositories.js';
import { complete, HUARONG_SHARE, requestShare } from '../support/case-helpers.js';
import { RefusingGrants } from '../support/refusing-grants.js';
import { ShiftedClock, ShortCalendar } from '../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** Debian's chromium (apt-get install chromium fonts-noto-cjk); CHROMIUM_PATH overrides. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('test-results', 'console');
const HOUR = 3_600_000;

describe('the web console in a real browser', () => {
  let system: TestSystem;
  let browser: Browser;
  let base: string;
  let grants: RefusingGrants;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk`);
    if (!existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error('the console is not built: npm run build');
    mkdirSync(SCREENSHOTS, { recursive: true });
    const overrides: Partial<Repositories> = {};
    system = await startTestSystem({
      clock: new ShiftedClock('2023-06-01T10:00:00+08:00'),
      calendar: new ShortCalendar(HOUR),
      env: { DEV_LOGIN_ENABLED: 'true' },
      repositoryOverrides: overrides,
      withoutWorker: true,
    });
    // Grants are written normally; one test makes them fail for good, to give the operator an incident to retry.
    grants = new RefusingGrants(system.orm);
    grants.refusing = false;
    overrides.grants = grants;
    await system.startWorker();
    const { port } = system.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${port}/console`;
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  /** A fresh page (its own session) signed in as a demo user through the console's picker. */
  async function signedIn(userId: string, width = 1280): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width, height: 900 });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${userId}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${userId}: ${String(error)}`));
    await page.goto(`${base}/signin`, { waitUntil: 'networkidle0' });
    const users = (await system.http.get('/dev/users').expect(200)).body.items as Array<{ id: string; name: string }>;
    await chooseOption(page, '[data-test="demo-user"]', users.find((u) => u.id === userId)!.name);
    await page.click('[data-test="sign-in"]');
    await page.waitForSelector('[data-test="who"]');
    return page;
  }

  /** Visible form controls a screen reader could not name (no label, aria-label or text): what keyboard users meet. */
  function unlabelledControls(page: Page): Promise<string[]> {
    return page.$$eval('input:not([type=hidden]), textarea, select, button', (controls) =>
      controls
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .filter((c) => {
          const id = c.getAttribute('id');
          const labelled =
            c.getAttribute('aria-label') ||
            c.getAttribute('aria-labelledby') ||
            (id && document.querySelector(`label[for="${id}"]`)) ||
            c.closest('label') ||
            (c.tagName === 'BUTTON' && (c.textContent ?? '').trim());
          return !labelled;
        })
        .map((c) => c.outerHTML.slice(0, 120)),
    );
  }

  /** Opens an Element Plus select and clicks the first option whose text contains `label`. */
  async function chooseOption(page: Page, select: string, label: string): Promise<void> {
    await page.click(select);
    await page.waitForSelector('.el-select-dropdown__item');
    const clicked = await page.$$eval(
      '.el-select-dropdown__item',
      (items, wanted) => {
        const item = items.find((i) => (i.textContent ?? '').includes(wanted) && (i as HTMLElement).offsetParent);
        (item as HTMLElement | undefined)?.click();
        return !!item;
      },
      label,
    );
    if (!clicked) throw new Error(`no option ${label} in ${select}`);
    // The closing dropdown lies over what is below the select until its transition ends.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'),
    );
  }

  /** Presses Tab until the focus is on `selector` (as a keyboard user reaches a control), or fails. */
  async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`${selector} is not reached with Tab`);
  }

  /** Sets an input's value as typing would (a native date input takes its value, not keystrokes, in every locale). */
  const setInput = (page: Page, selector: string, value: string) =>
    page.$eval(
      selector,
      (input, v) => {
        (input as HTMLInputElement).value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      value,
    );

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const text = (page: Page, selector: string) =>
    page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

  it('an applicant asks for data, the reviewer approves it from 待办, the applicant sees 已同意共享, the auditor the timeline', async () => {
    const applicant = await signedIn('jm-hrss-li');
    await shot(applicant, '01-my-cases');
    await applicant.click('[data-test="nav-new"]');
    await applicant.waitForSelector('[data-test="share-form"]');

    // The server's validation message appears on its field.
    await applicant.click('[data-test="submit-share"]');
    await applicant.waitForSelector('.el-form-item__error');
    expect(await text(applicant, '.el-form-item.is-error')).toContain('数据资源');
    await shot(applicant, '02-validation-error');

    await chooseOption(applicant, '[data-test="resource"]', 'jm-market');
    await applicant.waitForSelector('[data-test="item-uscc"]');
    await applicant.click('[data-test="item-uscc"]');
    await applicant.type('#purpose', '社会保险登记核验');
    await applicant.type('#scenario', '新参保单位登记时核验单位登记信息');
    await shot(applicant, '03-new-share-request');
    expect(await unlabelledControls(applicant)).toEqual([]);
    await Promise.all([
      applicant.waitForSelector('[data-test="case-state"]'),
      applicant.click('[data-test="submit-share"]'),
    ]);
    expect(await text(applicant, '[data-test="case-state"]')).toBe('审核中');
    const caseId = applicant.url().split('/cases/')[1];
    const dueDate = await text(applicant, '[data-test="step-due"]');
    expect(await text(applicant, '[data-test="step-citation"]')).toBe('第二十一条第一款');
    await shot(applicant, '04-case-under-review');

    const reviewer = await signedIn('jm-market-wang');
    await reviewer.waitForSelector(`[data-test="inbox"] a[href*="${caseId}"]`);
    const row = await reviewer.$eval(
      `[data-test="inbox"] a[href*="${caseId}"]`,
      (a) => (a.closest('tr') as HTMLElement).innerText,
    );
    expect(row).toContain(dueDate);
    expect(row).toContain('第二十一条第一款');
    const listed = (await system.http.get('/tasks').set(system.as('jm-market-wang')).expect(200)).body.items.find(
      (t: { caseId: string }) => t.caseId === caseId,
    );
    expect(listed.workingDaysLeft).toBeGreaterThanOrEqual(1);
    const daysLeft = await reviewer.$eval(
      `[data-test="inbox"] a[href*="${caseId}"]`,
      (a) => (a.closest('tr') as HTMLElement).querySelector('[data-test="days-left"]')?.textContent,
    );
    expect(daysLeft).toBe(String(listed.workingDaysLeft));
    await shot(reviewer, '05-inbox');
    // The regulation filter: another pack's tasks only hides the case; its own brings it back.
    const inInbox = `[data-test="inbox"] a[href*="${caseId}"]`;
    await chooseOption(reviewer, '#filter-pack', '重庆市');
    await reviewer.waitForFunction((s) => !document.querySelector(s), {}, inInbox);
    await chooseOption(reviewer, '#filter-pack', '江门市（2019）');
    await reviewer.waitForSelector(inInbox);
    await reviewer.click(inInbox);
    await reviewer.waitForSelector('[data-test="decision-form"]');
    expect(await text(reviewer, '[data-test="task-citation"]')).toBe('第二十一条第一款');
    expect(await reviewer.$eval('[data-test="task-case"]', (a) => a.getAttribute('href'))).toContain(caseId);
    await shot(reviewer, '06-task');
    expect(await unlabelledControls(reviewer)).toEqual([]);
    await reviewer.click('[data-test="decision-approve"]');
    await Promise.all([
      reviewer.waitForFunction(() => location.pathname.includes('/cases/')),
      reviewer.click('[data-test="submit-decision"]'),
    ]);

    await applicant.goto(`${base}/cases/${caseId}`, { waitUntil: 'networkidle0' });
    expect(await text(applicant, '[data-test="case-state"]')).toBe('已同意共享');
    await shot(applicant, '07-case-granted');

    const auditor = await signedIn('auditor');
    await auditor.goto(`${base}/cases/${caseId}`, { waitUntil: 'networkidle0' });
    await auditor.waitForSelector('[data-test="timeline"]');
    const timeline = await text(auditor, '[data-test="timeline"]');
    expect(timeline).toContain('case-received');
    expect(timeline).toContain('update:decide');
    expect(timeline).toContain('case-closed');
    await shot(auditor, '08-auditor-timeline');

    // Someone else's case is a "not found" page, and the phone-width layout still reads.
    const stranger = await signedIn('cq-health-liu', 390);
    await stranger.goto(`${base}/cases/${caseId}`, { waitUntil: 'networkidle0' });
    await stranger.waitForSelector('[data-test="not-found"]');
    await shot(stranger, '09-not-found-phone');
    await stranger.goto(`${base}/tasks/no-such-task`, { waitUntil: 'networkidle0' });
    await stranger.waitForSelector('[data-test="not-found"]');

    // The English toggle.
    await applicant.click('[data-test="language"]');
    await applicant.goto(`${base}/cases/${caseId}`, { waitUntil: 'networkidle0' });
    expect(await text(applicant, '[data-test="case-state"]')).toBe('Granted');
    await shot(applicant, '10-english');

    // The browser logs the answers the test provoked (the form's 400, the stranger's 404s); nothing else went wrong.
    const provoked = /Failed to load resource: the server responded with a status of (400|404)/;
    expect(consoleErrors.filter((e) => !provoked.test(e))).toEqual([]);
  }, 180_000);

  it('a P2 error report from the form; the reviewer asks for an extension on the task page, the principal approves it from 待办', async () => {
    const citizen = await signedIn('citizen-zhang');
    await citizen.click('[data-test="nav-new"]');
    await citizen.click('[data-test="kind-correction"]');
    await chooseOption(citizen, '[data-test="resource"]', '户籍迁移信息');
    await citizen.waitForSelector('[data-test="item-moved-to"]');
    await citizen.click('[data-test="item-moved-to"]');
    await citizen.type('#description', '迁入地登记为渝中区，实际为江北区');
    await Promise.all([
      citizen.waitForSelector('[data-test="case-state"]'),
      citizen.click('[data-test="submit-share"]'),
    ]);
    await shot(citizen, '11-error-report');
    const caseId = citizen.url().split('/cases/')[1];
    const reported = (await system.http.get(`/cases/${caseId}`).set(system.as('citizen-zhang')).expect(200)).body;
    expect(reported).toMatchObject({ procedure: 'correction', pack: 'chongqing-2019' });
    const taskId = reported.steps[0].taskId as string;
    const firstDueAt = Date.parse(reported.steps[0].due.dueAt);

    const reviewer = await signedIn('cq-psb-sun');
    await reviewer.goto(`${base}/tasks/${taskId}`, { waitUntil: 'networkidle0' });
    await reviewer.waitForSelector('[data-test="extension-form"]');
    await reviewer.click('[data-test="ask-extension"]');
    await reviewer.waitForSelector('[data-test="extension-form"] .el-form-item__error');
    expect(await text(reviewer, '[data-test="extension-form"] .el-form-item__error')).toContain('reason');
    await shot(reviewer, '12-extension-validation');
    await reviewer.type('#extension-reason', '需调取户籍档案');
    await reviewer.click('[data-test="ask-extension"]');
    await reviewer.waitForSelector('[data-test="extension-state"]');
    expect(await text(reviewer, '[data-test="extension-state"]')).toContain('requested');

    const principal = await signedIn('cq-psb-head');
    const approval = `[data-test="inbox"] a[href*="${caseId}"]`;
    await principal.waitForSelector(approval);
    await shot(principal, '13-principal-inbox');
    await principal.click(approval);
    await principal.waitForSelector('[data-test="decision-form"]');
    await principal.click('[data-test="decision-approve"]');
    await Promise.all([
      principal.waitForFunction(() => location.pathname.includes('/cases/')),
      principal.click('[data-test="submit-decision"]'),
    ]);

    await citizen.goto(`${base}/cases/${caseId}`, { waitUntil: 'networkidle0' });
    expect(await text(citizen, '[data-test="step-extension"]')).toContain('approved');
    const status = (await system.http.get(`/cases/${caseId}`).set(system.as('citizen-zhang')).expect(200)).body;
    expect(Date.parse(status.steps[0].due.dueAt)).toBeGreaterThan(firstDueAt);
    expect(await text(citizen, '[data-test="step-due"]')).toBe(status.steps[0].due.dueDate);
    await shot(citizen, '14-extended-due-date');

    // Another procedure's form: an objection to an open-catalog listing; the missing reason is shown on its field.
    await citizen.click('[data-test="nav-new"]');
    await citizen.click('[data-test="kind-objection"]');
    await chooseOption(citizen, '[data-test="resource"]', '户籍迁移信息');
    await chooseOption(citizen, '#open-type', '有条件');
    await citizen.click('[data-test="submit-share"]');
    await citizen.waitForSelector('.el-form-item.is-error #reason');
    expect(await unlabelledControls(citizen)).toEqual([]);
    await citizen.type('#reason', '迁移统计数据不涉及个人隐私');
    await Promise.all([
      citizen.waitForSelector('[data-test="case-state"]'),
      citizen.click('[data-test="submit-share"]'),
    ]);
    const objectionId = citizen.url().split('/cases/')[1];
    const objection = (await system.http.get(`/cases/${objectionId}`).set(system.as('citizen-zhang')).expect(200)).body;
    expect(objection).toMatchObject({ procedure: 'open-catalog-objection', pack: 'chongqing-2019' });
    await shot(citizen, '14b-objection');
  }, 150_000);

  it('a department files a catalog update (P3) with its field errors; the auditor finds it by keyboard alone', async () => {
    const reviewer = await signedIn('cq-psb-sun');
    await reviewer.click('[data-test="nav-new"]');
    await reviewer.waitForSelector('[data-test="trigger-date"]');
    const entries = (
      await system.http.get('/catalog').query({ department: 'cq-public-security' }).set(system.as('cq-psb-sun'))
    ).body as Array<{ id: string; title: string }>;
    await chooseOption(
      reviewer,
      '[data-test="resource"]',
      entries.find((e) => e.id === 'cq-psb-migration-stats')!.title,
    );
    // Without the trigger's day and description, the server's messages appear on those fields.
    await reviewer.click('[data-test="submit-share"]');
    await reviewer.waitForSelector('.el-form-item.is-error #trigger-date');
    await reviewer.waitForSelector('.el-form-item.is-error #trigger-description');
    expect(await unlabelledControls(reviewer)).toEqual([]);
    await shot(reviewer, '19-catalog-update-errors');
    await setInput(reviewer, '#trigger-date', '2023-05-29');
    await reviewer.type('#trigger-description', '《重庆市户籍管理条例》修订，迁移统计口径调整');
    await reviewer.type('#change-updateFrequency', '每周');
    await Promise.all([
      reviewer.waitForSelector('[data-test="case-state"]'),
      reviewer.click('[data-test="submit-share"]'),
    ]);
    const caseId = reviewer.url().split('/cases/')[1];
    const filed = (await system.http.get(`/cases/${caseId}`).set(system.as('cq-psb-sun')).expect(200)).body;
    expect(filed).toMatchObject({
      procedure: 'catalog-update',
      pack: 'chongqing-2019',
      applicant: { id: 'cq-psb-sun' },
    });
    await shot(reviewer, '20-catalog-update-filed');

    // The auditor searches by applicant, department and day of receipt, and opens the case, with the keyboard only.
    const auditor = await signedIn('auditor');
    await auditor.click('[data-test="nav-cases"]');
    await auditor.waitForSelector('[data-test="search-applicant"]');
    const day = new Date(Date.parse(filed.receivedAt) + 8 * HOUR).toISOString().slice(0, 10);
    await auditor.focus('body');
    await tabTo(auditor, '#cases-applicant');
    await auditor.keyboard.type('cq-psb-sun');
    await tabTo(auditor, '#cases-department', 3);
    await auditor.keyboard.type('cq-public-security');
    await tabTo(auditor, '#cases-receivedFrom', 3);
    await setInput(auditor, '#cases-receivedFrom', day);
    await auditor.keyboard.press('Enter');
    const link = `[data-test="case-${caseId}"]`;
    await auditor.waitForSelector(link);
    const all = (
      await system.http
        .get('/cases')
        .query({ applicant: 'cq-psb-sun', department: 'cq-public-security', receivedFrom: day, limit: 20 })
        .set(system.as('auditor'))
        .expect(200)
    ).body.items;
    // The table shows exactly the filtered cases once the search has answered: the unfiltered list the page opened
    // with already holds the new case's row, so that row alone does not say the search is done.
    const rows = '[data-test="cases"] .el-table__row';
    await auditor
      .waitForFunction((selector, n) => document.querySelectorAll(selector).length === n, {}, rows, all.length)
      .catch(() => undefined);
    expect(await auditor.$$eval(rows, (found) => found.length)).toBe(all.length);
    await shot(auditor, '21-auditor-search');
    await tabTo(auditor, link);
    await Promise.all([auditor.waitForSelector('[data-test="case-state"]'), auditor.keyboard.press('Enter')]);
    expect(auditor.url()).toContain(`/cases/${caseId}`);
  }, 120_000);

  it('the operator retries an incident from the console once its cause is fixed, and the case goes on', async () => {
    grants.refusing = true;
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    const { caseId } = started.body;
    const decided = await complete(system, 'hr-land-ma', started.body.steps[0].taskId, { decision: 'approve' });
    expect(decided.body).toMatchObject({ caseId, state: 'incident' });
    const incidentId = decided.body.incidents[0].incidentId as string;
    const admin = await signedIn('admin');
    await admin.click('[data-test="nav-operations"]');
    const retry = `[data-test="retry-${incidentId}"]`;
    await admin.waitForSelector(retry);
    expect(await text(admin, '[data-test="incidents"]')).toContain('recordGrant');
    await shot(admin, '22-incident');
    grants.refusing = false;
    await admin.click(retry);
    await admin.waitForFunction((s) => !document.querySelector(s), {}, retry);
    const status = (await system.http.get(`/cases/${caseId}`).set(system.as('hr-civil-xu')).expect(200)).body;
    expect(status.incidents.map((i: { state: string }) => i.state)).toEqual(['resolved']);
    expect(await system.client.workflow.getHandle(caseId).result()).toMatchObject({ state: 'granted' });
  }, 90_000);

  it('reads on a phone-width screen: no page is wider than the screen', async () => {
    const width = 390;
    const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
    const pages: Array<[string, string, string]> = [
      ['jm-market-wang', '/inbox', '[data-test="inbox"]'],
      ['jm-market-wang', '/done', '[data-test="done"]'],
      ['jm-hrss-li', '/cases', '[data-test="cases"]'],
      ['jm-hrss-li', '/cases/new', '[data-test="share-form"]'],
      ['auditor', '/cases', '[data-test="search-applicant"]'],
      ['supervisor', '/supervision', '[data-test="supervision"]'],
      ['admin', '/operations', '[data-test="calendar-years"]'],
    ];
    for (const [user, route, ready] of pages) {
      const page = await signedIn(user, width);
      await page.goto(`${base}${route}`, { waitUntil: 'networkidle0' });
      await page.waitForSelector(ready);
      await shot(page, `phone-${user}-${route.replace(/\//g, '-').slice(1)}`);
      expect({ route, width: await overflow(page) }).toEqual({ route, width });
    }
  }, 120_000);

  it('the reviewer’s notifications and 已办, the operator’s calendar and incidents, the supervisor’s figures with their chart', async () => {
    const reviewer = await signedIn('jm-market-wang');
    await reviewer.click('[data-test="nav-notifications"]');
    await reviewer.waitForSelector('[data-test="notifications"] .el-table__row');
    expect(await text(reviewer, '[data-test="notifications"]')).toContain('新的待办任务');
    await shot(reviewer, '15-notifications');
    await reviewer.click('[data-test="read-all"]');
    await reviewer.waitForFunction(
      () => !document.querySelector('[data-test="nav-notifications"] .el-badge__content:not([style*="display: none"])'),
    );
    await reviewer.click('[data-test="nav-done"]');
    await reviewer.waitForSelector('[data-test="done"] .el-table__row');
    await shot(reviewer, '16-done');
    const admin = await signedIn('admin');
    await admin.click('[data-test="nav-operations"]');
    await admin.waitForSelector('[data-test="calendar-years"] .el-table__row');
    expect(await text(admin, '[data-test="calendar-years"]')).toMatch(/20\d\d/);
    expect(await unlabelledControls(admin)).toEqual([]);
    // Loading a notice: a day of a kind the schedule does not know is refused on its field, then the year loads.
    await admin.type('#year-title', '国务院办公厅关于2032年部分节假日安排的通知（测试）');
    await admin.type('#year-url', 'https://www.gov.cn/test-2032');
    await admin.type('#year-published', '2031-11-10');
    await admin.type('#year-days', '2032-01-01 holiday 元旦');
    await admin.$eval('#year-year', (input) => ((input as HTMLInputElement).value = ''));
    await admin.type('#year-year', '2032');
    await admin.click('[data-test="submit-year"]');
    await admin.waitForSelector('[data-test="year-errors"]');
    expect(await text(admin, '[data-test="year-errors"]')).toContain('days[0].kind');
    await admin.$eval('#year-days', (area) => ((area as HTMLTextAreaElement).value = ''));
    await admin.type('#year-days', '2032-01-01 off 元旦');
    await admin.click('[data-test="submit-year"]');
    await admin.waitForSelector('[data-test="year-loaded"]');
    expect(await text(admin, '[data-test="year-loaded"]')).toContain('calendar-recompute-2032');
    await admin.waitForSelector('[data-test="recomputed-2032"]');
    await admin.click('[data-test="recomputed-2032"]');
    await admin.waitForSelector('[data-test="recomputed-steps"]');
    await shot(admin, '17-operations');
    const supervisor = await signedIn('supervisor');
    await supervisor.waitForSelector('[data-test="supervision-chart"] svg');
    expect(await text(supervisor, '[data-test="supervision"]')).toContain('jm-market');
    await shot(supervisor, '18-supervision');
    expect(await unlabelledControls(supervisor)).toEqual([]);
    const provoked = /Failed to load resource: the server responded with a status of (400|404)/;
    expect(consoleErrors.filter((e) => !provoked.test(e))).toEqual([]);
  }, 90_000);
});
