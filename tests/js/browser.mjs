// Opens GraphiQL in headless Chromium (the system's /usr/bin/chromium through playwright-core), runs a query and
// checks the result pane: node browser.mjs <url of /graphql> <query> <text expected in the result>
// An empty query checks what the page opened with (a link's query or documentId): prints the query and variables editors.
// Prints one JSON line {"ok":true,...} or {"ok":false,"error":...}; exits 1 when it fails.
import { chromium } from 'playwright-core';

const [url, query, expected] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const requests = [];
try {
  const page = await browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) throw new Error(`GET ${url} answered ${response?.status()}`);
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30000 });
  if (query === '') {
    // What the link opened: the query editor's and the variables editor's text.
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue().trim() !== '', null, { timeout: 30000 });
    const editors = await page.evaluate(() => [...document.querySelectorAll('.CodeMirror')].map((e) => e.CodeMirror.getValue()));
    console.log(JSON.stringify({ ok: true, editors }));
  } else {
    // Replace the editor's text through CodeMirror's own API, then run it with the execute button.
    await page.evaluate((text) => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(text), query);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      (text) => document.querySelector('.graphiql-response')?.textContent?.includes(text),
      expected, { timeout: 30000 });
    const result = await page.evaluate(() => document.querySelector('.graphiql-response').textContent);
    const docs = await page.locator('[aria-label="Show Documentation Explorer"]').count();
    const offsite = requests.filter((r) => !r.startsWith(new URL(url).origin));
    if (offsite.length > 0) throw new Error(`requests left the server: ${offsite.join(', ')}`);
    console.log(JSON.stringify({ ok: true, docsExplorer: docs > 0, requests: requests.length, result: result.slice(0, 500) }));
  }
  process.exitCode = 0;
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error), requests }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
