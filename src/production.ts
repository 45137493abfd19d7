/**
 * Imported first by the server's entry point: unless NODE_ENV says otherwise, the server runs in
 * production mode. graphql-js reads NODE_ENV once, when it is loaded, and outside production checks
 * every type test for a second copy of itself (about a millisecond per large response).
 */
process.env.NODE_ENV ??= 'production';
export {};
