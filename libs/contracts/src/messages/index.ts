// Temporal message definitions (Update/Signal/Query) shared by the api and the workflows: `@qf/contracts/messages`.
// Kept out of the `@qf/contracts` index on purpose: they import `@temporalio/workflow`, which the console must not
// bundle. Importing them outside a workflow (the api) is safe: defining a message needs no workflow context.
export * from './engine';
export * from './rectifications';
export * from './stars';
