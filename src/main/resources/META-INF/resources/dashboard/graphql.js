// The gateway's API, called the way any front end would: POST /graphql with a JSON body, and the user's bearer token
// (when they signed in) in the Authorization header. The CSV export is fetched the same way, so it works with a
// token too (a plain link could not send one).

const TOKEN_KEY = 'aiusage.token';

/** The access token the user pasted, kept for this browser tab only. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value.trim()),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** The API answered 401: no token, or one it refused. The message is the API's own. */
export class SignInRequired extends Error {
  constructor(message) {
    super(message);
    this.name = 'SignInRequired';
  }
}

function headers(accept) {
  const result = { Accept: accept };
  const bearer = token.get();
  if (bearer) {
    result.Authorization = `Bearer ${bearer}`;
  }
  return result;
}

async function json(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function firstMessage(body) {
  return body?.errors?.[0]?.message;
}

/**
 * Runs one GraphQL operation. Resolves to {data, errors}: errors[] holds vendor failures, warnings (STALE, PARTIAL)
 * and FORBIDDEN fields beside the data that did arrive. Throws SignInRequired on 401, and an Error for an answer
 * that is no GraphQL result.
 */
export async function graphql(query, variables = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { ...headers('application/graphql-response+json, application/json'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await json(response);
  if (response.status === 401) {
    throw new SignInRequired(firstMessage(body) ?? 'The API asks for an access token.');
  }
  if (!body || (body.data === undefined && !body.errors)) {
    throw new Error(`The API answered HTTP ${response.status} without a GraphQL result.`);
  }
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/**
 * Downloads one CSV export (a path under /export/) under the file name the server gives. Resolves to the name and
 * the server's list of vendor problems (AIUsage-Errors header), if any; throws with the API's message otherwise.
 */
export async function download(path) {
  const response = await fetch(path, { headers: headers('text/csv, application/json') });
  if (response.status === 401) {
    throw new SignInRequired(firstMessage(await json(response)) ?? 'The API asks for an access token.');
  }
  if (!response.ok) {
    const body = await json(response);
    throw new Error(firstMessage(body) ?? `The export answered HTTP ${response.status}.`);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export.csv';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return { name, problems: response.headers.get('AIUsage-Errors') };
}
