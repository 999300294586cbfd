// A client toolchain against the live schema: GraphQL Code Generator's client preset generates typed documents from
// the host's /graphql (by introspection, as a client project would configure it), and TypeScript compiles code that
// reads their results with --strict. A second compile holds one deliberate type error, to show the generated types
// are real types and not `any`.
// Usage: node codegen.mjs <host base url>. Prints one JSON line; exits non-zero when anything fails.
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import ts from 'typescript';

const schemaUrl = new URL('/graphql', process.argv[2]).toString();
const folder = await mkdtemp(join(tmpdir(), 'kvk-codegen-'));

// The documents, each through the generated graphql() function (the client preset types a call by its exact text).
const documents = `import { graphql } from '../gql';

export const RecentAwards = graphql(\`
  query RecentAwards {
    awards(first: 3, where: { year: { gte: 2011 } }, order: [{ year: ASC }]) {
      totalCount
      nodes { year recipientName municipality { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
\`);

export const AwardCard = graphql(\`
  fragment AwardCard on Award { title year municipality { name officialName } }
\`);

export const AwardById = graphql(\`
  query AwardById($id: ID!) {
    node(id: $id) { __typename id ...AwardCard }
  }
\`);

export const OpenRound = graphql(\`
  mutation OpenRound($input: OpenRoundInput!) {
    openRound(input: $input) {
      round { year status }
      errors {
        __typename
        ... on Error { message code }
        ... on RoundAlreadyExistsError { code }
      }
      clientMutationId
    }
  }
\`);
`;

// What a client writes against them: every read is typed, so a wrong assumption about a field fails to compile.
const good = `import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { useFragment } from '../gql';
import type { OpenRoundMutationVariables } from '../gql/graphql';
import { AwardById, AwardCard, OpenRound, RecentAwards } from './documents';

async function execute<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const response = await fetch('${schemaUrl}', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data: TResult };
  return body.data;
}

export async function recentAwards(): Promise<string[]> {
  const result = await execute(RecentAwards, {});
  const total: number = result.awards.totalCount;
  const more: boolean = result.awards.pageInfo.hasNextPage;
  const cursor: string | null | undefined = result.awards.pageInfo.endCursor;
  const lines = result.awards.nodes.map((award) => {
    const year: number = award.year;
    const place: string = award.municipality.name;
    return \`\${year}: \${award.recipientName} (\${place})\`;
  });
  return [...lines, \`\${total} in all\${more ? \`, more after \${cursor ?? ''}\` : ''}\`];
}

export async function awardTitle(id: string): Promise<string | null> {
  const result = await execute(AwardById, { id });
  if (result.node?.__typename !== 'Award') {
    return null;
  }
  const card = useFragment(AwardCard, result.node);
  const year: number = card.year;
  const officialName: string = card.municipality.officialName;
  return \`\${card.title} (\${year}, \${officialName})\`;
}

export async function openRound(year: number): Promise<string[]> {
  const variables: OpenRoundMutationVariables = { input: { year, clientMutationId: 'codegen-check' } };
  const result = await execute(OpenRound, variables);
  const opened: number | undefined = result.openRound.round?.year;
  const problems = (result.openRound.errors ?? []).map((error) => {
    const message: string = error.message;
    return error.__typename === 'RoundAlreadyExistsError' ? \`already open: \${error.code}\` : message;
  });
  return opened === undefined ? problems : [\`opened \${opened}\`];
}
`;

// The same documents read wrongly: a String! field assigned to a number.
const wrong = `import type { ResultOf } from '@graphql-typed-document-node/core';
import { RecentAwards } from './documents';

export function firstPlace(result: ResultOf<typeof RecentAwards>): number {
  const place: number = result.awards.nodes[0].municipality.name;
  return place;
}
`;

const report = { schemaUrl, generated: [], good: null, wrong: null, error: null };
let failed = false;
try {
  await mkdir(join(folder, 'app'));
  await writeFile(join(folder, 'app', 'documents.ts'), documents);
  await writeFile(join(folder, 'app', 'good.ts'), good);
  await writeFile(join(folder, 'app', 'wrong.ts'), wrong);
  // The generated files import @graphql-typed-document-node/core and graphql, as they would in a client's project.
  const modules = join(dirname(fileURLToPath(import.meta.url)), 'node_modules');
  await symlink(modules, join(folder, 'node_modules'), 'dir');

  await generate({
    cwd: folder,
    schema: schemaUrl,
    documents: ['app/**/*.ts'],
    generates: { 'gql/': { preset: 'client' } },
    silent: true,
    errorsOnly: true,
  }, true);
  report.generated = (await readdir(join(folder, 'gql'), { recursive: true })).map((file) => `gql/${file}`).sort();

  const goodProgram = compile(['app/documents.ts', 'app/good.ts']);
  report.good = diagnostics(goodProgram);
  report.wrong = diagnostics(compile(['app/wrong.ts'], goodProgram));
  failed = report.good.length > 0 || report.wrong.length === 0;
} catch (error) {
  report.error = String(error?.stack ?? error);
  failed = true;
} finally {
  await rm(folder, { recursive: true, force: true });
}
console.log(JSON.stringify(report));
process.exit(failed ? 1 : 0);

// tsc --noEmit --strict over these files and what they import; the second compile reuses the first one's parsed files.
function compile(files, oldProgram) {
  const options = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  return ts.createProgram(files.map((file) => join(folder, file)), options, undefined, oldProgram);
}

// What tsc reports: file, line, code and message of each diagnostic.
function diagnostics(program) {
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined
      ? { file: relative(folder, diagnostic.file.fileName), line: diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 }
      : { file: null, line: null };
    return { ...where, code: diagnostic.code, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ') };
  });
}
