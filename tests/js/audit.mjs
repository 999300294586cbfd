// Runs the graphql-http server audits (GraphQL over HTTP) against a live Kvk: node audit.mjs <url>
// Prints a Markdown table of the results, then one JSON line: {"results":[{id,name,status,reason}]}.
// Exits 1 when a MUST audit fails. The requests are the audit's own, as any GraphQL client sends them.
import { serverAudits } from 'graphql-http';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node audit.mjs <url of /graphql>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  results.push({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? '' });
}

const mark = { ok: '✅ ok', notice: 'ℹ️ notice', warn: '⚠️ warn', error: '❌ error' };
console.log('| id | audit | result | reason |');
console.log('|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.id} | ${r.name} | ${mark[r.status]} | ${r.reason.replaceAll('|', '\\|').replaceAll('\n', ' ')} |`);
}
const count = (status) => results.filter((r) => r.status === status).length;
console.log(`\n${results.length} audits: ${count('ok')} ok, ${count('warn')} warn, ${count('error')} error`);
console.log(JSON.stringify({ results }));
process.exit(count('error') > 0 ? 1 : 0);
