// Claims linked to several regions or agents carry MultiRegion / MultiAgent, so a count can sum degrees and subtract their extra links (claims/anchoredPage); labels claims stored before the labels existed (a scan of the claims at each start, about a second per million).
MATCH (c:Claim) WHERE NOT c:MultiRegion AND COUNT { (c)-[:IN_REGION]->() } > 1 SET c:MultiRegion;
MATCH (c:Claim) WHERE NOT c:MultiAgent AND COUNT { (c)-[:ATTRIBUTED_TO]->() } > 1 SET c:MultiAgent;
