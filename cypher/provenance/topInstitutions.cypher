// The top institutions of agents along ROLE and PART_OF (include/topsOfAgent; an agent with neither is its own top), with the hops that lead there.
UNWIND $p.agentIds AS agentId
MATCH (a:Entity {id: agentId})
// @include topsOfAgent
RETURN a.id AS agentId, tops
