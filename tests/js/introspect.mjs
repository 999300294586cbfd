// Reads the served schema the way current tooling does: graphql-js 16's introspection query with every option on,
// built into a client schema, and compared with the SDL the server publishes.
// Usage: node introspect.mjs <graphql-url>. Prints one JSON line.
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';

const url = process.argv[2];
const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query }),
});
const result = await response.json();
if (result.errors) {
  console.log(JSON.stringify({ errors: result.errors.map((e) => e.message) }));
  process.exit(0);
}
const schema = buildClientSchema(result.data);
const sdl = await (await fetch(`${url}?sdl`)).text();
const published = buildSchema(sdl);
const dateTime = schema.getType('DateTime');
console.log(JSON.stringify({
  errors: [],
  description: schema.description ?? null,
  dateTimeSpecifiedBy: dateTime?.specifiedByURL ?? null,
  directives: schema.getDirectives().map((d) => ({ name: d.name, isRepeatable: d.isRepeatable })),
  sameAsPublished: printSchema(lexicographicSortSchema(schema)) === printSchema(lexicographicSortSchema(published)),
}));
