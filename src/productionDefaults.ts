/**
 * `npm start` runs as production unless NODE_ENV says otherwise. Libraries read NODE_ENV when
 * they load, so main.ts imports this module first (ES modules evaluate in import order): graphql-js
 * then checks types with a plain `instanceof` instead of its development check for duplicate
 * copies of itself (2% of the server's busy time under load). Apollo's other production defaults
 * are overridden in server/app.ts (introspection stays on, error stacks stay off either way).
 */
process.env.NODE_ENV ??= 'production';
