// Removes a watch and every delivery of it, pending or not; returns the watch as it was (no row when there was none).
MATCH (w:Watch {id: $p.id})
WITH w, w {.*} AS watch
CALL (w) {
  MATCH (d:Delivery {watchId: w.id})
  DETACH DELETE d
}
DETACH DELETE w
RETURN watch
