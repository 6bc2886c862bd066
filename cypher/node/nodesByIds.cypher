// Entities by id, any kind, with the ids of their small neighbourhoods (no claim lists), for the request's loader (batches of up to 250 ids): whole rows, one record per node, streamed as Neo4j finds them; temporals travel as millis and ISO dates (src/db/wireTemporals.ts), edges as [type, id, props]; each row a tuple [id, kind, props, out, in].
// @include entitiesByIds
RETURN [id, kind, props, out, `in`] AS row
