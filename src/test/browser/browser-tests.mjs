// Real-browser tests of Tasklist and the dashboard, with Debian's Chromium driven by
// playwright-core (no browser download). Starts the application jar (embedded H2 in memory,
// demo users and demo requests) unless BASE_URL points to a running one.
//
//   ./mvnw -DskipTests package && npm ci && npm run test:browser
//
// Screenshots of every page land in target/browser/ for review.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { strict as assert } from 'node:assert';

const SHOTS = 'target/browser';
const PORT = process.env.PORT || '18181';
const BASE = process.env.BASE_URL || `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT = 60_000;
mkdirSync(SHOTS, { recursive: true });

let app;
const started = Date.now();
function log(message) {
  console.log(`[browser ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

async function startApp() {
  if (process.env.BASE_URL) {
    return;
  }
  const jar = readdirSync('target').find((name) => /^clearance-extensions-.*\.jar$/.test(name));
  assert.ok(jar, 'no application jar in target/: run ./mvnw -DskipTests package first');
  log(`starting target/${jar} on port ${PORT}`);
  app = spawn('java', ['-jar', `target/${jar}`, `--server.port=${PORT}`,
    '--spring.datasource.url=jdbc:h2:mem:browser-tests;DB_CLOSE_DELAY=-1'],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BASE_URL: BASE } });
  const output = [];
  app.stdout.on('data', (chunk) => output.push(chunk));
  app.stderr.on('data', (chunk) => output.push(chunk));
  app.on('exit', (code) => {
    if (code !== null && code !== 0 && code !== 143) {
      writeFileSync(`${SHOTS}/app.log`, Buffer.concat(output));
    }
  });
  process.on('exit', () => {
    writeFileSync(`${SHOTS}/app.log`, Buffer.concat(output));
    app.kill();
  });
  for (let i = 0; i < 150; i++) {
    try {
      const health = await fetch(`${BASE}/actuator/health`);
      // the demo requests are set up after the server answers; wait for them too
      if (health.ok && (await api('GET', '/api/extension-requests?size=1', 'coordinator')).json.totalItems >= 5) {
        log('application up with its demo requests');
        return;
      }
    } catch (error) {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the application did not start');
}

async function api(method, path, user, body) {
  const response = await fetch(BASE + path, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(`${user}:demo`).toString('base64'),
      'Content-Type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch (error) { /* not JSON */ }
  return { status: response.status, text, json };
}

/** A new request of a sample State with no demo request. */
async function newRequest() {
  for (const code of ['LAO', 'DEU', 'LBN', 'CHL']) {
    const state = await api('GET', `/api/states/CCM/${code}`, 'isu-officer');
    const deadline = new Date(state.json.clearanceDeadline);
    deadline.setFullYear(deadline.getFullYear() + 2);
    const today = new Date().toISOString().slice(0, 10);
    const started = await api('POST', '/api/extension-requests', 'isu-officer', {
      convention: 'CCM', stateCode: code, requestedDeadline: deadline.toISOString().slice(0, 10), submittedOn: today,
      summary: `Browser test: ${code} asks for two more years.`,
    });
    if (started.status === 201) {
      return started.json;
    }
    log(`could not start a request for ${code}: ${started.status} ${started.text}`);
  }
  throw new Error('no State left for a new request');
}

async function taskOf(processInstanceId, taskKey, user) {
  for (let i = 0; i < 60; i++) {
    const tasks = await api('GET', '/api/tasks', user);
    const task = tasks.json.find((t) => t.processInstanceId === processInstanceId && t.taskDefinitionKey === taskKey);
    if (task) {
      return task;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${taskKey} of ${processInstanceId} did not appear for ${user}`);
}

async function tasklistLogin(page, user) {
  await page.goto(`${BASE}/camunda/app/tasklist/default/`);
  await page.locator('input[ng-model="username"]').fill(user);
  await page.locator('input[ng-model="password"]').fill('demo');
  await page.locator('form[name="signinForm"] button[type="submit"]').click();
  await page.locator('.tasks-list, [cam-tasklist-filters], .filters').first().waitFor({ timeout: STEP_TIMEOUT });
}

async function tasklistLogout(page) {
  await page.context().clearCookies();
}

async function dashboardLogin(page, user) {
  await page.goto(`${BASE}/login`);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill('demo');
  await page.locator('form.login button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: STEP_TIMEOUT });
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function run() {
  await startApp();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  try {
    const request = await newRequest();
    log(`new request ${request.businessKey}`);
    const check = await taskOf(request.processInstanceId, 'Task_CheckCompleteness', 'isu-officer');

    // 0. The request page: the ISU officer uploads the State's request (the completeness check needs it)
    const uploader = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    uploader.setDefaultTimeout(STEP_TIMEOUT);
    const uploadPage = await uploader.newPage();
    await dashboardLogin(uploadPage, 'isu-officer');
    await uploadPage.goto(`${BASE}/requests/${request.businessKey}`);
    const upload = uploadPage.locator('form#upload');
    await upload.waitFor();
    await upload.locator('select[name="kind"]').selectOption('request');
    await upload.locator('select[name="language"]').selectOption('fr');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 7), Buffer.from('\n%%EOF\n')]);
    await upload.locator('input[type="file"]').setInputFiles({ name: 'Demande de prolongation.pdf', mimeType: 'application/pdf', buffer: pdf });
    await shot(uploadPage, '00-request-page-upload-form');
    await upload.locator('button[type="submit"]').click();
    const listed = uploadPage.locator('#documents tr[data-document]').filter({ hasText: 'Demande de prolongation.pdf' });
    await listed.waitFor();
    assert.ok(await uploadPage.locator('#history tr.upload').filter({ hasText: 'Demande de prolongation.pdf' }).count() > 0,
      'the upload is in the audit trail');
    const sha = (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex');
    assert.ok((await listed.locator('code.checksum').textContent()).includes(sha), 'checksum shown');
    await shot(uploadPage, '00-request-page-uploaded');
    await uploader.close();
    log('request document uploaded on the request page');

    // 1. Tasklist: the ISU officer claims the completeness check, fills its Camunda Form, completes it
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(STEP_TIMEOUT);
    const page = await context.newPage();
    await tasklistLogin(page, 'isu-officer');
    await shot(page, '01-tasklist-isu-officer');
    // open the task the way a link from a reminder mail does, inside the signed-in app
    await page.evaluate((id) => { window.location.hash = `#/?task=${id}`; }, check.id);
    await page.locator('.task-details, [cam-tasklist-task]').first().waitFor();
    await page.getByText('Claim', { exact: true }).first().click();
    const form = page.locator('.fjs-container');
    await form.waitFor();
    await form.getByLabel(/complete/i).first().check();
    await form.locator('textarea').first().fill('Items (a) to (f) present; checked in the browser test.');
    await shot(page, '02-tasklist-check-completeness-form');
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.waitForFunction(async ([base, id]) => {
      const response = await fetch(`${base}/camunda/api/engine/engine/default/task/${id}`);
      return response.status === 404;
    }, [BASE, check.id], { polling: 500, timeout: STEP_TIMEOUT });
    log('Task_CheckCompleteness completed in Tasklist');

    // 2. Tasklist: the Analysis Group sees the preliminary review in "My group's tasks"
    await tasklistLogout(page);
    const review = await taskOf(request.processInstanceId, 'Task_PreliminaryReview', 'ag-member');
    await tasklistLogin(page, 'ag-member');
    await page.getByText("My group's tasks", { exact: false }).first().click();
    const item = page.locator(`.tasks-list li a[href*="${review.id}"], .tasks-list li:has-text("${request.businessKey}")`).first();
    await page.locator('.tasks-list li').filter({ hasText: 'Preliminary review' }).first().waitFor();
    await shot(page, '03-tasklist-ag-member-group-tasks');
    log(`Task_PreliminaryReview listed in "My group's tasks" (${await page.locator('.tasks-list li').count()} tasks)`);
    void item;

    // 3. The dashboard, as a coordinator
    await context.clearCookies();
    await dashboardLogin(page, 'coordinator');
    const row = page.locator(`tr[data-key="${request.businessKey}"]`);
    await row.waitFor();
    assert.equal(await row.locator('[data-stage="Task_PreliminaryReview"]').count(), 1, 'new stage on the list');
    await shot(page, '04-dashboard-requests');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[href^="/requests.csv"]').click(),
    ]);
    const csvPath = `${SHOTS}/extension-requests.csv`;
    await download.saveAs(csvPath);
    const csv = (await import('node:fs')).readFileSync(csvPath, 'utf8');
    assert.ok(csv.startsWith('businessKey,'), 'CSV header');
    assert.ok(csv.includes(request.businessKey), 'CSV has the new request');
    log('CSV downloaded');

    await row.locator(`a[href="/requests/${request.businessKey}"]`).click();
    await page.locator('#diagram[data-rendered="true"]').waitFor();
    const diagramShapes = await page.locator('#diagram svg .djs-element').count();
    assert.ok(diagramShapes > 20, `diagram rendered (${diagramShapes} elements)`);
    assert.ok(await page.locator('#diagram .djs-element.completed').count() > 0, 'passed elements marked');
    assert.equal(await page.locator('#diagram .djs-element.current[data-element-id="Task_PreliminaryReview"]').count(), 1,
      'current element marked');
    assert.ok(await page.locator('#timeline rect').count() > 5, 'timeline drawn');
    assert.ok(await page.locator('#history').getByText('checked in the browser test').count() > 0, 'audit trail');
    await shot(page, '05-dashboard-request');
    log('request page: diagram, timeline and audit trail rendered');

    for (const [path, name] of [['/work-plan', '06-work-plan'], ['/states', '07-states'], ['/meetings', '08-meetings'],
      ['/calendar', '09-calendar'], ['/?lang=fr', '10-requests-fr'], ['/requests/NOPE-XXX-1MSP', '11-not-found']]) {
      await page.goto(BASE + path);
      await shot(page, name);
    }
    assert.ok(await page.getByText('Introuvable').count() > 0 || await page.getByText('Not found').count() > 0);
    await page.goto(`${BASE}/?lang=en`);

    // 4. A phone
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.addCookies(await context.cookies());
    const small = await phone.newPage();
    await small.goto(`${BASE}/`);
    await small.locator(`tr[data-key="${request.businessKey}"]`).waitFor();
    await shot(small, '12-phone-requests');
    await small.goto(`${BASE}/requests/${request.businessKey}`);
    await small.locator('#diagram[data-rendered="true"]').waitFor();
    await shot(small, '13-phone-request');
    log('phone layout captured');
  } catch (error) {
    for (const [i, open] of browser.contexts().flatMap((c) => c.pages()).entries()) {
      await open.screenshot({ path: `${SHOTS}/failure-${i}.png`, fullPage: true }).catch(() => {});
      log(`failure screenshot ${SHOTS}/failure-${i}.png of ${open.url()}`);
    }
    throw error;
  } finally {
    await browser.close();
  }
}

run().then(() => {
  log('all browser tests passed');
  process.exit(0);
}, (error) => {
  console.error(error);
  process.exit(1);
});
