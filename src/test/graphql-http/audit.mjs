// Runs the GraphQL-over-HTTP audit suite of graphql-http (serverAudits) against the URL given as the first
// argument, prints one JSON line per audit, and exits non-zero when any MUST or SHOULD audit fails.
// Used by GraphQLOverHttpAuditIT against the packaged application; by hand: node audit.mjs http://localhost:8080/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint URL>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  results.push({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? null });
}
for (const result of results) {
  console.log(JSON.stringify(result));
}
const level = (name) => name.split(' ')[0];
const failed = results.filter((r) => r.status !== 'ok' && level(r.name) !== 'MAY');
const count = (lvl) => results.filter((r) => level(r.name) === lvl);
for (const lvl of ['MUST', 'SHOULD', 'MAY']) {
  const all = count(lvl);
  console.log(`${lvl}: ${all.filter((r) => r.status === 'ok').length} of ${all.length} pass`);
}
process.exit(failed.length === 0 ? 0 : 1);
